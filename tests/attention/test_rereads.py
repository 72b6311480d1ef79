"""What a refresh reads again: changed list rows, orders a webhook named, due note checks."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from porting_tui.attention.board import AttentionBoard
from porting_tui.attention.detail_cache import note_check_share
from porting_tui.attention.settings import AttentionSettings
from porting_tui.client import Order, PortingConnectionError
from porting_tui.emulator import DEMO_KEY_ID
from tests.attention.conftest import PROFILE, World, make_world, new_order, same_carrier_numbers
from tests.attention.test_board import detail_requests


async def refreshed(world: World, board: AttentionBoard) -> list[int]:
    """The orders whose details a refresh read."""
    world.transport.requests.clear()
    await board.refresh()
    return detail_requests(world)


async def test_a_named_order_is_read_at_the_next_refresh_and_then_no_more(
    tmp_path: Path,
) -> None:
    world = make_world(tmp_path, orders=80, seed=3)
    async with world.client:
        board = world.board()
        await board.refresh()
        assert await refreshed(world, board) == []
        first, *_, last = board.rows
        board.order_named(last)
        board.order_named(first)
        assert await refreshed(world, board) == [first, last]  # newest first, as ever
        assert await refreshed(world, board) == []


async def test_a_webhook_reread_that_fails_is_made_up_for_at_the_next_refresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = make_world(tmp_path, orders=80, seed=3)
    async with world.client:
        board = world.board()
        await board.refresh()
        order_id = next(iter(board.rows))
        read = world.client.orders.get

        async def unreachable(wanted: int | str) -> Order:
            raise PortingConnectionError("no route", "127.0.0.1")

        monkeypatch.setattr(world.client.orders, "get", unreachable)
        with pytest.raises(PortingConnectionError):
            await board.reread(order_id)
        monkeypatch.setattr(world.client.orders, "get", read)
        assert await refreshed(world, board) == [order_id]
        assert await refreshed(world, board) == []

        # A reread that works needs nothing more from the refresh.
        await board.reread(order_id)
        assert await refreshed(world, board) == []


async def test_a_row_that_changed_is_read_again_and_only_it(world: World) -> None:
    numbers = same_carrier_numbers(2)
    order = await world.client.orders.create(new_order(numbers, date="2025-03-18"))
    await world.client.orders.create(new_order(same_carrier_numbers(1), date="2025-03-19"))
    board = world.board()
    await board.refresh()
    assert await refreshed(world, board) == []
    # Removing a number changes the row's count of numbers: the row no longer matches.

    def drop_a_number(draft: Order) -> None:
        draft.phone_numbers.pop()

    await world.client.orders.edit(order.id, drop_a_number)
    assert await refreshed(world, board) == [order.id]
    assert await refreshed(world, board) == []


async def test_a_note_is_found_by_the_note_check_without_any_webhook(tmp_path: Path) -> None:
    world = make_world(tmp_path)
    async with world.client:
        [number] = same_carrier_numbers(1)
        order = await world.client.orders.create(new_order([number], date="2025-03-18"))
        now = [world.emulator.clock.now()]
        board = AttentionBoard(
            world.client,
            world.store,
            PROFILE,
            settings=AttentionSettings(own_authors=frozenset({DEMO_KEY_ID})),
            clock=lambda: now[0],
        )
        await board.refresh()
        record = world.emulator.store.get(order.id)
        assert record is not None
        world.emulator.lifecycle.add_note(
            record, "Please send a recent bill.", "Sinch Porting", world.emulator.clock.now()
        )
        assert await refreshed(world, board) == []
        assert board.items() == []
        # Just before the order's own share of the half hour: not yet; just after: read.
        due = timedelta(minutes=30) * note_check_share(order.id)
        now[0] += due - timedelta(seconds=1)
        assert await refreshed(world, board) == []
        now[0] += timedelta(seconds=1)
        assert await refreshed(world, board) == [order.id]
        assert [item.why for item in board.items()] == ["note ✉"]


def test_settings_name_the_note_cadence_and_keep_the_old_key() -> None:
    settings = AttentionSettings()
    assert (settings.note_check, settings.concurrency) == (timedelta(minutes=30), 16)
    assert AttentionSettings().with_overrides({"note_check_minutes": 45}).note_check == (
        timedelta(minutes=45)
    )
    assert AttentionSettings().with_overrides({"max_detail_age_minutes": 20}).note_check == (
        timedelta(minutes=20)
    )
    with pytest.raises(ValueError, match="concurrency"):
        AttentionSettings(concurrency=17)
    with pytest.raises(ValueError, match="note_check"):
        AttentionSettings(note_check=timedelta(0))
