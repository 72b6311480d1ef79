"""Checks of values people type (email, phone, URL, time, zone, dates), run before any request.

Each function returns the value in the form the API wants, or raises ValueError with a
message that says what a good value looks like. The checks of order values are shared with the
wizard and live in ``porting_tui.domain.value_checks``; they are re-exported here.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

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

_EMAIL = re.compile(r"[^@\s]+@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")
_E164 = re.compile(r"\+[1-9]\d{1,14}")


def check_email(text: str) -> str:
    value = text.strip()
    if not _EMAIL.fullmatch(value):
        raise ValueError(f"{value!r} is not an email address; use name@example.com")
    return value


def is_e164(text: str) -> bool:
    return _E164.fullmatch(text) is not None


def check_webhook_url(text: str) -> str:
    """An absolute https URL; plain http only for this machine (a local receiver)."""
    from porting_tui.local.profile import is_loopback_host

    value = text.strip()
    parts = urlsplit(value)
    host = parts.hostname or ""
    if parts.scheme not in ("https", "http") or not host:
        raise ValueError(f"{value!r} is not an absolute URL; use https://host/path")
    if parts.scheme == "http" and not is_loopback_host(host):
        raise ValueError(
            f"{value!r} uses plain http; use https (http is allowed only for 127.0.0.1, ::1 "
            "and localhost)"
        )
    return value
