"""Seen-state: what the operator last saw of each order, per profile, with undo."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from porting_tui.local.order_state import NoteState, NumberState, OrderState
from porting_tui.local.seen_state import SeenState
from porting_tui.local.store import LocalStore

T0 = datetime(2026, 11, 27, 13, 40, tzinfo=UTC)


def _state(order_id: int = 7, status: str = "PENDING", *numbers: str) -> OrderState:
    return OrderState(
        order_id=order_id,
        status=status,
        created_date=date(2026, 11, 20),
        numbers=tuple(NumberState(f"+1212555{i:04d}", s) for i, s in enumerate(numbers)),
        notes=(NoteState("abc", "Sinch Porting", T0),),
    )


def _seen_state(tmp_path: Path, profile: str = "acme") -> SeenState:
    return SeenState(LocalStore.open(tmp_path / "state.sqlite3"), profile, clock=lambda: T0)


def test_an_order_never_opened_has_no_seen_state(tmp_path: Path) -> None:
    assert _seen_state(tmp_path).get(7) is None


def test_marking_as_seen_keeps_the_whole_picture_and_the_time(tmp_path: Path) -> None:
    seen = _seen_state(tmp_path)
    state = _state(7, "PENDING", "CONFIRMED", "REJECTED")
    seen.mark_seen(state)
    again = seen.get(7)
    assert again is not None
    assert again.state == state
    assert again.seen_at == T0


def test_undo_goes_back_to_the_previous_look(tmp_path: Path) -> None:
    seen = _seen_state(tmp_path)
    first, second = _state(7, "PENDING", "PENDING"), _state(7, "CONFIRMED", "CONFIRMED")
    seen.mark_seen(first, T0)
    seen.mark_seen(second, T0 + timedelta(hours=1))
    restored = seen.undo(7)
    assert restored is not None and restored.state == first and restored.seen_at == T0
    assert seen.get(7) == restored


def test_undo_of_a_first_look_forgets_the_order(tmp_path: Path) -> None:
    seen = _seen_state(tmp_path)
    seen.mark_seen(_state(7))
    assert seen.undo(7) is None
    assert seen.get(7) is None
    assert seen.undo(7) is None


def test_profiles_do_not_share_seen_state(tmp_path: Path) -> None:
    store = LocalStore.open(tmp_path / "state.sqlite3")
    acme, beta = SeenState(store, "acme"), SeenState(store, "beta")
    acme.mark_seen(_state(7))
    assert beta.get(7) is None
    assert list(acme.all()) == [7]
    assert beta.all() == {}


def test_all_returns_every_seen_order_of_the_profile(tmp_path: Path) -> None:
    seen = _seen_state(tmp_path)
    for order_id in (3, 1, 2):
        seen.mark_seen(_state(order_id))
    assert sorted(seen.all()) == [1, 2, 3]


def test_the_baseline_is_set_once_and_survives_reopening(tmp_path: Path) -> None:
    first = _seen_state(tmp_path)
    assert first.baseline() == T0
    later = SeenState(
        LocalStore.open(tmp_path / "state.sqlite3"), "acme", clock=lambda: T0 + timedelta(days=3)
    )
    assert later.baseline() == T0
