"""Business days for port dates: Monday to Friday, except US federal holidays (as observed)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

_MONDAY, _THURSDAY = 0, 3


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    first = date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + timedelta(days=offset + 7 * (nth - 1))


def _last_weekday(year: int, month: int, weekday: int) -> date:
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _observed(day: date) -> date:
    # A holiday on Saturday is observed on Friday, one on Sunday on Monday (5 U.S.C. 6103).
    if day.weekday() == 5:
        return day - timedelta(days=1)
    if day.weekday() == 6:
        return day + timedelta(days=1)
    return day


@lru_cache(maxsize=64)
def federal_holidays(year: int) -> dict[date, str]:
    """The US federal holidays observed in ``year``, by date."""
    fixed = {
        (1, 1): "New Year's Day",
        (6, 19): "Juneteenth",
        (7, 4): "Independence Day",
        (11, 11): "Veterans Day",
        (12, 25): "Christmas Day",
    }
    if year < 2021:
        # Juneteenth became a federal holiday in 2021.
        del fixed[(6, 19)]
    holidays = {_observed(date(year, month, day)): name for (month, day), name in fixed.items()}
    # New Year's Day of next year may be observed on December 31 of this one.
    next_new_year = _observed(date(year + 1, 1, 1))
    if next_new_year.year == year:
        holidays[next_new_year] = "New Year's Day"
    holidays.pop(date(year - 1, 12, 31), None)
    holidays.update(
        {
            _nth_weekday(year, 1, _MONDAY, 3): "Martin Luther King Jr. Day",
            _nth_weekday(year, 2, _MONDAY, 3): "Washington's Birthday",
            _last_weekday(year, 5, _MONDAY): "Memorial Day",
            _nth_weekday(year, 9, _MONDAY, 1): "Labor Day",
            _nth_weekday(year, 10, _MONDAY, 2): "Columbus Day",
            _nth_weekday(year, 11, _THURSDAY, 4): "Thanksgiving Day",
        }
    )
    return {day: name for day, name in holidays.items() if day.year == year}


def holiday_name(day: date) -> str | None:
    return federal_holidays(day.year).get(day)


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


def business_day_on_or_after(day: date) -> date:
    while not is_business_day(day):
        day += timedelta(days=1)
    return day


def add_business_days(day: date, count: int) -> date:
    """The business day ``count`` business days after ``day`` (``count`` >= 0)."""
    for _ in range(count):
        day = business_day_on_or_after(day + timedelta(days=1))
    return day


def business_days_between(start: date, end: date) -> int:
    """How many business days follow ``start`` up to and including ``end`` (0 if none)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if is_business_day(day):
            count += 1
    return count


def next_business_day(today: date) -> date:
    """The first business day after ``today``: the earliest sensible default port date."""
    return business_day_on_or_after(today + timedelta(days=1))


PORT_LEAD_BUSINESS_DAYS = 3
"""Business days of notice every losing carrier accepts (wireline ones need 3, wireless 1)."""


def earliest_port_date(today: date) -> date:
    """The first desired port date no losing carrier finds too soon: the default to offer."""
    return add_business_days(today, PORT_LEAD_BUSINESS_DAYS)


def port_date_problem(day: date, today: date) -> str | None:
    """Why ``day`` cannot be a desired port date seen from ``today``, with a suggestion."""
    suggestion = suggested_port_date(day, today).isoformat()
    if day < today:
        return f"{day.isoformat()} is in the past; try {suggestion}"
    if day.weekday() >= 5:
        return f"{day.isoformat()} is a {day.strftime('%A')}; try {suggestion}"
    name = holiday_name(day)
    if name is not None:
        return f"{day.isoformat()} is {name}, a US federal holiday; try {suggestion}"
    return None


def suggested_port_date(day: date | None, today: date) -> date:
    """The business day to offer instead of ``day`` (or the next one when there is none)."""
    earliest = earliest_port_date(today)
    if day is None or day <= today:
        return earliest
    # The next business day, unless that is too soon for a carrier's notice.
    return max(business_day_on_or_after(day), earliest)
