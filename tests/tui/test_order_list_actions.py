"""Open, copy, export, help, palette, auto-refresh and the "where am I" header."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from porting_tui.emulator.demo_world import DEMO_ORDERS
from porting_tui.listing.filters import OrderFilters
from porting_tui.tui.app import PortingApp
from porting_tui.tui.screens.help_screen import HelpScreen
from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen
from porting_tui.tui.status_looks import status_label
from porting_tui.tui.widgets.numbers_panel import NumbersPanel
from tests.tui.conftest import (
    RecordingTransport,
    create_order,
    list_screen,
    palette_runs_next,
    settle,
)
from tests.waiting import wait_until

Running = tuple[PortingApp, Pilot[None]]


async def test_enter_opens_the_order_and_esc_comes_back(running: Running) -> None:
    app, pilot = running
    chosen = list_screen(app).table.current_order
    assert chosen is not None
    await pilot.press("enter")
    await settle(pilot)
    detail = app.screen
    assert isinstance(detail, OrderDetailScreen) and detail.order is not None
    assert detail.order.id == chosen.id
    numbers = detail.query_one(NumbersPanel).option_list
    assert numbers.option_count == len(detail.order.phone_numbers) > 0
    summary = str(detail.query_one("#summary", Static).render())
    assert summary.startswith(status_label(chosen.status))
    await pilot.press("escape")
    assert app.screen is list_screen(app)


async def test_server_text_is_never_read_as_markup(running: Running) -> None:
    app, pilot = running
    order = await create_order(app.session.client, "[bold red]ACME[/] [link=x]y[/link]")
    list_screen(app).set_filters(OrderFilters(order_id=str(order.id)))
    await settle(pilot)
    table = list_screen(app).table
    # The reference column is narrow: what fits of it is shown literally.
    assert "[bold red]ACME[/…" in table.render_line(1).text
    await pilot.press("enter")
    await settle(pilot)
    assert "[bold red]ACME[/]" in str(app.screen.query_one("#summary", Static).render())


async def test_y_copies_the_order_id_and_shows_it(running: Running) -> None:
    app, pilot = running
    chosen = list_screen(app).table.current_order
    assert chosen is not None
    await pilot.press("y")
    assert app.clipboard == str(chosen.id)
    assert any(str(chosen.id) in n.message for n in app._notifications)


async def export(app: PortingApp, pilot: Pilot[None], key: str) -> Path:
    await pilot.press("e")
    await pilot.pause()
    await pilot.press(key)
    await settle(pilot)
    files = sorted((app.session.export_dir()).iterdir())
    assert files, "an export file was written"
    assert any(str(files[-1]) in n.message for n in app._notifications)
    return files[-1]


async def test_export_writes_every_matching_order_not_only_the_loaded_page(
    running: Running, transport: RecordingTransport
) -> None:
    app, pilot = running
    await pilot.press("3")
    await settle(pilot)
    assert list_screen(app).table.loaded_count == 100
    transport.forget()
    path = await export(app, pilot, "c")
    assert path.suffix == ".csv" and path.name.startswith("orders-acme-test-20261127-140000")
    rows = list(csv.DictReader(path.read_text().splitlines()))
    assert len(rows) == DEMO_ORDERS and len({row["id"] for row in rows}) == DEMO_ORDERS
    assert all(query["pageSize"] == "1000" for query in transport.list_queries())


async def test_export_as_json_keeps_the_filters_sort_and_find(running: Running) -> None:
    app, pilot = running
    list_screen(app).set_filters(OrderFilters(status="COMPLETED"))
    await settle(pilot)
    await pilot.press("o", "O")
    path = await export(app, pilot, "j")
    body = json.loads(path.read_text())
    ids = [order["id"] for order in body["orders"]]
    assert ids == sorted(ids, reverse=True)
    assert {order["status"] for order in body["orders"]} == {"COMPLETED"}
    assert body["totalItems"] == len(ids) == list_screen(app).listing.total_items  # type: ignore[union-attr]


async def test_the_help_screen_lists_the_keys_of_the_screen(running: Running) -> None:
    app, pilot = running
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    entries = {entry.description: entry.keys for entry in app.screen._entries}
    for description in ("Filters", "Find", "Refresh", "Pause refresh", "Save view", "Export"):
        assert description in entries
    assert entries["Sort column"] == "o" and entries["Keys"] == "?"
    await pilot.press("escape")
    assert app.screen is list_screen(app)


async def test_every_action_is_in_the_command_palette(running: Running) -> None:
    app, pilot = running
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"export")
    await palette_runs_next(pilot, "Export")
    await pilot.press("enter")
    # The palette runs its command after it has closed, a few messages later.
    await wait_until(pilot, lambda: type(app.screen).__name__ == "ExportDialog", "the export")


async def test_auto_refresh_reloads_and_pausing_stops_it(
    running: Running, transport: RecordingTransport
) -> None:
    app, pilot = running
    screen = list_screen(app)
    transport.forget()
    screen.refresh_on_timer()
    await settle(pilot)
    assert len(transport.list_queries()) == 1
    await pilot.press("p")
    assert "auto-refresh paused" in str(screen.query_one("#list-status").render())
    transport.forget()
    screen.refresh_on_timer()
    await settle(pilot)
    assert transport.list_queries() == []
    await pilot.press("p")
    assert "auto-refresh 60s" in str(screen.query_one("#list-status").render())


async def test_the_header_says_where_you_are(running: Running) -> None:
    app, _ = running
    header = list_screen(app).query_one("StatusHeader")
    where = str(header.query_one("#where", Static).render())
    assert "acme-test" in where and "demo-project" in where and "127.0.0.1" in where
    assert "updated 14:00:00" in str(header.query_one("#freshness", Static).render())
    assert not header.query("#read-only") and not header.query("#demo")


async def test_help_names_a_screen_without_a_help_title_by_its_class(running: Running) -> None:
    from porting_tui.tui.screens.help_screen import screen_title
    from porting_tui.tui.screens.session_screen import SessionScreen

    class AuditTrailScreen(SessionScreen):
        pass

    app, _ = running
    assert screen_title(AuditTrailScreen(app.session)) == "Audit trail"
    assert screen_title(list_screen(app)) == "Order list"
