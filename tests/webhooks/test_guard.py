"""The connection guard: read deadlines and caps that leave keep-alive and real deliveries be."""

from __future__ import annotations

import asyncio

import httpx

from porting_tui.webhooks import ReceiverServer, WebhookEventStore, WebhookReceiver
from porting_tui.webhooks.guard import ConnectionLimits
from tests.webhooks.samples import event_bytes

BOUND = 60.0
"""Seconds: a generous bound on waits for conditions, never a timing."""


async def test_one_keep_alive_connection_carries_several_deliveries(
    events: WebhookEventStore,
) -> None:
    server = ReceiverServer(WebhookReceiver(events), "127.0.0.1", 0)
    await server.start()
    try:
        async with httpx.AsyncClient(trust_env=False, timeout=BOUND) as http:
            kinds = ("NUMBERS_ACTIVATED", "NUMBERS_CONFIRMED", "NEW_ORDER_NOTE")
            answers = [await http.post(server.url, content=event_bytes(kind)) for kind in kinds]
    finally:
        await server.stop()
    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert events.count() == 3
    assert server.guard.evicted == 0 and server.guard.timed_out == 0


async def test_two_pipelined_requests_are_both_answered(events: WebhookEventStore) -> None:
    server = ReceiverServer(WebhookReceiver(events), "127.0.0.1", 0)
    await server.start()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        requests = b""
        for kind in ("NUMBERS_ACTIVATED", "NEW_ORDER_NOTE"):
            body = event_bytes(kind)
            requests += (
                b"POST /porting-events HTTP/1.1\r\nHost: x\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
                + body
            )
        writer.write(requests + b"GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        await writer.drain()
        answers = await asyncio.wait_for(reader.read(), BOUND)
        writer.close()
    finally:
        await server.stop()
    assert answers.count(b"HTTP/1.1 200") == 2
    assert events.count() == 2


async def test_past_the_per_address_cap_the_oldest_unfinished_request_is_closed(
    events: WebhookEventStore,
) -> None:
    server = ReceiverServer(
        WebhookReceiver(events), "127.0.0.1", 0, limits=ConnectionLimits(per_peer=2)
    )
    await server.start()
    try:
        opened = []
        for _ in range(3):
            reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
            writer.write(b"POST /porting-events HTTP/1.1\r\n")
            await writer.drain()
            opened.append((reader, writer))
        # The first is closed by the server; the two newest stay open.
        assert await asyncio.wait_for(opened[0][0].read(), BOUND) == b""
        assert server.guard.evicted == 1
        for _reader, writer in opened:
            writer.close()
    finally:
        await server.stop()
