"""Carrier profiles: each losing carrier's rejections and lead times, in the seeded history
and on live orders, come out as documented (carrier_profiles.py, README "Carrier profiles")."""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest

from porting_tui.emulator import Emulator
from porting_tui.emulator.carrier_profiles import PROFILES, CarrierProfile, lead_times
from porting_tui.emulator.carriers import ALL_CARRIERS, Carrier, number_facts
from porting_tui.emulator.dates import (
    add_business_days,
    business_day_on_or_after,
    format_timestamp,
    local_date,
    parse_date,
    port_instant,
)
from porting_tui.emulator.records import OrderRecord
from porting_tui.emulator.rules import (
    ACCOUNT_MISMATCH,
    ACCOUNT_MISSING,
    ADDRESS_MISMATCH,
    DUE_DATE,
    LEAD_BUSINESS_DAYS,
    LEAD_TIME,
    LOA_EXPIRED,
    NAME_MISMATCH,
    OUTSIDE_RATE_CENTER,
    PENDING_ORDER,
    PIN_INVALID,
    PIN_MISSING,
    Rejection,
)
from porting_tui.emulator.seed import REJECTION_TREND, SEED_DAYS
from porting_tui.emulator.settings import SINCH_PORTING
from tests.emulator.conftest import START, checked, make_emulator, order_body, portable_number

README = Path(__file__).resolve().parents[2] / "README.md"
LABELS = {
    PIN_INVALID: "invalid PIN",
    PIN_MISSING: "PIN missing",
    ACCOUNT_MISSING: "account number missing",
    ACCOUNT_MISMATCH: "account number mismatch",
    ADDRESS_MISMATCH: "ZIP mismatch",
    OUTSIDE_RATE_CENTER: "address outside the rate center",
    NAME_MISMATCH: "business name on a residential account",
    LOA_EXPIRED: "LOA expired",
    LEAD_TIME: "too little notice",
    DUE_DATE: "port date not a business day",
    PENDING_ORDER: "pending order at the carrier",
}
CARRIERS = {carrier.name: carrier for carrier in ALL_CARRIERS}


@pytest.fixture(scope="module")
def world() -> Emulator:
    """Six months of 2,000 orders up to 2025-03-11: Thanksgiving, Christmas, New Year inside."""
    return make_emulator(orders=2000, seed=3)


def sigmas(observed: float, expected: float, share: float) -> float:
    """How many binomial standard deviations ``observed`` is from ``expected``."""
    spread = math.sqrt(max(expected * (1 - share), 1.0))
    return abs(observed - expected) / spread


def main_carrier(order: OrderRecord) -> Carrier:
    return order.numbers[0].carrier


def rejection_of(order: OrderRecord, carrier: Carrier) -> Rejection | None:
    """The rejection of ``carrier``'s first answer to ``order``, read from Sinch's note."""
    for note in order.notes:
        if note.created_by == SINCH_PORTING and note.note.startswith(f"{carrier.name} rejected"):
            for rejection in LABELS:
                reason = rejection.filled(carrier=carrier.name).reason.split("{")[0]
                if f". {reason}" in note.note:
                    return rejection
            raise AssertionError(f"unknown rejection in {note.note!r}")
    return None


def answered(order: OrderRecord) -> bool:
    """Whether the order's main carrier answered it (cancelled and fresh orders were not)."""
    carrier = main_carrier(order)
    mine = [r for r in order.numbers if r.carrier == carrier]
    confirmed = any(r.confirmed_date is not None for r in mine)
    return confirmed or rejection_of(order, carrier) is not None


def trend(order: OrderRecord) -> float:
    first, last = REJECTION_TREND
    elapsed = 1 - (START - order.created) / timedelta(days=SEED_DAYS)
    return first + (last - first) * elapsed


def test_every_carrier_has_a_profile_with_mistakes_its_numbers_can_make() -> None:
    assert set(PROFILES) == set(CARRIERS)
    wireline_only = {OUTSIDE_RATE_CENTER, LEAD_TIME}
    wireless_only = {PIN_MISSING, ACCOUNT_MISSING}
    for name, profile in PROFILES.items():
        reasons = {rejection for rejection, _ in profile.mistakes}
        impossible = wireline_only if CARRIERS[name].wireless else wireless_only
        assert reasons <= set(LABELS) - impossible, name
        assert len(profile.foc_slip) % 2 == 1, f"{name}: an odd count has one median"
        assert 0 < profile.reject_percent < 50


def test_the_readme_shows_every_carrier_profile() -> None:
    lines = set(README.read_text().splitlines())
    for name, profile in PROFILES.items():
        assert readme_row(name, profile) in lines, name


def readme_row(name: str, profile: CarrierProfile) -> str:
    total = sum(weight for _, weight in profile.mistakes)
    mix = ", ".join(
        f"{LABELS[rejection]} {round(100 * weight / total)} %"
        for rejection, weight in profile.mistakes
    )
    slips = sorted(set(profile.foc_slip))
    slip = f"{profile.median_slip}"
    if len(slips) > 1:
        slip += f" ({slips[0]}-{slips[-1]})"
    low, high = profile.completion_minutes
    done = f"{low}-{high} min" if high < 120 else f"{low / 60:g}-{high / 60:g} h"
    kind = CARRIERS[name].kind
    return f"| {name} | {kind} | {profile.reject_percent} % | {mix} | {slip} | {done} |"


def test_the_history_spans_six_months_of_growing_weekly_volume_with_slow_holidays(
    world: Emulator,
) -> None:
    created = [order.created for order in world.store.orders.values()]
    assert min(created) >= START - timedelta(days=SEED_DAYS)
    assert max(created) - min(created) > timedelta(days=SEED_DAYS - 10)
    weeks = Counter(week_of(moment.date()) for moment in created)
    monday = START.date() - timedelta(days=START.weekday())
    full = [week_of(monday - timedelta(weeks=n)) for n in range(1, 25)]
    recent, early = [weeks[w] for w in full[:6]], [weeks[w] for w in full[-6:]]
    assert statistics.mean(recent) > 2 * statistics.mean(early)
    christmas, new_year = weeks[week_of(date(2024, 12, 25))], weeks[week_of(date(2025, 1, 1))]
    around = statistics.mean([weeks[week_of(date(2024, 12, 16))], weeks[week_of(date(2025, 1, 8))]])
    assert max(christmas, new_year) < 0.6 * around
    thanksgiving = weeks[week_of(date(2024, 11, 28))]
    assert thanksgiving < 0.6 * weeks[week_of(date(2024, 11, 20))]


def week_of(day: date) -> tuple[int, int]:
    year, week, _weekday = day.isocalendar()
    return year, week


def test_each_carrier_rejects_about_its_documented_share(world: Emulator) -> None:
    expected: dict[str, float] = defaultdict(float)
    observed: Counter[str] = Counter()
    for order in world.store.orders.values():
        carrier = main_carrier(order)
        if answered(order):
            expected[carrier.name] += PROFILES[carrier.name].reject_percent / 100 * trend(order)
            observed[carrier.name] += rejection_of(order, carrier) is not None
    for name, count in expected.items():
        share = PROFILES[name].reject_percent / 100
        assert sigmas(observed[name], count, share) < 3.5, (name, observed[name], count)
    rare = observed["T-Mobile"] + observed["Bandwidth"]
    often = observed["Lumen"] + observed["AT&T Mobility"]
    assert often > 4 * rare


def test_rejections_come_from_the_carriers_mix_and_from_its_numbers_only(
    world: Emulator,
) -> None:
    reasons: dict[str, Counter[Rejection]] = defaultdict(Counter)
    for order in world.store.orders.values():
        main = main_carrier(order)
        for carrier in {record.carrier for record in order.numbers} - {main}:
            assert rejection_of(order, carrier) is None, order.id
        if (rejection := rejection_of(order, main)) is not None:
            reasons[main.name][rejection] += 1
    for name, counts in reasons.items():
        mix = dict(PROFILES[name].mistakes)
        # An invalid PIN stands in for a mistake the order cannot hold (a 902 number's
        # address has no single province to be outside of).
        assert set(counts) <= set(mix) | {PIN_INVALID}, name
        total, weights = sum(counts.values()), sum(mix.values())
        for rejection, weight in mix.items():
            share = weight / weights
            assert sigmas(counts[rejection], total * share, share) < 3.5, (name, rejection)
    verizon = reasons["Verizon Wireless"]
    assert verizon[PIN_INVALID] + verizon[PIN_MISSING] > 0.6 * sum(verizon.values())
    lumen = reasons["Lumen"]
    assert lumen[ADDRESS_MISMATCH] + lumen[OUTSIDE_RATE_CENTER] > 0.5 * sum(lumen.values())


def test_rejections_get_fewer_over_the_months(world: Emulator) -> None:
    thirds: dict[int, list[bool]] = defaultdict(list)
    for order in world.store.orders.values():
        if answered(order):
            third = min(2, int(3 * (START - order.created) / timedelta(days=SEED_DAYS)))
            thirds[third].append(rejection_of(order, main_carrier(order)) is not None)
    oldest, newest = statistics.mean(thirds[2]), statistics.mean(thirds[0])
    assert oldest > 1.25 * newest


def planned_foc(order: OrderRecord, carrier: Carrier, answered_at: date, slip: int) -> str:
    zone = str(order.schedule["desiredPortTimeZone"])
    earliest = add_business_days(answered_at, LEAD_BUSINESS_DAYS[carrier.wireless])
    desired = parse_date(str(order.schedule["desiredPortDate"]))
    assert desired is not None
    day = add_business_days(business_day_on_or_after(max(desired, earliest)), slip)
    return format_timestamp(port_instant(day, str(order.schedule["desiredPortTime"]), zone))


def test_seeded_focs_and_completions_follow_each_carriers_lead_times(world: Emulator) -> None:
    slips: dict[str, list[int]] = defaultdict(list)
    delays: dict[str, list[timedelta]] = defaultdict(list)
    for order in world.store.orders.values():
        if any(record.attempt > 1 for record in order.numbers):
            continue  # a fix replaced the schedule the first answers were given on
        zone = str(order.schedule["desiredPortTimeZone"])
        for carrier in {r.carrier for r in order.numbers}:
            slip, completion = lead_times(3, order.id, carrier)
            for record in (r for r in order.numbers if r.carrier == carrier and r.foc_date):
                assert record.confirmed_date is not None and record.foc_date is not None
                answered_at = local_date(record.confirmed_date, zone)
                foc = planned_foc(order, carrier, answered_at, slip)
                assert format_timestamp(record.foc_date) == foc, order.id
                if record.activate_user == SINCH_PORTING:
                    assert record.activated_date == record.foc_date + completion
            if any(r.carrier == carrier and r.foc_date for r in order.numbers):
                slips[carrier.name].append(slip)
                delays[carrier.name].append(completion)
    for name, profile in PROFILES.items():
        assert set(slips[name]) <= set(profile.foc_slip), name
        low, high = (timedelta(minutes=m) for m in profile.completion_minutes)
        assert all(low <= delay <= high for delay in delays[name]), name
        if len(slips[name]) >= 25:
            assert abs(statistics.median(slips[name]) - profile.median_slip) <= 1, name
            middle = statistics.median(delays[name])
            assert abs(middle - profile.median_completion) <= (high - low) / 4, name


def number_of(carrier: str, *, npa: str = "212") -> str:
    while True:
        phone = portable_number(npa=npa)
        if number_facts(phone).carrier == CARRIERS[carrier]:
            return phone


@pytest.mark.parametrize("carrier", ["Frontier Communications", "T-Mobile", "Lumen"])
async def test_a_live_order_gets_its_carriers_lead_times(
    api: httpx.AsyncClient, emulator: Emulator, carrier: str
) -> None:
    phone = number_of(carrier)
    created = checked(await api.post("/orders/portIns", json=order_body(phone)), 201)
    emulator.advance(timedelta(hours=4))
    number = checked(await api.get(f"/orders/portIns/{created['id']}"), 200)["phoneNumbers"][0]
    assert number["status"] == "CONFIRMED"
    profile = PROFILES[carrier]
    slip, completion = lead_times(emulator.settings.seed, created["id"], CARRIERS[carrier])
    assert slip in profile.foc_slip
    # Asked for Tuesday 2025-03-18 at 09:00 in New York (EDT), and given that day or later.
    foc = port_instant(add_business_days(date(2025, 3, 18), slip), "09:00:00", "US/Eastern")
    assert number["focDate"] == format_timestamp(foc)
    emulator.advance(foc + completion - emulator.clock.now() - timedelta(seconds=1))
    order = checked(await api.get(f"/orders/portIns/{created['id']}"), 200)
    assert order["status"] == "CONFIRMED"
    emulator.advance(1)
    order = checked(await api.get(f"/orders/portIns/{created['id']}"), 200)
    assert order["status"] == "COMPLETED"
    assert order["phoneNumbers"][0]["activatedDate"] == format_timestamp(foc + completion)
    low, high = profile.completion_minutes
    assert timedelta(minutes=low) <= completion <= timedelta(minutes=high)


def test_lead_times_are_a_function_of_seed_order_and_carrier() -> None:
    carrier = CARRIERS["Frontier Communications"]
    draws = {lead_times(seed, 700001, carrier) for seed in range(40)}
    assert {slip for slip, _ in draws} == set(PROFILES[carrier.name].foc_slip)
    assert lead_times(5, 700001, carrier) == lead_times(5, 700001, carrier)
    first = make_emulator(orders=30, seed=8)
    again = make_emulator(orders=30, seed=8)
    focs = [[r.foc_date for r in o.numbers] for o in first.store.orders.values()]
    assert focs == [[r.foc_date for r in o.numbers] for o in again.store.orders.values()]
