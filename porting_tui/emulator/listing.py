"""``GET /orders/portIns``: filters, 1-based pages and the list response."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from porting_tui.emulator.checks import Checks
from porting_tui.emulator.dates import parse_timestamp
from porting_tui.emulator.records import JsonObject
from porting_tui.emulator.store import OrderQuery, OrderStore
from porting_tui.emulator.wire import order_list_item_json

ORDER_STATUSES = ("PENDING", "CONFIRMED", "COMPLETED", "CANCELED", "PENDING_CANCELATION")
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
_INTEGER = re.compile(r"^\s*\d+\s*$")


def normalize_phone_filter(text: str) -> str:
    """Accept ``+12125550123``, ``12125550123``, ``2125550123`` or a ``+`` read as a space."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) == 10:
        digits = "1" + digits
    return "+" + digits


def read_list_query(params: Mapping[str, str]) -> tuple[OrderQuery, int, int]:
    """(filters, page, page size) from the query string; 422 for values out of contract."""
    checks = Checks()
    page_size = _positive(checks, params, "pageSize", DEFAULT_PAGE_SIZE)
    if page_size is not None and page_size > MAX_PAGE_SIZE:
        checks.add("pageSize", f"pageSize must be between 1 and {MAX_PAGE_SIZE}")
    page = _positive(checks, params, "page", 1)
    order_id = _positive(checks, params, "orderId", None)
    status = params.get("orderStatus")
    if status is not None and status not in ORDER_STATUSES:
        checks.add("orderStatus", f"orderStatus must be one of {', '.join(ORDER_STATUSES)}")
    stamps = {}
    for name in ("createdDateStart", "createdDateEnd", "focStartDate", "focEndDate"):
        if name in params:
            stamps[name] = parse_timestamp(params[name], end_of_day=name.endswith("End"))
            if stamps[name] is None:
                checks.add(
                    name, f"{name} must be an ISO-8601 date-time such as 2024-09-24T12:00:00Z"
                )
    phone = params.get("phoneNumber")
    checks.raise_if_any()
    query = OrderQuery(
        order_id=order_id,
        status=status,
        reference=params.get("customerOrderReference"),
        phone_number=normalize_phone_filter(phone) if phone is not None else None,
        created_start=stamps.get("createdDateStart"),
        created_end=stamps.get("createdDateEnd"),
        foc_start=stamps.get("focStartDate"),
        foc_end=stamps.get("focEndDate"),
    )
    return query, page or 1, page_size or DEFAULT_PAGE_SIZE


def _positive(
    checks: Checks, params: Mapping[str, str], name: str, default: int | None
) -> int | None:
    text = params.get(name)
    if text is None or text == "":
        return default
    if not _INTEGER.match(text) or int(text) < 1:
        checks.add(name, f"{name} must be a positive integer")
        return None
    return int(text)


def list_orders(store: OrderStore, params: Mapping[str, str]) -> JsonObject:
    query, page, page_size = read_list_query(params)
    total, orders = store.page(query, (page - 1) * page_size, page_size)
    return {
        "orders": [order_list_item_json(order, store.wire_style) for order in orders],
        "page": page,
        "totalPages": math.ceil(total / page_size),
        "pageSize": page_size,
        "totalItems": total,
    }
