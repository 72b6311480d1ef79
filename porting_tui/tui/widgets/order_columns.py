"""The order table's columns: labels, widths for the terminal's width, cell text, sort keys."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from rich.text import Text

from porting_tui.client import OrderListItem, date_text, day_of
from porting_tui.domain.inert_text import inert_text
from porting_tui.tui.status_looks import status_label

Justify = Literal["left", "right"]


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
    "numbers",
    "foc",
    "activated",
    "rejected",
    "excluded",
)
COLUMN_TITLES = {
    "id": "Order",
    "status": "Status",
    "reference": "Reference",
    "created": "Created",
    "numbers": "#",
    "foc": "FOC",
    "activated": "Act",
    "rejected": "Rej",
    "excluded": "Exc",
}
_COUNT_ATTRIBUTES = {
    "numbers": "phone_number_quantity",
    "foc": "foc_quantity",
    "activated": "activated_quantity",
    "rejected": "rejected_quantity",
    "excluded": "excluded_quantity",
}
# One cell of padding each side of every column.
_PADDING = 2
_WIDE_FROM = 100


def layout_columns(available: int, id_digits: int) -> list[Column]:
    """Column widths for ``available`` cells: the reference column takes what is left."""
    wide = available >= _WIDE_FROM
    count_width = 5 if wide else 3
    fixed = [
        Column("id", COLUMN_TITLES["id"], max(5, id_digits)),
        Column("status", COLUMN_TITLES["status"], 21 if wide else 12),
        Column("created", COLUMN_TITLES["created"], 10),
        *(Column(key, COLUMN_TITLES[key], count_width, "right") for key in _COUNT_ATTRIBUTES),
    ]
    used = sum(column.width + _PADDING for column in fixed) + _PADDING
    reference = Column("reference", COLUMN_TITLES["reference"], max(9, min(40, available - used)))
    return [fixed[0], fixed[1], reference, *fixed[2:]]


def cell_text(order: OrderListItem, key: str) -> Text:
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
        return Text(inert_text(date_text(order.created_date)) or "—")
    return Text(str(getattr(order, _COUNT_ATTRIBUTES[key])))


def sort_value(order: OrderListItem, key: str) -> Any:
    """The value ``key`` sorts by; None sorts last."""
    if key == "id":
        return order.id
    if key == "status":
        return order.status
    if key == "reference":
        return (order.customer_order_reference or "").casefold() or None
    if key == "created":
        return day_of(order.created_date)
    return getattr(order, _COUNT_ATTRIBUTES[key])


def search_text(order: OrderListItem) -> str:
    """What the local find filter matches against, lower-cased once per order."""
    created = date_text(order.created_date)
    reference = order.customer_order_reference or ""
    return f"{order.id}\t{order.status}\t{reference}\t{created}".lower()
