"""What a refresh reads is written in batches: few transactions, each one whole."""

from __future__ import annotations

import contextlib
import math
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from porting_tui.attention import board as board_module
from porting_tui.attention.board import AttentionBoard
from porting_tui.attention.detail_cache import DetailCache
from porting_tui.attention.settings import AttentionSettings
from porting_tui.client import AuthenticationError, Order, RateLimitError
from porting_tui.emulator import DEMO_KEY_ID
from porting_tui.local.store import LocalStore
from porting_tui.local.timeline import Timeline
from tests.attention.conftest import PROFILE, World, make_world
from tests.attention.test_fetcher import FakeTime


class Transactions:
    """Counts the transactions a store commits (the outermost ones: a batch is one)."""

    def __init__(self, store: LocalStore) -> None:
        self.opened = 0
        self._depth = 0
        self._transaction = store.transaction
        store.transaction = self._counted  # type: ignore[method-assign]

    @contextlib.contextmanager
    def _counted(self) -> Iterator[sqlite3.Connection]:
        self.opened += self._depth == 0
        self._depth += 1
        try:
            with self._transaction() as db:
                yield db
        finally:
            self._depth -= 1


def board_on(world: World, time: FakeTime, **settings: object) -> AttentionBoard:
    return AttentionBoard(
        world.client,
        world.store,
        PROFILE,
        settings=AttentionSettings(own_authors=frozenset({DEMO_KEY_ID}), **settings),  # type: ignore[arg-type]
        clock=world.emulator.clock.now,
        sleep=time.sleep,
        monotonic=time.clock,
    )


def stored(store: LocalStore) -> tuple[set[int], set[int]]:
    """The orders with a stored observation, and those with a stored timeline entry."""
    observed = set(DetailCache(store, PROFILE).all())
    timeline = Timeline(store, PROFILE)
    with_entries = {
        row["order_id"]
        for row in store.query(
            "SELECT DISTINCT order_id FROM timeline WHERE profile = ?", (PROFILE,)
        )
    }
    assert all(timeline.entries(order_id) for order_id in observed)
    return observed, with_entries


async def test_a_cold_read_writes_a_batch_per_hundred_orders_not_two_per_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = make_world(tmp_path, orders=200, seed=3)
    monkeypatch.setattr(board_module, "BATCH_ORDERS", 10)
    async with world.client:
        board = board_on(world, FakeTime())
        writes = Transactions(world.store)
        progress = await board.refresh()
    assert progress.fetched == len(board.rows) == 29
    assert writes.opened == math.ceil(29 / 10)
    observed, with_entries = stored(world.store)
    assert observed == with_entries == set(board.rows)


async def test_what_came_in_over_half_a_second_is_written_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = make_world(tmp_path, orders=200, seed=3)
    time = FakeTime()
    read = world.client.orders.get

    async def slow_read(order_id: int | str) -> Order:
        time.now += 0.2  # every answer takes 0.2 s of the fake clock
        return await read(order_id)

    monkeypatch.setattr(world.client.orders, "get", slow_read)
    async with world.client:
        board = board_on(world, time, concurrency=1)
        writes = Transactions(world.store)
        await board.refresh()
    # 0.6 s for three answers: a write after every third.
    assert writes.opened == math.ceil(29 / 3)


async def test_what_was_read_is_written_before_a_pause_for_429(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = make_world(tmp_path, orders=200, seed=3)
    read = world.client.orders.get
    answered: list[int] = []
    stored_at_pause: list[set[int]] = []

    class PausingTime(FakeTime):
        async def sleep(self, seconds: float) -> None:
            stored_at_pause.append(set(DetailCache(world.store, PROFILE).all()))
            await super().sleep(seconds)

    async def limited_read(order_id: int | str) -> Order:
        if len(answered) == 5 and not stored_at_pause:
            raise RateLimitError("slow down", status_code=429, retry_after=3.0)
        order = await read(order_id)
        answered.append(order.id)
        return order

    monkeypatch.setattr(world.client.orders, "get", limited_read)
    async with world.client:
        board = board_on(world, PausingTime(), concurrency=1)
        await board.refresh()
    assert stored_at_pause == [set(answered[:5])]


async def test_a_refresh_that_stops_half_way_keeps_what_it_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = make_world(tmp_path, orders=200, seed=3)
    monkeypatch.setattr(board_module, "BATCH_ORDERS", 4)
    read = world.client.orders.get
    answered: list[int] = []

    async def failing_read(order_id: int | str) -> Order:
        if len(answered) == 6:
            raise AuthenticationError("key revoked", status_code=401)
        order = await read(order_id)
        answered.append(order.id)
        return order

    monkeypatch.setattr(world.client.orders, "get", failing_read)
    async with world.client:
        board = board_on(world, FakeTime(), concurrency=1)
        with pytest.raises(AuthenticationError):
            await board.refresh()
    # A batch of four was written as it filled; the other two when the refresh stopped.
    observed, with_entries = stored(world.store)
    assert observed == with_entries == set(answered)


async def test_a_batch_that_cannot_be_written_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = make_world(tmp_path, orders=200, seed=3)
    async with world.client:
        board = board_on(world, FakeTime())
        await board.refresh()
        before = stored(world.store)
        orders = [await world.client.orders.get(order_id) for order_id in list(board.rows)[:5]]
        tracker = board.tracker
        save = tracker.cache.save
        saved: list[int] = []

        def save_until_the_disk_is_full(observation: object) -> None:
            if len(saved) == 3:
                raise sqlite3.OperationalError("database or disk is full")
            save(observation)  # type: ignore[arg-type]
            saved.append(1)

        monkeypatch.setattr(tracker.cache, "save", save_until_the_disk_is_full)
        # Forget what was stored of five orders, then observe them again in one batch: their
        # history goes on the timeline again, in the same transaction as their observations.
        gone = {order.id for order in orders}
        marks = ", ".join("?" * len(gone))
        with world.store.transaction() as db:
            for table in ("timeline", "order_observations"):
                db.execute(
                    f"DELETE FROM {table} WHERE profile = ? AND order_id IN ({marks})",
                    (PROFILE, *gone),
                )
        for order in orders:
            tracker.cache.restore(order.id, None)
            tracker.observe(order, deferred=True)
        assert tracker.unwritten == 5
        with pytest.raises(sqlite3.OperationalError):
            tracker.flush()
        assert tracker.unwritten == 0
        observed, with_entries = stored(world.store)
        assert observed == before[0] - gone
        assert with_entries == before[1] - gone
        # The cache holds what the store holds again, so those orders are read at the next
        # refresh and their history is recorded then.
        assert not gone & set(tracker.cache.all())
        monkeypatch.setattr(tracker.cache, "save", save)
        world.transport.requests.clear()
        await board.refresh()
        assert stored(world.store) == before


def test_a_transaction_inside_another_is_part_of_it(tmp_path: Path) -> None:
    store = LocalStore.open(tmp_path / "state.sqlite3")
    store.ensure_schema("t", 1, ["CREATE TABLE IF NOT EXISTS t (v INTEGER)"])
    writes = Transactions(store)
    with store.transaction() as db:
        db.execute("INSERT INTO t VALUES (1)")
        with store.transaction() as inner:
            inner.execute("INSERT INTO t VALUES (2)")
        with contextlib.suppress(ValueError), store.transaction() as inner:
            inner.execute("INSERT INTO t VALUES (3)")
            raise ValueError("only this part is undone")
        # Nothing is committed before the outer transaction ends.
        other = sqlite3.connect(tmp_path / "state.sqlite3")
        assert other.execute("SELECT count(*) FROM t").fetchone() == (0,)
    assert [row["v"] for row in store.query("SELECT v FROM t ORDER BY v")] == [1, 2]
    assert other.execute("SELECT count(*) FROM t").fetchone() == (2,)
    other.close()
    assert writes.opened == 1
    with pytest.raises(RuntimeError), store.transaction() as db:
        db.execute("INSERT INTO t VALUES (4)")
        with store.transaction() as inner:
            inner.execute("INSERT INTO t VALUES (5)")
        raise RuntimeError("the whole of it is undone")
    assert [row["v"] for row in store.query("SELECT v FROM t ORDER BY v")] == [1, 2]
    store.close()
