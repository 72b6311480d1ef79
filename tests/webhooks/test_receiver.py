"""The receiver accepts every documented event, and refuses bad requests with a 4xx."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from porting_tui.webhooks import (
    BasicCredentials,
    ReceivedEvent,
    ReceiverOptions,
    Rejection,
    SharedSecret,
    WebhookEventStore,
    WebhookReceiver,
)
from tests.contract.validator import validate_schema
from tests.webhooks.samples import EVENT_TYPES, event_body, event_bytes

SCHEMA_BY_TYPE = {
    "ORDER_UPDATED": "OrderWebhookStatusEvent",
    "NUMBERS_ACTIVATED": "NumberStatusWebhookStatusEvent",
    "NUMBERS_CONFIRMED": "NumberStatusWebhookStatusEvent",
    "NUMBERS_REJECTED": "NumberStatusWebhookStatusEvent",
    "NEW_ORDER_NOTE": "NewNoteWebhookStatusEvent",
}


class Recorder:
    def __init__(self) -> None:
        self.events: list[ReceivedEvent] = []
        self.rejections: list[Rejection] = []


def make_client(events: WebhookEventStore, recorder: Recorder, **options: Any) -> httpx.AsyncClient:
    receiver = WebhookReceiver(
        events,
        ReceiverOptions(**options),
        on_event=recorder.events.append,
        on_rejected=recorder.rejections.append,
    )
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=receiver.app, client=("127.0.0.1", 40000)),
        base_url="http://127.0.0.1:8788",
    )


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
async def client(events: WebhookEventStore, recorder: Recorder) -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(events, recorder) as http:
        yield http


@pytest.mark.parametrize("kind", EVENT_TYPES)
@pytest.mark.parametrize("key", ["type", "event"])
async def test_every_documented_event_is_stored_with_either_field_name(
    client: httpx.AsyncClient,
    events: WebhookEventStore,
    recorder: Recorder,
    kind: str,
    key: str,
) -> None:
    body = event_body(kind, key=key)
    if key == "type":
        validate_schema(SCHEMA_BY_TYPE[kind], body)
    raw = json.dumps(body, indent=1)
    response = await client.post("/porting-events", content=raw)
    assert response.status_code == 200
    [stored] = events.recent()
    assert (stored.event_type, stored.order_id) == (kind, "897867")
    assert stored.body == raw
    assert response.json()["received"] == stored.id
    assert recorder.events == [stored]


@pytest.mark.parametrize("order_id", [897867, "897867"])
async def test_order_id_is_accepted_as_number_or_string(
    client: httpx.AsyncClient, events: WebhookEventStore, order_id: int | str
) -> None:
    response = await client.post(
        "/porting-events", content=event_bytes("NEW_ORDER_NOTE", order_id=order_id)
    )
    assert response.status_code == 200
    assert events.recent()[0].order_id == "897867"
    assert events.recent()[0].numeric_order_id == 897867


async def test_trailing_slash_reaches_the_same_path(
    client: httpx.AsyncClient, events: WebhookEventStore
) -> None:
    response = await client.post("/porting-events/", content=event_bytes("NEW_ORDER_NOTE"))
    assert response.status_code == 200
    assert events.count() == 1


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"[1, 2]",
        b'{"orderId": "1"}',
        b'{"type": "NEW_ORDER_NOTE"}',
        b'{"type": "NEW_ORDER_NOTE", "orderId": {"x": 1}}',
        b'{"type": "NUMBERS_REJECTED", "orderId": "1", "phoneNumbers": "lots"}',
        b"\xff\xfe{}",
    ],
)
async def test_malformed_bodies_get_400_and_nothing_is_stored(
    client: httpx.AsyncClient, events: WebhookEventStore, recorder: Recorder, body: bytes
) -> None:
    response = await client.post("/porting-events", content=body)
    assert response.status_code == 400
    assert response.json()["error"]
    assert events.count() == 0
    assert [r.status for r in recorder.rejections] == [400]


async def test_receiver_keeps_working_after_a_bad_request(
    client: httpx.AsyncClient, events: WebhookEventStore
) -> None:
    assert (await client.post("/porting-events", content=b"{")).status_code == 400
    assert (
        await client.post("/porting-events", content=event_bytes("NEW_ORDER_NOTE"))
    ).status_code == 200
    assert events.count() == 1


async def test_oversized_body_with_a_length_is_refused_with_413(
    events: WebhookEventStore, recorder: Recorder
) -> None:
    async with make_client(events, recorder, max_body_bytes=2048) as http:
        big = event_body("NEW_ORDER_NOTE")
        big["note"] = "x" * 4096
        response = await http.post("/porting-events", json=big)
    assert response.status_code == 413
    assert events.count() == 0
    assert recorder.rejections[0].status == 413


async def test_oversized_chunked_body_is_refused_with_413(
    events: WebhookEventStore, recorder: Recorder
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"type": "NEW_ORDER_NOTE", "orderId": "1", "note": "'
        for _ in range(10):
            yield b"y" * 1000
        yield b'"}'

    async with make_client(events, recorder, max_body_bytes=2048) as http:
        response = await http.post("/porting-events", content=chunks())
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert events.count() == 0


async def test_a_body_at_the_limit_is_accepted(
    events: WebhookEventStore, recorder: Recorder
) -> None:
    body = event_body("NEW_ORDER_NOTE")
    body["note"] = ""
    body["note"] = "z" * (2048 - len(json.dumps(body)))
    raw = json.dumps(body).encode()
    assert len(raw) == 2048
    async with make_client(events, recorder, max_body_bytes=2048) as http:
        response = await http.post("/porting-events", content=raw)
    assert response.status_code == 200


async def test_other_paths_and_methods_are_refused(
    client: httpx.AsyncClient, events: WebhookEventStore, recorder: Recorder
) -> None:
    assert (await client.post("/other", content=event_bytes("NEW_ORDER_NOTE"))).status_code == 404
    assert (await client.get("/porting-events")).status_code == 405
    assert events.count() == 0
    assert [(r.method, r.path, r.status) for r in recorder.rejections] == [
        ("POST", "/other", 404),
        ("GET", "/porting-events", 405),
    ]


async def test_a_custom_path_is_used(events: WebhookEventStore, recorder: Recorder) -> None:
    async with make_client(events, recorder, path="hooks/sinch/") as http:
        assert (
            await http.post("/hooks/sinch", content=event_bytes("NEW_ORDER_NOTE"))
        ).status_code == 200
        assert (
            await http.post("/porting-events", content=event_bytes("NEW_ORDER_NOTE"))
        ).status_code == 404


async def test_a_failing_listener_does_not_fail_the_delivery(events: WebhookEventStore) -> None:
    def broken(event: ReceivedEvent) -> None:
        raise RuntimeError("listener bug")

    receiver = WebhookReceiver(events, on_event=broken)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=receiver.app), base_url="http://127.0.0.1"
    ) as http:
        response = await http.post("/porting-events", content=event_bytes("NEW_ORDER_NOTE"))
    assert response.status_code == 200
    assert events.count() == 1


async def test_events_are_stored_with_the_receivers_profile(
    events: WebhookEventStore, recorder: Recorder
) -> None:
    async with make_client(events, recorder, profile="acme-prod") as http:
        await http.post("/porting-events", content=event_bytes("NEW_ORDER_NOTE"))
    assert events.recent()[0].profile == "acme-prod"


SECRET = SharedSecret("s3cret-value")


@pytest.mark.parametrize(
    ("url", "headers"),
    [
        ("/porting-events?secret=s3cret-value", {}),
        ("/porting-events", {"X-Webhook-Secret": "s3cret-value"}),
        ("/porting-events", {"Authorization": "Bearer s3cret-value"}),
    ],
)
async def test_shared_secret_is_accepted_in_url_header_or_bearer(
    events: WebhookEventStore, recorder: Recorder, url: str, headers: dict[str, str]
) -> None:
    async with make_client(events, recorder, auth=SECRET) as http:
        response = await http.post(url, content=event_bytes("NEW_ORDER_NOTE"), headers=headers)
    assert response.status_code == 200
    assert events.count() == 1


@pytest.mark.parametrize(
    ("url", "headers"),
    [
        ("/porting-events", {}),
        ("/porting-events?secret=wrong", {}),
        ("/porting-events", {"X-Webhook-Secret": "s3cret-valuE"}),
        ("/porting-events", {"Authorization": "Bearer nope"}),
        ("/porting-events", {"Authorization": "Basic czNjcmV0LXZhbHVlOg=="}),
    ],
)
async def test_missing_or_wrong_secret_gets_401(
    events: WebhookEventStore, recorder: Recorder, url: str, headers: dict[str, str]
) -> None:
    async with make_client(events, recorder, auth=SECRET) as http:
        response = await http.post(url, content=event_bytes("NEW_ORDER_NOTE"), headers=headers)
    assert response.status_code == 401
    assert "www-authenticate" not in response.headers
    assert events.count() == 0
    rejection = recorder.rejections[0]
    assert rejection.path == "/porting-events"
    assert "s3cret" not in repr(rejection) and "s3cret" not in repr(SECRET)


BASIC = BasicCredentials("sinch", "pa:ss wörd")


def basic(user: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


async def test_right_basic_credentials_are_accepted(
    events: WebhookEventStore, recorder: Recorder
) -> None:
    async with make_client(events, recorder, auth=BASIC) as http:
        response = await http.post(
            "/porting-events",
            content=event_bytes("NEW_ORDER_NOTE"),
            headers=basic("sinch", "pa:ss wörd"),
        )
    assert response.status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {},
        basic("sinch", "wrong"),
        basic("other", "pa:ss wörd"),
        {"Authorization": "Basic not-base64!"},
        {"Authorization": "Basic " + base64.b64encode(b"no-colon").decode()},
        {"Authorization": "Bearer sinch"},
    ],
)
async def test_wrong_basic_credentials_get_401_with_a_challenge(
    events: WebhookEventStore, recorder: Recorder, headers: dict[str, str]
) -> None:
    async with make_client(events, recorder, auth=BASIC) as http:
        response = await http.post(
            "/porting-events", content=event_bytes("NEW_ORDER_NOTE"), headers=headers
        )
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Basic ")
    assert events.count() == 0
    assert "pa:ss" not in repr(BASIC)


def test_credentials_refuse_empty_values() -> None:
    with pytest.raises(ValueError):
        SharedSecret("")
    with pytest.raises(ValueError):
        BasicCredentials("a:b", "x")
    with pytest.raises(ValueError):
        BasicCredentials("a", "")
