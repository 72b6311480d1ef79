"""The order table's columns: labels, which fit the terminal, cell text and sort keys.

The list row itself has counts only; the port date, FOC date, carrier, age and attention
columns come from the order's details (``RowDetails``), read in the background for open
orders, and show ``—`` until they are known.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from rich.text import Text

from porting_tui.attention.row_details import RowDetails
from porting_tui.client import OrderListItem, date_text, day_of
from porting_tui.domain.inert_text import inert_text
from porting_tui.tui.status_looks import status_label

Justify = Literal["left", "right"]
MISSING = "—"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int
    justify: Justify = "left"


COLUMN_KEYS = (
    "id",
    "status",
    "reference",
    "created",
    "desired",
    "foc",
    "carrier",
    "age",
    "numbers",
    "activated",
    "rejected",
    "excluded",
    "attention",
)
COLUMN_TITLES = {
    "id": "Order",
    "status": "Status",
    "reference": "Reference",
    "created": "Created",
    "desired": "Port date",
    "foc": "FOC",
    "carrier": "Carrier",
    "age": "Age",
    "numbers": "#",
    "activated": "Act",
    "rejected": "Rej",
    "excluded": "Exc",
    "attention": "Attention",
}
_COUNT_ATTRIBUTES = {
    "numbers": "phone_number_quantity",
    "activated": "activated_quantity",
    "rejected": "rejected_quantity",
    "excluded": "excluded_quantity",
}
_FIXED_WIDTHS = {
    "status": 12,
    "created": 10,
    "desired": 10,
    "foc": 10,
    "carrier": 14,
    "age": 4,
    "numbers": 4,
    "activated": 4,
    "rejected": 4,
    "excluded": 4,
}
_RIGHT = frozenset({"age", "numbers", "activated", "rejected", "excluded"})
# Narrow terminals drop columns in this order; the order id, its reference, the rejected
# count and the attention column stay to the last.
DROP_ORDER = (
    "excluded",
    "activated",
    "created",
    "carrier",
    "desired",
    "numbers",
    "age",
    "foc",
    "status",
)
# One cell of padding each side of every column.
_PADDING = 2
_REFERENCE = (12, 24)
_REFERENCE_USUAL = 18
_ATTENTION = (16, 34)
_WIDE_STATUS = 21


def layout_columns(available: int, id_digits: int) -> list[Column]:
    """The columns that fit ``available`` cells; reference and attention share what is left."""
    keys = list(COLUMN_KEYS)
    widths = dict(_FIXED_WIDTHS, id=max(5, id_digits))

    def fixed_total() -> int:
        flexible = _REFERENCE[0] + _ATTENTION[0] + 2 * _PADDING
        return sum(widths[k] + _PADDING for k in keys if k in widths) + flexible + _PADDING

    for dropped in DROP_ORDER:
        if fixed_total() <= available:
            break
        keys.remove(dropped)
    spare = max(0, available - fixed_total())
    # Spare room goes first to a reference long enough for most customers' own labels, then
    # to the attention chips, then to the rest of the reference.
    reference = _REFERENCE[0] + min(spare, _REFERENCE_USUAL - _REFERENCE[0])
    spare -= reference - _REFERENCE[0]
    attention = _ATTENTION[0] + min(spare, _ATTENTION[1] - _ATTENTION[0])
    spare -= attention - _ATTENTION[0]
    grown = min(spare, _REFERENCE[1] - reference)
    reference += grown
    spare -= grown
    if "status" in keys and spare >= _WIDE_STATUS - widths["status"]:
        # Room for "⊘ PENDING_CANCELATION" in full.
        widths["status"] = _WIDE_STATUS
    widths.update(reference=reference, attention=attention)
    return [
        Column(key, COLUMN_TITLES[key], widths[key], "right" if key in _RIGHT else "left")
        for key in keys
    ]


def _day(day: date | None) -> str:
    return day.isoformat() if day else MISSING


def cell_text(order: OrderListItem, key: str, details: RowDetails | None = None) -> Text:
    """The cell as literal text: server strings are never read as markup."""
    if key == "id":
        return Text(str(order.id))
    if key == "status":
        return Text(status_label(inert_text(order.status)))
    if key == "reference":
        if order.unreadable is not None:
            # A row the client could not read says why where its reference would be.
            return Text(inert_text(f"unreadable: {order.unreadable}"))
        return Text(inert_text(order.customer_order_reference))
    if key == "created":
        return Text(inert_text(date_text(order.created_date)) or MISSING)
    if key in _COUNT_ATTRIBUTES:
        return Text(str(getattr(order, _COUNT_ATTRIBUTES[key])))
    if details is None:
        return Text(MISSING)
    if key == "desired":
        return Text(_day(details.desired_date))
    if key == "foc":
        return Text(_day(details.foc_date))
    if key == "carrier":
        return Text(inert_text(details.carrier_text) or MISSING)
    if key == "age":
        return Text(f"{details.age_days}bd")
    if key == "attention":
        text = details.attention
        return Text(f"snoozed: {text}" if details.snoozed and text else text)
    raise KeyError(key)


def sort_value(order: OrderListItem, key: str, details: RowDetails | None = None) -> Any:
    """The value ``key`` sorts by; None sorts last."""
    if key == "id":
        return order.id
    if key == "status":
        return order.status
    if key == "reference":
        return (order.customer_order_reference or "").casefold() or None
    if key == "created":
        return day_of(order.created_date)
    if key in _COUNT_ATTRIBUTES:
        return getattr(order, _COUNT_ATTRIBUTES[key])
    if details is None:
        return None
    if key == "desired":
        return details.desired_date
    if key == "foc":
        return details.foc_date
    if key == "carrier":
        return details.carrier_text.casefold() or None
    if key == "age":
        return details.age_days
    if key == "attention":
        return details.urgency or None
    raise KeyError(key)


def search_text(order: OrderListItem) -> str:
    """What the local find filter matches against, lower-cased once per order."""
    day = order.created_date
    # isoformat is date_text's own text for four-digit years, at a sixth of strftime's cost.
    created = day.isoformat() if type(day) is date and day.year >= 1000 else date_text(day)
    reference = order.customer_order_reference or ""
    return f"{order.id}\t{order.status}\t{reference}\t{created}".lower()
