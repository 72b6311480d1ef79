"""Reading Insights from the in-process emulator: what it asks for, and what the cache saves."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from porting_tui.client import OrderStatus, parse_webhook
from porting_tui.insights.period import Period
from porting_tui.insights.reader import InsightsReader
from porting_tui.webhooks.event_store import WebhookEventStore
from tests.attention.conftest import PROFILE, World, make_world


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    built = make_world(tmp_path, orders=60, seed=7)
    async with built.client:
        yield built
    await built.emulator.aclose()


def period_of(world: World) -> Period:
    return Period.last_days(90, world.emulator.clock.now().date())


def details_asked(world: World) -> list[str]:
    return [r for r in world.transport.requests if r.startswith("GET") and r.count("/") > 5]


def lists_asked(world: World) -> list[str]:
    return [r for r in world.transport.requests if r.endswith("/orders/portIns")]


def reader(world: World, *, cached: bool = True) -> InsightsReader:
    store = world.store if cached else None
    return InsightsReader(world.client, store, PROFILE, clock=world.emulator.clock.now)


async def test_the_first_reading_reads_every_detail_of_the_period(world: World) -> None:
    period = period_of(world)
    reading = await reader(world).read(period, today=period.end)
    counts = reading.counts
    assert counts.listed > 0 and counts.details_reused == 0
    assert counts.details_read == counts.listed == len(details_asked(world))
    # Two walks of the list (the period, every PENDING order), one page of 1000 each.
    assert counts.list_pages == len(lists_asked(world)) == 2
    assert reading.insights.orders == counts.listed
    assert counts.requests == len(world.transport.requests)


async def test_the_second_reading_reuses_every_unchanged_detail(world: World) -> None:
    period = period_of(world)
    first = await reader(world).read(period, today=period.end)
    world.transport.requests.clear()
    second = await reader(world).read(period, today=period.end)
    assert second.counts.details_read == 0
    assert second.counts.details_reused == first.counts.listed
    assert details_asked(world) == [] and len(lists_asked(world)) == 2
    assert second.insights == first.insights


async def test_a_changed_order_is_the_only_detail_read_again(world: World) -> None:
    period = period_of(world)
    first = await reader(world).read(period, today=period.end)
    created = {i for week in first.insights.weeks for i in week.created.order_ids}
    stuck = [i for bucket in first.insights.stuck for i in bucket.order_ids]
    pending = next(i for i in stuck if i in created)
    await world.client.orders.cancel(pending)
    world.transport.requests.clear()
    second = await reader(world).read(period, today=period.end)
    assert second.counts.details_read == 1
    assert details_asked(world) == [
        f"GET /v1/projects/{world.client.project_id}/orders/portIns/{pending}"
    ]
    assert second.counts.details_reused == first.counts.listed - 1


async def test_details_needs_attention_read_are_reused(world: World) -> None:
    await world.board().refresh()
    open_orders = len(details_asked(world))
    assert open_orders > 0
    world.transport.requests.clear()
    period = period_of(world)
    reading = await reader(world).read(period, today=period.end)
    assert reading.counts.details_reused > 0
    assert reading.counts.details_read == reading.counts.listed - reading.counts.details_reused


async def test_without_a_store_every_reading_reads_every_detail(world: World) -> None:
    period = period_of(world)
    await reader(world, cached=False).read(period, today=period.end)
    again = await reader(world, cached=False).read(period, today=period.end)
    assert again.counts.details_reused == 0 and again.counts.details_read == again.counts.listed


async def test_progress_goes_up_to_the_total(world: World) -> None:
    period = period_of(world)
    seen: list[tuple[int, int]] = []
    reading = await reader(world).read(
        period, today=period.end, on_progress=lambda d, t: seen.append((d, t))
    )
    done = [d for d, _ in seen]
    assert done == sorted(done)
    assert seen[-1] == (reading.counts.listed, reading.counts.listed)


class MissingOrder(httpx.AsyncBaseTransport):
    """Answers 404 for one order's details, passes everything else on."""

    def __init__(self, inner: httpx.AsyncBaseTransport, order_id: int) -> None:
        self.inner, self.order_id = inner, order_id

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith(f"/orders/portIns/{self.order_id}"):
            return httpx.Response(404, json={"message": "not found"})
        return await self.inner.handle_async_request(request)


async def test_an_unreadable_detail_counts_the_order_from_its_list_row(world: World) -> None:
    period = period_of(world)
    rows = await world.client.orders.list_page(
        None, 1000, status=OrderStatus.COMPLETED, created_start=period.start
    )
    missing = rows.orders[0].id
    world.transport.inner = MissingOrder(world.transport.inner, missing)
    reading = await reader(world).read(period, today=period.end)
    assert reading.failed_order_ids == (missing,)
    assert reading.counts.details_failed == 1
    assert reading.insights.orders == reading.counts.listed
    statuses = {count.status: count.count for count in reading.insights.order_statuses}
    assert statuses["COMPLETED"] >= 1


async def test_a_rejection_the_timeline_kept_counts_for_an_order_pending_again(
    world: World,
) -> None:
    period = period_of(world)
    first = await reader(world).read(period, today=period.end)
    rejected = {
        (reason.reason, order_id)
        for carrier in first.insights.rejections
        for reason in carrier.reasons
        for order_id in reason.order_ids
    }
    reason, order_id = next(
        (reason, order_id)
        for reason, order_id in sorted(rejected)
        if first.statuses.get(order_id) == "PENDING"
    )
    order = await world.client.orders.get(order_id)
    # The fixing PUT: the rejected numbers are PENDING again, their reason cleared.
    fixed = await world.client.orders.update(order_id, order)
    assert {n.status for n in fixed.phone_numbers} == {"PENDING"}
    phone = fixed.phone_numbers[0].phone_number
    body = (
        f'{{"type": "NUMBERS_REJECTED", "orderId": "{order_id}", "phoneNumbers": '
        f'[{{"phoneNumber": "{phone}", "status": "REJECTED", "rejectReason": "From a hook"}}]}}'
    )
    WebhookEventStore(world.store).add(parse_webhook(body), body, profile=PROFILE)

    second = await reader(world).read(period, today=period.end)

    reasons = {
        reason.reason: reason.order_ids
        for carrier in second.insights.rejections
        for reason in carrier.reasons
    }
    assert order_id in reasons[reason]
    assert reasons["From a hook"] == (order_id,)
    sources = second.rejection_sources
    assert sources.from_webhooks == 1
    assert sources.still_rejected == first.rejection_sources.still_rejected - 1
    # Recorded by the first reading (the app seeing the order for the first time), once.
    assert sources.seen_by_app == first.rejection_sources.seen_by_app >= 1
    today = world.emulator.clock.now().astimezone().date()
    assert sources.since is not None and sources.since <= today
    # The order list's statuses come with the reading, for the drill-down.
    assert second.statuses[order_id] == "PENDING"


async def test_the_statuses_are_the_order_lists(world: World) -> None:
    period = period_of(world)
    reading = await reader(world, cached=False).read(period, today=period.end)
    rows = await world.client.orders.list_page(None, 1000, created_start=period.start)
    assert {row.id: row.status for row in rows.orders}.items() <= reading.statuses.items()
    assert reading.past_rejections is None
