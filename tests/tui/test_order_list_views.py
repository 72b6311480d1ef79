"""Views as tabs (built-in and saved), paging through more than 1000 orders, refresh, sorting."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
from textual.pilot import Pilot
from textual.widgets import Input

from porting_tui.emulator.demo_world import DEMO_ORDERS
from porting_tui.listing.filters import OrderFilters
from porting_tui.listing.session import ListSettings
from porting_tui.local.saved_views import SavedView, load_views
from porting_tui.tui.app import PortingApp
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.dialogs.save_view_dialog import SaveViewDialog
from tests.tui.conftest import (
    RecordingTransport,
    create_order,
    list_screen,
    make_emulator,
    make_session,
    settle,
)

Running = tuple[PortingApp, Pilot[None]]


def tab_labels(app: PortingApp) -> list[str]:
    from textual.widgets import Tab

    return [str(tab.label) for tab in list_screen(app).query(Tab)]


async def test_number_keys_and_brackets_switch_views(
    running: Running, transport: RecordingTransport
) -> None:
    app, pilot = running
    labels = tab_labels(app)
    assert [re.sub(r"\(\d+\)", "(n)", label) for label in labels] == [
        "1 Pending (n)",
        "2 Confirmed (n)",
        "3 All (n)",
    ]
    assert labels[2] == f"3 All ({DEMO_ORDERS})"
    await pilot.press("2")
    await settle(pilot)
    assert transport.list_queries()[-1] == {"orderStatus": "CONFIRMED", "pageSize": "100"}
    await pilot.press("right_square_bracket")
    await settle(pilot)
    assert transport.list_queries()[-1] == {"pageSize": "100"}
    await pilot.press("right_square_bracket")
    await settle(pilot)
    assert list_screen(app).view_index == 0
    await pilot.press("left_square_bracket")
    await settle(pilot)
    assert list_screen(app).view_index == 2


async def test_a_saved_view_round_trips_through_views_toml(
    running: Running, transport: RecordingTransport, tmp_path: Path
) -> None:
    app, pilot = running
    filters = OrderFilters(status="COMPLETED", created_from="-14d")
    list_screen(app).set_filters(filters)
    await settle(pilot)
    await pilot.press("s")
    app.screen.query_one(Input).value = "Done lately"
    await pilot.press("enter")
    await settle(pilot)
    assert load_views("acme-test", tmp_path / "views.toml").views == [
        SavedView("Done lately", {"status": "COMPLETED", "created_from": "-14d"})
    ]
    assert tab_labels(app)[3].startswith("4 Done lately")
    assert list_screen(app).view_index == 3

    # A new run shows the saved view as a tab; choosing it sends its filters again.
    second = PortingApp(make_session(transport, tmp_path))
    async with second.run_test(size=(120, 40)) as second_pilot:
        await settle(second_pilot)
        assert tab_labels(second)[3].startswith("4 Done lately")
        await second_pilot.press("4")
        await settle(second_pilot)
        assert list_screen(second).filters == filters
        assert transport.list_queries()[-1] == {
            "orderStatus": "COMPLETED",
            "createdDateStart": "2026-11-13T00:00:00Z",
            "pageSize": "100",
        }
        await second_pilot.press("D", "y")
        await settle(second_pilot)
    assert load_views("acme-test", tmp_path / "views.toml").views == []


async def test_a_built_in_view_cannot_be_deleted_or_shadowed(running: Running) -> None:
    app, pilot = running
    await pilot.press("D")
    await pilot.pause()
    assert list_screen(app) is app.screen
    await pilot.press("s", *"all", "enter")
    await pilot.pause()
    assert "built-in view" in str(app.screen.query_one("#error").render())


async def test_a_broken_views_file_is_reported_and_the_built_ins_still_work(tmp_path: Path) -> None:
    (tmp_path / "views.toml").write_text("[[views]\n")
    emulator = make_emulator(orders=20)
    session = make_session(RecordingTransport(httpx.ASGITransport(app=emulator.app)), tmp_path)
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(tab_labels(app)) == 3
        assert any("views.toml, line 1" in str(n.message) for n in app._notifications)


async def test_paging_through_more_than_a_thousand_orders(tmp_path: Path) -> None:
    emulator = make_emulator(orders=1200)
    transport = RecordingTransport(httpx.ASGITransport(app=emulator.app))
    session = make_session(transport, tmp_path, settings=ListSettings(page_size=500))
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        screen = list_screen(app)
        assert screen.table.loaded_count == 500
        assert "500 of 1200 orders" in str(screen.query_one("#list-status").render())
        await pilot.press("G")
        await settle(pilot)
        assert screen.table.loaded_count == 1000
        await pilot.press("G")
        await settle(pilot)
        assert screen.table.loaded_count == 1200
        ids = [order.id for order in screen.table.visible_orders]
        assert len(set(ids)) == 1200
        assert [q.get("page") for q in transport.list_queries()[-3:]] == [None, "2", "3"]
        assert "1200 of 1200 orders" in str(screen.query_one("#list-status").render())


async def test_load_all_fetches_every_page(tmp_path: Path) -> None:
    emulator = make_emulator(orders=1200)
    transport = RecordingTransport(httpx.ASGITransport(app=emulator.app))
    session = make_session(transport, tmp_path, settings=ListSettings(page_size=250))
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert list_screen(app).table.loaded_count == 1200


async def test_refresh_keeps_the_cursor_on_its_order_and_the_scroll(
    running: Running, transport: RecordingTransport
) -> None:
    app, pilot = running
    await pilot.press("3")
    await settle(pilot)
    table = list_screen(app).table
    table.cursor_row = 40
    await pilot.pause()
    chosen = table.current_order
    assert chosen is not None and table.scroll_y > 0
    row_on_screen = table.cursor_row - int(table.scroll_y)
    # A new order arrives at the top, so every row moves down by one.
    await create_order(app.session.client, "NEW-1")
    transport.forget()
    await pilot.press("r")
    await settle(pilot)
    assert transport.list_queries()[0] == {"pageSize": "100"}
    assert table.visible_orders[0].customer_order_reference == "NEW-1"
    assert table.current_order is not None and table.current_order.id == chosen.id
    assert table.cursor_row == 41
    assert table.cursor_row - int(table.scroll_y) == row_on_screen


async def test_sorting_cycles_columns_and_toggles_direction(running: Running) -> None:
    app, pilot = running
    await pilot.press("3")
    await settle(pilot)
    table = list_screen(app).table
    await pilot.press("o")
    ids = [o.id for o in table.visible_orders]
    assert ids == sorted(ids) and table.sort_column == "id"
    await pilot.press("O")
    assert [o.id for o in table.visible_orders] == sorted(ids, reverse=True)
    await pilot.press("o")
    statuses = [o.status for o in table.visible_orders]
    assert table.sort_column == "status" and statuses == sorted(statuses, reverse=True)
    assert "sorted by Status ▼" in str(list_screen(app).query_one("#list-status").render())
    # A click on a header sorts by that column: Reference starts after Order and Status.
    await pilot.click("#orders", offset=(25, 0))
    assert table.sort_column == "reference"
    references = [(o.customer_order_reference or "").casefold() for o in table.visible_orders]
    filled = [reference for reference in references if reference]
    assert filled == sorted(filled) and references[: len(filled)] == filled


async def test_saving_under_an_existing_name_asks_before_replacing_it(
    running: Running, tmp_path: Path
) -> None:
    app, pilot = running
    views = tmp_path / "views.toml"
    list_screen(app).set_filters(OrderFilters(status="COMPLETED"))
    await settle(pilot)
    await pilot.press("s", *"Mine", "enter")
    await settle(pilot)
    list_screen(app).set_filters(OrderFilters(status="CANCELED"))
    await settle(pilot)
    await pilot.press("s", *"Mine", "enter")
    await settle(pilot)
    assert isinstance(app.screen, ConfirmDialog), f"on {type(app.screen).__name__}"
    await pilot.press("n")
    await settle(pilot)
    assert isinstance(app.screen, SaveViewDialog), "refusing keeps the name dialog open"
    assert load_views("acme-test", views).views == [SavedView("Mine", {"status": "COMPLETED"})]
    await pilot.press("enter", "y")
    await settle(pilot)
    assert load_views("acme-test", views).views == [SavedView("Mine", {"status": "CANCELED"})]


async def test_filters_on_a_view_get_a_tab_of_their_own_that_stays(
    running: Running, transport: RecordingTransport
) -> None:
    app, pilot = running
    screen = list_screen(app)
    confirmed_late = OrderFilters(status="CONFIRMED", foc_from="+2d")
    screen.set_filters(confirmed_late)
    await settle(pilot)
    # The Pending tab still shows pending orders only; the filters got a tab that says so.
    labels = tab_labels(app)
    assert labels[0].startswith("1 Pending (")
    assert re.fullmatch(r"Pending \+ filters \(\d+\)", labels[-1]), labels
    assert screen.tabs.view.name == "Pending + filters"
    assert transport.list_queries()[-1]["orderStatus"] == "CONFIRMED"

    # Another tab: the filters stay in theirs, and the operator is told so once.
    await pilot.press("1")
    await settle(pilot)
    assert screen.filters == OrderFilters(status="PENDING")
    messages = [n.message for n in app._notifications]
    assert "Your filters stay in the tab 'Pending + filters'; s saves them as a view." in messages
    await pilot.press("left_square_bracket")
    await settle(pilot)
    assert screen.filters == confirmed_late
    assert tab_labels(app)[-1].startswith("Pending + filters")

    # Filters that are a view's own choose that view; the ad-hoc tab keeps its filters.
    screen.set_filters(OrderFilters(status="CONFIRMED"))
    await settle(pilot)
    assert screen.tabs.view.name == "Confirmed"
    assert screen.tabs.adhoc is not None and screen.tabs.adhoc.filters == confirmed_late


async def test_saving_the_ad_hoc_filters_turns_their_tab_into_the_saved_view(
    running: Running,
) -> None:
    app, pilot = running
    list_screen(app).set_filters(OrderFilters(status="CONFIRMED", foc_from="+2d"))
    await settle(pilot)
    await pilot.press("s", *"Cut-overs", "enter")
    await settle(pilot)
    labels = tab_labels(app)
    assert labels[-1].startswith("4 Cut-overs")
    assert not any("+ filters" in label for label in labels)
    assert list_screen(app).tabs.view.name == "Cut-overs"
