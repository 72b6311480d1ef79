"""Seeded mistakes that the rejection rules catch, and the customer's fixes for them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from porting_tui.emulator.carriers import number_facts
from porting_tui.emulator.dates import add_business_days, format_timestamp, local_date, parse_date
from porting_tui.emulator.records import JsonObject, OrderRecord
from porting_tui.emulator.rules import (
    ACCOUNT_MISMATCH,
    ADDRESS_MISMATCH,
    DUE_DATE,
    LEAD_BUSINESS_DAYS,
    NAME_MISMATCH,
    PIN_INVALID,
    PIN_MISSING,
)
from porting_tui.emulator.seed_bodies import BodyMaker, account_for, editable_copy
from porting_tui.emulator.seed_data import AREAS

TRIGGERS = ("pin_invalid", "pin_missing", "account", "zip", "name", "pending", "due_date")


def apply_trigger(bodies: BodyMaker, body: JsonObject, zone: str) -> str:
    """Plant one documented mistake in a fresh order body; return which one."""
    trigger = bodies.rng.choice(TRIGGERS)
    items: list[JsonObject] = body["phoneNumbers"]
    first = items[0]
    if trigger == "pin_missing":
        wireless = [i for i in items if _wireless(i["phoneNumber"])]
        if not wireless:
            trigger = "pin_invalid"
        for item in wireless:
            item["portOutInfo"] = {k: v for k, v in item["portOutInfo"].items() if "Pin" not in k}
    if trigger == "pin_invalid":
        first["portOutInfo"] = {**first["portOutInfo"], "existingPortOutPin": "0000"}
    elif trigger == "account":
        for item in items:
            item["portOutInfo"] = {**item["portOutInfo"], "accountNum": "000000000"}
    elif trigger in ("zip", "name"):
        end_user = dict(first["endUser"])
        if trigger == "zip":
            end_user["zipCode"] = "00000"
        else:
            end_user["typeOfService"] = "R"
            end_user["name"] = bodies.business().split(" ")[0] + " Holdings Inc"
        for item in items:
            item["endUser"] = end_user
    elif trigger == "pending":
        npa = first["phoneNumber"][2:5]
        bodies.used.discard(first["phoneNumber"])
        first["phoneNumber"] = bodies.number(npa, pending_order=True)
        if _wireless(first["phoneNumber"]) and not first["portOutInfo"].get("accountNum"):
            account = account_for(first["phoneNumber"])
            first["portOutInfo"] = {**first["portOutInfo"], "accountNum": account}
    elif trigger == "due_date":
        desired = parse_date(body["desiredPortSchedule"]["desiredPortDate"]) or date.today()
        saturday = desired + timedelta(days=(5 - desired.weekday()) % 7)
        body["desiredPortSchedule"]["desiredPortDate"] = saturday.isoformat()
    return trigger


def _wireless(phone: str) -> bool:
    carrier = number_facts(phone).carrier
    return carrier is not None and carrier.wireless


def fixed_body(bodies: BodyMaker, order: OrderRecord, at: datetime) -> JsonObject:
    """The full-replace body a customer sends after reading the rejection reasons."""
    zone = str(order.schedule["desiredPortTimeZone"])
    schedule = dict(order.schedule)
    today = local_date(at, zone)
    desired = parse_date(str(schedule["desiredPortDate"])) or today
    if desired < add_business_days(today, 2) or any(
        r.reject_reason == DUE_DATE.reason for r in order.numbers
    ):
        desired = add_business_days(max(desired, today), 2)
    # Resubmitted numbers need their carrier's lead time from today, or they bounce again.
    lead = max(
        (LEAD_BUSINESS_DAYS[r.carrier.wireless] for r in order.numbers if r.status == "REJECTED"),
        default=0,
    )
    schedule["desiredPortDate"] = max(desired, add_business_days(today, lead)).isoformat()
    items = []
    for record in order.numbers:
        data = record.data
        if record.status == "REJECTED":
            data = editable_copy(record.data)
            _fix(bodies, data, record.reject_reason or "")
        items.append({"phoneNumber": record.phone_number, **data})
    body: JsonObject = {
        "customerOrderReference": order.customer_order_reference,
        "onDemandActivation": order.on_demand,
        "desiredPortSchedule": schedule,
        "resellerName": order.reseller_name,
        "phoneNumbers": items,
    }
    if order.loa_uploaded_by is not None and order.loa_attachment_date is not None:
        body["loaUploadedBy"] = order.loa_uploaded_by
        body["loaAttachmentDate"] = format_timestamp(order.loa_attachment_date)
    return body


def _fix(bodies: BodyMaker, data: JsonObject, reason: str) -> None:
    port_out = data.setdefault("portOutInfo", {})
    end_user = data.get("endUser", {})
    if reason in (PIN_INVALID.reason, PIN_MISSING.reason):
        port_out["existingPortOutPin"] = bodies.pin()
    elif reason == ACCOUNT_MISMATCH.reason:
        port_out["accountNum"] = str(bodies.rng.randint(10**8, 10**12))
    elif reason == ADDRESS_MISMATCH.reason:
        area = [a for a in AREAS if (a[1], a[2]) == (end_user.get("city"), end_user.get("state"))]
        end_user["zipCode"] = bodies.zip_code(area[0][3] if area else "100")
    elif reason == NAME_MISMATCH.reason:
        end_user["typeOfService"] = "B"
