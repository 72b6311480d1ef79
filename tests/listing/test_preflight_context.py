"""Pre-flight's context: the open orders holding numbers (Needs attention's, then the list's
phone-number filter, a few at a time), degrading to "not checked"; learned rejections."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from porting_tui.client import DesiredPortSchedule, NewOrder, Order, PortingClient
from porting_tui.emulator import DEMO_PROJECT_ID, Emulator, EmulatorSettings, create_emulator
from porting_tui.listing.attention_context import AttentionContext, LocalState
from porting_tui.listing.preflight_context import (
    OpenOrders,
    known_holders,
    learned_rejections,
    look_up_open_orders,
    order_context,
)
from porting_tui.local.rejection_history import RejectionHistory
from tests.support import demo_client
from tests.tui.conftest import new_number

START = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
HELD, FREE, OTHER = "+13125550100", "+13125550101", "+12125550100"


class Counting(httpx.AsyncBaseTransport):
    """Forwards to the emulator, counting list requests in flight; ``down`` answers 503."""

    def __init__(self, emulator: Emulator) -> None:
        self.inner = httpx.ASGITransport(app=emulator.app)
        self.in_flight = 0
        self.most = 0
        self.down = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if "phoneNumber" not in request.url.params:
            return await self.inner.handle_async_request(request)
        if self.down:
            return httpx.Response(503, json={"message": "down"}, request=request)
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        try:
            await asyncio.sleep(0)  # let the other lookups start, if they may
            return await self.inner.handle_async_request(request)
        finally:
            self.in_flight -= 1


@pytest.fixture
def emulator() -> Emulator:
    return create_emulator(EmulatorSettings(orders=0, seed=7, speed=0, start=START))


@pytest.fixture
def transport(emulator: Emulator) -> Counting:
    return Counting(emulator)


@pytest.fixture
def client(transport: Counting) -> PortingClient:
    return demo_client(transport)


async def make_order(client: PortingClient, *numbers: str) -> Order:
    return await client.orders.create(
        NewOrder(
            customer_order_reference="OTHER",
            desired_port_schedule=DesiredPortSchedule(
                desired_port_date=date(2026, 12, 3),
                desired_port_time="09:00:00",
                desired_port_time_zone="US/Eastern",
            ),
            phone_numbers=[new_number(number) for number in numbers],
        )
    )


async def test_a_number_in_another_open_order_is_found_with_that_order(
    client: PortingClient,
) -> None:
    other = await make_order(client, HELD)
    found = await look_up_open_orders(client, [HELD, FREE])
    assert found == OpenOrders({HELD: other.id}, frozenset({HELD, FREE}), frozenset())


async def test_the_order_itself_is_not_another_order(client: PortingClient) -> None:
    order = await make_order(client, HELD)
    found = await look_up_open_orders(client, [HELD], exclude=order.id)
    assert found.holders == {} and found.checked == {HELD}


async def test_an_order_being_cancelled_still_holds_its_numbers_until_it_is_cancelled(
    client: PortingClient, emulator: Emulator
) -> None:
    other = await make_order(client, HELD)
    await client.orders.cancel(other.id)
    assert (await look_up_open_orders(client, [HELD])).holders == {HELD: other.id}
    emulator.advance(timedelta(days=3))
    assert (await client.orders.get(other.id)).status == "CANCELED"
    assert (await look_up_open_orders(client, [HELD])).holders == {}


async def test_a_number_taken_out_of_an_open_order_is_free_again(client: PortingClient) -> None:
    other = await make_order(client, HELD, FREE)

    def without_free(order: Order) -> Order:
        order.phone_numbers = [n for n in order.phone_numbers if n.phone_number != FREE]
        return order

    await client.orders.edit(other.id, without_free)
    found = await look_up_open_orders(client, [HELD, FREE])
    assert found.holders == {HELD: other.id}


async def test_a_failed_lookup_leaves_the_numbers_not_checked(
    client: PortingClient, transport: Counting
) -> None:
    transport.down = True
    found = await look_up_open_orders(client, [HELD, FREE])
    assert found == OpenOrders({}, frozenset(), frozenset({HELD, FREE}))
    assert found.unchecked([HELD, FREE]) == [HELD, FREE]


async def test_lookups_run_a_few_at_a_time(client: PortingClient, transport: Counting) -> None:
    numbers = [f"+1312555{index:04d}" for index in range(200, 230)]
    found = await look_up_open_orders(client, numbers, concurrency=3)
    assert found.checked == set(numbers)
    assert transport.most == 3


def test_later_answers_replace_earlier_ones_and_a_failure_answered_is_no_failure() -> None:
    first = OpenOrders({HELD: 1}, frozenset({HELD}), frozenset({FREE, OTHER}))
    later = OpenOrders({FREE: 2}, frozenset({HELD, FREE}), frozenset())
    assert first.merged(later) == OpenOrders({FREE: 2}, frozenset({HELD, FREE}), frozenset({OTHER}))


def attention(client: PortingClient, tmp_path: Path) -> AttentionContext:
    local = LocalState.open(
        "acme-test", DEMO_PROJECT_ID, path=tmp_path / "state.sqlite3", clock=lambda: START
    )
    context = local.attention(client)
    assert context is not None
    return context


async def test_needs_attention_places_the_numbers_of_the_open_orders_it_has_read(
    client: PortingClient, tmp_path: Path
) -> None:
    other = await make_order(client, HELD, OTHER)
    context = attention(client, tmp_path)
    assert known_holders(context, [HELD, FREE]) == {}  # nothing read yet
    await context.board.refresh()
    assert known_holders(context, [HELD, FREE]) == {HELD: other.id}
    assert known_holders(context, [HELD, FREE], exclude=other.id) == {}
    assert known_holders(None, [HELD]) == {}


async def test_an_order_sent_gets_the_other_orders_needs_attention_knows_and_learned_rules(
    client: PortingClient, tmp_path: Path
) -> None:
    other = await make_order(client, HELD)
    order = await make_order(client, HELD, FREE)
    context = attention(client, tmp_path)
    await context.board.refresh()
    found = await order_context(context, order, date(2026, 11, 27))
    assert found.today == date(2026, 11, 27)
    assert dict(found.open_orders) == {HELD: other.id}
    assert store_learned(context) == tuple(found.learned)
    assert (await order_context(None, order, date(2026, 11, 27))).learned == ()


def store_learned(context: AttentionContext) -> tuple[object, ...]:
    store = context.local.store
    assert store is not None
    return tuple(RejectionHistory(store, context.profile).learned())


def test_without_a_local_store_nothing_is_learned() -> None:
    assert learned_rejections(None) == ()
