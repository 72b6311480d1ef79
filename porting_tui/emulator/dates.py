"""Dates, times, time zones and business days as the Porting API writes and schedules them."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo

WireStyle = Literal["date", "date-time"]
"""How dates the contract types ambiguously go on the wire (REFERENCE.md §10 #15): ``date``
as the OpenAPI file (``2024-09-24``), ``date-time`` as the reference's samples
(``2024-09-24T12:00:00Z``)."""
WIRE_STYLES: tuple[WireStyle, ...] = ("date", "date-time")

# The API's zone names are the old tz "US/..." links; map them to canonical zones.
ZONES: dict[str, ZoneInfo] = {
    "US/Eastern": ZoneInfo("America/New_York"),
    "US/Central": ZoneInfo("America/Chicago"),
    "US/Mountain": ZoneInfo("America/Denver"),
    "US/Pacific": ZoneInfo("America/Los_Angeles"),
    "GMT": ZoneInfo("UTC"),
}
DEFAULT_PORT_TIME = "09:00:00"
DEFAULT_PORT_ZONE = "US/Eastern"

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^\d{2}:\d{2}:\d{2}$")
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$")
_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def format_timestamp(moment: datetime) -> str:
    """ISO-8601 in UTC with milliseconds and a Z, as the contract shows (``...T12:00:00.000Z``)."""
    utc = moment.astimezone(UTC)
    # Not strftime("%Y"): on glibc it writes the year 222 as "222", not "0222".
    return (
        f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T"
        f"{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}.{utc.microsecond // 1000:03d}Z"
    )


def parse_timestamp(text: str, *, end_of_day: bool = False) -> datetime | None:
    """Read an ISO-8601 date-time (Z or offset; naive means UTC) or a bare date.

    A bare date stands for the start of that UTC day, or its last millisecond when
    ``end_of_day`` is set, so that ``createdDateEnd=2024-09-24`` includes the whole day.
    """
    text = text.strip()
    if _DATE.match(text):
        day = parse_date(text)
        if day is None:
            return None
        # The last millisecond of the day, without adding a day past 9999-12-31.
        return datetime.combine(day, time(23, 59, 59, 999000) if end_of_day else time(0), UTC)
    if "T" not in text and " " not in text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
        # An offset can carry year 1 or 9999 past the calendar's ends: refused, not a 500.
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def parse_day_or_timestamp(text: str) -> date | None:
    """The calendar date a ``YYYY-MM-DD`` or an ISO-8601 date-time is written with, or None.

    ``2024-09-24T23:00:00-05:00`` is 2024-09-24, the day as the sender wrote it.
    """
    if _DATE.match(text):
        return parse_date(text)
    if parse_timestamp(text) is None or "T" not in text:
        return None
    return parse_date(text[:10])


def parse_date(text: str) -> date | None:
    """A strict ``YYYY-MM-DD`` date, or None."""
    if not _DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def parse_time(text: str) -> time | None:
    """A strict ``HH:MM:SS`` time, or None."""
    if not _TIME.match(text):
        return None
    try:
        return time.fromisoformat(text)
    except ValueError:
        return None


def parse_duration(value: str | float) -> timedelta | None:
    """``90``, ``"90s"``, ``"15m"``, ``"2h"``, ``"3d"`` or ``"250ms"`` as a timedelta."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return timedelta(seconds=float(value)) if value >= 0 else None
    if not isinstance(value, str):
        return None
    match = _DURATION.match(value.strip())
    if match is None:
        return None
    return timedelta(seconds=float(match.group(1)) * _UNIT_SECONDS[match.group(2) or "s"])


def local_date(moment: datetime, zone: str) -> date:
    return moment.astimezone(ZONES[zone]).date()


def port_instant(day: date, port_time: str, zone: str) -> datetime:
    """The UTC instant of ``port_time`` on ``day`` in the API time zone ``zone``."""
    clock_time = parse_time(port_time) or time(9)
    return datetime.combine(day, clock_time, ZONES[zone]).astimezone(UTC)


def start_of_day(day: date, zone: str) -> datetime:
    return datetime.combine(day, time(0), ZONES[zone]).astimezone(UTC)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _last_weekday(year: int, month: int, weekday: int) -> date:
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _observed(day: date) -> date:
    """Federal holidays on a Saturday are observed on Friday, on a Sunday on Monday."""
    if day.weekday() == 5:
        return day - timedelta(days=1)
    if day.weekday() == 6:
        return day + timedelta(days=1)
    return day


@lru_cache(maxsize=64)
def us_federal_holidays(year: int) -> frozenset[date]:
    """The observed US federal holidays of ``year``: carriers do not port on them."""
    monday, thursday = 0, 3
    fixed = [date(year, 1, 1), date(year, 7, 4), date(year, 11, 11), date(year, 12, 25)]
    if year >= 2021:
        fixed.append(date(year, 6, 19))  # Juneteenth became a federal holiday in 2021.
    # New Year's Day on a Saturday is observed on December 31 of the year before.
    fixed.append(date(year + 1, 1, 1))
    floating = [
        _nth_weekday(year, 1, monday, 3),  # Martin Luther King Jr. Day
        _nth_weekday(year, 2, monday, 3),  # Washington's Birthday
        _last_weekday(year, 5, monday),  # Memorial Day
        _nth_weekday(year, 9, monday, 1),  # Labor Day
        _nth_weekday(year, 10, monday, 2),  # Columbus Day
        _nth_weekday(year, 11, thursday, 4),  # Thanksgiving
    ]
    return frozenset(d for d in [*map(_observed, fixed), *floating] if d.year == year)


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and day not in us_federal_holidays(day.year)


def business_day_on_or_after(day: date) -> date:
    while not is_business_day(day):
        day += timedelta(days=1)
    return day


def add_business_days(day: date, count: int) -> date:
    """The business day ``count`` business days after ``day`` (``day`` itself may be any day)."""
    for _ in range(count):
        day = business_day_on_or_after(day + timedelta(days=1))
    return day
