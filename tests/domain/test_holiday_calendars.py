"""The app's and the emulator's holiday calendars are kept apart, but agree with a reference."""

from __future__ import annotations

from datetime import date, timedelta

import holidays

from porting_tui.domain import business_days
from porting_tui.emulator import dates as emulator_dates

FIRST, LAST = date(2019, 1, 1), date(2035, 12, 31)


def every_day() -> list[date]:
    return [FIRST + timedelta(days=n) for n in range((LAST - FIRST).days + 1)]


def reference_business_days() -> set[date]:
    # The holidays package lists the day itself and the day it is observed; weekends are
    # not business days anyway, so the weekdays it names are the days nobody ports.
    federal = holidays.country_holidays("US", years=range(FIRST.year, LAST.year + 2))
    return {day for day in every_day() if day.weekday() < 5 and day not in federal}


def test_the_app_calendar_matches_the_reference_from_2019_to_2035() -> None:
    expected = reference_business_days()
    wrong = [day for day in every_day() if business_days.is_business_day(day) != (day in expected)]
    assert wrong == []


def test_the_emulator_calendar_matches_the_reference_from_2019_to_2035() -> None:
    expected = reference_business_days()
    wrong = [day for day in every_day() if emulator_dates.is_business_day(day) != (day in expected)]
    assert wrong == []


def test_the_days_where_the_two_calendars_once_drifted() -> None:
    for day in (date(2019, 6, 19), date(2020, 6, 19)):
        assert business_days.is_business_day(day) and emulator_dates.is_business_day(day)
    for day in (date(2021, 12, 31), date(2027, 12, 31)):
        assert not business_days.is_business_day(day)
        assert not emulator_dates.is_business_day(day)
