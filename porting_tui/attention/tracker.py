"""Every time the app reads an order, what changed goes on its timeline and into the cache."""

from __future__ import annotations

from datetime import datetime

from porting_tui.attention.changes import Change, diff_states, history_changes
from porting_tui.attention.detail_cache import DetailCache, Observation
from porting_tui.client import Order
from porting_tui.local.order_state import OrderState, order_state
from porting_tui.local.seen_state import Clock, utc_now
from porting_tui.local.store import LocalStore
from porting_tui.local.timeline import SOURCE_HISTORY, SOURCE_SERVER, Timeline, TimelineEntry


class OrderTracker:
    """Compares each fetched order with its previous observation; records the differences."""

    def __init__(self, store: LocalStore, profile: str, *, clock: Clock = utc_now) -> None:
        self.cache = DetailCache(store, profile)
        self.timeline = Timeline(store, profile)
        self._clock = clock

    def observe(self, order: Order, list_key: str | None = None) -> Observation:
        """Record what changed on ``order`` since it was last observed, and remember it."""
        return self.observe_state(order_state(order), list_key)

    def observe_state(self, state: OrderState, list_key: str | None = None) -> Observation:
        now = self._clock()
        previous = self.cache.get(state.order_id)
        if previous is None:
            changes, source = history_changes(state), SOURCE_HISTORY
            changed_at = state.last_activity() or now
        else:
            changes, source = diff_states(previous.state, state), SOURCE_SERVER
            changed_at = _change_time(changes, now) if changes else previous.changed_at
        if changes:
            self.timeline.record(
                [_entry(state.order_id, change, source, now) for change in changes], now
            )
        observation = Observation(state, list_key, now, changed_at)
        self.cache.save(observation)
        return observation


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
