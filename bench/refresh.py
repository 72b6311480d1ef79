"""Time a refresh (r) of an order list view with 1,000 orders loaded; prints figures only.

The app runs headless and in-process on an emulator with 1,000 orders, all loaded in the "All"
view (pages of 100), the cursor on the 500th row, scrolled there. Each refresh fetches the ten
pages again, and a new order arrives before each refresh, so rows shift. Timed per refresh: the
whole refresh from the key (requests in-process included), and the UI's part of it: putting the
rows in the table, and one full render of the screen. Checked: the cursor stays on its order,
at the same place on screen.

Run: .venv/bin/python bench/refresh.py [orders] [refreshes]
"""

from __future__ import annotations

import asyncio
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from textual import events

from porting_tui.client import PortingClient
from porting_tui.emulator import (
    DEMO_KEY_ID,
    DEMO_KEY_SECRET,
    DEMO_PROJECT_ID,
    Emulator,
    EmulatorSettings,
    create_emulator,
)
from porting_tui.emulator.seed_bodies import BodyMaker
from porting_tui.listing.session import ListSettings, Session
from porting_tui.tui.app import PortingApp
from porting_tui.tui.screens.order_list.order_list_screen import OrderListScreen

START = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
ALL_VIEW = 2


async def main(orders: int, refreshes: int) -> dict[str, float]:
    emulator = create_emulator(
        EmulatorSettings(orders=orders, seed=7, speed=0, start=START, webhook_delivery=False)
    )
    client = PortingClient(
        DEMO_PROJECT_ID,
        key_id=DEMO_KEY_ID,
        key_secret=DEMO_KEY_SECRET,
        base_url="http://127.0.0.1:8787",
        transport=httpx.ASGITransport(app=emulator.app),
    )
    folder = Path(tempfile.mkdtemp(prefix="porting-tui-bench-"))
    session = Session(
        "bench",
        DEMO_PROJECT_ID,
        "emulator",
        client,
        now=lambda: START,
        settings=ListSettings(page_size=100),
        views_file=folder / "views.toml",
        downloads_dir=folder,
    )
    ui_seconds: list[float] = []
    shown = asyncio.Event()
    original_show = OrderListScreen._show_listing

    def timed_show(screen: OrderListScreen, listing: object, *, keep_position: bool) -> None:
        began = time.perf_counter()
        original_show(screen, listing, keep_position=keep_position)  # type: ignore[arg-type]
        ui_seconds.append(time.perf_counter() - began)
        shown.set()

    OrderListScreen._show_listing = timed_show  # type: ignore[method-assign]
    try:
        return await _measure(emulator, session, refreshes, ui_seconds, shown)
    finally:
        OrderListScreen._show_listing = original_show  # type: ignore[method-assign]
        shutil.rmtree(folder, ignore_errors=True)


async def _measure(
    emulator: Emulator,
    session: Session,
    refreshes: int,
    ui_seconds: list[float],
    shown: asyncio.Event,
) -> dict[str, float]:
    bodies = BodyMaker(random.Random(3))
    totals, ui_parts, kept = [], [], 0
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        screen = app.screen
        assert isinstance(screen, OrderListScreen)
        screen.select_view(ALL_VIEW)
        await app.workers.wait_for_complete()
        await pilot.press("L")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = screen.table
        loaded = table.loaded_count
        table.cursor_row = loaded // 2
        await pilot.pause()
        for number in range(refreshes):
            moment = START + timedelta(minutes=number + 1)
            emulator.clock.advance(timedelta(minutes=1))
            body, _ = bodies.order(moment, on_demand=False)
            emulator.book.create(body, moment)
            order, row_on_screen = table.current_order, table.cursor_row - int(table.scroll_y)
            ui_seconds.clear()
            shown.clear()
            # Straight to the driver, as the pilot does, but without its waits for idle.
            driver = app._driver
            assert driver is not None
            began = time.perf_counter()
            driver.send_message(events.Key("r", "r"))
            await shown.wait()
            await app.workers.wait_for_complete()
            fetched = time.perf_counter()
            # Drawing: a full render of the screen, as the next frame does at most.
            screen._compositor.render_strips()
            drawn = time.perf_counter()
            totals.append(drawn - began)
            ui_parts.append(sum(ui_seconds) + (drawn - fetched))
            await pilot.pause()
            same = table.current_order is not None and order is not None
            if same and table.current_order.id == order.id:  # type: ignore[union-attr]
                kept += int(table.cursor_row - int(table.scroll_y) == row_on_screen)
    print(f"refresh of the All view with {loaded} orders loaded, {refreshes} refreshes")
    print(f"  whole refresh (10 page requests in-process): median {_ms(totals)}")
    print(f"  UI part (rows into the table, screen drawn):  median {_ms(ui_parts)}")
    print(f"  cursor kept on its order at the same screen row: {kept} of {refreshes}")
    return {
        "loaded": loaded,
        "total_ms": statistics.median(totals) * 1000,
        "ui_ms": statistics.median(ui_parts) * 1000,
        "kept": kept,
        "refreshes": refreshes,
    }


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:6.1f} ms (worst {max(values) * 1000:.1f})"


if __name__ == "__main__":
    arguments = [int(value) for value in sys.argv[1:3]]
    asyncio.run(main(*(arguments + [1000, 10][len(arguments) :])))
