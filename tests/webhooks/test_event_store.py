"""Stored events: newest first, filtered by type, order and profile, bounded in number."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from porting_tui.client import parse_webhook
from porting_tui.local.store import LocalStore
from porting_tui.webhooks import WebhookEventStore
from tests.webhooks.conftest import RECEIVED_AT
from tests.webhooks.samples import event_body, event_bytes


def add(
    events: WebhookEventStore, kind: str, order_id: str = "897867", profile: str | None = None
) -> int:
    raw = event_bytes(kind, order_id=order_id).decode()
    return events.add(parse_webhook(raw), raw, profile=profile).id


def test_events_come_back_newest_first_with_their_body_as_received(
    events: WebhookEventStore,
) -> None:
    first = add(events, "NUMBERS_CONFIRMED")
    second = add(events, "NEW_ORDER_NOTE")
    listed = events.recent()
    assert [event.id for event in listed] == [second, first]
    assert listed[0].received_at == RECEIVED_AT
    assert listed[0].data() == event_body("NEW_ORDER_NOTE")
    assert listed[0].event().note == "Please send a copy of the latest bill."
    assert events.get(first) == listed[1]
    assert events.get(9999) is None


def test_filters_by_type_and_order(events: WebhookEventStore) -> None:
    add(events, "NUMBERS_REJECTED", "1")
    add(events, "NEW_ORDER_NOTE", "1")
    add(events, "NUMBERS_REJECTED", "2")
    assert [e.order_id for e in events.recent(event_type="NUMBERS_REJECTED")] == ["2", "1"]
    assert [e.event_type for e in events.recent(order_id=" 1 ")] == [
        "NEW_ORDER_NOTE",
        "NUMBERS_REJECTED",
    ]
    assert len(events.recent(event_type="NUMBERS_REJECTED", order_id="1")) == 1
    assert events.event_types() == ["NEW_ORDER_NOTE", "NUMBERS_REJECTED"]


def test_a_profile_sees_its_events_and_unattributed_ones(events: WebhookEventStore) -> None:
    add(events, "NEW_ORDER_NOTE", "1", profile="acme")
    add(events, "NEW_ORDER_NOTE", "2", profile="other")
    add(events, "NEW_ORDER_NOTE", "3")
    assert [e.order_id for e in events.recent(profile="acme")] == ["3", "1"]
    assert len(events.recent()) == 3


def test_after_id_returns_only_newer_events(events: WebhookEventStore) -> None:
    first = add(events, "NEW_ORDER_NOTE")
    add(events, "NUMBERS_CONFIRMED")
    assert [e.event_type for e in events.recent(after_id=first)] == ["NUMBERS_CONFIRMED"]


def test_oldest_events_are_dropped_beyond_the_limit(local_store: LocalStore) -> None:
    events = WebhookEventStore(local_store, max_kept=3)
    ids = [add(events, "NEW_ORDER_NOTE", str(n)) for n in range(5)]
    assert [e.id for e in events.recent()] == ids[:1:-1]
    assert events.count() == 3


def test_events_survive_reopening_the_store(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = LocalStore.open(path)
    times = iter(
        [datetime(2026, 1, 2, 3, 4, 5, 678000, tzinfo=UTC) + timedelta(hours=n) for n in range(2)]
    )
    add(WebhookEventStore(store, now=lambda: next(times)), "NUMBERS_ACTIVATED")
    store.close()
    reopened = LocalStore.open(path)
    [event] = WebhookEventStore(reopened).recent()
    assert event.received_at == datetime(2026, 1, 2, 3, 4, 5, 678000, tzinfo=UTC)
    assert json.loads(event.body)["type"] == "NUMBERS_ACTIVATED"
    reopened.close()


def test_an_order_id_that_is_not_a_number_has_no_numeric_id(events: WebhookEventStore) -> None:
    add(events, "NEW_ORDER_NOTE", "abc")
    assert events.recent()[0].numeric_order_id is None


def test_the_same_body_is_kept_once_per_profile_and_its_repeats_counted(
    events: WebhookEventStore,
) -> None:
    first = add(events, "NEW_ORDER_NOTE")
    assert add(events, "NEW_ORDER_NOTE") == first
    again = events.get(first)
    assert again is not None and again.repeats == 1
    other_profile = add(events, "NEW_ORDER_NOTE", profile="acme")
    assert other_profile != first
    assert events.count() == 2 and events.repeats() == 1


def test_a_store_of_the_previous_version_gains_repeat_counting(tmp_path: Path) -> None:
    from porting_tui.webhooks import event_store

    store = LocalStore.open(tmp_path / "old.sqlite3")
    store.ensure_schema(event_store.FEATURE, event_store.SCHEMA_VERSION, event_store.SCHEMA)
    raw = event_bytes("NEW_ORDER_NOTE")
    with store.transaction() as db:
        db.execute(
            "INSERT INTO webhook_events(received_at, profile, event_type, order_id, body)"
            " VALUES ('2026-11-27T13:40:02.000Z', NULL, 'NEW_ORDER_NOTE', '897867', ?)",
            (raw.decode(),),
        )
    events = WebhookEventStore(store)
    assert [event.repeats for event in events.recent()] == [0]
    # The old row has no digest: the same body now is stored once more, then counted.
    new = add(events, "NEW_ORDER_NOTE")
    assert add(events, "NEW_ORDER_NOTE") == new
    assert events.count() == 2
    store.close()
