"""Walk every page of the order list."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

from porting_tui.client.models import OrderListItem, OrderPage

PageFetcher = Callable[[str | None], Awaitable[OrderPage]]


async def iterate_pages(fetch: PageFetcher) -> AsyncIterator[OrderListItem]:
    """Yield the orders of every page, asking for ``page = previous page + 1``.

    The first request carries no ``page``. It stops at ``totalPages``, on an empty page
    (which covers servers counting from 0 as well as from 1), when the server gives no page
    number, or when it does not move forward (a server ignoring ``page`` must not loop forever).
    """
    page = await fetch(None)
    while True:
        for order in page.orders:
            yield order
        if not page.orders or page.page is None or page.total_pages is None:
            return
        if page.page >= page.total_pages:
            return
        current = page.page
        page = await fetch(str(current + 1))
        if page.page is not None and page.page <= current:
            return
