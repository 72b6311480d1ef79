"""Every documented operation answers with its documented status and a body the contract accepts."""

from __future__ import annotations

import base64

import httpx

from porting_tui.emulator import Emulator
from tests.contract.validator import validate_request, validate_response
from tests.emulator.conftest import API, checked, order_body, portable_number


async def test_portability_check_answers_200_with_carrier_and_reason(
    api: httpx.AsyncClient,
) -> None:
    numbers = ["+12345678901", "+18005551234", "+12125550000"]
    body = checked(await api.post("/portabilityChecks", json={"phoneNumbers": numbers}), 200)
    answers = {item["phoneNumber"]: item for item in body["phoneNumbers"]}
    assert answers["+12345678901"] == {
        "phoneNumber": "+12345678901",
        "portable": True,
        "carrier": "T-Mobile",
        "reason": "",
    }
    assert answers["+18005551234"]["portable"] is False
    assert "Toll-free" in answers["+18005551234"]["reason"]
    assert answers["+12125550000"]["reason"] == "Number is not in service at the losing carrier"


async def test_create_answers_201_with_the_full_pending_order(api: httpx.AsyncClient) -> None:
    request = order_body()
    validate_request("POST", "/orders/portIns", request)
    order = checked(await api.post("/orders/portIns", json=request), 201)
    assert order["status"] == "PENDING"
    assert order["createdDate"] == "2025-03-11"
    number = order["phoneNumbers"][0]
    assert number["status"] == "PENDING"
    assert number["countryCode"] == "US"
    assert number["phoneNumberGroup"].startswith("GW ") and number["phoneNumberGroup"].endswith(
        " Grp1"
    )
    assert number["portOutInfo"] == {
        "existingPortOutPin": "4821",
        "accountNum": number["phoneNumber"][2:],
    }


async def test_create_fills_in_the_default_port_time_and_zone(api: httpx.AsyncClient) -> None:
    request = order_body()
    request["desiredPortSchedule"] = {"desiredPortDate": "2025-03-18"}
    order = checked(await api.post("/orders/portIns", json=request), 201)
    assert order["desiredPortSchedule"] == {
        "desiredPortDate": "2025-03-18",
        "desiredPortTime": "09:00:00",
        "desiredPortTimeZone": "US/Eastern",
    }
    defaults = {"defaultPortTime": "14:30:00", "defaultPortTimeZone": "US/Pacific"}
    checked(await api.post("/configuration", json=defaults), 200)
    request = order_body()
    request["desiredPortSchedule"] = {"desiredPortDate": "2025-03-18"}
    order = checked(await api.post("/orders/portIns", json=request), 201)
    assert order["desiredPortSchedule"]["desiredPortTime"] == "14:30:00"
    assert order["desiredPortSchedule"]["desiredPortTimeZone"] == "US/Pacific"


async def test_get_update_and_cancel_answer_200(api: httpx.AsyncClient) -> None:
    created = checked(await api.post("/orders/portIns", json=order_body()), 201)
    order_id = created["id"]
    fetched = checked(await api.get(f"/orders/portIns/{order_id}"), 200)
    assert fetched == created
    change = order_body(created["phoneNumbers"][0]["phoneNumber"], customerOrderReference="NEW-1")
    updated = checked(await api.put(f"/orders/portIns/{order_id}", json=change), 200)
    assert updated["customerOrderReference"] == "NEW-1"
    cancelled = await api.delete(f"/orders/portIns/{order_id}")
    assert cancelled.status_code == 200 and cancelled.content == b""
    validate_response("DELETE", f"/orders/portIns/{order_id}", 200, None)
    after = checked(await api.get(f"/orders/portIns/{order_id}"), 200)
    assert after["status"] == "PENDING_CANCELATION"


async def test_notes_answer_200_and_appear_on_the_order(api: httpx.AsyncClient) -> None:
    order_id = checked(await api.post("/orders/portIns", json=order_body()), 201)["id"]
    note = checked(
        await api.post(f"/orders/portIns/{order_id}/notes", json={"note": "Customer called."}), 200
    )
    assert note["note"] == "Customer called." and isinstance(note["id"], int)
    order = checked(await api.get(f"/orders/portIns/{order_id}"), 200)
    assert order["notes"] == [
        {
            "note": "Customer called.",
            "createdTime": "2025-03-11T15:00:00.000Z",
            "createdBy": "demo-key",
        }
    ]


async def test_documents_round_trip_on_the_documented_path_and_its_alias(
    api: httpx.AsyncClient,
) -> None:
    order_id = checked(await api.post("/orders/portIns", json=order_body()), 201)["id"]
    content = bytes(range(256)) * 3
    upload = {
        "documentName": "LOA-ACME-42.pdf",
        "description": "Signed letter of authorization",
        "fileContent": base64.b64encode(content).decode(),
    }
    validate_request("POST", f"/orders/portIns/{order_id}/documents", upload)
    document = checked(await api.post(f"/orders/portIns/{order_id}/documents", json=upload), 200)
    assert set(document) == {"id", "documentName", "description"}
    documented = checked(await api.get(f"/orders/{order_id}/documents/{document['id']}"), 200)
    assert base64.b64decode(documented["fileContent"]) == content
    assert documented["contentType"] == "application/pdf"
    assert documented["documentId"] == documented["id"] == document["id"]
    alias = await api.get(f"/orders/portIns/{order_id}/documents/{document['id']}")
    assert alias.status_code == 200 and alias.json() == documented
    order = checked(await api.get(f"/orders/portIns/{order_id}"), 200)
    assert order["documents"] == [document]
    assert order["loaUploadedBy"] == "demo-key"
    assert order["loaAttachmentDate"] == "2025-03-11T15:00:00.000Z"


async def test_activation_routes_answer_200(api: httpx.AsyncClient, emulator: Emulator) -> None:
    request = order_body(onDemandActivation=True)
    order_id = checked(await api.post("/orders/portIns", json=request), 201)["id"]
    emulator.advance(7 * 86400)
    groups = checked(await api.get(f"/orders/portIns/{order_id}/availableActivations"), 200)
    assert len(groups) == 1 and groups[0]["focDate"].startswith("2025-03-18")
    result = checked(await api.post(f"/orders/portIns/{order_id}/activate"), 200)
    assert result == {
        "phoneNumberGroups": [
            {"phoneNumberGroup": groups[0]["phoneNumberGroup"], "status": "ACTIVATED"}
        ]
    }


async def test_colon_activate_alias_activates_too(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    request = order_body(onDemandActivation=True)
    order_id = checked(await api.post("/orders/portIns", json=request), 201)["id"]
    emulator.advance(7 * 86400)
    response = await api.post(f"/orders/portIns/{order_id}:activate", json={})
    assert response.status_code == 200
    validate_response("POST", f"/orders/portIns/{order_id}/activate", 200, response.json())


async def test_configuration_is_created_read_and_replaced(api: httpx.AsyncClient) -> None:
    missing = await api.get("/configuration")
    assert missing.status_code == 404
    first = {
        "contact": {"name": "Dana Ops", "email": "ops@example.com", "phone": "+12125550100"},
        "webhookUrl": "http://127.0.0.1:9/hooks",
        "defaultPortTime": "08:00:00",
        "defaultPortTimeZone": "US/Central",
    }
    assert checked(await api.post("/configuration", json=first), 200) == first
    assert checked(await api.get("/configuration"), 200) == first
    replacement = {"defaultPortTime": "10:00:00"}
    assert checked(await api.put("/configuration", json=replacement), 200) == replacement
    assert checked(await api.get("/configuration"), 200) == replacement


async def test_update_of_configuration_before_create_is_404(api: httpx.AsyncClient) -> None:
    response = await api.put("/configuration", json={"defaultPortTime": "10:00:00"})
    assert response.status_code == 404


async def test_list_answers_200_with_pagination(api: httpx.AsyncClient) -> None:
    for _ in range(3):
        checked(await api.post("/orders/portIns", json=order_body()), 201)
    page = checked(await api.get("/orders/portIns", params={"pageSize": "2"}), 200)
    assert (page["page"], page["pageSize"], page["totalPages"], page["totalItems"]) == (1, 2, 2, 3)
    assert len(page["orders"]) == 2
    last = checked(await api.get("/orders/portIns", params={"pageSize": "2", "page": "2"}), 200)
    assert len(last["orders"]) == 1 and last["page"] == 2
    beyond = checked(await api.get("/orders/portIns", params={"page": "5"}), 200)
    assert beyond["orders"] == [] and beyond["totalItems"] == 3


async def test_oauth_token_answers_with_a_bearer_token(emulator: Emulator) -> None:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=emulator.app), base_url="http://127.0.0.1:8787"
    ) as http:
        token = await http.post(
            "/oauth2/token",
            data={"grant_type": "client_credentials"},
            auth=("demo-key", "demo-secret"),
        )
        assert token.status_code == 200
        body = token.json()
        assert body["token_type"] == "Bearer" and body["expires_in"] == 3600
        bearer = {"Authorization": f"Bearer {body['access_token']}"}
        listed = await http.get(f"{API}/orders/portIns", headers=bearer)
        assert listed.status_code == 200


async def test_a_new_number_is_portable_until_an_open_order_holds_it(
    api: httpx.AsyncClient,
) -> None:
    number = portable_number()
    check = {"phoneNumbers": [number]}
    assert checked(await api.post("/portabilityChecks", json=check), 200)["phoneNumbers"][0][
        "portable"
    ]
    order_id = checked(await api.post("/orders/portIns", json=order_body(number)), 201)["id"]
    answer = checked(await api.post("/portabilityChecks", json=check), 200)["phoneNumbers"][0]
    assert answer["portable"] is False
    assert answer["reason"] == f"Already in open port-in order {order_id}"
