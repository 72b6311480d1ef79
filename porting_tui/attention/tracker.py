"""Every time the app reads an order, what changed goes on its timeline and into the cache.

Observations are held in memory at once and written to the local store in batches: an order's
timeline entries and its cached picture go into the same transaction, so the store never holds
one without the other. A batch not written when the app stops is only read again next time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from porting_tui.attention.changes import Change, diff_states, history_changes
from porting_tui.attention.detail_cache import DetailCache, Observation
from porting_tui.local.order_state import OrderState, order_state
from porting_tui.local.seen_state import Clock, utc_now
from porting_tui.local.store import LocalStore
from porting_tui.local.timeline import SOURCE_HISTORY, SOURCE_SERVER, Timeline, TimelineEntry

if TYPE_CHECKING:
    from porting_tui.client import Order


@dataclass(frozen=True)
class _Unwritten:
    observation: Observation
    entries: list[TimelineEntry]
    previous: Observation | None
    """What the cache held of the order before: it holds it again if the write fails."""


class OrderTracker:
    """Compares each fetched order with its previous observation; records the differences."""

    def __init__(self, store: LocalStore, profile: str, *, clock: Clock = utc_now) -> None:
        self.store = store
        self.cache = DetailCache(store, profile)
        self.timeline = Timeline(store, profile)
        self._clock = clock
        self._unwritten: list[_Unwritten] = []

    @property
    def unwritten(self) -> int:
        """Observations held in memory that are not in the store yet."""
        return len(self._unwritten)

    def observe(
        self, order: Order, list_key: str | None = None, *, deferred: bool = False
    ) -> Observation:
        """Record what changed on ``order`` since it was last observed, and remember it.

        ``deferred`` leaves the writing to the next ``flush`` (a batch); otherwise it is
        written now, with whatever was waiting.
        """
        return self.observe_state(order_state(order), list_key, deferred=deferred)

    def observe_state(
        self, state: OrderState, list_key: str | None = None, *, deferred: bool = False
    ) -> Observation:
        now = self._clock()
        previous = self.cache.get(state.order_id)
        if previous is None:
            changes, source = history_changes(state), SOURCE_HISTORY
            changed_at = state.last_activity() or now
        else:
            changes, source = diff_states(previous.state, state), SOURCE_SERVER
            changed_at = _change_time(changes, now) if changes else previous.changed_at
        entries = [_entry(state.order_id, change, source, now) for change in changes]
        observation = Observation(state, list_key, now, changed_at)
        self.cache.remember(observation)
        self._unwritten.append(_Unwritten(observation, entries, previous))
        if not deferred:
            self.flush()
        return observation

    def flush(self) -> int:
        """Write every observation held in memory, with its timeline entries, in one transaction.

        Returns how many were written. When the write fails, none of the batch is written and
        the cache goes back to what the store holds, so those orders are read (and their
        changes recorded) again at the next refresh.
        """
        batch, self._unwritten = self._unwritten, []
        if not batch:
            return 0
        try:
            with self.store.transaction():
                for item in batch:
                    if item.entries:
                        self.timeline.record(item.entries, item.observation.observed_at)
                    self.cache.save(item.observation)
        except BaseException:
            for item in reversed(batch):
                self.cache.restore(item.observation.state.order_id, item.previous)
            raise
        return len(batch)


def _change_time(changes: list[Change], now: datetime) -> datetime:
    """The server's time of the changes when it gave one for each, otherwise now."""
    moments = [change.happened_at for change in changes]
    known = [moment for moment in moments if moment is not None]
    return max(known) if len(known) == len(moments) else now


def _entry(order_id: int, change: Change, source: str, now: datetime) -> TimelineEntry:
    return TimelineEntry(
        order_id=order_id,
        happened_at=change.happened_at or now,
        kind=change.kind,
        text=change.text,
        source=source,
        change_key=change.key,
    )
