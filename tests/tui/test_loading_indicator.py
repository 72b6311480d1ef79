"""The header's spinner turns only while a request is in flight, and says what is loading,
redrawing its own line rather than the screen."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest
from textual._compositor import Compositor
from textual.screen import Screen
from textual.widgets import Static

from porting_tui.tui.app import PortingApp
from porting_tui.tui.widgets.status_header import StatusHeader
from tests.tui.conftest import make_emulator, make_session, settle, wait_until


class HeldTransport(httpx.AsyncBaseTransport):
    """Passes requests on; while ``hold`` is set, requests wait until it is cleared."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.hold = False
        self.released = asyncio.Event()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.hold:
            await self.released.wait()
        return await self.inner.handle_async_request(request)


def freshness(app: PortingApp) -> str:
    return str(app.screen.query_one(StatusHeader).query_one("#freshness", Static).render())


async def test_the_spinner_stops_when_nothing_is_requested(tmp_path: Path) -> None:
    transport = HeldTransport(httpx.ASGITransport(app=make_emulator(orders=20).app))
    app = PortingApp(make_session(transport, tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.busy
        assert freshness(app) == "updated 14:00:00"

        transport.hold = True
        await pilot.press("r")
        await wait_until(pilot, lambda: app.busy, "the refresh to be in flight")
        await wait_until(pilot, lambda: "listing orders" in freshness(app), "the header")
        assert app.activity.startswith("listing orders")

        transport.hold = False
        transport.released.set()
        await wait_until(pilot, lambda: not app.busy, "the refresh to end")
        await settle(pilot)
        assert freshness(app) == "updated 14:00:00"


async def test_requests_coming_and_going_redraw_the_headers_line_not_the_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Needs attention's first refresh changes the activity with every request, dozens a
    # second: each change laid out and redrew the whole screen.
    app = PortingApp(make_session(httpx.ASGITransport(app=make_emulator().app), tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        full_updates: list[object] = []
        layouts: list[object] = []
        full_update = Compositor.render_full_update
        refresh_layout = Screen._refresh_layout

        def counted_full_update(compositor: Compositor, *args: Any, **kwargs: Any) -> Any:
            full_updates.append(compositor)
            return full_update(compositor, *args, **kwargs)

        def counted_layout(screen: Screen[Any], *args: Any, **kwargs: Any) -> None:
            layouts.append(screen)
            refresh_layout(screen, *args, **kwargs)

        monkeypatch.setattr(Compositor, "render_full_update", counted_full_update)
        monkeypatch.setattr(Screen, "_refresh_layout", counted_layout)
        app.busy = True
        for count in range(10, 30):
            app.activity = f"reading order details +{count}"
            await pilot.pause()
        await wait_until(pilot, lambda: "+29" in freshness(app), "the header")
        # At most once as it turns busy and once for the width of the text; the rest are
        # repaints of its line.
        assert len(layouts) <= 2 and len(full_updates) <= 2, (len(layouts), len(full_updates))
