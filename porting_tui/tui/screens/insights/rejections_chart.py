"""RejectionsChart: each losing carrier's rejection reasons, ranked, with numbers and share."""

from __future__ import annotations

from textual_plotext.plot import Plot

from porting_tui.insights.figures import Insights
from porting_tui.tui.screens.insights.chart_plot import FRAME_ROWS, ChartPlot
from porting_tui.tui.screens.insights.horizontal_bars import HorizontalBar, canvas_width, draw_bars


def rejection_bars(insights: Insights) -> list[HorizontalBar]:
    """A bar per carrier and reason: the carriers most rejected first, their reasons ranked."""
    return [
        HorizontalBar(
            f"{carrier.carrier} · {reason.reason}",
            (reason.numbers,),
            f"{reason.numbers} of {carrier.numbers} numbers ({reason.share:.1%})",
        )
        for carrier in insights.rejections
        for reason in carrier.reasons
    ]


class RejectionsChart(ChartPlot):
    """Horizontal bars of rejected numbers; two rows a bar, so a long list scrolls."""

    ROWS_FIXED = True

    def wanted_rows(self, insights: Insights) -> int:
        return 2 * len(rejection_bars(insights)) + FRAME_ROWS + 1

    def draw(self, plt: Plot, insights: Insights, width: int, rows: int) -> None:
        rejected = sum(carrier.rejected for carrier in insights.rejections)
        bars = rejection_bars(insights)
        if not bars:
            self.title(plt, f"No rejections among {insights.numbers} numbers", canvas_width(width))
            return
        self.title(plt, f"Rejected numbers by carrier and reason ({rejected})", canvas_width(width))
        draw_bars(plt, bars, width, markers=["█"], colours=["red"])
