"""Wire date values read without pydantic: a day or a moment from either form, odd text kept.

The pydantic fields of ``dates`` and the plain readers of the order list share these, so that
reading a page of orders needs no pydantic at all.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any


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


def read_day(value: Any) -> date | WireText | None:
    """A calendar day from a date or a date-time (the day it was written in, not the day in
    UTC); odd text as ``WireText``."""
    parsed = parse_wire_date(value)
    return parsed.date() if isinstance(parsed, datetime) else parsed


def moment_of_day(day: date) -> datetime:
    """The moment a bare date stands for: noon UTC on that day.

    A moment sent as a bare date names a calendar day, not an instant. Noon UTC falls on that
    same day in every zone from UTC-11 to UTC+11 (all the API's zones), so the day survives
    being shown or compared in the order's own zone; midnight UTC would be the day before in
    every US zone.
    """
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def read_moment(value: Any) -> datetime | WireText | None:
    """A moment from a date-time (naive = UTC) or a date (see ``moment_of_day``); odd text as
    ``WireText``."""
    parsed = parse_wire_date(value)
    if parsed is None or isinstance(parsed, WireText | datetime):
        return parsed
    return moment_of_day(parsed)


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
    return moment_of_day(parsed)


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


def day_to_wire(value: date | str | None, *, json: bool) -> Any:
    """A day as sent: ``YYYY-MM-DD`` in JSON (a date object otherwise); text as it came."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat() if json else value
