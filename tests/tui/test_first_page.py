"""The app's first page: asked for before the list screen is built, asked for once, and on
screen before the work that waits for it (the footer's keys, Needs attention) begins; what is
hidden at the start (Needs attention's view, the find box) joins after it, or when asked for."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from textual.css.stylesheet import Stylesheet
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import ContentSwitcher, Input

from porting_tui.tui.app import PortingApp
from porting_tui.tui.screens.order_list import order_list_screen
from porting_tui.tui.screens.order_list.order_list_screen import OrderListScreen
from porting_tui.tui.widgets.attention_view import AttentionView
from porting_tui.tui.widgets.order_table import OrderTable
from tests.tui.conftest import (
    RecordingTransport,
    list_screen,
    make_emulator,
    make_session,
    settle,
    wait_until,
)
from tests.tui.test_attention_tab import attention_session

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


@asynccontextmanager
async def held_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[PortingApp, Pilot[Any], HeldFirstRequest]]:
    """The app with Needs attention, run until its list screen is mounted, its first page
    held until ``release`` is set; the start waits for it however long that takes (no
    wall-clock deadline in a test)."""
    monkeypatch.setattr(order_list_screen, "START_AT_MOST_S", 3600.0)
    transport = HeldFirstRequest(httpx.ASGITransport(app=make_emulator().app))
    app = PortingApp(attention_session(tmp_path, transport=transport))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: list_screen(app).is_mounted, "the list screen")
        yield app, pilot, transport


def attention_views(app: PortingApp) -> list[AttentionView]:
    return list(app.screen.query(AttentionView))


async def test_needs_attention_and_the_find_box_join_after_the_first_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with held_start(tmp_path, monkeypatch) as (app, pilot, transport):
        await pilot.pause()
        # Hidden at the start, neither is built while the first page is awaited.
        assert attention_views(app) == []
        assert list(app.screen.query(Input)) == []
        transport.release.set()
        await wait_until(
            pilot,
            lambda: bool(attention_views(app)) and attention_views(app)[0].ranked_once,
            "Needs attention's first ranking",
        )
        assert len(list_screen(app).table.visible_orders) > 0
        # Mounted after its switcher, it is hidden as the switcher hides what it does not
        # show, until the ranking has orders and the app shows it first (start_on=attention).
        await settle(pilot)
        switcher = app.screen.query_one(ContentSwitcher)
        view = attention_views(app)[0]
        assert view.items and switcher.current == view.id and view.display
        await pilot.press("1")
        assert switcher.current == "orders" and not view.display


async def test_the_find_box_opens_before_the_first_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with held_start(tmp_path, monkeypatch) as (app, pilot, transport):
        await pilot.press("slash", "7")
        find = app.screen.query_one("#find", Input)
        assert find.display and find.has_focus and find.value == "7"
        assert list_screen(app).table.find_text == "7"
        transport.release.set()
        await wait_until(
            pilot, lambda: len(list_screen(app).table.visible_orders) > 0, "the first page"
        )
        assert all("7" in str(order.id) for order in list_screen(app).table.visible_orders)


async def test_the_list_screens_css_is_parsed_with_the_apps_not_again_at_its_push(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Textual parses every source again (and restyles every node) when a pushed screen brings
    # CSS it has not read; the first screen's is read with the app's own.
    reparses: list[object] = []
    reparse = Stylesheet.reparse

    def counted(stylesheet: Stylesheet) -> None:
        reparses.append(stylesheet)
        reparse(stylesheet)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    app, _ = watched_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(list_screen(app).table.visible_orders) > 0
        assert reparses == []
        assert any(path.endswith("order_list_screen.tcss") for path, _ in app.stylesheet.source)


async def test_quitting_while_the_first_page_loads_is_no_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with held_start(tmp_path, monkeypatch) as (app, pilot, _):
        await pilot.press("q")
    assert app.return_code == 0


class Elsewhere(Exception):
    """Stands for an error that ends the app while its first page loads."""


async def test_an_app_torn_down_while_the_first_page_loads_reports_nothing_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The load is cancelled after the screen's widgets are gone: it must not look for them
    # (that was a second crash report, about the table, hiding the first error).
    with pytest.raises(Elsewhere):
        async with held_start(tmp_path, monkeypatch):
            raise Elsewhere
    assert not list((tmp_path / "xdg-state").rglob("crash-*"))
