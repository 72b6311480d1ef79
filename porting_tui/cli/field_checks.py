"""Checks of values people type (email, phone, URL, time, zone, dates), run before any request.

Each function returns the value in the form the API wants, or raises ValueError with a
message that says what a good value looks like. The checks of order values are shared with the
wizard and live in ``porting_tui.domain.value_checks``, those of the porting defaults (shared
with the settings screen) in ``porting_tui.domain.configuration_checks``; both are re-exported
here.
"""

from __future__ import annotations

import re

from porting_tui.domain.configuration_checks import check_email, check_webhook_url
from porting_tui.domain.value_checks import (
    PORT_TIME_ZONES,
    check_bool,
    check_day,
    check_phone,
    check_port_time,
    check_service_type,
    check_zone,
)

__all__ = [
    "PORT_TIME_ZONES",
    "check_bool",
    "check_day",
    "check_email",
    "check_phone",
    "check_port_time",
    "check_service_type",
    "check_webhook_url",
    "check_zone",
    "is_e164",
]

_E164 = re.compile(r"\+[1-9]\d{1,14}")


def is_e164(text: str) -> bool:
    return _E164.fullmatch(text) is not None
