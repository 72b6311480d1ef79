"""ChangedRows: fetch again the order-list rows that webhook events say have changed."""

from __future__ import annotations

from collections.abc import Callable

from porting_tui.client import OrderListItem, PortingClient, PortingError
from porting_tui.listing.order_listing import OrderListing


class ChangedRows:
    """Orders waiting to be fetched again; one drain at a time, so a burst of events for the
    same order costs one request, not one per event."""

    def __init__(self, client: PortingClient) -> None:
        self._client = client
        self._pending: set[int] = set()
        self._draining = False

    def queue(self, listing: OrderListing, order_id: int) -> bool:
        """Queue ``order_id`` if ``listing`` shows it; True when a drain should be started."""
        if not any(order.id == order_id for order in listing.orders):
            return False
        self._pending.add(order_id)
        return not self._draining

    async def drain(
        self,
        current: Callable[[], OrderListing | None],
        show: Callable[[OrderListing], None],
        left: Callable[[OrderListItem], None] | None = None,
    ) -> None:
        """Fetch each queued order's row and put it in the current listing, then ``show`` it.

        A row whose status no longer matches the listing's status filter leaves the listing
        (``left`` is told, so that the user hears where it went) rather than staying in a
        view it no longer belongs to until the next refresh.
        """
        self._draining = True
        try:
            while self._pending:
                order_id = self._pending.pop()
                try:
                    page = await self._client.orders.list_page(None, 1, order_id=order_id)
                except PortingError:
                    continue  # the list's next refresh catches up
                listing = current()
                if listing is None or not page.orders:
                    continue
                fresh = page.orders[0]
                wanted = listing.query.get("status")
                if wanted and fresh.status != wanted:
                    listing.orders = [o for o in listing.orders if o.id != fresh.id]
                    if listing.total_items:
                        listing.total_items -= 1
                    if left is not None:
                        left(fresh)
                else:
                    listing.orders = [fresh if o.id == fresh.id else o for o in listing.orders]
                show(listing)
        finally:
            self._draining = False
