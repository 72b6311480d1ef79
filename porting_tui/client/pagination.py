"""Walk the pages of the order list: one rule for the next page, used by every walker."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

from porting_tui.client.models.listing import OrderListItem, OrderPage

PageFetcher = Callable[[str | None], Awaitable[OrderPage]]


def next_page(page: OrderPage) -> int | None:
    """The page to ask for after ``page``, or None when the walk is over.

    Over at ``totalPages``, on an empty page (which covers servers counting from 0 as well as
    from 1), or when the server gives no page number.
    """
    if not page.orders or page.page is None or page.total_pages is None:
        return None
    if page.page >= page.total_pages:
        return None
    return page.page + 1


def advanced(page: OrderPage, asked: int | None) -> bool:
    """Whether the answer to asking for page ``asked`` moved forward.

    A server that ignores ``page`` answers page 1 again and again; without this check a walk
    asked it for page 2 forever (21,931 requests in 2 s). Such a page is dropped, not shown
    twice, and the walk ends.
    """
    return asked is None or page.page is None or page.page >= asked


async def iterate_pages(fetch: PageFetcher) -> AsyncIterator[OrderListItem]:
    """Yield the orders of every page; the first request carries no ``page``."""
    page = await fetch(None)
    while True:
        for order in page.orders:
            yield order
        asked = next_page(page)
        if asked is None:
            return
        page = await fetch(str(asked))
        if not advanced(page, asked):
            return
