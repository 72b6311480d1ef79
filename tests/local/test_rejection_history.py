"""Learned rules: per losing carrier, how many of its last orders it rejected for each reason."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from porting_tui.attention.changes import diff_states
from porting_tui.attention.detail_cache import DetailCache
from porting_tui.attention.tracker import OrderTracker
from porting_tui.domain.preflight import (
    LearnedRejection,
    NumberFacts,
    OrderFacts,
    PreflightContext,
    preflight,
)
from porting_tui.local.order_state import NumberState, OrderState
from porting_tui.local.rejection_history import (
    OBSERVATIONS_TABLE,
    OrderOutcome,
    RejectedEntry,
    RejectionHistory,
    learn_rejections,
    outcomes_of,
    parse_rejected_entry,
    rejected_entry,
    rejection_texts,
)
from porting_tui.local.seen_state import SeenState
from porting_tui.local.store import LocalStore
from porting_tui.local.timeline import Timeline

NOW = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)
VERIZON = "GW Verizon Wireless Grp1"
LUMEN = "GW Lumen Grp1"
ZIP_REASON = "Address mismatch: ZIP code does not match the losing carrier's records"
PIN_REASON = "Port-out PIN required by the losing carrier"


def _state(order_id: int, *numbers: NumberState, created: date = date(2026, 2, 2)) -> OrderState:
    return OrderState(order_id=order_id, status="PENDING", created_date=created, numbers=numbers)


def _number(
    phone: str, status: str = "PENDING", group: str = VERIZON, reason: str | None = None
) -> NumberState:
    return NumberState(phone, status, group, None, reason, NOW if reason else None)


def _outcome(order_id: int, *reasons: str, carrier: str = "Verizon Wireless") -> OrderOutcome:
    return OrderOutcome(
        order_id,
        date(2026, 1, 1) + timedelta(days=order_id),
        (carrier,),
        {carrier: frozenset(reasons)},
    )


def test_a_rejection_on_the_timeline_reads_as_its_reason_and_numbers() -> None:
    phones = [f"+1312555014{i}" for i in range(7)]
    before = _state(1, *(_number(p) for p in phones))
    after = _state(1, *(_number(p, "REJECTED", reason="ZIP (5 digits) mismatch") for p in phones))
    [change] = diff_states(before, after)
    assert rejected_entry(change.text) == ("ZIP (5 digits) mismatch", tuple(phones[:5]))
    assert rejected_entry("1 number CONFIRMED: +13125550140") is None
    # The numbers not listed still count.
    assert parse_rejected_entry(change.text) == RejectedEntry(
        "ZIP (5 digits) mismatch", tuple(phones[:5]), 7
    )


def test_the_timeline_texts_of_numbers_and_its_first_day_are_the_profiles(
    tmp_path: Path,
) -> None:
    store = LocalStore.open(tmp_path / "state.db")
    assert rejection_texts(store, "acme") == []
    assert Timeline(store, "acme").first_observed() is None
    phone = "+13125550143"
    tracker = OrderTracker(store, "acme", clock=lambda: NOW)
    tracker.observe_state(_state(41, _number(phone)))
    tracker.observe_state(_state(41, _number(phone, "REJECTED", reason=PIN_REASON)))
    OrderTracker(store, "other", clock=lambda: NOW).observe_state(
        _state(44, _number(phone, "REJECTED", reason=ZIP_REASON))
    )
    texts = rejection_texts(store, "acme")
    assert [parse_rejected_entry(text) for _, text in texts][-1] == RejectedEntry(
        PIN_REASON, (phone,), 1
    )
    assert {order_id for order_id, _ in texts} == {41}
    assert Timeline(store, "acme").first_observed() == NOW


def test_each_carrier_counts_its_last_orders_and_each_reason_once_per_order() -> None:
    outcomes = [_outcome(i, ZIP_REASON) for i in range(1, 4)]  # too old to count
    outcomes += [_outcome(i) for i in range(4, 10)]
    outcomes += [_outcome(i, ZIP_REASON, "ZIP code wrong") for i in range(10, 13)]
    outcomes += [_outcome(13, PIN_REASON), _outcome(14, "Carrier system outage")]
    outcomes += [_outcome(20, PIN_REASON, carrier="Lumen")]
    learned = learn_rejections(outcomes)
    assert learned == [
        LearnedRejection("Lumen", "Port-out PIN", 1, 1, "portOutInfo.existingPortOutPin"),
        LearnedRejection("Verizon Wireless", "Address or ZIP", 3, 10, "endUser.zipCode"),
        LearnedRejection(
            "Verizon Wireless", "Port-out PIN", 1, 10, "portOutInfo.existingPortOutPin"
        ),
        LearnedRejection("Verizon Wireless", "Carrier system outage", 1, 10, None),
    ]
    assert learn_rejections(outcomes, last=2)[1:] == [
        LearnedRejection(
            "Verizon Wireless", "Port-out PIN", 1, 2, "portOutInfo.existingPortOutPin"
        ),
        LearnedRejection("Verizon Wireless", "Carrier system outage", 1, 2, None),
    ]


def test_a_rejection_of_numbers_of_no_known_carrier_counts_for_the_only_carrier() -> None:
    state = _state(5, _number("+13125550143", group=LUMEN))
    timeline = [(5, "2 numbers REJECTED: Invalid port-out PIN (+13125550150, +13125550151)")]
    [outcome] = outcomes_of([state], timeline)
    assert outcome.reasons == {"Lumen": frozenset({"Invalid port-out PIN"})}
    two = _state(6, _number("+13125550143", group=LUMEN), _number("+13125550144"))
    [outcome] = outcomes_of([two], [(6, timeline[0][1])])
    assert outcome.reasons == {}


def _history(tmp_path: Path) -> tuple[LocalStore, RejectionHistory]:
    store = LocalStore.open(tmp_path / "state.sqlite3")
    return store, RejectionHistory(store, "acme")


def test_an_empty_store_has_learned_nothing(tmp_path: Path) -> None:
    _, history = _history(tmp_path)
    assert history.learned() == []


def test_a_rejection_fixed_since_is_still_learned_from_the_timeline(tmp_path: Path) -> None:
    store, history = _history(tmp_path)
    tracker = OrderTracker(store, "acme", clock=lambda: NOW)
    phone = "+13125550143"
    for order_id in (41, 42):
        tracker.observe_state(_state(order_id, _number(phone)))
        tracker.observe_state(_state(order_id, _number(phone, "REJECTED", reason=ZIP_REASON)))
        # Fixed and sent again: the picture no longer shows the rejection, the timeline does.
        tracker.observe_state(_state(order_id, _number(phone)))
    tracker.observe_state(_state(43, _number(phone, group=LUMEN)))
    OrderTracker(store, "other", clock=lambda: NOW).observe_state(
        _state(44, _number(phone, "REJECTED", reason=PIN_REASON))
    )
    assert history.learned() == [
        LearnedRejection("Verizon Wireless", "Address or ZIP", 2, 2, "endUser.zipCode")
    ]


def test_the_detail_cache_table_is_the_one_read(tmp_path: Path) -> None:
    store = LocalStore.open(tmp_path / "state.sqlite3")
    DetailCache(store, "acme")
    tables = {row["name"] for row in store.query("SELECT name FROM sqlite_master")}
    assert OBSERVATIONS_TABLE in tables


def test_orders_only_seen_by_the_operator_count_too(tmp_path: Path) -> None:
    store, history = _history(tmp_path)
    seen = SeenState(store, "acme", clock=lambda: NOW)
    for order_id in (7, 8, 9):
        rejected = order_id != 9
        status, reason = ("REJECTED", PIN_REASON) if rejected else ("PENDING", None)
        seen.mark_seen(_state(order_id, _number("+14165550143", status, LUMEN, reason)))
    [learned] = history.learned()
    assert (learned.carrier, learned.reason, learned.rejected_orders, learned.total_orders) == (
        "Lumen",
        "Port-out PIN",
        2,
        3,
    )


def test_what_was_learned_is_advice_on_the_next_order_of_that_carrier(tmp_path: Path) -> None:
    store, history = _history(tmp_path)
    tracker = OrderTracker(store, "acme", clock=lambda: NOW)
    for order_id in range(1, 6):
        reason = ZIP_REASON if order_id % 2 else None
        status = "REJECTED" if reason else "PENDING"
        tracker.observe_state(_state(order_id, _number("+13125550143", status, reason=reason)))
    facts = OrderFacts(
        (NumberFacts("+13125550199", {"endUser.zipCode": "60606"}, "Verizon Wireless"),),
        {"desiredPortSchedule.desiredPortDate": "2026-03-16"},
    )
    found = preflight(facts, PreflightContext(date(2026, 3, 4), learned=history.learned()))
    [advice] = [f for f in found if f.rule_id == "learned"]
    assert advice.text == "Verizon Wireless rejected 3 of your last 5 orders: Address or ZIP"
    assert advice.field == "endUser.zipCode"
