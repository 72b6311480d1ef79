"""The carrier world and the porting calendar: pure functions of the number and the date."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime

import phonenumbers
import pytest

from porting_tui.emulator.carriers import (
    ALL_CARRIERS,
    e164_problem,
    group_name,
    losing_carrier,
    number_facts,
)
from porting_tui.emulator.dates import (
    add_business_days,
    format_timestamp,
    is_business_day,
    parse_timestamp,
    port_instant,
    us_federal_holidays,
)
from porting_tui.emulator.seed_data import AREAS


def test_every_number_of_an_exchange_has_the_same_carrier() -> None:
    carriers = {number_facts(f"+1212734{line:04d}").carrier for line in range(1, 200)}
    assert len(carriers) == 1


def test_carriers_mix_wireless_and_wireline_in_both_countries() -> None:
    seen = Counter(
        (country, losing_carrier(country, npa, str(nxx)).wireless)
        for npa, _city, state, _zip in AREAS
        for country in (
            ("CA",) if state.isalpha() and state in "ON QC BC AB MB SK NS NB NL" else ("US",)
        )
        for nxx in range(200, 300)
    )
    assert all(seen[(country, kind)] > 100 for country in ("US", "CA") for kind in (True, False))
    assert {c.name for c in ALL_CARRIERS} >= {
        "Verizon Wireless",
        "T-Mobile",
        "AT&T Mobility",
        "Rogers Wireless",
    }


def test_the_contracts_example_number_is_a_portable_t_mobile_number() -> None:
    facts = number_facts("+12345678901")
    assert facts.portable and facts.carrier is not None
    assert facts.carrier.name == "T-Mobile" and facts.country == "US"
    assert group_name(facts.carrier) == "GW T-Mobile Grp1"


def test_a_small_documented_minority_is_not_portable() -> None:
    numbers = [f"+1{npa}{nxx}4321" for npa, *_ in AREAS for nxx in range(200, 400)]
    facts = [number_facts(n) for n in numbers if e164_problem(n) is None]
    share = sum(not f.portable for f in facts) / len(facts)
    assert 0.01 < share < 0.06
    assert {f.reason.split(" of ")[0] for f in facts if not f.portable} == {"Rate center"}
    assert number_facts("+18885550123").reason == "Toll-free numbers cannot be ported to Sinch yet"
    assert not number_facts("+14165550000").portable


def test_validity_agrees_with_libphonenumber_on_us_and_canadian_numbers() -> None:
    for npa, *_ in AREAS:
        for nxx in ("201", "555", "999", "011", "111", "911"):
            phone = f"+1{npa}{nxx}2345"
            valid = phonenumbers.is_valid_number(phonenumbers.parse(phone))
            assert (e164_problem(phone) is None) == valid, phone


def test_holidays_and_weekends_are_not_business_days() -> None:
    holidays_2025 = us_federal_holidays(2025)
    assert date(2025, 7, 4) in holidays_2025 and date(2025, 11, 27) in holidays_2025
    assert date(2026, 7, 3) in us_federal_holidays(2026), "July 4th 2026 is a Saturday"
    assert not is_business_day(date(2025, 3, 15))
    assert not is_business_day(date(2025, 5, 26))
    assert is_business_day(date(2025, 3, 11))
    assert add_business_days(date(2025, 7, 2), 2) == date(2025, 7, 7)
    assert add_business_days(date(2025, 3, 15), 1) == date(2025, 3, 17)


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("US/Eastern", "2025-03-18T13:00:00.000Z"),
        ("US/Central", "2025-03-18T14:00:00.000Z"),
        ("US/Mountain", "2025-03-18T15:00:00.000Z"),
        ("US/Pacific", "2025-03-18T16:00:00.000Z"),
        ("GMT", "2025-03-18T09:00:00.000Z"),
    ],
)
def test_port_instants_follow_the_time_zone(zone: str, expected: str) -> None:
    assert format_timestamp(port_instant(date(2025, 3, 18), "09:00:00", zone)) == expected


def test_timestamps_read_z_offsets_and_bare_dates() -> None:
    assert parse_timestamp("2024-09-24T12:00:00Z") == datetime(2024, 9, 24, 12, tzinfo=UTC)
    assert parse_timestamp("2024-09-24T08:00:00.000-04:00") == datetime(2024, 9, 24, 12, tzinfo=UTC)
    assert parse_timestamp("2024-09-24") == datetime(2024, 9, 24, tzinfo=UTC)
    end = parse_timestamp("2024-09-24", end_of_day=True)
    assert end is not None and format_timestamp(end) == "2024-09-24T23:59:59.999Z"
    assert parse_timestamp("24/09/2024") is None
