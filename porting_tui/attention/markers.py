"""Change markers of the order list: which orders changed since the operator last looked."""

from __future__ import annotations

from datetime import datetime

from porting_tui.attention.changes import diff_states
from porting_tui.attention.detail_cache import Observation
from porting_tui.client import OrderListItem, day_of
from porting_tui.local.order_state import OrderState, list_key
from porting_tui.local.seen_state import SeenOrder

CHANGED = "changed"
NEW = "new"
MARKER_SYMBOLS = {CHANGED: "●", NEW: "✦"}


def state_list_key(state: OrderState) -> str:
    """The list-row key an order in ``state`` would have (same counters as the API's)."""
    counts = [state.count(status) for status in ("CONFIRMED", "ACTIVATED", "REJECTED", "EXCLUDED")]
    return "|".join(str(value) for value in (state.status, len(state.numbers), *counts))


def change_marker(
    row: OrderListItem,
    seen: SeenOrder | None,
    observation: Observation | None,
    baseline: datetime | None,
) -> str | None:
    """``changed``, ``new`` (never opened, created since seen-state began) or None.

    With details fetched for the row as it is, notes and documents count too; otherwise
    the row's status and counters are compared with what the operator saw.
    """
    if seen is None:
        created = day_of(row.created_date)
        if baseline is not None and created is not None and created >= baseline.date():
            return NEW
        return None
    if observation is not None and observation.list_key == list_key(row):
        return CHANGED if diff_states(seen.state, observation.state) else None
    return CHANGED if list_key(row) != state_list_key(seen.state) else None
