"""StatesReader: an InsightsReader that also keeps the pictures of orders it computed from."""

from __future__ import annotations

from datetime import date

from porting_tui.attention.fetcher import FetchProgress
from porting_tui.client import OrderListItem
from porting_tui.insights.period import Period
from porting_tui.insights.reader import InsightsReader, InsightsReading, Progress
from porting_tui.local.order_state import OrderState


class StatesReader(InsightsReader):
    """After ``read``, ``states`` holds every order its figures were computed from, so that
    figures across several projects can be computed over the union of their orders.

    Kept apart from ``reader.py`` while that module changes for other reasons: the states are
    the dictionary ``read`` fills and hands to ``_read_details`` before computing, complete
    once ``read`` returns (fallbacks and PENDING rows are added to the same dictionary).
    """

    states: dict[int, OrderState]

    async def read(
        self, period: Period, *, today: date, on_progress: Progress | None = None
    ) -> InsightsReading:
        self.states = {}
        return await super().read(period, today=today, on_progress=on_progress)

    async def _read_details(
        self,
        order_ids: list[int],
        rows: dict[int, OrderListItem],
        states: dict[int, OrderState],
        reused: int,
        on_progress: Progress | None,
    ) -> tuple[FetchProgress, list[int]]:
        self.states = states
        return await super()._read_details(order_ids, rows, states, reused, on_progress)
