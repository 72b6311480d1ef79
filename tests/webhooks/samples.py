"""Webhook bodies of every documented kind, as the contract shows them."""

from __future__ import annotations

import json
from typing import Any

ORDER = {
    "customerOrderReference": "ACME-42",
    "desiredPortSchedule": {
        "desiredPortDate": "2026-12-03",
        "desiredPortTime": "09:00:00",
        "desiredPortTimeZone": "US/Eastern",
    },
    "status": "PENDING",
    "onDemandActivation": False,
    "phoneNumbers": [
        {
            "phoneNumber": "+13125550143",
            "status": "PENDING",
            "portOutInfo": {"existingPortOutPin": "4821", "accountNum": "99887766"},
            "endUser": {
                "name": "Harbor Dental",
                "streetNum": "123",
                "streetName": "Main",
                "city": "Chicago",
                "state": "IL",
                "zipCode": "60601",
            },
        }
    ],
}

EXTRA_FIELDS: dict[str, dict[str, Any]] = {
    "ORDER_UPDATED": {"order": ORDER},
    "NUMBERS_ACTIVATED": {"phoneNumbers": [
        {"phoneNumber": "+13125550143", "status": "ACTIVATED",
         "activatedDate": "2026-12-03T14:00:00Z"}]},
    "NUMBERS_CONFIRMED": {"phoneNumbers": [
        {"phoneNumber": "+13125550143", "status": "CONFIRMED",
         "confirmedDate": "2026-11-28T14:00:00Z"}]},
    "NUMBERS_REJECTED": {"phoneNumbers": [
        {"phoneNumber": "+13125550143", "status": "REJECTED",
         "rejectReason": "Invalid port-out PIN"}]},
    "NEW_ORDER_NOTE": {"note": "Please send a copy of the latest bill."},
}  # fmt: skip
EVENT_TYPES = list(EXTRA_FIELDS)


def event_body(kind: str, *, key: str = "type", order_id: str | int = "897867") -> dict[str, Any]:
    return {key: kind, "orderId": order_id, **EXTRA_FIELDS[kind]}


def event_bytes(kind: str, **options: Any) -> bytes:
    return json.dumps(event_body(kind, **options)).encode()
