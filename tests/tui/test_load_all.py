"""L on the order list: every page, in pages of 1,000 whatever the list's page size, each order
once, the cursor on its order; rows shown as they arrive or only at the end."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from porting_tui.listing.session import ListSettings
from porting_tui.tui.app import PortingApp
from porting_tui.tui.screens.order_list import order_list_screen
from tests.tui.conftest import RecordingTransport, list_screen, make_emulator, make_session, settle
from tests.waiting import wait_until

ORDERS = 2500


@pytest.mark.parametrize("show_every_s", [0.0, 3600.0], ids=["every-page", "at-the-end"])
async def test_load_all_fetches_pages_of_1000_and_shows_each_order_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, show_every_s: float
) -> None:
    monkeypatch.setattr(order_list_screen, "SHOW_EVERY_S", show_every_s)
    emulator = make_emulator(orders=ORDERS)
    transport = RecordingTransport(httpx.ASGITransport(app=emulator.app))
    session = make_session(
        transport, tmp_path, settings=ListSettings(page_size=100, start_on="list")
    )
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await settle(pilot)
        screen = list_screen(app)
        table = screen.table
        table.focus()
        table.cursor_row = 57
        await pilot.pause()
        chosen = table.current_order
        assert chosen is not None
        on_screen = table.cursor_row - int(table.scroll_y)
        transport.forget()
        await pilot.press("L")
        await wait_until(
            pilot,
            lambda: table.loaded_count == ORDERS and not screen._loading(),
            "every order to be loaded",
        )
        await settle(pilot)
        queries = transport.list_queries()
        assert {query["pageSize"] for query in queries} == {"1000"}
        # The 100 orders loaded are on page 1 of 1,000: it is fetched again, then 2 and 3.
        assert [query.get("page") for query in queries] == ["1", "2", "3"]
        ids = [order.id for order in table.visible_orders]
        assert len(ids) == len(set(ids)) == ORDERS
        assert ids == sorted(emulator.store.orders, reverse=True)
        assert table.current_order is not None and table.current_order.id == chosen.id
        assert table.cursor_row - int(table.scroll_y) == on_screen
        status = str(screen.query_one("#list-status").render())
        assert f"{ORDERS} of {ORDERS} orders" in status


async def test_load_all_merges_new_rows_into_the_sort(tmp_path: Path) -> None:
    emulator = make_emulator(orders=1200)
    transport = RecordingTransport(httpx.ASGITransport(app=emulator.app))
    session = make_session(
        transport, tmp_path, settings=ListSettings(page_size=100, start_on="list")
    )
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await settle(pilot)
        table = list_screen(app).table
        table.set_sort("numbers", reverse=True)
        await pilot.press("L")
        await wait_until(pilot, lambda: table.loaded_count == 1200, "every order to be loaded")
        await settle(pilot)
        shown = table.visible_orders
        counts = [order.phone_number_quantity for order in shown]
        assert counts == sorted(counts, reverse=True)
        # Equal counts keep the server's order, as a sort of every row at once would.
        assert [o.id for o in shown] == [o.id for o in table.arrange_orders(table.loaded_orders)]
