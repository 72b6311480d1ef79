"""Webhook events reach a real receiver on loopback, in order, without holding up requests."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from porting_tui.emulator import Emulator, EmulatorSettings, create_emulator
from porting_tui.emulator.events import loopback_url
from tests.contract.validator import validate_schema
from tests.emulator.conftest import BASE_URL, START, checked, order_body

SCHEMAS = {
    "ORDER_UPDATED": "OrderWebhookStatusEvent",
    "NUMBERS_CONFIRMED": "NumberStatusWebhookStatusEvent",
    "NUMBERS_REJECTED": "NumberStatusWebhookStatusEvent",
    "NUMBERS_ACTIVATED": "NumberStatusWebhookStatusEvent",
    "NEW_ORDER_NOTE": "NewNoteWebhookStatusEvent",
}


@dataclass
class Receiver:
    """A minimal HTTP/1.1 server on 127.0.0.1 that records POSTed JSON bodies."""

    status: int = 204
    bodies: list[Any] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    release: asyncio.Event = field(default_factory=asyncio.Event)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    url: str = ""

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode().split("\r\n")
                self.paths.append(lines[0].split(" ")[1])
                headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
                length = int({k.lower(): v for k, v in headers.items()}["content-length"])
                self.bodies.append(json.loads(await reader.readexactly(length)))
                self.arrived.set()
                await self.release.wait()
                reason = b"OK" if self.status < 400 else b"Error"
                writer.write(b"HTTP/1.1 %d %s\r\nContent-Length: 0\r\n\r\n" % (self.status, reason))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    receiver = Receiver()
    receiver.release.set()
    server = await asyncio.start_server(receiver.handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    receiver.url = f"http://127.0.0.1:{port}/porting-hooks"
    async with server:
        yield receiver


class NoSleep:
    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def sleeps() -> NoSleep:
    return NoSleep()


@pytest.fixture
def emulator(sleeps: NoSleep) -> Emulator:
    return create_emulator(EmulatorSettings(speed=0, start=START), sleep=sleeps)


async def configure(api: httpx.AsyncClient, url: str) -> None:
    checked(await api.post("/configuration", json={"webhookUrl": url}), 200)


async def test_events_are_posted_to_the_receiver_in_order(
    api: httpx.AsyncClient, emulator: Emulator, receiver: Receiver
) -> None:
    await configure(api, receiver.url)
    body = order_body()
    body["phoneNumbers"][0]["portOutInfo"]["existingPortOutPin"] = "0000"
    order_id = checked(await api.post("/orders/portIns", json=body), 201)["id"]
    emulator.advance(4 * 3600)
    checked(await api.post(f"/orders/portIns/{order_id}/notes", json={"note": "Fixing it"}), 200)
    await emulator.wait_webhooks()
    logged = [record.body for record in emulator.events.records]
    assert receiver.bodies == logged
    assert [b["type"] for b in receiver.bodies] == [
        "ORDER_UPDATED",
        "NUMBERS_REJECTED",
        "NEW_ORDER_NOTE",
        "ORDER_UPDATED",
        "NEW_ORDER_NOTE",
    ]
    for event in receiver.bodies:
        validate_schema(SCHEMAS[event["type"]], event)
        assert event["orderId"] == str(order_id)
    assert set(receiver.paths) == {"/porting-hooks"}
    assert {r.delivery for r in emulator.events.records} == {"delivered (HTTP 204)"}


async def test_delivery_does_not_hold_up_the_request(
    api: httpx.AsyncClient, emulator: Emulator, receiver: Receiver
) -> None:
    receiver.release.clear()
    await configure(api, receiver.url)
    created = await api.post("/orders/portIns", json=order_body())
    assert created.status_code == 201
    await receiver.arrived.wait()
    assert emulator.events.records[0].delivery == "pending"
    receiver.release.set()
    await emulator.wait_webhooks()
    assert emulator.events.records[0].delivery == "delivered (HTTP 204)"


async def test_a_failing_receiver_is_retried_then_given_up(
    api: httpx.AsyncClient, emulator: Emulator, receiver: Receiver, sleeps: NoSleep
) -> None:
    receiver.status = 500
    await configure(api, receiver.url)
    checked(await api.post("/orders/portIns", json=order_body()), 201)
    await emulator.wait_webhooks()
    assert len(receiver.bodies) == 3
    assert emulator.events.records[0].delivery == "failed after 3 attempts: HTTP 500"
    assert sleeps.calls == [0.2, 1.0]


async def test_an_unreachable_receiver_never_breaks_the_api(
    api: httpx.AsyncClient, emulator: Emulator, receiver: Receiver
) -> None:
    dead = receiver.url.rsplit(":", 1)[0] + ":9/hooks"
    await configure(api, dead)
    assert (await api.post("/orders/portIns", json=order_body())).status_code == 201
    await emulator.wait_webhooks()
    assert emulator.events.records[0].delivery.startswith("failed after 3 attempts: ConnectError")


async def test_a_webhook_url_httpx_cannot_use_is_reported_not_raised(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    await configure(api, "http://127.0.0.1:99999/hooks")
    assert (await api.post("/orders/portIns", json=order_body())).status_code == 201
    await emulator.wait_webhooks()
    assert emulator.events.records[0].delivery.startswith("failed after 3 attempts: ")


async def test_only_loopback_webhook_urls_are_called(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    await configure(api, "https://hooks.example.com/porting")
    checked(await api.post("/orders/portIns", json=order_body()), 201)
    assert emulator.events.records[0].delivery == (
        "not sent: the emulator only calls webhook URLs on loopback addresses"
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:9000/x", "http://127.0.0.1:9000/x"),
        ("http://localhost/x", "http://localhost/x"),
        ("http://[::1]:8080/", "http://[::1]:8080/"),
        ("127.0.0.2:9000/hooks", "http://127.0.0.2:9000/hooks"),
        ("my.callback.server", None),
        ("http://10.0.0.1/x", None),
        ("ftp://127.0.0.1/x", None),
        ("http://127.0.0.1.example.com/x", None),
    ],
)
def test_loopback_url(url: str, expected: str | None) -> None:
    assert loopback_url(url) == expected


async def test_webhook_delivery_can_be_switched_off(receiver: Receiver) -> None:
    emulator = create_emulator(EmulatorSettings(speed=0, start=START, webhook_delivery=False))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=emulator.app),
        base_url=BASE_URL + "/v1/projects/demo-project",
        auth=("demo-key", "demo-secret"),
    ) as api:
        await configure(api, receiver.url)
        checked(await api.post("/orders/portIns", json=order_body()), 201)
    assert emulator.events.records[0].delivery == "not sent: webhook delivery is off"
    assert receiver.bodies == []
