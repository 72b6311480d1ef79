"""OrderListing: the loaded part of one filtered order list, fetched a page at a time."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from porting_tui.client import OrderListItem, OrderPage, PortingClient
from porting_tui.client.pagination import advanced, next_page


class OrderListing:
    """Pages of ``client.orders.list_page`` for one query; no UI, so screens and tests share it.

    Paging follows the client's walk (``client.pagination``), one page per call, and stops as
    it does, also when the server does not move forward. Orders seen on an earlier page are
    not repeated when new orders shift the pages between two requests.
    """

    def __init__(self, client: PortingClient, query: Mapping[str, Any], page_size: int) -> None:
        self._client = client
        self.query = dict(query)
        self.page_size = page_size
        self.orders: list[OrderListItem] = []
        self.total_items: int | None = None
        self.pages_loaded = 0
        self._next_page: int | None = None
        self._done = False

    @property
    def has_more(self) -> bool:
        return not self._done

    @property
    def loaded(self) -> bool:
        return self.pages_loaded > 0

    async def _fetch(self, page: int | None) -> OrderPage:
        return await self._client.orders.list_page(page, self.page_size, **self.query)

    def _take(
        self, page: OrderPage, asked: int | None, into: list[OrderListItem], seen: set[int]
    ) -> None:
        if not advanced(page, asked):
            self._done, self._next_page = True, None
            return
        for order in page.orders:
            # A row the client could not read has no id to trust: each one is kept.
            if order.unreadable is not None or order.id not in seen:
                seen.add(order.id)
                into.append(order)
        if page.total_items is not None:
            self.total_items = page.total_items
        following = next_page(page)
        if self.total_items is not None and len(into) >= self.total_items:
            following = None
        self._done = following is None
        self._next_page = following

    async def load_first(self) -> None:
        """Start over with the first page."""
        page = await self._fetch(None)
        orders: list[OrderListItem] = []
        self.pages_loaded = 1
        self._take(page, None, orders, set())
        self.orders = orders

    async def load_next(self) -> int:
        """Append the next page; returns how many new orders it brought."""
        if not self.loaded:
            await self.load_first()
            return len(self.orders)
        if self._done or self._next_page is None:
            return 0
        page = await self._fetch(self._next_page)
        before = len(self.orders)
        seen = {order.id for order in self.orders}
        self.pages_loaded += 1
        self._take(page, self._next_page, self.orders, seen)
        return len(self.orders) - before

    async def load_all(self) -> None:
        while self.has_more:
            await self.load_next()

    async def reload(self) -> None:
        """Fetch again as many pages as are loaded; on failure the old rows stay as they were."""
        fresh = OrderListing(self._client, self.query, self.page_size)
        await fresh.load_first()
        while fresh.pages_loaded < self.pages_loaded and fresh.has_more:
            await fresh.load_next()
        self.orders = fresh.orders
        self.total_items = fresh.total_items
        self.pages_loaded = fresh.pages_loaded
        self._next_page = fresh._next_page
        self._done = fresh._done
