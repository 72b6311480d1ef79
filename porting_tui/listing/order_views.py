"""The order list's views: the built-in tabs plus the user's saved ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from porting_tui.client import PortingClient, PortingError
from porting_tui.listing.filters import FilterErrors, OrderFilters, to_query
from porting_tui.listing.session import Session
from porting_tui.local.saved_views import DEMO_PROFILE, SavedView


@dataclass(frozen=True)
class OrderView:
    name: str
    filters: OrderFilters
    saved: bool = False
    """True for the user's own views (they can be deleted), False for built-ins."""
    all_profiles: bool = False
    """A saved view shown on every profile, not only on the session's."""


BUILT_IN_VIEWS = (
    OrderView("Pending", OrderFilters(status="PENDING")),
    OrderView("Confirmed", OrderFilters(status="CONFIRMED")),
    OrderView("All", OrderFilters()),
)
BUILT_IN_NAMES = [view.name for view in BUILT_IN_VIEWS]


def views_profile(session: Session) -> str:
    """Whose saved views ``session`` shows: its profile's, or the demo's own (a real profile
    may be called "demo" too, and must not see them)."""
    return DEMO_PROFILE if session.demo else session.profile_name


def all_views(saved: Sequence[SavedView]) -> list[OrderView]:
    """Built-ins first, then saved views in file order; a saved view may not hide a built-in."""
    views = list(BUILT_IN_VIEWS)
    reserved = {name.casefold() for name in BUILT_IN_NAMES}
    for view in saved:
        if view.name.casefold() not in reserved:
            filters = OrderFilters.from_mapping(view.filters)
            views.append(OrderView(view.name, filters, saved=True, all_profiles=view.all_profiles))
    return views


async def count_views(
    client: PortingClient, views: Sequence[OrderView], skip: int, today: date
) -> dict[str, int]:
    """The number of orders in each view but ``skip``, one cheap request each.

    A view whose filters no longer parse is left out; an API failure ends the counting with
    what was counted so far (the labels are a nicety, not worth an error).
    """
    counts: dict[str, int] = {}
    for index, view in enumerate(views):
        if index == skip:
            continue
        try:
            page = await client.orders.list_page(None, 1, **to_query(view.filters, today))
        except FilterErrors:
            continue
        except PortingError:
            break
        if page.total_items is not None:
            counts[view.name] = page.total_items
    return counts
