"""The order list's views: the built-in tabs plus the user's saved ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from porting_tui.local.saved_views import SavedView
from porting_tui.tui.filters import OrderFilters


@dataclass(frozen=True)
class OrderView:
    name: str
    filters: OrderFilters
    saved: bool = False
    """True for the user's own views (they can be deleted), False for built-ins."""


BUILT_IN_VIEWS = (
    OrderView("Pending", OrderFilters(status="PENDING")),
    OrderView("Confirmed", OrderFilters(status="CONFIRMED")),
    OrderView("All", OrderFilters()),
)
BUILT_IN_NAMES = [view.name for view in BUILT_IN_VIEWS]


def all_views(saved: Sequence[SavedView]) -> list[OrderView]:
    """Built-ins first, then saved views in file order; a saved view may not hide a built-in."""
    views = list(BUILT_IN_VIEWS)
    reserved = {name.casefold() for name in BUILT_IN_NAMES}
    for view in saved:
        if view.name.casefold() not in reserved:
            views.append(OrderView(view.name, OrderFilters.from_mapping(view.filters), saved=True))
    return views
