"""The order lifecycle on the virtual clock, and the webhook events it emits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from porting_tui.emulator import Emulator
from porting_tui.emulator.carrier_profiles import lead_times, profile_of
from porting_tui.emulator.carriers import number_facts
from porting_tui.emulator.dates import format_timestamp
from tests.contract.validator import validate_schema
from tests.emulator.conftest import checked, order_body, portable_number

HOUR = 3600
EVENT_SCHEMAS = {
    "ORDER_UPDATED": "OrderWebhookStatusEvent",
    "NUMBERS_CONFIRMED": "NumberStatusWebhookStatusEvent",
    "NUMBERS_REJECTED": "NumberStatusWebhookStatusEvent",
    "NUMBERS_ACTIVATED": "NumberStatusWebhookStatusEvent",
    "NEW_ORDER_NOTE": "NewNoteWebhookStatusEvent",
}


def events_of(emulator: Emulator, order_id: int) -> list[dict[str, Any]]:
    """The order's webhook events, each checked against its schema in the contract."""
    bodies = [r.body for r in emulator.events.records if r.body["orderId"] == str(order_id)]
    for body in bodies:
        validate_schema(EVENT_SCHEMAS[body["type"]], body)
        assert "id" not in body.get("order", {})
    return bodies


async def create(api: httpx.AsyncClient, body: dict[str, Any]) -> int:
    order_id: int = checked(await api.post("/orders/portIns", json=body), 201)["id"]
    return order_id


async def get(api: httpx.AsyncClient, order_id: int) -> dict[str, Any]:
    order: dict[str, Any] = checked(await api.get(f"/orders/portIns/{order_id}"), 200)
    return order


async def list_row(api: httpx.AsyncClient, order_id: int) -> dict[str, Any]:
    page = checked(await api.get("/orders/portIns", params={"orderId": str(order_id)}), 200)
    row: dict[str, Any] = page["orders"][0]
    return row


async def test_scheduled_order_is_confirmed_then_completed_after_the_foc(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    phone = portable_number(wireless=False, punctual=True)
    order_id = await create(api, order_body(phone))
    emulator.advance(4 * HOUR - 1)
    assert (await get(api, order_id))["status"] == "PENDING"
    emulator.advance(1)
    order = await get(api, order_id)
    number = order["phoneNumbers"][0]
    assert order["status"] == "CONFIRMED"
    assert number["status"] == "CONFIRMED"
    assert number["confirmedDate"] == "2025-03-11T19:00:00.000Z"
    # 09:00 New York time (EDT) on the desired date, a business day.
    assert number["focDate"] == "2025-03-18T13:00:00.000Z"
    assert (await list_row(api, order_id))["focQuantity"] == 1
    emulator.advance(timedelta(days=7))
    order = await get(api, order_id)
    assert order["status"] == "COMPLETED"
    assert order["phoneNumbers"][0]["status"] == "ACTIVATED"
    # The carrier releases the number its completion delay after the FOC instant.
    carrier = number_facts(phone).carrier
    assert carrier is not None
    _slip, completion = lead_times(emulator.settings.seed, order_id, carrier)
    low, high = profile_of(carrier).completion_minutes
    assert timedelta(minutes=low) <= completion <= timedelta(minutes=high)
    foc = datetime(2025, 3, 18, 13, tzinfo=UTC)
    assert order["phoneNumbers"][0]["activatedDate"] == format_timestamp(foc + completion)
    row = await list_row(api, order_id)
    assert (row["activatedQuantity"], row["focQuantity"]) == (1, 0)
    types = [event["type"] for event in events_of(emulator, order_id)]
    assert types == [
        "ORDER_UPDATED",
        "NUMBERS_CONFIRMED",
        "ORDER_UPDATED",
        "NUMBERS_ACTIVATED",
        "ORDER_UPDATED",
    ]
    statuses = [e["order"]["status"] for e in events_of(emulator, order_id) if "order" in e]
    assert statuses == ["PENDING", "CONFIRMED", "COMPLETED"]


async def test_foc_moves_to_the_carriers_earliest_business_day(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    # Submitted on Tuesday 2025-03-11 at 22:00 in New York, three business days ahead: in
    # time. But the wireline carrier answers at 02:00 on Wednesday, and needs three
    # business days from its answer to release the number.
    emulator.advance(11 * HOUR)
    phone = portable_number(wireless=False, punctual=True)
    order_id = await create(api, order_body(phone, date="2025-03-14"))
    emulator.advance(4 * HOUR)
    number = (await get(api, order_id))["phoneNumbers"][0]
    assert number["status"] == "CONFIRMED"
    assert number["focDate"] == "2025-03-17T13:00:00.000Z"


async def test_rejection_adds_a_note_and_a_fixing_update_resubmits(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    phone = portable_number(wireless=True)
    body = order_body(phone)
    body["phoneNumbers"][0]["portOutInfo"]["existingPortOutPin"] = "0000"
    order_id = await create(api, body)
    emulator.advance(HOUR)
    order = await get(api, order_id)
    number = order["phoneNumbers"][0]
    assert order["status"] == "PENDING"
    assert number["status"] == "REJECTED"
    assert number["rejectReason"] == "Invalid port-out PIN"
    assert number["exclusionReason"] == "Invalid port-out PIN"
    [note] = order["notes"]
    assert note["createdBy"] == "Sinch Porting"
    assert "Invalid port-out PIN" in note["note"] and "port-out PIN" in note["note"]
    assert (await list_row(api, order_id))["rejectedQuantity"] == 1
    types = [e["type"] for e in events_of(emulator, order_id)]
    assert types == ["ORDER_UPDATED", "NUMBERS_REJECTED", "NEW_ORDER_NOTE", "ORDER_UPDATED"]
    rejected = events_of(emulator, order_id)[1]["phoneNumbers"]
    assert rejected == [
        {"phoneNumber": phone, "status": "REJECTED", "rejectReason": "Invalid port-out PIN"}
    ]

    fixed = order_body(phone)
    updated = checked(await api.put(f"/orders/portIns/{order_id}", json=fixed), 200)
    again = updated["phoneNumbers"][0]
    assert again["status"] == "PENDING" and "rejectReason" not in again
    assert again["exclusionReason"] == ""
    emulator.advance(HOUR)
    assert (await get(api, order_id))["status"] == "CONFIRMED"
    assert events_of(emulator, order_id)[-2]["type"] == "NUMBERS_CONFIRMED"


def _pin(value: str | None) -> Any:
    def change(item: dict[str, Any], body: dict[str, Any]) -> None:
        if value is None:
            item["portOutInfo"].pop("existingPortOutPin")
        else:
            item["portOutInfo"]["existingPortOutPin"] = value

    return change


def _account(item: dict[str, Any], body: dict[str, Any]) -> None:
    item["portOutInfo"]["accountNum"] = "0000000"


def _zip(item: dict[str, Any], body: dict[str, Any]) -> None:
    item["endUser"]["zipCode"] = "00000"


def _residential_business(item: dict[str, Any], body: dict[str, Any]) -> None:
    item["endUser"].update(typeOfService="R", name="Harbor Dental LLC")


def _saturday(item: dict[str, Any], body: dict[str, Any]) -> None:
    body["desiredPortSchedule"]["desiredPortDate"] = "2025-03-15"


def _memorial_day(item: dict[str, Any], body: dict[str, Any]) -> None:
    body["desiredPortSchedule"]["desiredPortDate"] = "2025-05-26"


@pytest.mark.parametrize(
    ("change", "wireless", "reason"),
    [
        (_pin("0000"), False, "Invalid port-out PIN"),
        (_pin(None), True, "Port-out PIN required by the losing carrier"),
        (_account, False, "Account number mismatch"),
        (_zip, False, "Address mismatch: ZIP code does not match the losing carrier's records"),
        (
            _residential_business,
            False,
            "End-user name mismatch: business name on a residential account",
        ),
        (_saturday, False, "Due date not achievable: the desired port date is not a business day"),
        (
            _memorial_day,
            True,
            "Due date not achievable: the desired port date is not a business day",
        ),
    ],
)
async def test_each_documented_rule_rejects_on_purpose(
    api: httpx.AsyncClient, emulator: Emulator, change: Any, wireless: bool, reason: str
) -> None:
    body = order_body(portable_number(wireless=wireless))
    change(body["phoneNumbers"][0], body)
    order_id = await create(api, body)
    emulator.advance(4 * HOUR)
    number = (await get(api, order_id))["phoneNumbers"][0]
    assert (number["status"], number["rejectReason"]) == ("REJECTED", reason)


async def test_a_wireline_number_needs_no_pin(api: httpx.AsyncClient, emulator: Emulator) -> None:
    body = order_body(portable_number(wireless=False))
    body["phoneNumbers"][0]["portOutInfo"] = {}
    order_id = await create(api, body)
    emulator.advance(4 * HOUR)
    assert (await get(api, order_id))["status"] == "CONFIRMED"


async def test_pending_order_at_the_carrier_clears_on_resubmission(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    phone = next(n for n in (f"+1212{x}9999" for x in range(230, 300)) if number_facts(n).portable)
    order_id = await create(api, order_body(phone))
    emulator.advance(4 * HOUR)
    number = (await get(api, order_id))["phoneNumbers"][0]
    assert number["rejectReason"] == "Pending order at the losing carrier"
    checked(await api.put(f"/orders/portIns/{order_id}", json=order_body(phone)), 200)
    emulator.advance(4 * HOUR)
    assert (await get(api, order_id))["status"] == "CONFIRMED"


async def test_removing_the_rejected_number_lets_the_order_confirm(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    good, bad = portable_number(wireless=False), portable_number(wireless=False)
    body = order_body(good, bad)
    body["phoneNumbers"][1]["portOutInfo"]["existingPortOutPin"] = "0000"
    order_id = await create(api, body)
    emulator.advance(4 * HOUR)
    order = await get(api, order_id)
    assert [n["status"] for n in order["phoneNumbers"]] == ["CONFIRMED", "REJECTED"]
    assert order["status"] == "PENDING"
    cannot_drop_confirmed = await api.put(f"/orders/portIns/{order_id}", json=order_body(bad))
    assert cannot_drop_confirmed.status_code == 422
    updated = checked(await api.put(f"/orders/portIns/{order_id}", json=order_body(good)), 200)
    assert updated["status"] == "CONFIRMED"


async def test_unresolved_rejection_is_excluded_after_seven_days(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    good, bad = portable_number(wireless=False), portable_number(wireless=False)
    body = order_body(good, bad, date="2025-03-25")
    body["phoneNumbers"][1]["portOutInfo"]["existingPortOutPin"] = "0000"
    order_id = await create(api, body)
    emulator.advance(4 * HOUR + 7 * 86400)
    order = await get(api, order_id)
    assert [n["status"] for n in order["phoneNumbers"]] == ["CONFIRMED", "EXCLUDED"]
    assert order["phoneNumbers"][1]["exclusionReason"] == "Rejection not resolved within 7 days"
    assert order["status"] == "CONFIRMED"
    assert (await list_row(api, order_id))["excludedQuantity"] == 1


async def test_on_demand_order_activates_only_when_asked_once_the_foc_day_came(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    order_id = await create(
        api, order_body(portable_number(wireless=True, punctual=True), onDemandActivation=True)
    )
    emulator.advance(HOUR)
    assert checked(await api.get(f"/orders/portIns/{order_id}/availableActivations"), 200) == []
    too_early = await api.post(f"/orders/portIns/{order_id}/activate")
    assert too_early.status_code == 400
    assert "Nothing to activate" in too_early.json()["message"]
    # The FOC is 2025-03-18 09:00 in New York; its numbers route on Sinch from midnight
    # there (04:00 UTC), six and a half days after the carrier's answer.
    emulator.advance(timedelta(days=6, hours=12) - timedelta(seconds=1))
    assert checked(await api.get(f"/orders/portIns/{order_id}/availableActivations"), 200) == []
    emulator.advance(1)
    ready = [e for e in events_of(emulator, order_id) if e["type"] == "NUMBERS_CONFIRMED"]
    assert len(ready) == 2
    groups = checked(await api.get(f"/orders/portIns/{order_id}/availableActivations"), 200)
    [group] = groups
    emulator.advance(timedelta(days=2))
    order = await get(api, order_id)
    assert order["status"] == "CONFIRMED", "on-demand numbers never activate on their own"
    result = checked(
        await api.post(
            f"/orders/portIns/{order_id}/activate",
            json={"phoneNumberGroups": [group["phoneNumberGroup"]]},
        ),
        200,
    )
    assert result["phoneNumberGroups"][0]["status"] == "ACTIVATED"
    order = await get(api, order_id)
    assert order["status"] == "COMPLETED"
    assert order["phoneNumbers"][0]["activateUser"] == "demo-key"
    assert events_of(emulator, order_id)[-2]["type"] == "NUMBERS_ACTIVATED"
    again = await api.post(f"/orders/portIns/{order_id}/activate")
    assert again.status_code == 400


async def test_activate_names_groups_or_their_numbers(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    phone = portable_number(wireless=True)
    order_id = await create(api, order_body(phone, onDemandActivation=True))
    emulator.advance(timedelta(days=8))
    unknown = await api.post(
        f"/orders/portIns/{order_id}/activate", json={"phoneNumberGroups": ["GW Nobody Grp9"]}
    )
    assert unknown.status_code == 422
    assert unknown.json()["details"]["fieldViolations"][0]["field"] == "phoneNumberGroups[0]"
    by_number = await api.post(
        f"/orders/portIns/{order_id}/activate", json={"phoneNumberGroups": [phone]}
    )
    assert by_number.status_code == 200


async def test_activate_refuses_a_scheduled_order(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    order_id = await create(api, order_body())
    emulator.advance(timedelta(days=8))
    refused = await api.post(f"/orders/portIns/{order_id}/activate")
    assert refused.status_code == 400
    assert "does not use on-demand activation" in refused.json()["message"]


async def test_cancel_goes_through_pending_cancelation_and_frees_the_numbers(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    phone = portable_number()
    order_id = await create(api, order_body(phone))
    assert (await api.delete(f"/orders/portIns/{order_id}")).status_code == 200
    assert (await get(api, order_id))["status"] == "PENDING_CANCELATION"
    # Taken up again at once: the number is still held, but free by the carrier's answer.
    again = await create(api, order_body(phone))
    emulator.advance(30 * 60)
    order = await get(api, order_id)
    assert order["status"] == "CANCELED"
    assert order["phoneNumbers"][0]["status"] == "CANCELED"
    types = [e["type"] for e in events_of(emulator, order_id)]
    assert types == ["ORDER_UPDATED", "ORDER_UPDATED", "ORDER_UPDATED"]
    emulator.advance(4 * HOUR)
    assert (await get(api, again))["phoneNumbers"][0]["status"] == "CONFIRMED"


async def test_update_and_cancel_refuse_orders_that_are_not_pending(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    phone = portable_number(wireless=True)
    order_id = await create(api, order_body(phone))
    emulator.advance(HOUR)
    update = await api.put(f"/orders/portIns/{order_id}", json=order_body(phone))
    cancel = await api.delete(f"/orders/portIns/{order_id}")
    for response in (update, cancel):
        assert response.status_code == 400
        body = response.json()
        assert body["code"] == "400" and "only PENDING orders" in body["message"]


async def test_a_note_from_the_customer_emits_new_order_note(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    order_id = await create(api, order_body())
    checked(await api.post(f"/orders/portIns/{order_id}/notes", json={"note": "Hello"}), 200)
    assert events_of(emulator, order_id)[-1] == {
        "type": "NEW_ORDER_NOTE",
        "orderId": str(order_id),
        "note": "Hello",
    }


async def test_numbers_of_several_carriers_get_one_group_each(api: httpx.AsyncClient) -> None:
    phones = [portable_number(wireless=True), portable_number(wireless=False)]
    order = checked(await api.post("/orders/portIns", json=order_body(*phones)), 201)
    groups = {n["phoneNumberGroup"] for n in order["phoneNumbers"]}
    assert len(groups) == 2
