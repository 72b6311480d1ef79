"""Fixtures of the detail screen tests: an emulator without seed orders, orders made to order
(rejected, on demand, with notes and documents), and the app opened on one of them."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from textual.pilot import Pilot

from porting_tui.client import (
    DesiredPortSchedule,
    NewOrder,
    Order,
    PortingClient,
)
from porting_tui.emulator import Emulator
from porting_tui.listing.session import Session
from porting_tui.tui.app import PortingApp
from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen
from tests.tui.conftest import RecordingTransport, make_emulator, make_session, new_number, settle

NUMBERS = ("+13125550143", "+13125550144", "+13125550177")
PORT_DATE = date(2026, 12, 15)
CARRIER_ANSWERS = timedelta(hours=5)
"""Long enough for wireless (1 h) and wireline (4 h) carriers to answer."""


async def make_order(
    client: PortingClient,
    pins: dict[str, str],
    *,
    reference: str = "ACME-42",
    on_demand: bool = False,
    port_date: date = PORT_DATE,
) -> Order:
    """A new order of ``pins`` (number -> PIN; PIN 0000 is always rejected by the carrier)."""
    return await client.orders.create(
        NewOrder(
            customer_order_reference=reference,
            on_demand_activation=on_demand,
            desired_port_schedule=DesiredPortSchedule(
                desired_port_date=port_date,
                desired_port_time="09:00:00",
                desired_port_time_zone="US/Eastern",
            ),
            phone_numbers=[new_number(phone, pin) for phone, pin in pins.items()],
        )
    )


@dataclass
class Detail:
    app: PortingApp
    pilot: Pilot[None]
    emulator: Emulator
    transport: RecordingTransport

    @property
    def screen(self) -> OrderDetailScreen:
        screen = self.app.screen
        assert isinstance(screen, OrderDetailScreen), f"on {type(screen).__name__}"
        return screen

    async def settle(self) -> None:
        await settle(self.pilot)

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await settle(self.pilot)

    async def open(self, order_id: int) -> OrderDetailScreen:
        self.app.push_screen(OrderDetailScreen(self.app.session, order_id))
        await settle(self.pilot)
        return self.screen

    def notifications(self) -> list[str]:
        return [notification.message for notification in self.app._notifications]


@pytest.fixture
def emulator() -> Emulator:
    return make_emulator(orders=0)


@pytest.fixture
def transport(emulator: Emulator) -> RecordingTransport:
    return RecordingTransport(httpx.ASGITransport(app=emulator.app))


SessionFactory = Callable[..., Session]


@pytest.fixture
def session_factory(transport: RecordingTransport, tmp_path: Path) -> SessionFactory:
    def build(**overrides: Any) -> Session:
        return make_session(transport, tmp_path, **overrides)

    return build


@pytest.fixture
async def detail(
    session_factory: SessionFactory, emulator: Emulator, transport: RecordingTransport
) -> AsyncIterator[Detail]:
    app = PortingApp(session_factory())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        yield Detail(app, pilot, emulator, transport)


async def rejected_order(detail: Detail, **options: Any) -> Order:
    """An order whose first two numbers the carrier rejected (PIN 0000) and the third confirmed."""
    client = detail.app.session.client
    pins = {NUMBERS[0]: "0000", NUMBERS[1]: "0000", NUMBERS[2]: "1234"}
    order = await make_order(client, pins, **options)
    detail.emulator.advance(CARRIER_ANSWERS)
    return order


Handler = Callable[[httpx.Request, httpx.AsyncBaseTransport], Awaitable[httpx.Response]]


def intercept(transport: RecordingTransport, handler: Handler) -> None:
    """Send every request through ``handler``, which may answer or pass it to the emulator."""
    inner = transport.inner

    class Intercepting(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            return await handler(request, inner)

    transport.inner = Intercepting()


def fail_requests(
    transport: RecordingTransport, method: str, status: int, suffix: str = ""
) -> None:
    """Make ``method`` requests whose path ends with ``suffix`` answer ``status``."""

    async def failing(request: httpx.Request, inner: httpx.AsyncBaseTransport) -> httpx.Response:
        if request.method == method and request.url.path.endswith(suffix):
            body = {"code": str(status), "message": f"Emulated {status} failure"}
            return httpx.Response(status, json=body, request=request)
        return await inner.handle_async_request(request)

    intercept(transport, failing)


def rewrite_order(
    transport: RecordingTransport, order_id: int, change: Callable[[dict[str, Any]], None]
) -> None:
    """GETs of the order come back with ``change`` applied to the emulator's answer."""
    path = f"/orders/portIns/{order_id}"

    async def rewriting(request: httpx.Request, inner: httpx.AsyncBaseTransport) -> httpx.Response:
        response = await inner.handle_async_request(request)
        if request.method != "GET" or not request.url.path.endswith(path):
            return response
        body = json.loads(await response.aread())
        change(body)
        return httpx.Response(200, json=body, request=request)

    intercept(transport, rewriting)


def stop_intercepting(transport: RecordingTransport, emulator: Emulator) -> None:
    transport.inner = httpx.ASGITransport(app=emulator.app)
