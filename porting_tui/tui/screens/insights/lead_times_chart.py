"""LeadTimesChart: days from created to FOC, or from FOC to completion, per losing carrier."""

from __future__ import annotations

from typing import Literal

from textual_plotext.plot import Plot

from porting_tui.insights.distribution import Distribution
from porting_tui.insights.figures import Insights, LeadTimes
from porting_tui.tui.screens.insights.chart_plot import FRAME_ROWS, ChartPlot, days_text
from porting_tui.tui.screens.insights.horizontal_bars import HorizontalBar, canvas_width, draw_bars

Measure = Literal["to_foc", "to_completion"]
TITLES: dict[Measure, str] = {
    "to_foc": "Created → FOC, days",
    "to_completion": "FOC → completion, days",
}
LEGEND = "█ median  ░ on to p90"


def lead_rows(insights: Insights) -> list[LeadTimes]:
    """Every carrier together first, then each carrier by name."""
    return [insights.lead_times_all, *insights.lead_times]


def measure_of(lead: LeadTimes, measure: Measure) -> Distribution:
    return lead.to_foc if measure == "to_foc" else lead.to_completion


def lead_bar(lead: LeadTimes, measure: Measure) -> HorizontalBar:
    figures = measure_of(lead, measure)
    if figures.median is None or figures.p90 is None:
        return HorizontalBar(lead.carrier, (0.0, 0.0), "no orders yet")
    orders = f"{figures.count} order{'' if figures.count == 1 else 's'}"
    text = f"{days_text(figures.median)} · p90 {days_text(figures.p90)} · {orders}"
    return HorizontalBar(lead.carrier, (figures.median, figures.p90 - figures.median), text)


class LeadTimesChart(ChartPlot):
    """Per carrier, a bar to the median and on to the 90th percentile, both written after it."""

    def __init__(self, measure: Measure, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.measure: Measure = measure

    ROWS_FIXED = True

    def wanted_rows(self, insights: Insights) -> int:
        return 2 * len(lead_rows(insights)) + FRAME_ROWS + 1

    def draw(self, plt: Plot, insights: Insights, width: int, rows: int) -> None:
        self.title(plt, f"{TITLES[self.measure]} · {LEGEND}", canvas_width(width))
        bars = [lead_bar(lead, self.measure) for lead in lead_rows(insights)]
        draw_bars(plt, bars, width, markers=["█", "░"], colours=["blue+", "cyan"])
