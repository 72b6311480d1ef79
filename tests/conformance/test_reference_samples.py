"""The reference's own samples read and sent by the client (the command line and the app read
bodies shaped like them in ``test_reference_cli`` and ``test_reference_app``).

``samples/`` holds the request and response bodies of the Porting API reference and the
examples of the official OpenAPI file, each with its source. Every response sample is read
through the client's real read path; every request sample is produced by the client from its
models and checked against the contract; where a sample itself departs from the OpenAPI file
(a date-time ``authorizingDate``), the client must send the normalised form.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import httpx
import pytest

from porting_tui.client import (
    Configuration,
    NewOrder,
    Order,
    PortingClient,
    PortingStatusError,
    error_from_response,
    parse_webhook,
)
from tests.client.fake_api import FakeApi, body_of, make_client
from tests.conformance.reference_server import (
    API,
    ORDER_ID,
    PROJECT,
    SAMPLES,
    load,
    sample_names,
)
from tests.contract.validator import (
    ContractError,
    validate_request,
    validate_response,
    validate_schema,
)


def test_every_sample_names_its_source() -> None:
    names = sorted(path.name for path in SAMPLES.glob("*.json"))
    assert len(names) >= 30
    for name in names:
        assert load(name)["source"], name
    kinds = {name.rsplit(".", 2)[1] for name in names}
    assert kinds == {"request", "response", "event", "error"}


# ---------------------------------------------------------------------------------- samples
# Which client call produces each request sample and reads each response sample.

Call = Callable[[PortingClient, dict[str, Any], int], Awaitable[Any]]
UPLOAD = "upload-document.response.json"

CALLS: dict[tuple[str, str], Call] = {
    ("POST", "/portabilityChecks"): lambda c, b, i: c.portability.check(b["phoneNumbers"]),
    ("POST", "/orders/portIns"): lambda c, b, i: c.orders.create(NewOrder.model_validate(b)),
    ("GET", "/orders/portIns"): lambda c, b, i: c.orders.list_page(),
    ("GET", "/orders/portIns/{id}"): lambda c, b, i: c.orders.get(i),
    ("PUT", "/orders/portIns/{id}"): lambda c, b, i: c.orders.update(
        i, Order.model_validate({**b, "id": i})
    ),
    ("POST", "/orders/portIns/{id}/notes"): lambda c, b, i: c.orders.add_note(i, b["note"]),
    ("POST", "/orders/portIns/{id}/documents"): lambda c, b, i: c.orders.upload_document(
        i, b["documentName"], base64.b64decode(b["fileContent"]), b["description"]
    ),
    ("GET", "/orders/{id}/documents/{doc}"): lambda c, b, i: c.orders.get_document(i, 5678),
    ("GET", "/orders/portIns/{id}/availableActivations"): lambda c, b, i: c.activation.available(i),
    ("POST", "/orders/portIns/{id}/activate"): lambda c, b, i: c.activation.activate(
        i, b["phoneNumberGroups"]
    ),
    ("GET", "/configuration"): lambda c, b, i: c.configuration.get(),
    ("PUT", "/configuration"): lambda c, b, i: c.configuration.update(
        Configuration.model_validate(b)
    ),
}


def _order_id(path: str) -> int:
    return next((int(part) for part in path.split("/") if part.isdigit()), 0)


def _template(path: str) -> str:
    parts = path.strip("/").split("/")
    named = []
    for index, part in enumerate(parts):
        if part.isdigit():
            named.append("{doc}" if index and parts[index - 1] == "documents" else "{id}")
        else:
            named.append(part)
    return "/" + "/".join(named)


def _answers(api: FakeApi) -> None:
    """Plausible answers for the calls whose answer a request sample does not test."""
    api.add("POST", "/portabilityChecks", load("portability-check.response.json")["body"])
    api.add("POST", "/orders/portIns", load("create-order.response.json")["body"], status=201)
    order = load("order-detail-openapi.response.json")["body"]
    api.add("PUT", "/orders/portIns/897867", order)
    api.add("POST", "/orders/portIns/897867/notes", load("add-note.response.json")["body"])
    api.add(
        "POST", "/orders/portIns/897867/documents", load("upload-document.response.json")["body"]
    )
    api.add("POST", "/orders/portIns/897867/activate", load("activate.response.json")["body"])
    api.add("PUT", "/configuration", load("configuration.response.json")["body"])


def _at(body: Any, path: str) -> Any:
    node = body
    for part in path.replace("]", "").replace("[", ".").split("."):
        node = node[int(part)] if part.isdigit() else node[part]
    return node


def _put_at(body: Any, path: str, value: Any) -> None:
    parts = path.replace("]", "").replace("[", ".").split(".")
    node = body
    for part in parts[:-1]:
        node = node[int(part)] if part.isdigit() else node[part]
    node[parts[-1]] = value


@pytest.mark.parametrize("name", sample_names("request"))
async def test_every_request_sample_is_sent_by_the_client_as_the_contract_wants(
    name: str,
) -> None:
    sample = load(name)
    method, path, body = sample["method"], sample["path"], sample["body"]
    if "invalid_against_openapi" in sample:
        with pytest.raises(ContractError):
            validate_request(method, path, body)
    api = FakeApi()  # validates every request body it receives against the contract
    _answers(api)
    async with make_client(api) as client:
        await CALLS[(method, _template(path))](client, body, _order_id(path))
    (sent,) = [r for r in api.sent(method, path) if r.content]
    wire = body_of(sent)
    validate_request(method, path, wire)
    expected = json.loads(json.dumps(body))
    for where, value in sample.get("normalised", {}).items():
        assert _at(wire, where) == value
        _put_at(expected, where, value)
    # Round trip: what the client sends is the sample itself (normalised where it must be).
    assert wire == expected


@pytest.mark.parametrize("name", sample_names("response"))
async def test_every_response_sample_is_read_by_the_client(name: str) -> None:
    sample = load(name)
    method, path, status, body = sample["method"], sample["path"], sample["status"], sample["body"]
    valid = "invalid_against_openapi" not in sample
    if valid:
        validate_response(method, path, status, body)
    else:
        with pytest.raises(ContractError):
            validate_response(method, path, status, body)
    api = FakeApi()
    api.add(method, path, body, status=status, contract=valid)
    request_sample = SAMPLES / name.replace(".response.", ".request.")
    request_body = load(request_sample.name)["body"] if request_sample.exists() else {}
    async with make_client(api) as client:
        result = await CALLS[(method, _template(path))](client, request_body, _order_id(path))
    _assert_nothing_unreadable(result)
    # Nothing the server sent is lost: every field comes back out of the model.
    if isinstance(body, dict) and hasattr(result, "model_dump") and "fileContent" not in body:
        dumped = result.model_dump(by_alias=True, mode="json")
        assert set(body) <= set(dumped)


def _assert_nothing_unreadable(result: Any) -> None:
    entries: list[Any] = [result] if not isinstance(result, list) else list(result)
    for entry in entries:
        for attribute in ("phone_numbers", "notes", "documents", "orders"):
            for item in getattr(entry, attribute, None) or []:
                assert getattr(item, "unreadable", None) is None, item


def test_the_reference_order_sample_is_read_field_by_field() -> None:
    order = Order.model_validate(load("order-detail-reference.response.json")["body"])
    (number,) = order.phone_numbers
    assert order.id == ORDER_ID
    assert order.created_date == date(2024, 9, 24)
    assert order.loa_attachment_date is not None
    assert str(order.loa_attachment_date) == "2024-09-24 12:00:00+00:00"
    assert number.port_out_info is not None
    assert number.port_out_info.authorizing_date == date(2024, 9, 24)
    assert number.status == "ON_HOLD"
    assert (number.model_extra or {})["carrierTicket"] == "VZ-771"
    assert (order.model_extra or {})["portingRegion"] == "US"


@pytest.mark.parametrize("name", sample_names("event"))
def test_every_webhook_sample_is_read(name: str) -> None:
    sample = load(name)
    validate_schema(sample["schema"], sample["body"])
    event = parse_webhook(json.dumps(sample["body"]))
    assert event.type == sample["body"]["type"]
    assert event.order_id == "897867"
    if event.order is not None:
        assert all(number.unreadable is None for number in event.order.phone_numbers)


@pytest.mark.parametrize("name", sample_names("error"))
def test_every_error_sample_is_read_with_all_its_details(name: str) -> None:
    sample = load(name)
    if "schema" in sample:
        validate_schema(sample["schema"], sample["body"])
    content_type = sample.get("content_type", "application/json")
    request = httpx.Request("GET", f"{API}/v1/projects/{PROJECT}/orders/portIns/1")
    response = httpx.Response(
        sample["status"],
        content=json.dumps(sample["body"]).encode(),
        headers={"Content-Type": content_type},
        request=request,
    )
    error = error_from_response(response)
    assert isinstance(error, PortingStatusError)
    assert error.status_code == sample["status"]
    expect = sample["expect"]
    assert error.message == expect["message"]
    assert error.error_name == expect["error_name"]
    violations = [[v.field, v.description] for v in error.field_violations]
    assert violations == expect.get("field_violations", [])
    if "detail_kinds" in expect:
        assert [detail.kind for detail in error.details] == expect["detail_kinds"]
    assert str(sample["status"]) != error.message
