"""``parse_webhook`` reads all five event kinds, with ``type`` or the older ``event``."""

from __future__ import annotations

import json
from typing import Any

import pytest

from porting_tui.client import (
    InvalidResponseError,
    OrderSnapshot,
    WebhookEventType,
    parse_webhook,
)
from tests.client.samples import order_json
from tests.contract.validator import validate_schema

SCHEMA_BY_TYPE = {
    "ORDER_UPDATED": "OrderWebhookStatusEvent",
    "NUMBERS_ACTIVATED": "NumberStatusWebhookStatusEvent",
    "NUMBERS_CONFIRMED": "NumberStatusWebhookStatusEvent",
    "NUMBERS_REJECTED": "NumberStatusWebhookStatusEvent",
    "NEW_ORDER_NOTE": "NewNoteWebhookStatusEvent",
}


def _webhook_order() -> dict[str, Any]:
    order = order_json()
    del order["id"]
    return order


EVENTS: dict[str, dict[str, Any]] = {
    "ORDER_UPDATED": {"order": _webhook_order()},
    "NUMBERS_ACTIVATED": {"phoneNumbers": [
        {"phoneNumber": "+12025550123", "status": "ACTIVATED",
         "activatedDate": "2024-09-24T14:00:00Z"}]},
    "NUMBERS_CONFIRMED": {"phoneNumbers": [
        {"phoneNumber": "+12025550123", "status": "CONFIRMED",
         "confirmedDate": "2024-09-24T14:00:00Z"}]},
    "NUMBERS_REJECTED": {"phoneNumbers": [
        {"phoneNumber": "+12025550123", "status": "REJECTED",
         "rejectReason": "Invalid port-out PIN"}]},
    "NEW_ORDER_NOTE": {"note": "This is a note"},
}  # fmt: skip


@pytest.mark.parametrize("kind", list(EVENTS))
@pytest.mark.parametrize("key", ["type", "event"])
def test_each_event_kind_is_parsed(kind: str, key: str) -> None:
    body = {key: kind, "orderId": "897867", **EVENTS[kind]}
    if key == "type":
        validate_schema(SCHEMA_BY_TYPE[kind], body)
    event = parse_webhook(json.dumps(body).encode())
    assert event.type == WebhookEventType(kind)
    assert event.order_id == "897867"
    if kind == "ORDER_UPDATED":
        assert isinstance(event.order, OrderSnapshot)
        assert event.order.status == "PENDING"
        assert event.order.phone_numbers[0].phone_number == "+12025550123"
    elif kind == "NEW_ORDER_NOTE":
        assert event.note == "This is a note"
        assert event.phone_numbers is None
    else:
        assert event.phone_numbers is not None
        assert event.phone_numbers[0].status == EVENTS[kind]["phoneNumbers"][0]["status"]
        assert event.order is None


def test_rejected_numbers_carry_their_reason() -> None:
    event = parse_webhook(
        json.dumps({"type": "NUMBERS_REJECTED", "orderId": "1", **EVENTS["NUMBERS_REJECTED"]})
    )
    assert event.phone_numbers is not None
    assert event.phone_numbers[0].reject_reason == "Invalid port-out PIN"


def test_a_numeric_order_id_becomes_text() -> None:
    event = parse_webhook(b'{"type": "NEW_ORDER_NOTE", "orderId": 897867, "note": "hi"}')
    assert event.order_id == "897867"


def test_an_unknown_event_type_is_kept() -> None:
    event = parse_webhook(b'{"type": "ORDER_ARCHIVED", "orderId": "5", "reason": "old"}')
    assert event.type == "ORDER_ARCHIVED"
    assert event.model_extra == {"reason": "old"}


def test_an_order_id_inside_the_order_of_an_older_render_is_kept() -> None:
    body = {"event": "ORDER_UPDATED", "orderId": "5", "order": {**_webhook_order(), "id": 5}}
    event = parse_webhook(json.dumps(body))
    assert event.order is not None
    assert event.order.model_extra == {"id": 5}


@pytest.mark.parametrize(
    "body",
    [b"not json", b"[1, 2]", b'{"orderId": "5"}', b'{"type": "NEW_ORDER_NOTE"}', b"\xff\xfe"],
)
def test_bodies_that_are_not_events_raise_invalid_response(body: bytes) -> None:
    with pytest.raises(InvalidResponseError):
        parse_webhook(body)
