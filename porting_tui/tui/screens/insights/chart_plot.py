"""ChartPlot: a plotext chart (textual-plotext) drawn afresh at each size, with its values written.

textual-plotext wraps plotext in a Textual widget and works with Textual 8; plotext draws
stacked, grouped and horizontal bars in character cells. It places text in data coordinates
only, so each chart draws itself again on every render, when it knows how many cells a unit
takes, to put every bar's value just beside the bar. Series differ by fill pattern (█ ▓ ▒ ░)
as well as colour, so a chart reads the same under NO_COLOR.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, cast

from textual.app import RenderResult
from textual_plotext import PlotextPlot
from textual_plotext.plot import Plot

from porting_tui.insights.figures import Insights

LABEL_INK, LABEL_PAPER = "black", "white"
"""The values written on a chart: dark on light, readable over any bar and on the canvas."""
FRAME_ROWS = 4
"""Rows a plot spends outside its canvas: the title, two frame lines and the tick labels."""


def fit(label: str, width: int) -> str:
    """``label`` cut to ``width`` characters, an ellipsis saying it was cut."""
    return label if len(label) <= width else label[: max(0, width - 1)] + "…"


def days_text(value: float | None) -> str:
    """Days as the tables print them: 14, 23.6, or - when there is nothing to say."""
    return "-" if value is None else f"{value:g}"


def integer_ticks(top: float, rows: int) -> list[float]:
    """Whole-number ticks from 0 up to ``top``, one every few rows (counts have no halves)."""
    most = max(1, rows // 3)
    step = max(1, math.ceil(top / most))
    return [float(tick) for tick in range(0, int(top) + 1, step)]


def stacked_bars(
    plt: Plot,
    labels: Sequence[str],
    series: Sequence[Sequence[float]],
    *,
    markers: Sequence[str],
    colours: Sequence[str],
    horizontal: bool = False,
) -> None:
    """plotext's stacked bars, a marker and a colour per series."""
    # textual-plotext's stubs type one marker and one colour; plotext takes one per series.
    figure = cast(Any, plt)
    figure.stacked_bar(
        list(labels),
        [list(values) for values in series],
        marker=list(markers),
        color=list(colours),
        width=0.6,
        orientation="horizontal" if horizontal else "vertical",
    )


class ChartPlot(PlotextPlot):
    """Shows one figure of ``Insights``; ``draw`` lays it out for the widget's size."""

    DEFAULT_CSS = """
    ChartPlot {
        height: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.insights: Insights | None = None

    ROWS_FIXED = False
    """True: exactly ``wanted_rows`` tall (two rows a bar); else at least that, filling the pane."""

    def show(self, insights: Insights) -> None:
        self.insights = insights
        if self.ROWS_FIXED:
            self.styles.height = self.wanted_rows(insights)
        else:
            self.styles.min_height = self.wanted_rows(insights)
        self.refresh(layout=True)

    def wanted_rows(self, insights: Insights) -> int:
        """The fewest rows the chart reads well in (a taller scrolls in its pane)."""
        return 10

    def render(self) -> RenderResult:
        plt = self.plt
        plt.clear_figure()
        width, height = self.size.width, self.size.height
        if self.insights is not None and width > 10 and height > FRAME_ROWS + 1:
            self.draw(plt, self.insights, width, height - FRAME_ROWS)
        return super().render()

    def title(self, plt: Plot, title: str, canvas: int) -> None:
        """plotext leaves out a title wider than the canvas: cut it to fit instead."""
        plt.title(fit(title, canvas))

    def draw(self, plt: Plot, insights: Insights, width: int, rows: int) -> None:
        """Plot ``insights`` on a canvas of about ``width`` columns and ``rows`` rows; each
        chart plots its own figure, and a bare ChartPlot leaves the canvas empty."""
