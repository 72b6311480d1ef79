"""The header's spinner turns only while a request is in flight, and says what is loading."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
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
