"""OrderListing: paging, reloading what is loaded, surviving pages that shift, and loading all
in pages of 1,000 whatever the list's page size."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from porting_tui.client import PortingClient, ServerError
from porting_tui.listing.order_listing import LOAD_ALL_PAGE_SIZE, OrderListing


class FakeOrders:
    """A list endpoint over ``ids``, 1-based pages; ``fail`` makes the next request a 500."""

    def __init__(self, ids: list[int]) -> None:
        self.ids = ids
        self.pages_asked: list[str | None] = []
        self.sizes_asked: list[int] = []
        self.first_page = 1
        self.fail = False
        self.ignore_page = False

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.fail:
            self.fail = False
            return httpx.Response(500, json={"message": "boom"})
        page_text = request.url.params.get("page")
        self.pages_asked.append(page_text)
        size = int(request.url.params["pageSize"])
        self.sizes_asked.append(size)
        first = self.first_page
        page = first if self.ignore_page else int(page_text or first)
        rows = self.ids[(page - first) * size : (page - first + 1) * size]
        body: dict[str, Any] = {
            "orders": [{"id": i, "status": "PENDING"} for i in rows],
            "page": page,
            "pageSize": size,
            "totalPages": max(1, -(-len(self.ids) // size)) + first - 1,
            "totalItems": len(self.ids),
        }
        return httpx.Response(200, json=body)


@pytest.fixture
def fake() -> FakeOrders:
    return FakeOrders(list(range(1, 26)))


@pytest.fixture
def client(fake: FakeOrders) -> Iterator[PortingClient]:
    yield PortingClient(
        "p",
        key_id="k",
        key_secret="s",
        base_url="http://127.0.0.1:8787",
        transport=httpx.MockTransport(fake),
        max_retries=0,
    )


async def test_pages_load_one_at_a_time_until_the_last(
    client: PortingClient, fake: FakeOrders
) -> None:
    listing = OrderListing(client, {}, page_size=10)
    await listing.load_first()
    assert [o.id for o in listing.orders] == list(range(1, 11))
    assert listing.total_items == 25 and listing.has_more
    assert await listing.load_next() == 10
    assert await listing.load_next() == 5
    assert not listing.has_more
    assert await listing.load_next() == 0
    assert fake.pages_asked == [None, "2", "3"]


async def test_reload_fetches_as_many_pages_as_were_loaded(
    client: PortingClient, fake: FakeOrders
) -> None:
    listing = OrderListing(client, {}, page_size=10)
    await listing.load_first()
    await listing.load_next()
    fake.ids.insert(0, 99)
    await listing.reload()
    assert len(listing.orders) == 20 and listing.orders[0].id == 99
    assert listing.total_items == 26


async def test_an_order_pushed_to_the_next_page_is_not_shown_twice(
    client: PortingClient, fake: FakeOrders
) -> None:
    listing = OrderListing(client, {}, page_size=10)
    await listing.load_first()
    fake.ids.insert(0, 99)
    await listing.load_next()
    ids = [o.id for o in listing.orders]
    assert len(ids) == len(set(ids)) == 19


async def test_a_failed_reload_keeps_the_rows_that_were_there(
    client: PortingClient, fake: FakeOrders
) -> None:
    listing = OrderListing(client, {}, page_size=10)
    await listing.load_all(page_size=10)
    fake.fail = True
    with pytest.raises(ServerError):
        await listing.reload()
    assert len(listing.orders) == 25 and listing.pages_loaded == 3


async def test_a_server_that_ignores_the_page_stops_the_walk_after_one_more_request(
    client: PortingClient, fake: FakeOrders
) -> None:
    fake.ids = list(range(1, 1001))
    fake.ignore_page = True
    listing = OrderListing(client, {}, page_size=10)
    await listing.load_all(page_size=10)
    assert fake.pages_asked == [None, "2"]
    assert [o.id for o in listing.orders] == list(range(1, 11))
    assert not listing.has_more
    await listing.reload()
    assert fake.pages_asked == [None, "2", None, "2"]


def ids_of(listing: OrderListing) -> list[int]:
    return [order.id for order in listing.orders]


@pytest.mark.parametrize("first_page", [1, 0])
@pytest.mark.parametrize("pages_before", [0, 1, 3, 10, 12])
async def test_load_all_goes_on_in_pages_of_1000_from_where_the_list_is(
    client: PortingClient, fake: FakeOrders, first_page: int, pages_before: int
) -> None:
    """Page numbers count pages of the size asked for: after n pages of 100, L goes on from
    the page of 1,000 holding the first order not loaded, whichever number the first page has
    (0 or 1), and orders it brings again are not added twice."""
    fake.ids = list(range(1, 2501))
    fake.first_page = first_page
    listing = OrderListing(client, {}, page_size=100)
    if pages_before:
        await listing.load_first()
        for _ in range(pages_before - 1):
            await listing.load_next()
    fake.pages_asked.clear()
    fake.sizes_asked.clear()
    await listing.load_all()
    assert ids_of(listing) == fake.ids
    assert not listing.has_more and listing.page_size == LOAD_ALL_PAGE_SIZE
    assert set(fake.sizes_asked) == {LOAD_ALL_PAGE_SIZE}
    # The first page of 1,000 not fully loaded, then the rest: never a page twice.
    first_needed = pages_before * 100 // 1000
    expected = [str(first_page + n) for n in range(first_needed, 3)]
    if not pages_before:
        expected[0:1] = [None]  # type: ignore[list-item]
    assert fake.pages_asked == expected
    # A reload fetches again the pages of 1,000 that hold everything.
    fake.pages_asked.clear()
    await listing.reload()
    assert ids_of(listing) == fake.ids and len(fake.pages_asked) == 3


async def test_load_all_with_pages_that_shift_meanwhile_repeats_no_order(
    client: PortingClient, fake: FakeOrders
) -> None:
    fake.ids = list(range(1, 2501))
    listing = OrderListing(client, {}, page_size=100)
    await listing.load_first()
    for _ in range(11):
        await listing.load_next()
    # Two new orders arrive at the top: every page of the list shifts by two, so the second
    # page of 1,000 begins with two orders loaded already.
    fake.ids[0:0] = [9001, 9002]
    fake.pages_asked.clear()
    await listing.load_all()
    assert fake.pages_asked == ["2", "3"]
    ids = ids_of(listing)
    assert len(ids) == len(set(ids)) == 2500
    assert ids == list(range(1, 2501))


async def test_rows_only_grow_while_pages_load_and_a_new_list_is_a_new_revision(
    client: PortingClient, fake: FakeOrders
) -> None:
    listing = OrderListing(client, {}, page_size=10)
    await listing.load_first()
    rows, revision = listing.orders, listing.revision
    await listing.load_next(page_size=5)
    assert listing.orders is rows and listing.revision == revision
    assert ids_of(listing) == list(range(1, 16))
    listing.orders = [order for order in listing.orders if order.id != 3]
    assert listing.revision == revision + 1
    # The order taken out is no longer "seen": a later page may bring it back.
    fake.ids[15] = 3
    await listing.load_all(page_size=5)
    assert ids_of(listing) == [1, 2, *range(4, 16), 3, *range(17, 26)]


async def test_the_first_page_asked_early_is_the_one_load_first_takes(
    client: PortingClient, fake: FakeOrders
) -> None:
    listing = OrderListing(client, {}, page_size=10)
    listing.ask_first_page()
    listing.ask_first_page()  # asked once however often
    await asyncio.sleep(0)  # the request goes out without anyone awaiting it
    await listing.load_first()
    assert [o.id for o in listing.orders] == list(range(1, 11))
    assert fake.pages_asked == [None]
    # Taken once: the next start over asks again.
    await listing.load_first()
    assert fake.pages_asked == [None, None]


async def test_an_error_of_the_early_first_page_comes_out_of_load_first(
    client: PortingClient, fake: FakeOrders
) -> None:
    fake.fail = True
    listing = OrderListing(client, {}, page_size=10)
    listing.ask_first_page()
    with pytest.raises(ServerError):
        await listing.load_first()
    assert not listing.loaded


async def test_an_early_first_page_nobody_takes_is_cancelled_or_dropped_quietly(
    client: PortingClient, fake: FakeOrders, caplog: pytest.LogCaptureFixture
) -> None:
    abandoned = OrderListing(client, {}, page_size=10)
    abandoned.ask_first_page()
    abandoned.abandon()
    fake.fail = True
    unclaimed = OrderListing(client, {}, page_size=10)
    unclaimed.ask_first_page()
    for _ in range(20):
        await asyncio.sleep(0)
    del unclaimed
    gc.collect()
    # Neither a pending task nor an unretrieved error is reported by asyncio.
    assert "never retrieved" not in caplog.text
    assert "destroyed but it is pending" not in caplog.text
