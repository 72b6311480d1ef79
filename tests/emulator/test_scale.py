"""Four thousand orders: a list page touches only its own orders (timings: bench/)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from porting_tui.emulator import Emulator
from porting_tui.emulator.store import OrderQuery
from tests.emulator.conftest import API, BASE_URL, make_emulator

ORDERS = 4_000


class CountingOrders(dict[int, Any]):
    """The store's order table, counting lookups: the work a listing does."""

    lookups = 0

    def __getitem__(self, key: int) -> Any:
        CountingOrders.lookups += 1
        return super().__getitem__(key)


@pytest.fixture(scope="module")
def big() -> Emulator:
    emulator = make_emulator(orders=ORDERS, seed=2)
    emulator.store.orders = CountingOrders(emulator.store.orders)
    return emulator


async def list_page(emulator: Emulator, **params: str) -> tuple[dict[str, Any], int]:
    """The page, and how many orders the store looked up to build it."""
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=emulator.app),
        base_url=BASE_URL + API,
        auth=("demo-key", "demo-secret"),
    ) as api:
        CountingOrders.lookups = 0
        response = await api.get("/orders/portIns", params=params)
        assert response.status_code == 200
        page: dict[str, Any] = response.json()
        return page, CountingOrders.lookups


async def test_an_unfiltered_page_looks_up_only_its_own_orders(big: Emulator) -> None:
    page, lookups = await list_page(big, pageSize="100", page="22")
    assert page["totalItems"] == ORDERS and len(page["orders"]) == 100
    assert lookups == 100


async def test_a_created_range_page_is_sliced_from_the_id_list(big: Emulator) -> None:
    page, lookups = await list_page(
        big, createdDateStart="2025-02-01T00:00:00Z", createdDateEnd="2025-02-28T23:59:59Z"
    )
    assert ORDERS // 5 < page["totalItems"] < ORDERS * 45 // 100
    assert lookups == 100


async def test_an_indexed_filter_looks_up_only_its_matches(big: Emulator) -> None:
    pending = sum(1 for order in big.store.orders.values() if order.status == "PENDING")
    page, lookups = await list_page(big, orderStatus="PENDING", pageSize="1000")
    assert page["totalItems"] == pending
    assert lookups == pending < ORDERS // 10


@pytest.mark.parametrize("first", [0, 100, ORDERS - 50, ORDERS - 1, ORDERS])
def test_paged_results_agree_with_the_full_query(big: Emulator, first: int) -> None:
    query = OrderQuery(created_start=None)
    total, orders = big.store.page(query, first, 100)
    assert total == ORDERS
    assert orders == big.store.query(query)[first : first + 100]
