"""Editing an order: only real changes count, checks per field, untouched fields survive."""

from __future__ import annotations

from datetime import date
from typing import Any

from porting_tui.client import Order
from porting_tui.domain.order_edit import (
    apply_edit,
    edit_changes,
    order_texts,
    read_edit,
    resubmitted,
    shared_number_texts,
)

TODAY = date(2026, 11, 27)
PIN = "portOutInfo.existingPortOutPin"


def number(phone: str, status: str, pin: str, zip_code: str = "60601") -> dict[str, Any]:
    return {
        "phoneNumber": phone,
        "status": status,
        "voiceConfiguration": {"type": "EST", "trunkId": "trunk-1"},
        "endUser": {
            "name": "Jo Doe",
            "streetNum": "1",
            "streetName": "Main",
            "city": "Chicago",
            "state": "IL",
            "zipCode": zip_code,
            "typeOfService": "B",
        },
        "portOutInfo": {"existingPortOutPin": pin, "accountNum": "A1"},
        "futureField": {"kept": True},
    }


def make_order() -> Order:
    return Order.model_validate(
        {
            "id": 700301,
            "status": "PENDING",
            "customerOrderReference": "ACME-42",
            "onDemandActivation": False,
            "desiredPortSchedule": {
                "desiredPortDate": "2026-12-15",
                "desiredPortTime": "09:00:00",
                "desiredPortTimeZone": "US/Eastern",
            },
            "phoneNumbers": [
                number("+13125550143", "REJECTED", "0000"),
                number("+13125550144", "REJECTED", "0000", "60602"),
                number("+13125550145", "CONFIRMED", "1234"),
            ],
        }
    )


def test_the_form_values_unchanged_make_an_empty_edit() -> None:
    order = make_order()
    edit, problems = read_edit(order, order_texts(order), {}, [], [], TODAY)
    assert edit.empty and problems == {}


def test_order_fields_are_checked_and_normalised() -> None:
    order = make_order()
    typed = order_texts(order) | {
        "customerOrderReference": "ACME-43",
        "desiredPortSchedule.desiredPortTime": "9:00",
        "onDemandActivation": "yes",
    }
    edit, problems = read_edit(order, typed, {}, [], [], TODAY)
    assert problems == {}
    assert dict(edit.order_values) == {
        "customerOrderReference": "ACME-43",
        "onDemandActivation": True,
    }
    weekend = order_texts(order) | {"desiredPortSchedule.desiredPortDate": "2026-12-19"}
    _, problems = read_edit(order, weekend, {}, [], [], TODAY)
    assert "is a Saturday; try 2026-12-21" in problems["desiredPortSchedule.desiredPortDate"]


def test_values_numbers_share_are_shown_and_differing_ones_left_empty() -> None:
    order = make_order()
    shared = shared_number_texts(order, {"+13125550143", "+13125550144"})
    assert shared[PIN] == "0000" and shared["endUser.zipCode"] is None
    edit, problems = read_edit(
        order, {}, {PIN: "4321", "endUser.zipCode": ""}, {"+13125550143", "+13125550144"}, [], TODAY
    )
    assert problems == {} and dict(edit.number_values) == {PIN: "4321"}


def test_a_new_pin_reaches_the_chosen_numbers_and_everything_else_survives() -> None:
    order = make_order()
    edit, _ = read_edit(order, {}, {PIN: "4321"}, {"+13125550143"}, [], TODAY)
    changed = apply_edit(order, edit)
    pins = {
        n.phone_number: n.port_out_info.existing_port_out_pin
        for n in changed.phone_numbers
        if n.port_out_info
    }
    assert pins == {"+13125550143": "4321", "+13125550144": "0000", "+13125550145": "1234"}
    first = changed.phone_numbers[0]
    assert first.port_out_info is not None and first.port_out_info.account_num == "A1"
    assert first.model_dump(by_alias=True)["futureField"] == {"kept": True}
    assert changed.customer_order_reference == "ACME-42"


def test_required_fields_cannot_be_cleared_and_authorizing_date_is_not_in_the_future() -> None:
    order = make_order()
    _, problems = read_edit(
        order,
        {},
        {"endUser.name": "", "portOutInfo.authorizingDate": "2026-12-01"},
        {"+13125550143"},
        [],
        TODAY,
    )
    assert problems == {
        "endUser.name": "is required",
        "portOutInfo.authorizingDate": "must be today or earlier",
    }


def test_confirmed_numbers_cannot_be_removed_and_one_number_must_stay() -> None:
    order = make_order()
    _, problems = read_edit(order, {}, {}, [], {"+13125550145"}, TODAY)
    assert problems[""] == "+13125550145: confirmed numbers cannot be removed"
    unlocked = order.model_copy(deep=True)
    unlocked.phone_numbers[2].status = "PENDING"
    everything = {n.phone_number for n in order.phone_numbers}
    _, problems = read_edit(unlocked, {}, {}, [], everything, TODAY)
    assert problems[""] == "an order keeps at least one number; cancel the order (C) instead"
    edit, problems = read_edit(order, {}, {}, [], {"+13125550144"}, TODAY)
    assert problems == {}
    assert [n.phone_number for n in apply_edit(order, edit).phone_numbers] == [
        "+13125550143",
        "+13125550145",
    ]


def test_the_preview_masks_pins_until_revealed_and_names_the_numbers() -> None:
    order = make_order()
    edit, _ = read_edit(order, {}, {PIN: "4321"}, {"+13125550143", "+13125550144"}, [], TODAY)
    (change,) = edit_changes(order, edit)
    assert change.label == "Port-out PIN · +13125550143, +13125550144"
    assert (change.before, change.after) == ("••••", "••••")
    (revealed,) = edit_changes(order, edit, reveal=True)
    assert (revealed.before, revealed.after) == ("0000", "4321")
    assert resubmitted(order, edit) == ["+13125550143", "+13125550144"]
