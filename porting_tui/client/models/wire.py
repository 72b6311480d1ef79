"""Request bodies for orders: the full order minus every field only the server may set."""

from __future__ import annotations

from typing import Any

from porting_tui.client.models.order import NewOrder, Order, OrderSnapshot
from porting_tui.client.models.wire_dates import is_unreadable

READ_ONLY_ORDER_FIELDS = frozenset({"id", "status", "notes", "documents", "createdDate"})
READ_ONLY_NUMBER_FIELDS = frozenset(
    {
        "status",
        "exclusionReason",
        "exclusionDate",
        "countryCode",
        "activatedDate",
        "confirmedDate",
        "activateUser",
        "rejectReason",
        "excludedFeatures",
        "phoneNumberGroup",
        "focDate",
    }
)
READ_ONLY_E911_FIELDS = frozenset(
    {
        "enhStreetNum",
        "enhStreetInfo",
        "enhLocation",
        "enhCity",
        "enhState",
        "enhPostalCode",
        "enhPostalCodePlusFour",
    }
)


def _number_body(number: dict[str, Any]) -> dict[str, Any]:
    body = {key: value for key, value in number.items() if key not in READ_ONLY_NUMBER_FIELDS}
    # The contract requires portOutInfo on every number, even when there is nothing to say.
    body.setdefault("portOutInfo", {})
    features = body.get("features")
    if isinstance(features, dict) and isinstance(features.get("e911"), dict):
        e911 = {k: v for k, v in features["e911"].items() if k not in READ_ONLY_E911_FIELDS}
        body["features"] = {**features, "e911": e911}
    return body


def order_request_body(order: Order | OrderSnapshot | NewOrder) -> dict[str, Any]:
    """The JSON body to create or replace an order, with read-only fields left out.

    Unknown fields the server sent are kept, so a full replace does not drop them.
    """
    wire = order.to_wire()
    body = {key: value for key, value in wire.items() if key not in READ_ONLY_ORDER_FIELDS}
    if is_unreadable(order.loa_attachment_date):
        # Set by the server when a LOA is uploaded; text it sent that is no date-time is not
        # ours to send back in a strict body.
        body.pop("loaAttachmentDate", None)
    numbers = body.get("phoneNumbers")
    if isinstance(numbers, list):
        body["phoneNumbers"] = [
            _number_body(item) if isinstance(item, dict) else item for item in numbers
        ]
    return body
