"""Reading what Insights need for a period: the order list, then details not already known.

Two walks of the order list (pages of 1,000): the orders created in the period, and every
PENDING order (the stuck figure ages them from their list row alone). The details of the
period's orders come from the cache Needs attention keeps in the local store
(``order_observations``) while the list row still says what it said when they were read
(``list_key``): a closed order never changes, so the second reading of a period costs the two
list walks and the orders that changed. Details are read several at a time
(``DetailFetcher``, which slows down on 429) and recorded through ``OrderTracker``, so the
timeline of what changed and the cache stay together, as when Needs attention reads them.
The rejections counted are those the details show now and those the store remembers (its
timeline, its webhook events: ``past_rejections_reader``), since a number fixed and sent again
shows no trace of its rejection.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from porting_tui.attention.detail_cache import DetailCache
from porting_tui.attention.fetcher import DetailFetcher, FetchProgress, Sleep
from porting_tui.attention.settings import MAX_CONCURRENCY
from porting_tui.attention.tracker import OrderTracker
from porting_tui.client import Order, OrderListItem, OrderPage, PortingClient
from porting_tui.client.pagination import iterate_pages
from porting_tui.insights.compute import compute_insights, rejection_sources
from porting_tui.insights.figures import Insights, RejectionSources
from porting_tui.insights.past_rejections import PastRejections
from porting_tui.insights.past_rejections_reader import read_past_rejections
from porting_tui.insights.period import Period
from porting_tui.local.order_state import OrderState, list_key, order_state
from porting_tui.local.seen_state import Clock, utc_now
from porting_tui.local.store import LocalStore

PAGE_SIZE = 1000
BATCH_ORDERS = 200
"""Details written to the local store together, in one transaction."""

Progress = Callable[[int, int], None]
"""Called with (done, total) order details as the reading goes (reused ones count as done)."""


@dataclass(frozen=True, slots=True)
class ReadCounts:
    """What a reading cost, in requests and in what the cache saved."""

    list_pages: int = 0
    listed: int = 0
    """Orders of the period on the list (unreadable rows left out)."""
    pending_listed: int = 0
    """PENDING orders on the list, of any age."""
    details_read: int = 0
    details_reused: int = 0
    """Details taken from the local store because the list row had not changed."""
    details_failed: int = 0
    """Details that could not be read: the order counts with what its list row says."""

    @property
    def requests(self) -> int:
        return self.list_pages + self.details_read + self.details_failed


@dataclass(frozen=True, slots=True)
class InsightsReading:
    insights: Insights
    counts: ReadCounts
    failed_order_ids: tuple[int, ...] = ()
    statuses: Mapping[int, str] = field(default_factory=dict)
    """Each order listed (the period's and every PENDING one) -> its status on the list."""
    rejection_sources: RejectionSources = field(default_factory=RejectionSources)
    past_rejections: PastRejections | None = None
    """What the local store remembered of past rejections; None without a store."""
    states: tuple[OrderState, ...] = ()
    """The pictures of the orders the figures were computed from (for figures across
    projects, computed over the union of their orders)."""

    def observed_text(self) -> str | None:
        """What the rejections include beyond the numbers rejected now; None without a store."""
        sources = self.rejection_sources
        if self.past_rejections is None:
            return None
        since = f" since {sources.since.isoformat()}" if sources.since is not None else ""
        return (
            f"rejections include those seen by this installation{since} "
            f"({sources.still_rejected} still rejected, {sources.seen_by_app} seen by the app, "
            f"{sources.from_webhooks} from webhooks)"
        )


class InsightsReader:
    """Reads a profile's orders for a period and computes its Insights.

    Without a ``store`` nothing is kept: every detail is read (for a run without local state).
    """

    def __init__(
        self,
        client: PortingClient,
        store: LocalStore | None,
        profile: str,
        *,
        concurrency: int = MAX_CONCURRENCY,
        clock: Clock = utc_now,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.client = client
        self.store = store
        self.profile = profile
        self.tracker = OrderTracker(store, profile, clock=clock) if store is not None else None
        self.concurrency = concurrency
        self._sleep = sleep

    @property
    def cache(self) -> DetailCache | None:
        return self.tracker.cache if self.tracker is not None else None

    async def read(
        self, period: Period, *, today: date, on_progress: Progress | None = None
    ) -> InsightsReading:
        """The Insights of ``period`` as of ``today``, and what reading them cost."""
        pages = [0]
        rows = await self._walk(pages, created_start=period.start, created_end=period.end)
        pending = await self._walk(pages, status="PENDING")
        states: dict[int, OrderState] = {}
        to_read: list[int] = []
        for row in rows.values():
            cached = self.cache.get(row.id) if self.cache is not None else None
            if cached is not None and cached.list_key == list_key(row):
                states[row.id] = cached.state
            else:
                to_read.append(row.id)
        reused = len(states)
        if on_progress is not None:
            on_progress(reused, len(rows))
        progress, failed = await self._read_details(to_read, rows, states, reused, on_progress)
        for order_id in failed:
            states[order_id] = self._fallback(rows[order_id])
        for row in pending.values():
            states.setdefault(row.id, _row_state(row))
        counts = ReadCounts(
            list_pages=pages[0],
            listed=len(rows),
            pending_listed=len(pending),
            details_read=progress.fetched,
            details_reused=reused,
            details_failed=len(failed),
        )
        # Read after the details: the rejections they showed for the first time are in it.
        past = read_past_rejections(self.store, self.profile) if self.store is not None else None
        insights = compute_insights(states.values(), period, today=today, past=past)
        statuses = {row.id: row.status for row in (*rows.values(), *pending.values()) if row.status}
        return InsightsReading(
            insights,
            counts,
            tuple(sorted(failed)),
            statuses=statuses,
            rejection_sources=rejection_sources(states.values(), period, past),
            states=tuple(states.values()),
            past_rejections=past,
        )

    async def _walk(
        self,
        pages: list[int],
        *,
        status: str | None = None,
        created_start: date | None = None,
        created_end: date | None = None,
    ) -> dict[int, OrderListItem]:
        async def fetch(page: str | None) -> OrderPage:
            pages[0] += 1
            return await self.client.orders.list_page(
                page,
                PAGE_SIZE,
                status=status,
                created_start=created_start,
                created_end=created_end,
            )

        # A row that could not be read (id 0) names no order to count or read.
        return {row.id: row async for row in iterate_pages(fetch) if row.id}

    async def _read_details(
        self,
        order_ids: list[int],
        rows: dict[int, OrderListItem],
        states: dict[int, OrderState],
        reused: int,
        on_progress: Progress | None,
    ) -> tuple[FetchProgress, list[int]]:
        tracker = self.tracker

        def on_result(order_id: int, order: Order) -> None:
            key = list_key(rows[order_id])
            if tracker is None:
                states[order_id] = order_state(order)
                return
            states[order_id] = tracker.observe(order, key, deferred=True).state
            if tracker.unwritten >= BATCH_ORDERS:
                tracker.flush()

        def report(progress: FetchProgress) -> None:
            if on_progress is not None:
                on_progress(progress.done, progress.total)

        fetcher: DetailFetcher[Order] = DetailFetcher(
            self.client.orders.get,
            concurrency=self.concurrency,
            sleep=self._sleep,
            on_progress=report,
        )
        try:
            # Newest first, as the list gives them: the latest weeks fill in first.
            progress = await fetcher.run(order_ids, on_result, reused=reused)
        finally:
            # Also when the reading is cancelled or fails: what was read is kept.
            if tracker is not None:
                tracker.flush()
        return progress, sorted(fetcher.errors)

    def _fallback(self, row: OrderListItem) -> OrderState:
        """An order whose details could not be read: the last known ones, else its row."""
        cached = self.cache.get(row.id) if self.cache is not None else None
        return cached.state if cached is not None else _row_state(row)


def _row_state(row: OrderListItem) -> OrderState:
    """What a list row alone tells: the order's status and created date, no numbers."""
    created = row.created_date if isinstance(row.created_date, date) else None
    return OrderState(order_id=row.id, status=row.status or "", created_date=created)
