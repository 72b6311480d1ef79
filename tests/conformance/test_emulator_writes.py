"""Successful writes, judged by schemathesis against the official file in both wire styles.

Generated bodies almost never name a real portable number, so the generated run sees creates
and updates refused; this walks one order through every write the API has, with bodies the
emulator accepts, and holds each answer to the same checks and allow-list.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from schemathesis.python import asgi

from porting_tui.emulator import Emulator, EmulatorSettings, create_emulator
from porting_tui.emulator.dates import WIRE_STYLES
from tests.conformance.schemathesis_run import SCHEMA, call_and_judge
from tests.emulator.conftest import order_body, portable_number

START = datetime(2025, 3, 11, 15, 0, tzinfo=UTC)


@pytest.fixture(params=WIRE_STYLES)
def emulator(request: pytest.FixtureRequest) -> Emulator:
    return create_emulator(
        EmulatorSettings(speed=0, start=START, webhook_delivery=False, wire_style=request.param)
    )


@pytest.fixture
def session(emulator: Emulator) -> Iterator[Any]:
    with asgi.get_client(emulator.app) as client:
        yield client


def send(emulator: Emulator, session: Any, label: str, status: int, **parts: Any) -> Any:
    """The JSON answer to ``label`` with ``parts``, after the checks and the status."""
    method, path = label.split(" ", 1)
    case = SCHEMA[path][method].Case(**parts)
    response = call_and_judge(case, session, emulator.settings.wire_style)
    assert response.status_code == status, response.text
    return response.json() if response.content else None


def test_every_write_is_answered_as_the_file_says(emulator: Emulator, session: Any) -> None:
    order_path = "/orders/portIns/{orderId}"
    defaults = {"defaultPortTime": "10:00:00", "defaultPortTimeZone": "US/Central"}
    send(emulator, session, "POST /configuration", 200, body=defaults)
    send(emulator, session, "PUT /configuration", 200, body={**defaults, "webhookUrl": ""})
    send(emulator, session, "GET /configuration", 200)
    phone = portable_number(wireless=True)
    checked = send(
        emulator, session, "POST /portabilityChecks", 200, body={"phoneNumbers": [phone]}
    )
    assert checked["phoneNumbers"][0]["portable"] is True

    body = order_body(phone, onDemandActivation=True)
    created = send(emulator, session, "POST /orders/portIns", 201, body=body)
    ids = {"orderId": created["id"]}
    # The reference's PUT example sends authorizingDate as a date-time (a recent one here:
    # its own 2024-09-24 would be an expired LOA, and the number would be rejected).
    body["phoneNumbers"][0]["portOutInfo"]["authorizingDate"] = "2025-03-04T12:00:00Z"
    send(emulator, session, f"PUT {order_path}", 200, path_parameters=ids, body=body)
    send(
        emulator,
        session,
        f"POST {order_path}/notes",
        200,
        path_parameters=ids,
        body={"note": "The customer confirmed the PIN."},
    )
    loa = base64.b64encode(b"%PDF-1.4 letter of authorization").decode()
    document = send(
        emulator,
        session,
        f"POST {order_path}/documents",
        200,
        path_parameters=ids,
        body={"documentName": "loa.pdf", "description": "LOA", "fileContent": loa},
    )
    send(
        emulator,
        session,
        "GET /orders/{orderId}/documents/{documentId}",
        200,
        path_parameters={**ids, "documentId": str(document["id"])},
    )

    emulator.advance(timedelta(days=8))
    send(emulator, session, f"GET {order_path}", 200, path_parameters=ids)
    [group] = send(
        emulator, session, f"GET {order_path}/availableActivations", 200, path_parameters=ids
    )
    send(
        emulator,
        session,
        f"POST {order_path}/activate",
        200,
        path_parameters=ids,
        body={"phoneNumberGroups": [group["phoneNumberGroup"]]},
    )
    send(emulator, session, "GET /orders/portIns", 200, query={"orderId": created["id"]})

    later = order_body(date="2025-03-31")
    other = send(emulator, session, "POST /orders/portIns", 201, body=later)
    other_ids = {"orderId": other["id"]}
    send(emulator, session, f"DELETE {order_path}", 200, path_parameters=other_ids)
    cancelling = send(emulator, session, f"GET {order_path}", 200, path_parameters=other_ids)
    assert cancelling["status"] == "PENDING_CANCELATION"
