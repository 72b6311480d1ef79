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


class WireText(str):
    """A date value the client could not read, kept exactly as the server sent it."""

    __slots__ = ()


def parse_wire_date(value: Any) -> date | datetime | WireText | None:
    """A date for ``YYYY-MM-DD``, an aware datetime for a date-time, or the value as text.

    A date-time without a zone is taken to be UTC, the zone the API documents for its
    timestamps. An empty string means "not set".
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or isinstance(value, WireText):
        return WireText(value) if isinstance(value, str) else WireText(str(value))
    text = value.strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        moment = datetime.fromisoformat(text)
    except ValueError:
        return WireText(value)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _read_day(value: Any, _handler: ValidatorFunctionWrapHandler) -> date | WireText | None:
    parsed = parse_wire_date(value)
    # A date-time keeps the calendar day it was written in, not the day in UTC.
    return parsed.date() if isinstance(parsed, datetime) else parsed


def _moment_of_day(day: date) -> datetime:
    # A moment sent as a bare date names a calendar day, not an instant. Noon UTC falls on that
    # same day in every zone from UTC-11 to UTC+11 (all the API's zones), so the day survives
    # being shown or compared in the order's own zone; midnight UTC would be the day before
    # in every US zone.
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def _read_moment(value: Any, _handler: ValidatorFunctionWrapHandler) -> datetime | WireText | None:
    parsed = parse_wire_date(value)
    if parsed is None or isinstance(parsed, WireText | datetime):
        return parsed
    return _moment_of_day(parsed)


def _day_to_wire(value: date | str | None, info: SerializationInfo) -> Any:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat() if info.mode_is_json() else value


def _moment_to_wire(value: datetime | str | None, info: SerializationInfo) -> Any:
    if value is None or isinstance(value, str) or not info.mode_is_json():
        return value
    if not isinstance(value, datetime):
        value = _moment_of_day(value)
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
"""A moment read from a date-time (naive = UTC) or a date (noon UTC, see above); odd text kept as
``WireText``. Sent in UTC with a ``Z``."""

Day = Annotated[
    date | str,
    WrapValidator(_read_day),
    PlainSerializer(_day_to_wire),
]
"""A required calendar day, read like ``OptionalDay``."""


def day_of(value: date | str | None) -> date | None:
    """The calendar day of a wire date, or None when it is unset or could not be read."""
    parsed = parse_wire_date(value)
    if isinstance(parsed, datetime):
        return parsed.date()
    return None if isinstance(parsed, WireText) else parsed


def moment_of(value: datetime | date | str | None) -> datetime | None:
    """The aware moment of a wire date-time (a bare day is its noon UTC), or None."""
    parsed = parse_wire_date(value)
    if parsed is None or isinstance(parsed, WireText):
        return None
    if isinstance(parsed, datetime):
        return parsed
    return _moment_of_day(parsed)


def is_unreadable(value: object) -> bool:
    """Whether a date field holds text the client could not read as a date."""
    return isinstance(value, WireText)


def date_text(value: date | str | None, pattern: str = "%Y-%m-%d") -> str:
    """A wire date for display: formatted when it was read, as sent when not, '' when unset."""
    if value is None:
        return ""
    if isinstance(value, str):
        return str(value)
    return value.strftime(pattern) if pattern else value.isoformat()
