"""The period Insights look at: inclusive dates, from "the last N days" or two explicit dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

MAX_DAYS = 731
"""The longest period accepted (two years): longer ones would read the whole order history."""


class PeriodError(ValueError):
    """A period that cannot be used; the message says what to fix."""


@dataclass(frozen=True, slots=True)
class Week:
    """One Monday-to-Sunday week of a period, cut to the period at either end."""

    monday: date
    """The Monday that starts the week (it may fall before the period)."""
    first_day: date
    """The week's first day inside the period."""
    last_day: date
    """The week's last day inside the period."""

    @property
    def full(self) -> bool:
        """True when all seven days of the week are inside the period."""
        return (self.last_day - self.first_day).days == 6


def monday_of(day: date) -> date:
    """The Monday of the week ``day`` falls in."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class Period:
    """From ``start`` to ``end``, both days included; at most ``MAX_DAYS`` long."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise PeriodError(
                f"the period starts on {self.start} after it ends on {self.end}: "
                "give the earlier date first"
            )
        if self.days > MAX_DAYS:
            raise PeriodError(
                f"the period from {self.start} to {self.end} is {self.days} days long; "
                f"at most {MAX_DAYS} days are read at once"
            )

    @classmethod
    def last_days(cls, days: int, today: date) -> Period:
        """The ``days`` days that end with ``today`` (today included)."""
        if not 1 <= days <= MAX_DAYS:
            raise PeriodError(f"the number of days must be 1 to {MAX_DAYS}, not {days}")
        return cls(today - timedelta(days=days - 1), today)

    @classmethod
    def between(cls, start: date | str, end: date | str, today: date | None = None) -> Period:
        """From ``start`` to ``end`` (dates or ``YYYY-MM-DD`` text); none may be after ``today``."""
        first, last = _day(start, "start"), _day(end, "end")
        if today is not None and first > today:
            raise PeriodError(f"the start date {first} is in the future (today is {today})")
        return cls(first, last)

    @property
    def days(self) -> int:
        """How many days the period spans."""
        return (self.end - self.start).days + 1

    def contains(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def weeks(self) -> tuple[Week, ...]:
        """The Monday-start weeks the period touches, in order, each cut to the period."""
        weeks = []
        monday = monday_of(self.start)
        while monday <= self.end:
            sunday = monday + timedelta(days=6)
            weeks.append(Week(monday, max(monday, self.start), min(sunday, self.end)))
            monday += timedelta(days=7)
        return tuple(weeks)

    def describe(self) -> str:
        return f"{self.start.isoformat()} to {self.end.isoformat()} ({self.days} days)"


def _day(value: date | str, which: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise PeriodError(f"the {which} date {value!r} is not a date like 2024-09-30") from None
