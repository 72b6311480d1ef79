"""The Needs attention model: open orders, their details fetched in the background, the ranking.

One board per app session. The order list asks it for change markers, the attention view for
the ranking and the progress, the detail screen for the "since you last looked" summary and
the timeline, and opening an order marks it as seen (with undo).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from porting_tui.attention.changes import diff_states
from porting_tui.attention.detail_cache import Observation
from porting_tui.attention.fetcher import DetailFetcher, FetchProgress, Sleep
from porting_tui.attention.markers import CHANGED, change_marker
from porting_tui.attention.ranking import AttentionItem, rank
from porting_tui.attention.row_details import RowDetails, row_details
from porting_tui.attention.rules import assess, idle_business_days
from porting_tui.attention.settings import OPEN_STATUSES, AttentionSettings
from porting_tui.attention.snoozes import Snooze, Snoozes
from porting_tui.attention.summary import SinceLastLooked, since_last_looked
from porting_tui.attention.tracker import OrderTracker
from porting_tui.client import OrderListItem, PortingClient, day_of
from porting_tui.local.order_state import OrderState, list_key, order_state
from porting_tui.local.seen_state import Clock, SeenOrder, SeenState, utc_now
from porting_tui.local.store import LocalStore
from porting_tui.local.timeline import TimelineEntry

if TYPE_CHECKING:
    from porting_tui.client import Order

LIST_PAGE_SIZE = 1000
"""The API's largest page: 2,000 open orders are listed in a few requests."""
BATCH_ORDERS = 100
"""Fetched orders are written to the local store in batches of at most this many..."""
BATCH_SECONDS = 0.5
"""...or of what came in over this long, whichever is first (and before any pause)."""


def newest_first(rows: list[OrderListItem]) -> list[OrderListItem]:
    return sorted(
        rows, key=lambda row: (day_of(row.created_date) or date.min, row.id), reverse=True
    )


class AttentionBoard:
    def __init__(
        self,
        client: PortingClient,
        store: LocalStore,
        profile: str,
        *,
        settings: AttentionSettings | None = None,
        clock: Clock = utc_now,
        sleep: Sleep = asyncio.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.settings = settings or AttentionSettings()
        self.seen_state = SeenState(store, profile, clock=clock)
        self.tracker = OrderTracker(store, profile, clock=clock)
        self.snoozes = Snoozes(store, profile)
        self._undo_snooze: tuple[int, Snooze | None] | None = None
        self.rows: dict[int, OrderListItem] = {}
        self.progress = FetchProgress()
        self._clock = clock
        self._sleep = sleep
        self._monotonic = monotonic
        self._seen = self.seen_state.all()
        self.baseline = self.seen_state.baseline()
        self._named: set[int] = set()
        """Orders a webhook said changed that were not read since: the next refresh reads them."""

    def now(self) -> datetime:
        """The board's clock (the demo's frozen one in the demo)."""
        return self._clock()

    async def list_open_orders(self) -> list[OrderListItem]:
        rows: list[OrderListItem] = []
        for status in OPEN_STATUSES:
            rows += [
                row
                async for row in self.client.orders.list(status=status, page_size=LIST_PAGE_SIZE)
            ]
        return rows

    async def refresh(
        self,
        *,
        on_progress: Callable[[FetchProgress], None] | None = None,
        on_order: Callable[[int], None] | None = None,
    ) -> FetchProgress:
        """List the open orders, then read the details of those that may have changed.

        Details are fetched newest first. An order is read again only when its list row says
        something else than when its details were read, when a webhook named it, or when its
        note check is due (a note changes nothing of the row); the others are reused.
        What is read is written to the local store in batches.
        """
        rows = newest_first(await self.list_open_orders())
        self.rows = {row.id: row for row in rows}
        now = self._clock()
        to_fetch = [row.id for row in rows if self.needs_reading(row, now)]
        # Named by a webhook before this read began: this read is the one they asked for.
        answered = self._named.intersection(to_fetch)
        tracker = self.tracker
        last_write = self._monotonic()

        def write() -> None:
            nonlocal last_write
            tracker.flush()
            last_write = self._monotonic()

        def report(progress: FetchProgress) -> None:
            self.progress = progress
            if progress.paused_for > 0 and tracker.unwritten:
                write()  # nothing comes in during a pause: keep nothing waiting through it
            if on_progress is not None:
                on_progress(progress)

        def on_result(order_id: int, order: Order) -> None:
            row = self.rows.get(order_id)
            tracker.observe(order, list_key(row) if row else None, deferred=True)
            if order_id in answered:
                self._named.discard(order_id)
            full = tracker.unwritten >= BATCH_ORDERS
            if full or self._monotonic() - last_write >= BATCH_SECONDS:
                write()
            if on_order is not None:
                on_order(order_id)

        fetcher: DetailFetcher[Order] = DetailFetcher(
            self.client.orders.get,
            concurrency=self.settings.concurrency,
            sleep=self._sleep,
            clock=self._monotonic,
            on_progress=report,
        )
        try:
            return await fetcher.run(to_fetch, on_result, reused=len(rows) - len(to_fetch))
        finally:
            # Also when the refresh is cancelled or fails: what was read is kept.
            tracker.flush()

    def needs_reading(self, row: OrderListItem, now: datetime | None = None) -> bool:
        """Whether the details of an open order's list row should be read (again) now."""
        seen = self.tracker.cache.get(row.id)
        if seen is None or row.id in self._named:
            return True
        when = now or self._clock()
        return not seen.is_fresh(list_key(row), when, self.settings.note_check)

    def order_named(self, order_id: int) -> None:
        """A webhook says the order changed: it is read at the next refresh, if not before."""
        self._named.add(order_id)

    async def reread(self, order_id: int) -> Observation:
        """Read one order again now (a webhook said it changed) and record what changed.

        If the read fails, the next refresh reads the order again.
        """
        self.order_named(order_id)
        order = await self.client.orders.get(order_id)
        self._named.discard(order_id)
        if order.status not in OPEN_STATUSES:
            # Settled: it leaves the view; its timeline still gets the change.
            self.rows.pop(order_id, None)
        return self.observe(order)

    def observation(self, order_id: int) -> Observation | None:
        return self.tracker.cache.get(order_id)

    def item(self, order_id: int) -> AttentionItem | None:
        """The order as a row of the view, with its reasons (none: it needs nothing now).

        Reasons, counts and age all come from the same read of the order; what the operator
        has seen only sets ``looked`` (dim, sort later), it never removes a reason.
        """
        observation = self.observation(order_id)
        if observation is None:
            return None
        state, now = observation.state, self._clock()
        seen = self._seen.get(order_id)
        reasons = assess(state, now=now, changed_at=observation.changed_at, settings=self.settings)
        news = seen is not None and bool(diff_states(seen.state, state))
        row = self.rows.get(order_id)
        if row is not None and (seen is None or observation.list_key != list_key(row)):
            marker = change_marker(row, seen, observation, self.baseline)
        else:
            marker = CHANGED if news else None
        return AttentionItem(
            order_id,
            state,
            reasons,
            age_days=idle_business_days(state, observation.changed_at, now),
            looked=seen is not None and not news,
            marker=marker,
            snooze=self._snooze_holding(order_id, state),
        )

    def _snooze_holding(self, order_id: int, state: OrderState) -> Snooze | None:
        """The order's snooze while it holds; one that has run out is ended here."""
        snooze = self.snoozes.get(order_id)
        if snooze is None or snooze.holds(state, self._clock()):
            return snooze
        self.snoozes.remove(order_id)
        return None

    def _ranked(self) -> list[AttentionItem]:
        candidates = (self.item(order_id) for order_id in self.rows)
        return rank(item for item in candidates if item is not None)

    def items(self) -> list[AttentionItem]:
        """The Needs attention ranking over the open orders read so far, without snoozed ones."""
        return [item for item in self._ranked() if item.snooze is None]

    def snoozed_items(self) -> list[AttentionItem]:
        """The snoozed orders that would otherwise need attention, in ranking order."""
        return [item for item in self._ranked() if item.snooze is not None]

    def snooze(self, order_id: int, until: date | None) -> Snooze | None:
        """Put the order out of the view until ``until`` (None: until it changes)."""
        observation = self.observation(order_id)
        if observation is None:
            return None
        snooze = Snooze(observation.state, until, self._clock())
        self._undo_snooze = (order_id, self.snoozes.get(order_id))
        self.snoozes.put(snooze)
        return snooze

    def unsnooze(self, order_id: int) -> Snooze | None:
        """Bring the order back into the view now; the snooze it had, if any."""
        previous = self.snoozes.remove(order_id)
        if previous is not None:
            self._undo_snooze = (order_id, previous)
        return previous

    def undo_snooze(self) -> int | None:
        """Undo the last snooze or unsnooze; the order it was about (None: nothing to undo)."""
        if self._undo_snooze is None:
            return None
        order_id, before = self._undo_snooze
        self._undo_snooze = None
        if before is None:
            self.snoozes.remove(order_id)
        else:
            self.snoozes.put(before)
        return order_id

    def row_details(self, row: OrderListItem) -> RowDetails | None:
        """The details of a list row's order, when they were read for the row as it is."""
        observation = self.observation(row.id)
        if observation is None or observation.list_key != list_key(row):
            return None
        item = self.item(row.id)
        if item is None:
            return None
        return row_details(item, item.state.local_date(self._clock()))

    def marker(self, row: OrderListItem) -> str | None:
        """The change marker of any order-list row (open or not)."""
        return change_marker(row, self._seen.get(row.id), self.observation(row.id), self.baseline)

    def observe(self, order: Order) -> Observation:
        """Record an order read elsewhere (the detail screen): timeline and cache."""
        row = self.rows.get(order.id)
        key = list_key(row) if row and row.status == order.status else None
        return self.tracker.observe(order, key)

    def open_order(self, order: Order) -> SinceLastLooked:
        """The operator opens ``order``: record it, summarize what changed, mark it as seen."""
        self.observe(order)
        state = order_state(order)
        summary = self.since_last_looked(state)
        self.mark_seen(state)
        return summary

    def since_last_looked(self, state: OrderState) -> SinceLastLooked:
        seen = self._seen.get(state.order_id)
        return since_last_looked(seen, state, own_authors=self.settings.own_authors)

    def mark_seen(self, state: OrderState) -> SeenOrder:
        seen = self.seen_state.mark_seen(state)
        self._seen[state.order_id] = seen
        return seen

    def undo_seen(self, order_id: int) -> SeenOrder | None:
        """Forget the last look at the order, so it shows as changed again."""
        previous = self.seen_state.undo(order_id)
        if previous is None:
            self._seen.pop(order_id, None)
        else:
            self._seen[order_id] = previous
        return previous

    def timeline(self, order_id: int) -> list[TimelineEntry]:
        self.tracker.flush()  # what a running refresh read of the order is on it too
        return self.tracker.timeline.entries(order_id)
