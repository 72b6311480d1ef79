"""The receiver served over loopback by uvicorn: free ports, busy ports, listen addresses."""

from __future__ import annotations

import socket

import httpx
import pytest

from porting_tui.webhooks import (
    ListenAddress,
    ListenAddressError,
    ReceiverServer,
    WebhookEventStore,
    WebhookReceiver,
    parse_listen_address,
)
from tests.webhooks.samples import event_bytes


async def test_server_on_a_free_port_receives_events_and_stops(events: WebhookEventStore) -> None:
    server = ReceiverServer(WebhookReceiver(events), "127.0.0.1", 0)
    await server.start()
    try:
        assert server.port > 0 and server.running
        assert server.url == f"http://127.0.0.1:{server.port}/porting-events"
        async with httpx.AsyncClient(trust_env=False) as http:
            response = await http.post(server.url, content=event_bytes("NUMBERS_ACTIVATED"))
        assert response.status_code == 200
        assert events.count() == 1
    finally:
        await server.stop()
    assert not server.running


async def test_a_busy_port_is_a_clear_error(events: WebhookEventStore) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        server = ReceiverServer(WebhookReceiver(events), "127.0.0.1", port)
        with pytest.raises(ListenAddressError, match=f"cannot listen on 127.0.0.1:{port}"):
            await server.start()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("127.0.0.1:8788", ListenAddress("127.0.0.1", 8788)),
        ("localhost:9000", ListenAddress("localhost", 9000)),
        ("[::1]:8788", ListenAddress("::1", 8788)),
        ("8788", ListenAddress("127.0.0.1", 8788)),
        ("127.0.0.1:0", ListenAddress("127.0.0.1", 0)),
        (" 0.0.0.0:80 ", ListenAddress("0.0.0.0", 80)),
    ],
)
def test_listen_addresses_are_read(text: str, expected: ListenAddress) -> None:
    assert parse_listen_address(text) == expected


@pytest.mark.parametrize(
    "text", ["", "127.0.0.1", "127.0.0.1:", "host:http", ":8788", "1:70000", "1:-1"]
)
def test_bad_listen_addresses_are_refused(text: str) -> None:
    with pytest.raises(ListenAddressError, match="host:port"):
        parse_listen_address(text)


def test_listen_address_is_shown_as_written() -> None:
    assert str(ListenAddress("::1", 8788)) == "[::1]:8788"
    assert str(ListenAddress("127.0.0.1", 8788)) == "127.0.0.1:8788"
