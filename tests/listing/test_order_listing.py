"""OrderListing: paging, reloading what is loaded, and surviving pages that shift."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from porting_tui.client import PortingClient, ServerError
from porting_tui.listing.order_listing import OrderListing


class FakeOrders:
    """A list endpoint over ``ids``, 1-based pages; ``fail`` makes the next request a 500."""

    def __init__(self, ids: list[int]) -> None:
        self.ids = ids
        self.pages_asked: list[str | None] = []
        self.fail = False
        self.ignore_page = False

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.fail:
            self.fail = False
            return httpx.Response(500, json={"message": "boom"})
        page_text = request.url.params.get("page")
        self.pages_asked.append(page_text)
        size = int(request.url.params["pageSize"])
        page = 1 if self.ignore_page else int(page_text or 1)
        rows = self.ids[(page - 1) * size : page * size]
        body: dict[str, Any] = {
            "orders": [{"id": i, "status": "PENDING"} for i in rows],
            "page": page,
            "pageSize": size,
            "totalPages": max(1, -(-len(self.ids) // size)),
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
    await listing.load_all()
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
    await listing.load_all()
    assert fake.pages_asked == [None, "2"]
    assert [o.id for o in listing.orders] == list(range(1, 11))
    assert not listing.has_more
    await listing.reload()
    assert fake.pages_asked == [None, "2", None, "2"]
