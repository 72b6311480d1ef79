"""Records to the JSON the Porting API sends: orders, list rows and webhook payloads."""

from __future__ import annotations

from datetime import UTC, datetime, time

from porting_tui.emulator.dates import (
    WireStyle,
    format_timestamp,
    parse_date,
    parse_day_or_timestamp,
    parse_timestamp,
)
from porting_tui.emulator.records import (
    DocumentRecord,
    JsonObject,
    NoteRecord,
    NumberRecord,
    OrderRecord,
)


def created_date_json(created: datetime, style: WireStyle) -> str:
    return created.date().isoformat() if style == "date" else format_timestamp(created)


def authorizing_date_json(text: str, style: WireStyle) -> str:
    """A stored (already validated) authorizingDate in ``style``; the sent text otherwise."""
    day = parse_day_or_timestamp(text)
    if day is None:
        return text
    if style == "date":
        return day.isoformat()
    if parse_date(text) is not None:
        return format_timestamp(datetime.combine(day, time(0), UTC))
    moment = parse_timestamp(text)
    return text if moment is None else format_timestamp(moment)


def number_json(record: NumberRecord, style: WireStyle = "date") -> JsonObject:
    body: JsonObject = {"phoneNumber": record.phone_number, "status": record.status}
    body.update(record.data)
    port_out = record.data.get("portOutInfo")
    if isinstance(port_out, dict) and isinstance(port_out.get("authorizingDate"), str):
        # A new dict: stored submissions are shared and never mutated (see records.py).
        authorized = authorizing_date_json(port_out["authorizingDate"], style)
        body["portOutInfo"] = {**port_out, "authorizingDate": authorized}
    body["countryCode"] = record.country_code
    body["phoneNumberGroup"] = record.group
    body["exclusionReason"] = record.exclusion_reason
    if record.exclusion_date is not None:
        body["exclusionDate"] = format_timestamp(record.exclusion_date)
    if record.reject_reason is not None:
        body["rejectReason"] = record.reject_reason
    if record.confirmed_date is not None:
        body["confirmedDate"] = format_timestamp(record.confirmed_date)
    if record.foc_date is not None:
        body["focDate"] = format_timestamp(record.foc_date)
    if record.activated_date is not None:
        body["activatedDate"] = format_timestamp(record.activated_date)
    if record.activate_user is not None:
        body["activateUser"] = record.activate_user
    return body


def note_json(note: NoteRecord) -> JsonObject:
    return {
        "note": note.note,
        "createdTime": format_timestamp(note.created_time),
        "createdBy": note.created_by,
    }


def document_json(document: DocumentRecord) -> JsonObject:
    return {"id": document.id, "documentName": document.name, "description": document.description}


def order_webhook_json(order: OrderRecord, style: WireStyle = "date") -> JsonObject:
    """The order as ``OrderWebhookItem``: everything but the id."""
    body: JsonObject = {
        "status": order.status,
        "customerOrderReference": order.customer_order_reference,
        "onDemandActivation": order.on_demand,
        "desiredPortSchedule": dict(order.schedule),
    }
    if order.loa_uploaded_by is not None:
        body["loaUploadedBy"] = order.loa_uploaded_by
    if order.loa_attachment_date is not None:
        body["loaAttachmentDate"] = format_timestamp(order.loa_attachment_date)
    body["phoneNumbers"] = [number_json(record, style) for record in order.numbers]
    body["notes"] = [note_json(note) for note in order.notes]
    body["documents"] = [document_json(document) for document in order.documents]
    body["createdDate"] = created_date_json(order.created, style)
    body["resellerName"] = order.reseller_name
    return body


def order_json(order: OrderRecord, style: WireStyle = "date") -> JsonObject:
    """The order as ``OrderBaseItem``."""
    return {"id": order.id, **order_webhook_json(order, style)}


def order_list_item_json(order: OrderRecord, style: WireStyle = "date") -> JsonObject:
    counts = order.counts()
    return {
        "id": order.id,
        "status": order.status,
        "customerOrderReference": order.customer_order_reference,
        "createdDate": created_date_json(order.created, style),
        "phoneNumberQuantity": len(order.numbers),
        "focQuantity": counts.get("CONFIRMED", 0),
        "activatedQuantity": counts.get("ACTIVATED", 0),
        "rejectedQuantity": counts.get("REJECTED", 0),
        "excludedQuantity": counts.get("EXCLUDED", 0),
    }


def number_status_json(record: NumberRecord) -> JsonObject:
    """A ``NumberPortingStatusItem``: status facts only, no end-user or port-out data."""
    body: JsonObject = {"phoneNumber": record.phone_number, "status": record.status}
    if record.activated_date is not None:
        body["activatedDate"] = format_timestamp(record.activated_date)
    if record.confirmed_date is not None:
        body["confirmedDate"] = format_timestamp(record.confirmed_date)
    if record.reject_reason is not None:
        body["rejectReason"] = record.reject_reason
    return body


def order_updated_event(order: OrderRecord, style: WireStyle = "date") -> JsonObject:
    return {
        "type": "ORDER_UPDATED",
        "orderId": str(order.id),
        "order": order_webhook_json(order, style),
    }


def numbers_event(kind: str, order: OrderRecord, records: list[NumberRecord]) -> JsonObject:
    """NUMBERS_CONFIRMED, NUMBERS_REJECTED or NUMBERS_ACTIVATED for a batch of numbers."""
    return {
        "type": kind,
        "orderId": str(order.id),
        "phoneNumbers": [number_status_json(record) for record in records],
    }


def note_event(order: OrderRecord, note: NoteRecord) -> JsonObject:
    return {"type": "NEW_ORDER_NOTE", "orderId": str(order.id), "note": note.note}
