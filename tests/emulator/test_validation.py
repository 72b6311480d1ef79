"""Validation answers 400/404/422 with error bodies in the documented prose shape.

Error bodies are checked against the prose examples of the API's "Error Messages" section
(``code`` as a string, ``error``, ``message``, ``details.fieldViolations``), not against the
file's formal ``Error`` schema (``code`` integer, ``status``, ``details`` array): the two
disagree (REFERENCE.md §7.2, §10 #7), the prose is what the service's documentation shows
for each status, and the emulator follows it on purpose.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.emulator.conftest import number_item, order_body, portable_number


def prose_error(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert isinstance(body["code"], str) and body["code"] == str(status)
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["message"], str) and body["message"]
    assert set(body) <= {"code", "error", "message", "details"}
    if "details" in body:
        violations = body["details"]["fieldViolations"]
        assert violations and all(set(v) == {"field", "description"} for v in violations)
    return body


def violated_fields(response: httpx.Response) -> list[str]:
    body = prose_error(response, 422)
    return [v["field"] for v in body["details"]["fieldViolations"]]


async def test_malformed_json_is_400(api: httpx.AsyncClient) -> None:
    response = await api.post(
        "/orders/portIns",
        content=b'{"phoneNumbers": [',
        headers={"Content-Type": "application/json"},
    )
    body = prose_error(response, 400)
    assert body["error"] == "Bad Request"


async def test_a_body_that_is_not_an_object_is_400(api: httpx.AsyncClient) -> None:
    prose_error(await api.post("/orders/portIns", json=["not", "an", "order"]), 400)


@pytest.mark.parametrize(
    ("phone", "expected"),
    [
        ("2125550123", "E.164"),
        ("+442071838750", "North American (+1)"),
        ("+1212555012", "+1 and 10 digits"),
        ("+12120550123", "not a valid North American number"),
        ("+18765550123", "not a US or Canadian number"),
        ("+18005550199", "Toll-free numbers cannot be ported"),
    ],
)
async def test_each_number_must_be_a_portable_us_or_canadian_e164_number(
    api: httpx.AsyncClient, phone: str, expected: str
) -> None:
    response = await api.post("/orders/portIns", json=order_body(phone))
    body = prose_error(response, 422)
    [violation] = body["details"]["fieldViolations"]
    assert violation["field"] == "phoneNumbers[0].phoneNumber"
    assert expected in violation["description"]


async def test_an_order_holds_at_most_500_numbers(api: httpx.AsyncClient) -> None:
    body = order_body()
    body["phoneNumbers"] = [body["phoneNumbers"][0]] * 501
    assert violated_fields(await api.post("/orders/portIns", json=body)) == ["phoneNumbers"]


async def test_duplicates_are_refused_but_numbers_of_other_open_orders_are_not(
    api: httpx.AsyncClient,
) -> None:
    held = portable_number()
    assert (await api.post("/orders/portIns", json=order_body(held))).status_code == 201
    twice = portable_number()
    response = await api.post("/orders/portIns", json=order_body(twice, twice, held))
    assert violated_fields(response) == ["phoneNumbers[1].phoneNumber"]
    # Sinch rejects the held number when the carrier answers (see test_carrier_rules.py).
    assert (await api.post("/orders/portIns", json=order_body(held))).status_code == 201


async def test_every_missing_end_user_field_is_named(api: httpx.AsyncClient) -> None:
    body = order_body()
    body["phoneNumbers"][0]["endUser"] = {"name": "", "state": "New York", "typeOfService": "X"}
    fields = violated_fields(await api.post("/orders/portIns", json=body))
    prefix = "phoneNumbers[0].endUser."
    assert fields == [
        prefix + "name",
        prefix + "streetNum",
        prefix + "streetName",
        prefix + "city",
        prefix + "zipCode",
        prefix + "state",
        prefix + "typeOfService",
    ]


async def test_a_number_without_end_user_is_refused(api: httpx.AsyncClient) -> None:
    body = order_body()
    del body["phoneNumbers"][0]["endUser"]
    assert violated_fields(await api.post("/orders/portIns", json=body)) == [
        "phoneNumbers[0].endUser"
    ]


async def test_schedule_fields_are_checked(api: httpx.AsyncClient) -> None:
    body = order_body(date="2025-03-10")
    body["desiredPortSchedule"].update(desiredPortTime="9am", desiredPortTimeZone="US/Centra")
    assert violated_fields(await api.post("/orders/portIns", json=body)) == [
        "desiredPortSchedule.desiredPortTime",
        "desiredPortSchedule.desiredPortTimeZone",
        "desiredPortSchedule.desiredPortDate",
    ]
    del body["desiredPortSchedule"]
    assert "desiredPortSchedule" in violated_fields(await api.post("/orders/portIns", json=body))


async def test_todays_desired_date_is_accepted_and_yesterdays_is_not(
    api: httpx.AsyncClient,
) -> None:
    assert (
        await api.post("/orders/portIns", json=order_body(date="2025-03-11"))
    ).status_code == 201
    response = await api.post("/orders/portIns", json=order_body(date="2025-03-10"))
    assert violated_fields(response) == ["desiredPortSchedule.desiredPortDate"]


async def test_authorizing_date_cannot_be_in_the_future(api: httpx.AsyncClient) -> None:
    body = order_body()
    body["phoneNumbers"] = [
        number_item(portable_number(), authorizingDate="2025-03-11"),
        number_item(portable_number(), authorizingDate="2025-03-12"),
    ]
    assert violated_fields(await api.post("/orders/portIns", json=body)) == [
        "phoneNumbers[1].portOutInfo.authorizingDate"
    ]


async def test_voice_configuration_needs_its_id(api: httpx.AsyncClient) -> None:
    body = order_body()
    body["phoneNumbers"][0]["voiceConfiguration"] = {"type": "RTC"}
    assert violated_fields(await api.post("/orders/portIns", json=body)) == [
        "phoneNumbers[0].voiceConfiguration.appId"
    ]


async def test_customer_order_reference_is_at_most_100_characters(api: httpx.AsyncClient) -> None:
    body = order_body(customerOrderReference="R" * 101)
    assert violated_fields(await api.post("/orders/portIns", json=body)) == [
        "customerOrderReference"
    ]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"pageSize": "0"}, "pageSize"),
        ({"pageSize": "1001"}, "pageSize"),
        ({"pageSize": "ten"}, "pageSize"),
        ({"page": "0"}, "page"),
        ({"page": "next"}, "page"),
        ({"orderStatus": "DONE"}, "orderStatus"),
        ({"orderId": "12ab"}, "orderId"),
        ({"createdDateStart": "yesterday"}, "createdDateStart"),
        ({"focEndDate": "2024-13-01T00:00:00Z"}, "focEndDate"),
    ],
)
async def test_list_parameters_out_of_contract_are_422(
    api: httpx.AsyncClient, params: dict[str, str], field: str
) -> None:
    assert violated_fields(await api.get("/orders/portIns", params=params)) == [field]


@pytest.mark.parametrize("size", ["1", "1000"])
async def test_page_size_bounds_are_accepted(api: httpx.AsyncClient, size: str) -> None:
    response = await api.get("/orders/portIns", params={"pageSize": size})
    assert response.status_code == 200 and response.json()["pageSize"] == int(size)


async def test_unknown_orders_and_documents_are_404(api: httpx.AsyncClient) -> None:
    order_id = (await api.post("/orders/portIns", json=order_body())).json()["id"]
    for response in (
        await api.get("/orders/portIns/999999"),
        await api.get("/orders/portIns/not-a-number"),
        await api.put("/orders/portIns/999999", json=order_body()),
        await api.delete("/orders/portIns/999999"),
        await api.post("/orders/portIns/999999/notes", json={"note": "x"}),
        await api.get(f"/orders/{order_id}/documents/77"),
        await api.get("/orders/999999/documents/1"),
        await api.get("/orders/portIns/999999/availableActivations"),
    ):
        assert prose_error(response, 404)["error"] == "Not found"


async def test_notes_and_documents_are_checked(api: httpx.AsyncClient) -> None:
    order_id = (await api.post("/orders/portIns", json=order_body())).json()["id"]
    empty_note = await api.post(f"/orders/portIns/{order_id}/notes", json={"note": "  "})
    assert violated_fields(empty_note) == ["note"]
    document = {"documentName": "bill.pdf", "fileContent": "not base64!"}
    bad = await api.post(f"/orders/portIns/{order_id}/documents", json=document)
    assert violated_fields(bad) == ["fileContent"]
    nameless = await api.post(f"/orders/portIns/{order_id}/documents", json={"fileContent": "AA=="})
    assert violated_fields(nameless) == ["documentName"]


async def test_configuration_values_are_checked(api: httpx.AsyncClient) -> None:
    response = await api.post(
        "/configuration", json={"defaultPortTime": "25:00", "defaultPortTimeZone": "Europe/Oslo"}
    )
    assert violated_fields(response) == ["defaultPortTime", "defaultPortTimeZone"]


async def test_unknown_paths_and_methods_answer_with_the_error_shape(
    api: httpx.AsyncClient,
) -> None:
    prose_error(await api.get("/orders/portOuts"), 404)
    prose_error(await api.patch("/configuration", json={}), 405)
