"""The attention view, the "since you last looked" box, the timeline and the audit log screen,
each in a small host app against the emulator on a frozen clock."""

from __future__ import annotations

from datetime import UTC, timedelta
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Static

from porting_tui.attention.summary import SinceLastLooked
from porting_tui.local.audit_log import AuditLog
from porting_tui.tui.screens.audit_log_screen import AuditLogScreen
from porting_tui.tui.widgets.attention_view import AttentionView
from porting_tui.tui.widgets.since_last_looked import SinceLastLookedBox
from porting_tui.tui.widgets.timeline_view import TimelineView
from tests.attention.conftest import World, make_world, new_order, same_carrier_numbers
from tests.support import settle


class Host(App[None]):
    def __init__(self, *widgets: object) -> None:
        super().__init__()
        self._widgets = widgets
        self.chosen: list[int] = []
        self.counts: list[tuple[int, bool]] = []

    def compose(self) -> ComposeResult:
        yield from self._widgets  # type: ignore[misc]

    def on_attention_view_order_selected(self, event: AttentionView.OrderSelected) -> None:
        self.chosen.append(event.order_id)

    def on_attention_view_count_changed(self, event: AttentionView.CountChanged) -> None:
        self.counts.append((event.count, event.complete))


async def rejected_order(world: World) -> int:
    [number] = same_carrier_numbers(1)
    order = await world.client.orders.create(
        new_order([number], date="2025-03-13", pins={number: "0000"})
    )
    world.emulator.advance(timedelta(hours=2))
    return order.id


def texts(table: DataTable[object]) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_the_view_ranks_orders_shows_progress_and_opens_on_enter(tmp_path: Path) -> None:
    world = make_world(tmp_path, orders=40, seed=3)
    async with world.client:
        order_id = await rejected_order(world)
        view = AttentionView(world.board())
        app = Host(view)
        async with app.run_test(size=(120, 40)) as pilot:
            view.start()
            await settle(pilot)
            rows = texts(view.table)
            assert rows, "some seeded orders need attention"
            assert [item.order_id for item in view.items] == [int(r[1]) for r in rows]
            mine = next(r for r in rows if r[1] == str(order_id))
            assert mine[-1] == "1 rejected · note ✉"
            assert mine[0] == "✦"
            progress = str(view.query_one("#attention-progress", Static).render())
            assert progress.startswith(f"{len(rows)} need attention · details of ")
            assert app.counts[-1] == (len(rows), True)
            view.table.focus()
            view.table.move_cursor(row=[r[1] for r in rows].index(str(order_id)))
            await pilot.press("enter")
            await pilot.pause()
            assert app.chosen == [order_id]


async def test_a_failed_listing_says_so_and_keeps_the_app_running(tmp_path: Path) -> None:
    world = make_world(tmp_path)
    world.emulator.faults.set("500=1")
    async with world.client:
        view = AttentionView(world.board())
        async with Host(view).run_test() as pilot:
            view.start()
            await settle(pilot)
            assert view.problem is not None and "could not be read" in view.problem
            assert view.table.row_count == 0


async def test_since_last_looked_box_shows_each_change_on_a_line(tmp_path: Path) -> None:
    world = make_world(tmp_path)
    async with world.client:
        order_id = await rejected_order(world)
        board = world.board()
        order = await world.client.orders.get(order_id)
        board.mark_seen(board.observe(order).state)
        summary = SinceLastLooked(
            board.since_last_looked(board.observe(order).state).seen_at,
            ("+1 note from [bold]Sinch[/bold]", "1 number REJECTED: Invalid port-out PIN"),
        )
        box = SinceLastLookedBox(summary, zone=UTC)
        async with Host(box).run_test() as pilot:
            await pilot.pause()
            shown = str(box.render())
            assert (
                shown == "+1 note from [bold]Sinch[/bold]\n1 number REJECTED: Invalid port-out PIN"
            )
            assert box.border_subtitle == "last looked 2025-03-11 17:00"
            box.show(SinceLastLooked(None, ()))
            assert str(box.render()) == "First look at this order"


async def test_timeline_view_lists_entries_oldest_first_with_who(tmp_path: Path) -> None:
    world = make_world(tmp_path)
    async with world.client:
        order_id = await rejected_order(world)
        board = world.board()
        board.observe(await world.client.orders.get(order_id))
        view = TimelineView(board.timeline(order_id), zone=UTC)
        async with Host(view).run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            rows = texts(view)
    assert rows[0] == ["2025-03-11 00:00", "order", "Order created"]
    assert ["2025-03-11 15:00", "you", "You created the order"] in rows
    assert rows[-1][1:] == ["order", "Order status PENDING"]


async def test_audit_log_screen_lists_changes_of_this_profile_or_all(tmp_path: Path) -> None:
    world = make_world(tmp_path)
    async with world.client:
        await rejected_order(world)
        log = AuditLog(world.store)
        app = Host()
        async with app.run_test(size=(120, 30)) as pilot:
            await app.push_screen(AuditLogScreen(log, "other-profile", zone=UTC))
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, AuditLogScreen)
            assert screen.table.row_count == 0
            await pilot.press("a")
            rows = texts(screen.table)
            assert len(rows) == 1
            assert rows[0][2:6] == ["app", "acme", rows[0][4], "create"]
            assert rows[0][6].startswith("ok")
            await pilot.press("escape")
            assert not isinstance(app.screen, AuditLogScreen)
