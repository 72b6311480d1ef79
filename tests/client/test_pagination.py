"""``orders.list`` walks every page by asking for ``page = previous + 1``."""

from __future__ import annotations

from typing import Any

import httpx

from porting_tui.client import OrderListItem, OrderStatus
from tests.client.fake_api import FakeApi, make_client
from tests.client.samples import list_item_json, page_json
from tests.contract.validator import validate_response


def paged_server(pages: dict[str | None, dict[str, Any]]) -> FakeApi:
    """A fake whose list answer depends on the ``page`` query parameter."""
    api = FakeApi()
    for body in pages.values():
        validate_response("GET", "/orders/portIns", 200, body)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=pages[request.url.params.get("page")])

    api.handle("GET", "/orders/portIns", answer)
    return api


async def _collect(api: FakeApi, **filters: Any) -> list[OrderListItem]:
    async with make_client(api) as client:
        return [order async for order in client.orders.list(**filters)]


async def test_list_yields_the_orders_of_every_page_in_order() -> None:
    api = paged_server(
        {
            None: page_json([1, 2], page=1, total_pages=3),
            "2": page_json([3, 4], page=2, total_pages=3),
            "3": page_json([5], page=3, total_pages=3),
        }
    )
    orders = await _collect(api)
    assert [o.id for o in orders] == [1, 2, 3, 4, 5]
    assert [r.url.params.get("page") for r in api.requests] == [None, "2", "3"]


async def test_list_passes_the_filters_to_every_page() -> None:
    api = paged_server(
        {
            None: page_json([1], page=1, total_pages=2, page_size=1),
            "2": page_json([2], page=2, total_pages=2, page_size=1),
        }
    )
    await _collect(api, status=OrderStatus.PENDING, page_size=1, phone_number="+12025550123")
    for request in api.requests:
        assert request.url.params["orderStatus"] == "PENDING"
        assert request.url.params["pageSize"] == "1"
        assert request.url.params["phoneNumber"] == "+12025550123"


async def test_list_stops_on_an_empty_page() -> None:
    # A server counting pages from 0 says page 0 of 2; the client asks for 1, then 2 (empty).
    api = paged_server(
        {
            None: page_json([1], page=0, total_pages=2),
            "1": page_json([2], page=1, total_pages=2),
            "2": page_json([], page=2, total_pages=2),
        }
    )
    orders = await _collect(api)
    assert [o.id for o in orders] == [1, 2]
    assert len(api.requests) == 3


async def test_list_of_nothing_makes_one_request() -> None:
    api = paged_server({None: page_json([], page=1, total_pages=0)})
    assert await _collect(api) == []
    assert len(api.requests) == 1


async def test_list_stops_when_the_server_ignores_the_page_parameter() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns", page_json([1, 2], page=1, total_pages=5))
    orders = await _collect(api)
    assert [o.id for o in orders] == [1, 2]
    assert len(api.requests) == 2


async def test_list_stops_when_the_server_gives_no_paging_figures() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns", {"orders": [list_item_json(1)]})
    assert [o.id for o in await _collect(api)] == [1]
    assert len(api.requests) == 1


async def test_list_fetches_lazily_as_it_is_iterated() -> None:
    api = paged_server(
        {
            None: page_json([1, 2], page=1, total_pages=2),
            "2": page_json([3], page=2, total_pages=2),
        }
    )
    async with make_client(api) as client:
        iterator = client.orders.list()
        assert api.requests == []
        first = await anext(iterator)
        assert first.id == 1
        assert len(api.requests) == 1
