"""Insights across projects: the core's figures computed over the union of their orders.

Order ids are only unique within a project, and the figures count orders by id, so each
order gets a stand-in id for the computation; ``labels`` names it back as ``project:id``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from porting_tui.insights.compute import compute_insights
from porting_tui.insights.figures import Insights
from porting_tui.insights.past_rejections import PastRejection, PastRejections
from porting_tui.insights.period import Period
from porting_tui.insights.reader import InsightsReading
from porting_tui.local.order_state import OrderState

ALL_PROJECTS = "All projects"
ID_KEYS = frozenset({"orderIds", "stuckUndated", "undatedOrders"})
"""The keys of ``export.insights_data`` whose values are lists of order ids."""


@dataclass(frozen=True, slots=True)
class ProjectReading:
    """One project of a run across projects: its reading, or why it failed."""

    name: str
    reading: InsightsReading | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class CombinedInsights:
    """The figures of several projects together; their order ids are stand-ins."""

    insights: Insights
    projects: tuple[str, ...]
    labels: dict[int, str]
    """Stand-in id -> ``project:id``."""

    def label(self, order_id: int) -> str:
        return self.labels.get(order_id, str(order_id))

    def labelled_data(self, data: Any) -> Any:
        """``export.insights_data`` of ``insights`` with every order id as ``project:id``."""
        if isinstance(data, dict):
            return {
                key: [self.label(i) for i in value] if key in ID_KEYS else self.labelled_data(value)
                for key, value in data.items()
            }
        if isinstance(data, list):
            return [self.labelled_data(value) for value in data]
        return data


def combine_insights(
    projects: Sequence[tuple[str, Iterable[OrderState], PastRejections | None]],
    period: Period,
    *,
    today: date,
) -> CombinedInsights:
    """``compute_insights`` over every project's orders (and past rejections) together."""
    union: list[OrderState] = []
    past: list[PastRejection] = []
    labels: dict[int, str] = {}
    since: list[date] = []
    for name, states, rejections in projects:
        stand_ins: dict[int, int] = {}
        for state in states:
            stand_in = len(union) + 1
            stand_ins[state.order_id] = stand_in
            labels[stand_in] = f"{name}:{state.order_id}"
            union.append(replace(state, order_id=stand_in))
        if rejections is None:
            continue
        if rejections.since is not None:
            since.append(rejections.since)
        past += [
            replace(entry, order_id=stand_ins[entry.order_id])
            for entry in rejections.entries
            if entry.order_id in stand_ins
        ]
    remembered = PastRejections(tuple(past), min(since)) if since or past else None
    insights = compute_insights(union, period, today=today, past=remembered)
    return CombinedInsights(insights, tuple(name for name, _, _ in projects), labels)


def combine_readings(
    readings: Sequence[ProjectReading], period: Period, *, today: date
) -> CombinedInsights:
    """The figures of the projects that could be read, together."""
    read = [
        (r.name, r.reading.states, r.reading.past_rejections)
        for r in readings
        if r.reading is not None
    ]
    return combine_insights(read, period, today=today)
