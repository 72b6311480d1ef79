"""Port dates: business days only, US federal holidays as observed, with a suggestion."""

from __future__ import annotations

from datetime import date

import pytest

from porting_tui.domain.business_days import (
    add_business_days,
    federal_holidays,
    holiday_name,
    is_business_day,
    next_business_day,
    port_date_problem,
    suggested_port_date,
)


def test_the_holidays_of_2026_as_observed() -> None:
    assert sorted(federal_holidays(2026)) == [
        date(2026, 1, 1),
        date(2026, 1, 19),
        date(2026, 2, 16),
        date(2026, 5, 25),
        date(2026, 6, 19),
        date(2026, 7, 3),  # July 4 is a Saturday
        date(2026, 9, 7),
        date(2026, 10, 12),
        date(2026, 11, 11),
        date(2026, 11, 26),
        date(2026, 12, 25),
    ]


def test_a_new_year_on_saturday_is_observed_the_friday_before() -> None:
    assert holiday_name(date(2021, 12, 31)) == "New Year's Day"
    assert date(2022, 1, 1) not in federal_holidays(2022)


def test_juneteenth_counts_from_2021_only() -> None:
    assert holiday_name(date(2020, 6, 19)) is None
    assert holiday_name(date(2023, 6, 19)) == "Juneteenth"


def test_weekends_and_holidays_are_not_business_days() -> None:
    assert is_business_day(date(2026, 11, 27))
    assert not is_business_day(date(2026, 11, 28))
    assert not is_business_day(date(2026, 11, 26))


def test_next_and_added_business_days_skip_weekends_and_holidays() -> None:
    assert next_business_day(date(2026, 11, 25)) == date(2026, 11, 27)
    assert next_business_day(date(2026, 11, 27)) == date(2026, 11, 30)
    assert add_business_days(date(2026, 12, 23), 2) == date(2026, 12, 28)


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (date(2026, 11, 20), "in the past; try 2026-12-02"),
        (date(2026, 11, 28), "is a Saturday; try 2026-12-02"),
        (date(2026, 12, 25), "Christmas Day, a US federal holiday; try 2026-12-28"),
    ],
)
def test_bad_port_dates_say_why_and_suggest_a_business_day(day: date, words: str) -> None:
    assert words in (port_date_problem(day, today=date(2026, 11, 27)) or "")


def test_a_business_day_from_today_on_is_a_good_port_date() -> None:
    assert port_date_problem(date(2026, 11, 27), today=date(2026, 11, 27)) is None
    assert port_date_problem(date(2026, 12, 1), today=date(2026, 11, 27)) is None


def test_the_suggestion_gives_every_carrier_its_notice_when_none_is_given() -> None:
    today = date(2026, 11, 27)  # a Friday: three business days on is Wednesday
    assert suggested_port_date(None, today) == date(2026, 12, 2)
    assert suggested_port_date(date(2026, 12, 5), today) == date(2026, 12, 7)
