"""Timeline: changes with times, oldest first, each recorded once whoever observed it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from porting_tui.local.store import LocalStore
from porting_tui.local.timeline import SOURCE_SERVER, SOURCE_YOU, Timeline, TimelineEntry

T0 = datetime(2026, 11, 27, 13, 40, tzinfo=UTC)


def _entry(minutes: int, key: str, text: str = "", source: str = SOURCE_SERVER) -> TimelineEntry:
    return TimelineEntry(
        order_id=5,
        happened_at=T0 + timedelta(minutes=minutes),
        kind="note",
        text=text or key,
        source=source,
        change_key=key,
    )


def test_entries_come_back_oldest_to_newest(tmp_path: Path) -> None:
    timeline = Timeline(LocalStore.open(tmp_path / "s.sqlite3"), "acme")
    timeline.record([_entry(30, "c"), _entry(10, "a")], T0)
    timeline.record([_entry(20, "b", source=SOURCE_YOU)], T0)
    entries = timeline.entries(5)
    assert [e.text for e in entries] == ["a", "b", "c"]
    assert entries[1].source == SOURCE_YOU
    assert entries[0].observed_at == T0


def test_a_change_seen_twice_is_recorded_once(tmp_path: Path) -> None:
    store = LocalStore.open(tmp_path / "s.sqlite3")
    first, second = Timeline(store, "acme"), Timeline(LocalStore.open(store.path), "acme")
    assert first.record([_entry(1, "note:x")], T0) == 1
    assert second.record([_entry(1, "note:x"), _entry(2, "note:y")], T0) == 1
    assert [e.change_key for e in first.entries(5)] == ["note:x", "note:y"]


def test_timelines_are_per_profile_and_order(tmp_path: Path) -> None:
    store = LocalStore.open(tmp_path / "s.sqlite3")
    Timeline(store, "acme").record([_entry(1, "k")], T0)
    assert Timeline(store, "beta").entries(5) == []
    assert Timeline(store, "acme").entries(6) == []
