"""The app's first page: asked for before the list screen is built, asked for once, and on
screen before the work that waits for it (the footer's keys, Needs attention) begins."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
from textual.message import Message

from porting_tui.tui.app import PortingApp
from porting_tui.tui.screens.order_list.order_list_screen import OrderListScreen
from porting_tui.tui.widgets.order_table import OrderTable
from tests.tui.conftest import (
    RecordingTransport,
    list_screen,
    make_emulator,
    make_session,
    settle,
    wait_until,
)

FIRST_PAGE = {"orderStatus": "PENDING", "pageSize": "100"}


class WatchingTransport(RecordingTransport):
    """Notes, at each request, whether the app's list screen was mounted."""

    app: PortingApp | None = None
    mounted_at_request: list[bool]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.app is not None:
            mounted = [
                s.is_mounted for s in self.app.screen_stack if isinstance(s, OrderListScreen)
            ]
            self.mounted_at_request.append(any(mounted))
        return await super().handle_async_request(request)


def watched_app(tmp_path: Path) -> tuple[PortingApp, WatchingTransport]:
    transport = WatchingTransport(httpx.ASGITransport(app=make_emulator().app))
    transport.mounted_at_request = []
    app = PortingApp(make_session(transport, tmp_path))
    transport.app = app
    return app, transport


async def test_the_first_page_is_asked_for_before_the_screen_is_mounted_and_once(
    tmp_path: Path,
) -> None:
    app, transport = watched_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(list_screen(app).table.visible_orders) > 0
        first_pages = [q for q in transport.list_queries() if q == FIRST_PAGE]
        assert len(first_pages) == 1
        assert transport.list_queries()[0] == FIRST_PAGE
        assert transport.mounted_at_request[0] is False


async def test_the_work_after_the_first_page_begins_once_its_rows_are_drawn(
    tmp_path: Path,
) -> None:
    app, _ = watched_app(tmp_path)
    rows_when_started: list[int] = []

    def note_start(message: Message) -> None:
        if isinstance(message, OrderListScreen.Started):
            rows_when_started.append(len(app.screen.query_one(OrderTable).visible_orders))

    async with app.run_test(size=(120, 40), message_hook=note_start) as pilot:
        await wait_until(pilot, lambda: bool(rows_when_started), "the start to end")
        # (The hook sees the message on the screen and again as it bubbles to the app.)
        assert rows_when_started[0] == len(list_screen(app).table.visible_orders) > 0


class HeldFirstRequest(httpx.AsyncBaseTransport):
    """Holds the first request until ``release`` is set; the rest pass at once."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.release = asyncio.Event()
        self.seen = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen += 1
        if self.seen == 1:
            await self.release.wait()
        return await self.inner.handle_async_request(request)


async def test_the_header_counts_the_early_request_as_in_flight(tmp_path: Path) -> None:
    transport = HeldFirstRequest(httpx.ASGITransport(app=make_emulator().app))
    app = PortingApp(make_session(transport, tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.busy, "the header to show the request")
        assert app.activity.startswith("listing orders")
        transport.release.set()
        await wait_until(
            pilot, lambda: len(list_screen(app).table.visible_orders) > 0, "the first page"
        )
