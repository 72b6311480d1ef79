"""Lenient wire dates: a day or a moment is read from either form, and kept as text when odd.

The OpenAPI file types some fields ``format: date`` and others ``format: date-time``, while the
reference text and its samples send ``2024-09-24T12:00:00Z`` where the file says a date
(REFERENCE.md §10 #15). Reading is therefore liberal: a field of either kind accepts a date, a
date-time with or without fraction and zone, and anything else is kept as the text the server
sent (``WireText``), so that one odd value never costs the whole order. Sending stays strict: a
day goes out as ``YYYY-MM-DD``, a moment as UTC with a ``Z``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import PlainSerializer, WrapValidator
from pydantic_core.core_schema import SerializationInfo, ValidatorFunctionWrapHandler

from porting_tui.client.models.wire_dates import (
    WireText,
    day_to_wire,
    moment_of_day,
    read_day,
    read_moment,
)


def _read_day(value: Any, _handler: ValidatorFunctionWrapHandler) -> date | WireText | None:
    return read_day(value)


def _read_moment(value: Any, _handler: ValidatorFunctionWrapHandler) -> datetime | WireText | None:
    return read_moment(value)


def _day_to_wire(value: date | str | None, info: SerializationInfo) -> Any:
    return day_to_wire(value, json=info.mode_is_json())


def _moment_to_wire(value: datetime | str | None, info: SerializationInfo) -> Any:
    if value is None or isinstance(value, str) or not info.mode_is_json():
        return value
    if not isinstance(value, datetime):
        value = moment_of_day(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


OptionalDay = Annotated[
    date | str | None,
    WrapValidator(_read_day),
    PlainSerializer(_day_to_wire),
]
"""A calendar day read from a date or a date-time (its own day); odd text kept as ``WireText``
(a ``str``).

Sent as ``YYYY-MM-DD``.
"""

OptionalTimestamp = Annotated[
    datetime | str | None,
    WrapValidator(_read_moment),
    PlainSerializer(_moment_to_wire),
]
"""A moment read from a date-time (naive = UTC) or a date (noon UTC, see ``moment_of_day``);
odd text kept as ``WireText``. Sent in UTC with a ``Z``."""

Day = Annotated[
    date | str,
    WrapValidator(_read_day),
    PlainSerializer(_day_to_wire),
]
"""A required calendar day, read like ``OptionalDay``."""
