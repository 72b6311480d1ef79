"""What the pre-flight rules look at: an order's values by field path, from a draft or an order.

The rules read neutral facts rather than a draft or the client's model, so the wizard, the
edit dialog, the order detail and the command line all run the very same rules on whatever
they hold. Values are text by API path (``endUser.state``), as the draft keeps them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from porting_tui.client import Order
from porting_tui.domain.carriers import carrier_of_group
from porting_tui.domain.order_draft import OrderDraft

PORT_DATE = "desiredPortSchedule.desiredPortDate"
PIN = "portOutInfo.existingPortOutPin"
ACCOUNT = "portOutInfo.accountNum"
AUTHORIZING_DATE = "portOutInfo.authorizingDate"
STATE = "endUser.state"
ZIP_CODE = "endUser.zipCode"

SETTLED_STATUSES = frozenset({"CONFIRMED", "ACTIVATED", "CANCELED", "EXCLUDED", "UNREADABLE"})
"""Numbers the losing carrier has answered for good, or that left the order: nothing about
them can be rejected any more."""
_ORDER_PARTS = ("phoneNumbers", "notes", "documents")


@dataclass(frozen=True)
class NumberFacts:
    """One number of the order: its values by per-number path, and its losing carrier."""

    phone: str
    """E.164."""
    values: Mapping[str, str] = field(default_factory=dict)
    """Per-number values by path (``endUser.zipCode``, ``portOutInfo.existingPortOutPin``)."""
    carrier: str = ""
    """The losing carrier's name; empty when unknown."""

    def value(self, path: str) -> str:
        return self.values.get(path, "").strip()


@dataclass(frozen=True)
class OrderFacts:
    """An order as the rules see it, before or after it is submitted."""

    numbers: tuple[NumberFacts, ...] = ()
    values: Mapping[str, str] = field(default_factory=dict)
    """Order-level values by path (``desiredPortSchedule.desiredPortDate``)."""
    documents: int | None = None
    """How many documents the order has; None before it exists (a draft has none to have)."""
    order_id: int | None = None
    """The order's id once it exists."""

    def value(self, path: str) -> str:
        return self.values.get(path, "").strip()


def facts_from_draft(draft: OrderDraft) -> OrderFacts:
    """The facts of a draft: its numbers with their effective values and checked carrier."""
    numbers = tuple(
        NumberFacts(
            number,
            draft.values_for(number),
            record.carrier.strip() if (record := draft.portability.get(number)) else "",
        )
        for number in draft.numbers
    )
    return OrderFacts(numbers, dict(draft.order))


def _flatten(node: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """``{"endUser": {"state": "IL"}}`` -> ``{"endUser.state": "IL"}``; lists are left out."""
    flat: dict[str, str] = {}
    for name, value in node.items():
        path = f"{prefix}{name}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{path}."))
        elif isinstance(value, bool):
            flat[path] = "true" if value else "false"
        elif isinstance(value, str | int | float):
            flat[path] = str(value)
    return flat


def facts_from_body(body: Mapping[str, Any], carriers: Mapping[str, str]) -> OrderFacts:
    """The facts of an order's request body (API field names, as a file for the command line
    holds it); ``carriers`` is what the portability check said of each number."""
    values = _flatten({k: v for k, v in body.items() if k not in _ORDER_PARTS})
    entries = body.get("phoneNumbers")
    numbers = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("phoneNumber"), str):
            continue
        phone = entry["phoneNumber"]
        numbers.append(NumberFacts(phone, _flatten(entry), carriers.get(phone, "")))
    return OrderFacts(tuple(numbers), values)


def facts_from_order(order: Order, *, carriers: Mapping[str, str] | None = None) -> OrderFacts:
    """The facts of an order read from the API.

    Only the numbers the losing carrier may still reject are kept (pending, rejected, or in a
    status this client does not know). Each number's carrier is ``carriers[number]`` when the
    caller knows better (a portability check), else the one its activation group is named
    after.
    """
    body = order.model_dump(mode="json", by_alias=True, exclude_none=True)
    values = _flatten({k: v for k, v in body.items() if k not in _ORDER_PARTS})
    known = carriers or {}
    numbers = []
    for number in order.phone_numbers:
        if not number.phone_number or number.status in SETTLED_STATUSES:
            continue
        group = number.phone_number_group or ""
        carrier = known.get(number.phone_number) or (carrier_of_group(group) if group else "")
        number_body = number.model_dump(mode="json", by_alias=True, exclude_none=True)
        numbers.append(NumberFacts(number.phone_number, _flatten(number_body), carrier))
    return OrderFacts(tuple(numbers), values, len(order.documents), order.id or None)
