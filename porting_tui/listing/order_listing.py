"""OrderListing: the loaded part of one filtered order list, fetched a page at a time."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from porting_tui.client import OrderListItem, OrderPage, PortingClient
from porting_tui.client.pagination import advanced, next_page

LOAD_ALL_PAGE_SIZE = 1000
"""``load_all`` asks for pages of this size (the API's largest) whatever the list's own."""


class OrderListing:
    """Pages of ``client.orders.list_page`` for one query; no UI, so screens and tests share it.

    Paging follows the client's walk (``client.pagination``), one page per call, and stops as
    it does, also when the server does not move forward. Orders seen on an earlier page are
    not repeated when new orders shift the pages between two requests.

    ``orders`` only grows while pages are appended; assigning it (a reload, a row fetched
    again) counts as a new list in ``revision``, so a viewer knows when it may append only
    the rows after those it shows.
    """

    def __init__(self, client: PortingClient, query: Mapping[str, Any], page_size: int) -> None:
        self._client = client
        self.query = dict(query)
        self.page_size = page_size
        self._orders: list[OrderListItem] = []
        self._seen: set[int] = set()
        self.revision = 0
        self.total_items: int | None = None
        self.pages_loaded = 0
        """Pages of ``page_size`` that hold the loaded orders: what a reload fetches again."""
        self._started = False
        self._first_page: int | None = None
        """The number the server gave its first page (0 or 1), once known."""
        self._next_page: int | None = None
        self._done = False
        self._early: asyncio.Task[OrderPage] | None = None
        """The first page, asked for by ``ask_first_page`` and not yet taken."""

    @property
    def orders(self) -> list[OrderListItem]:
        return self._orders

    @orders.setter
    def orders(self, orders: list[OrderListItem]) -> None:
        self._orders = orders
        self._seen = {order.id for order in orders}
        self.revision += 1

    @property
    def has_more(self) -> bool:
        return not self._done

    @property
    def loaded(self) -> bool:
        return self._started

    async def _fetch(self, page: int | None) -> OrderPage:
        return await self._client.orders.list_page(page, self.page_size, **self.query)

    def _take(self, page: OrderPage, asked: int | None) -> None:
        if not advanced(page, asked):
            self._done, self._next_page = True, None
            return
        if asked is None:
            self._first_page = page.page
        into, seen = self._orders, self._seen
        for order in page.orders:
            # A row the client could not read has no id to trust: each one is kept. (The id
            # is asked first: ``unreadable`` costs more, and is only needed for a seen id.)
            if order.id not in seen or order.unreadable is not None:
                seen.add(order.id)
                into.append(order)
        if page.total_items is not None:
            self.total_items = page.total_items
        following = next_page(page)
        if self.total_items is not None and len(into) >= self.total_items:
            following = None
        self._done = following is None
        self._next_page = following

    def ask_first_page(self) -> None:
        """Send the first page's request now, in a task of the running loop; the next
        ``load_first`` takes its answer (or its error) instead of asking again.

        The app asks before its first screen is built: the server answers while the screen is
        mounted and styled, which is most of what a start waits for after its imports.
        """
        if self._early is not None:
            return
        task = asyncio.get_running_loop().create_task(self._fetch(None))
        # An answer nobody takes (the app closed first) is dropped without asyncio's warning.
        task.add_done_callback(_drop_unclaimed)
        self._early = task

    def abandon(self) -> None:
        """Not wanted after all: the first page's request, if still out, is cancelled."""
        early, self._early = self._early, None
        if early is not None:
            early.cancel()

    async def load_first(self) -> None:
        """Start over with the first page."""
        early, self._early = self._early, None
        page = await (early if early is not None else self._fetch(None))
        self.orders = []
        self.pages_loaded = 1
        self._started = True
        self._take(page, None)

    async def load_next(self, page_size: int | None = None) -> int:
        """Append the next page; returns how many new orders it brought.

        With ``page_size``, pages of that size are asked for from here on (see
        ``_resize_pages``).
        """
        if page_size is not None and page_size != self.page_size:
            self._resize_pages(page_size)
        if not self.loaded:
            await self.load_first()
            return len(self._orders)
        if self._done or self._next_page is None:
            return 0
        page = await self._fetch(self._next_page)
        before = len(self._orders)
        self.pages_loaded += 1
        self._take(page, self._next_page)
        return len(self._orders) - before

    def _resize_pages(self, page_size: int) -> None:
        """Go on in pages of ``page_size``: page numbers count pages of the size asked for,
        so the walk goes on from the page of the new size that holds the first order not yet
        loaded. It may begin with orders already loaded, which are not added twice."""
        if not self.loaded:
            self.page_size = page_size
            return
        if self._done or self._next_page is None or self._first_page is None:
            return
        # Pages before the next one were full: that many of the server's rows are loaded.
        consumed = (self._next_page - self._first_page) * self.page_size
        self.page_size = page_size
        full_pages = consumed // page_size
        self._next_page = self._first_page + full_pages
        self.pages_loaded = full_pages

    async def load_all(self, page_size: int = LOAD_ALL_PAGE_SIZE) -> None:
        """Load every page that is left, in pages of ``page_size`` (see ``load_next``)."""
        while self.has_more:
            await self.load_next(page_size)

    async def reload(self) -> None:
        """Fetch again as many pages as are loaded; on failure the old rows stay as they were."""
        fresh = OrderListing(self._client, self.query, self.page_size)
        await fresh.load_first()
        while fresh.pages_loaded < self.pages_loaded and fresh.has_more:
            await fresh.load_next()
        self.orders = fresh.orders
        self.total_items = fresh.total_items
        self.pages_loaded = fresh.pages_loaded
        self._started = True
        self._first_page = fresh._first_page
        self._next_page = fresh._next_page
        self._done = fresh._done


def _drop_unclaimed(task: asyncio.Task[OrderPage]) -> None:
    if not task.cancelled():
        task.exception()
