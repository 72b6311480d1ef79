"""Periods: last N days or explicit dates, validated, and their Monday-start weeks."""

from __future__ import annotations

from datetime import date

import pytest

from porting_tui.insights.period import MAX_DAYS, Period, PeriodError

TODAY = date(2024, 9, 30)


def test_the_last_30_days_end_today_and_include_it() -> None:
    period = Period.last_days(30, TODAY)
    assert (period.start, period.end, period.days) == (date(2024, 9, 1), TODAY, 30)
    assert period.contains(TODAY) and not period.contains(date(2024, 8, 31))
    assert not period.contains(None)


def test_explicit_dates_are_read_from_text() -> None:
    period = Period.between("2024-09-02", "2024-09-08", TODAY)
    assert period.weeks()[0].full and len(period.weeks()) == 1


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2024-09-10", "2024-09-01", "starts on 2024-09-10 after it ends on 2024-09-01"),
        ("2024-10-01", "2024-10-02", "in the future"),
        ("30/09/2024", "2024-09-30", "'30/09/2024' is not a date like 2024-09-30"),
        ("2020-01-01", "2024-09-30", "at most 731 days"),
    ],
)
def test_a_bad_period_says_what_to_fix(start: str, end: str, message: str) -> None:
    with pytest.raises(PeriodError, match=message):
        Period.between(start, end, TODAY)


@pytest.mark.parametrize("days", [0, -3, MAX_DAYS + 1])
def test_a_number_of_days_out_of_range_is_refused(days: int) -> None:
    with pytest.raises(PeriodError, match="number of days"):
        Period.last_days(days, TODAY)


def test_weeks_are_monday_to_sunday_cut_to_the_period() -> None:
    weeks = Period(date(2024, 9, 4), date(2024, 9, 17)).weeks()
    assert [(w.monday, w.first_day, w.last_day, w.full) for w in weeks] == [
        (date(2024, 9, 2), date(2024, 9, 4), date(2024, 9, 8), False),
        (date(2024, 9, 9), date(2024, 9, 9), date(2024, 9, 15), True),
        (date(2024, 9, 16), date(2024, 9, 16), date(2024, 9, 17), False),
    ]
