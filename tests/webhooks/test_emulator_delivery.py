"""End to end: the emulator's order lifecycle posts events to a running receiver over loopback."""

from __future__ import annotations

import json

from porting_tui.webhooks import (
    BasicCredentials,
    ReceiverOptions,
    ReceiverServer,
    SharedSecret,
    WebhookEventStore,
    WebhookReceiver,
)
from tests.webhooks.emulator_helpers import drive_lifecycle, emulator_log, running_emulator


async def test_lifecycle_events_reach_the_receiver_and_are_stored(
    events: WebhookEventStore,
) -> None:
    server = ReceiverServer(WebhookReceiver(events), "127.0.0.1", 0)
    await server.start()
    try:
        async with running_emulator() as running:
            order_id = await drive_lifecycle(running, server.url)
            sent = await emulator_log(running)
    finally:
        await server.stop()
    assert {record["delivery"] for record in sent} == {"delivered (HTTP 200)"}
    stored = list(reversed(events.recent()))
    assert [(e.event_type, e.order_id) for e in stored] == [
        (record["type"], record["orderId"]) for record in sent
    ]
    assert [e.data() for e in stored] == [record["body"] for record in sent]
    kinds = {e.event_type for e in stored}
    assert {"ORDER_UPDATED", "NUMBERS_CONFIRMED", "NUMBERS_REJECTED", "NEW_ORDER_NOTE"} <= kinds
    assert "NUMBERS_ACTIVATED" in kinds
    assert {e.order_id for e in stored} == {str(order_id)}
    rejected = next(e for e in stored if e.event_type == "NUMBERS_REJECTED")
    assert json.loads(rejected.body)["phoneNumbers"][0]["rejectReason"]


async def test_emulator_with_the_secret_in_the_url_is_accepted(
    events: WebhookEventStore,
) -> None:
    options = ReceiverOptions(auth=SharedSecret("tunnel-secret"))
    server = ReceiverServer(WebhookReceiver(events, options), "127.0.0.1", 0)
    await server.start()
    try:
        async with running_emulator() as running:
            await drive_lifecycle(running, f"{server.url}?secret=tunnel-secret")
            sent = await emulator_log(running)
    finally:
        await server.stop()
    assert sent and events.count() == len(sent)


async def test_emulator_with_basic_credentials_in_the_url_is_accepted(
    events: WebhookEventStore,
) -> None:
    options = ReceiverOptions(auth=BasicCredentials("sinch", "hook-pass"))
    server = ReceiverServer(WebhookReceiver(events, options), "127.0.0.1", 0)
    await server.start()
    try:
        async with running_emulator() as running:
            url = server.url.replace("http://", "http://sinch:hook-pass@")
            await drive_lifecycle(running, url)
            sent = await emulator_log(running)
    finally:
        await server.stop()
    assert sent and events.count() == len(sent)


async def test_emulator_without_the_secret_is_refused_and_nothing_stored(
    events: WebhookEventStore,
) -> None:
    options = ReceiverOptions(auth=SharedSecret("tunnel-secret"))
    server = ReceiverServer(WebhookReceiver(events, options), "127.0.0.1", 0)
    await server.start()
    try:
        async with running_emulator() as running:
            await drive_lifecycle(running, server.url)
            sent = await emulator_log(running)
    finally:
        await server.stop()
    assert sent and all("HTTP 401" in record["delivery"] for record in sent)
    assert events.count() == 0
