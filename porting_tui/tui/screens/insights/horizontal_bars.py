"""Drawing labelled horizontal bars with plotext: the top row first, each value after its bar."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual_plotext.plot import Plot

from porting_tui.tui.screens.insights.chart_plot import LABEL_INK, LABEL_PAPER, fit, stacked_bars

GAP = 2
"""Columns between a bar's end and its value."""


@dataclass(frozen=True, slots=True)
class HorizontalBar:
    """One row: its label on the left, parts stacked left to right, ``text`` after the end."""

    label: str
    parts: tuple[float, ...]
    text: str


def label_width(width: int) -> int:
    """How many columns the row labels get: a third of the chart, 12 to 40."""
    return max(12, min(40, width // 3))


def canvas_width(width: int) -> int:
    """The columns left for the bars and their values, right of the labels."""
    return max(10, width - label_width(width) - 3)


def draw_bars(
    plt: Plot,
    bars: Sequence[HorizontalBar],
    width: int,
    *,
    markers: Sequence[str],
    colours: Sequence[str],
) -> None:
    """Stacked horizontal bars, ``bars[0]`` at the top; the x axis leaves room for the texts."""
    if not bars:
        return
    labels_room = label_width(width)
    labels = [fit(bar.label, labels_room) for bar in reversed(bars)]
    series = [[bar.parts[index] for bar in reversed(bars)] for index in range(len(markers))]
    ends = [sum(bar.parts) for bar in bars]
    canvas = canvas_width(width)
    longest = max(len(bar.text) for bar in bars) + GAP
    # The longest bar ends where its text still fits on the canvas.
    top = max(max(ends), 1) * canvas / max(canvas - longest, 1)
    stacked_bars(plt, labels, series, markers=markers, colours=colours, horizontal=True)
    plt.xlim(0, top)
    plt.xticks([])
    column = top / canvas
    for place, bar in enumerate(reversed(bars), start=1):
        plt.text(
            bar.text,
            sum(bar.parts) + column * GAP,
            place,
            alignment="left",
            color=LABEL_INK,
            background=LABEL_PAPER,
        )
