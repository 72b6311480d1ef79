"""The board over a seeded emulator: newest first, cached details reused, 429 honoured."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from porting_tui.attention.board import AttentionBoard
from porting_tui.attention.fetcher import FetchProgress
from porting_tui.attention.settings import AttentionSettings
from porting_tui.emulator import DEMO_KEY_ID
from porting_tui.local.order_state import list_key
from tests.attention.conftest import PROFILE, World, make_world, new_order, same_carrier_numbers
from tests.attention.test_fetcher import FakeTime

DETAIL = "GET /v1/projects/demo-project/orders/portIns/"


def detail_requests(world: World) -> list[int]:
    return [int(r.removeprefix(DETAIL)) for r in world.transport.requests if r.startswith(DETAIL)]


def list_requests(world: World) -> int:
    return sum(1 for r in world.transport.requests if r.endswith("/orders/portIns"))


async def test_details_are_read_newest_first_and_reused_while_rows_are_unchanged(
    tmp_path: Path,
) -> None:
    world = make_world(tmp_path, orders=80, seed=3)
    async with world.client:
        board = world.board(concurrency=1, note_check=timedelta(days=1))
        progress = await board.refresh()
        fetched = detail_requests(world)
        rows = list(board.rows.values())
        assert fetched == [row.id for row in rows]
        dates = [row.created_date for row in rows]
        assert dates == sorted(dates, reverse=True)
        assert progress.complete and progress.fetched == len(rows) > 10
        assert list_requests(world) == 2  # one page per open status

        # Nothing changed: only the list is read again, from the same board or a new one.
        world.transport.requests.clear()
        again = await board.refresh()
        assert detail_requests(world) == []
        assert (again.reused, again.fetched) == (len(rows), 0)
        await world.board().refresh()
        assert detail_requests(world) == []

        # The carrier moves some orders on: only those whose row changed are read again.
        world.emulator.advance(timedelta(hours=6))
        before = {i: board.observation(i) for i in board.rows}
        world.transport.requests.clear()
        await board.refresh()
        changed = [
            order_id
            for order_id, row in board.rows.items()
            if (seen := before.get(order_id)) is None or seen.list_key != list_key(row)
        ]
        assert changed
        assert detail_requests(world) == changed


async def test_unchanged_rows_are_read_again_for_notes_about_every_half_hour_spread_out(
    tmp_path: Path,
) -> None:
    world = make_world(tmp_path, orders=40, seed=5)
    now = [world.emulator.clock.now()]
    async with world.client:
        # The board's own clock: the emulator's orders stay as they are meanwhile.
        board = AttentionBoard(
            world.client,
            world.store,
            PROFILE,
            settings=AttentionSettings(own_authors=frozenset({DEMO_KEY_ID})),
            clock=lambda: now[0],
        )
        assert board.settings.note_check == timedelta(minutes=30)
        await board.refresh()
        rows = sorted(board.rows)

        async def reads_after(minutes: int) -> list[int]:
            now[0] += timedelta(minutes=minutes)
            world.transport.requests.clear()
            await board.refresh()
            return sorted(detail_requests(world))

        # Each order's check falls between 3/4 and 5/4 of the half hour after its last read.
        assert await reads_after(0) == []
        assert await reads_after(22) == []
        first = await reads_after(8)
        assert 0 < len(first) < len(rows)
        # 38 minutes after the first read: the others are due; the ones just read are not.
        assert sorted(first + await reads_after(8)) == rows


async def test_rate_limited_details_pause_and_still_complete(tmp_path: Path) -> None:
    world = make_world(tmp_path, orders=60, seed=11)
    time = FakeTime()
    faults_on: list[bool] = []

    limits: list[int] = []

    def progress(update: FetchProgress) -> None:
        limits.append(update.concurrency)
        # The list is read; from now on a third of the requests are refused with 429.
        if not faults_on:
            faults_on.append(True)
            world.emulator.faults.set("429=0.3:4s")

    async with world.client:
        board = AttentionBoard(
            world.client,
            world.store,
            PROFILE,
            settings=AttentionSettings(own_authors=frozenset({DEMO_KEY_ID})),
            clock=world.emulator.clock.now,
            sleep=time.sleep,
            monotonic=time.clock,
        )
        result = await board.refresh(on_progress=progress)
    assert result.complete and result.failed == 0
    assert result.rate_limited > 0
    assert result.fetched == len(board.rows)
    assert time.sleeps and all(pause == 4.0 for pause in time.sleeps)
    # The fetch started at 8 requests at once and went down on the 429s.
    assert limits[0] == 8 and min(limits) < 8


async def test_a_note_leaves_the_list_row_alone_but_a_reread_finds_it(world: World) -> None:
    [number] = same_carrier_numbers(1)
    order = await world.client.orders.create(new_order([number], date="2025-03-18"))
    board = world.board(note_check=timedelta(days=1))
    await board.refresh()
    board.open_order(await world.client.orders.get(order.id))
    record = world.emulator.store.get(order.id)
    assert record is not None
    now = world.emulator.clock.now()
    world.emulator.lifecycle.add_note(record, "Please send a recent bill.", "Sinch Porting", now)

    world.transport.requests.clear()
    await board.refresh()
    assert detail_requests(world) == []
    assert board.items() == []

    await board.reread(order.id)
    assert [item.why for item in board.items()] == ["note ✉"]
    assert board.timeline(order.id)[-1].text == "Note from Sinch Porting"
