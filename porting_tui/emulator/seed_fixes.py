"""The customer's fixes for the seeded mistakes (``seed_mistakes.py``) the carrier rejected."""

from __future__ import annotations

from datetime import date, datetime

from porting_tui.emulator.dates import add_business_days, format_timestamp, local_date, parse_date
from porting_tui.emulator.records import JsonObject, OrderRecord
from porting_tui.emulator.rules import (
    ACCOUNT_MISMATCH,
    ACCOUNT_MISSING,
    ADDRESS_MISMATCH,
    DUE_DATE,
    LEAD_BUSINESS_DAYS,
    LOA_EXPIRED,
    NAME_MISMATCH,
    OUTSIDE_RATE_CENTER,
    PIN_INVALID,
    PIN_MISSING,
)
from porting_tui.emulator.seed_bodies import BodyMaker, editable_copy
from porting_tui.emulator.seed_data import AREAS


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
            _fix(bodies, record.phone_number, data, record.reject_reason or "", today)
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


def _fix(bodies: BodyMaker, phone: str, data: JsonObject, reason: str, today: date) -> None:
    port_out = data.setdefault("portOutInfo", {})
    end_user = data.get("endUser", {})
    if reason in (PIN_INVALID.reason, PIN_MISSING.reason):
        port_out["existingPortOutPin"] = bodies.pin()
    elif reason in (ACCOUNT_MISMATCH.reason, ACCOUNT_MISSING.reason):
        port_out["accountNum"] = str(bodies.rng.randint(10**8, 10**12))
    elif reason == LOA_EXPIRED.reason:
        port_out["authorizingDate"] = today.isoformat()
    elif reason == ADDRESS_MISMATCH.reason:
        area = [a for a in AREAS if (a[1], a[2]) == (end_user.get("city"), end_user.get("state"))]
        end_user["zipCode"] = bodies.zip_code(area[0][3] if area else "100")
    elif reason == OUTSIDE_RATE_CENTER.reason:
        # The address as on the bill: in the area code's own city.
        _npa, city, state, prefix = next(a for a in AREAS if a[0] == phone[2:5])
        end_user.update(city=city, state=state, zipCode=bodies.zip_code(prefix))
    elif reason == NAME_MISMATCH.reason:
        end_user["typeOfService"] = "B"
