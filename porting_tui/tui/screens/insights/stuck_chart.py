"""StuckChart: PENDING orders by how many calendar days they have been waiting."""

from __future__ import annotations

from textual_plotext.plot import Plot

from porting_tui.insights.figures import Insights
from porting_tui.tui.screens.insights.chart_plot import (
    LABEL_INK,
    LABEL_PAPER,
    ChartPlot,
    integer_ticks,
)


def stuck_title(insights: Insights) -> str:
    title = f"PENDING orders by age on {insights.today}: {insights.stuck_orders} in all"
    if insights.stuck_undated:
        title += f", {len(insights.stuck_undated)} without a created date"
    return title


class StuckChart(ChartPlot):
    """A bar per age bucket, youngest first, its count of orders above it."""

    def draw(self, plt: Plot, insights: Insights, width: int, rows: int) -> None:
        self.title(plt, stuck_title(insights), width - 6)
        buckets = insights.stuck
        if not buckets:
            return
        counts = [bucket.orders for bucket in buckets]
        top = max(max(counts), 1) * rows / max(rows - 2, 1)
        plt.bar([bucket.label for bucket in buckets], counts, marker="█", color="yellow", width=0.5)
        plt.ylim(0, top)
        plt.yticks(integer_ticks(max(counts), rows))
        for place, count in enumerate(counts, start=1):
            plt.text(
                str(count),
                place,
                count + top / rows * 0.6,
                alignment="center",
                color=LABEL_INK,
                background=LABEL_PAPER,
            )
