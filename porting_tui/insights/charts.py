"""The charts of the HTML report as static SVG: stacked columns, ranked bars, box plots.

Every bar carries its value as text (not colour alone) and a tooltip; colours are the
Okabe-Ito palette, told apart by people with colour blindness.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from porting_tui.insights.distribution import Distribution
from porting_tui.insights.svg import CHAR_WIDTH, Svg, nice_top, shorten

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442")
AXIS = "#666"
LABEL_CHARS = 34
"""Labels longer than this are cut in the chart (the table beside it has them whole)."""


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: Sequence[int]


def stacked_columns(
    title: str, categories: Sequence[str], series: Sequence[Series], *, unit: str
) -> str:
    """One column per category, its series stacked bottom-up in order; totals on top."""
    left, top, bottom, column = 44.0, 34.0, 46.0, 34.0
    gap = 14.0
    width = max(left + len(categories) * (column + gap) + 20, 360.0)
    height = 260.0
    chart = Svg(width, height, title)
    totals = [sum(s.values[i] for s in series) for i in range(len(categories))]
    peak = nice_top(max(totals, default=0))
    plot = height - top - bottom
    _legend(chart, [s.name for s in series], left, 16)
    chart.line(left, top, left, top + plot, AXIS)
    chart.line(left, top + plot, width - 10, top + plot, AXIS)
    chart.text(left - 6, top + 4, f"{peak:g}", anchor="end", size=10, fill=AXIS)
    chart.text(left - 6, top + plot, "0", anchor="end", size=10, fill=AXIS)
    for index, category in enumerate(categories):
        x = left + gap / 2 + index * (column + gap)
        y = top + plot
        for number, one in enumerate(series):
            value = one.values[index]
            size = plot * value / peak
            y -= size
            tip = f"{category}: {value} {unit} {one.name}"
            chart.rect(x, y, column, size, PALETTE[number % len(PALETTE)], tooltip=tip)
        chart.text(x + column / 2, y - 4, str(totals[index]), anchor="middle", size=11)
        chart.text(x + column / 2, top + plot + 14, category, anchor="middle", size=10)
    return chart.render()


def ranked_bars(title: str, rows: Sequence[tuple[str, float, str]]) -> str:
    """Horizontal bars, one per (label, value, value text), in the order given."""
    label_width = min(max((len(label) for label, _, _ in rows), default=4), LABEL_CHARS)
    left = 12 + label_width * CHAR_WIDTH
    bar_space, row_height, top = 300.0, 22.0, 12.0
    longest = max((text for _, _, text in rows), key=len, default="")
    width = left + bar_space + max(120.0, 6 + _text_width(longest) + 12)
    height = top + max(len(rows), 1) * row_height + 8
    chart = Svg(width, height, title)
    peak = max((value for _, value, _ in rows), default=0) or 1
    for index, (label, value, value_text) in enumerate(rows):
        y = top + index * row_height
        chart.text(left - 8, y + 14, shorten(label, LABEL_CHARS), anchor="end", tooltip=label)
        size = bar_space * value / peak
        chart.rect(left, y + 3, size, row_height - 8, PALETTE[0], tooltip=f"{label}: {value_text}")
        chart.text(left + size + 6, y + 14, value_text)
    if not rows:
        chart.text(12, top + 14, "nothing to show", fill=AXIS)
    return chart.render()


def box_plots(title: str, rows: Sequence[tuple[str, Distribution]], *, unit: str) -> str:
    """One horizontal box per row: whiskers min to max, box q1 to q3, a bar at the median and
    a diamond at the 90th percentile; the median and p90 written beside it."""
    label_width = min(max((len(label) for label, _ in rows), default=4), LABEL_CHARS)
    left = 12 + label_width * CHAR_WIDTH
    plot, row_height, top = 320.0, 26.0, 30.0
    summaries = [_box_summary(figures) for _, figures in rows]
    # Room for the longest summary written after the plot, or its end is cut off.
    width = left + plot + 8 + _text_width(max(summaries, key=len, default="no data")) + 12
    height = top + max(len(rows), 1) * row_height + 28
    chart = Svg(width, height, title)
    peak = nice_top(max((d.maximum or 0 for _, d in rows), default=0))

    def at(value: float) -> float:
        return left + plot * value / peak

    chart.text(left, 16, f"{unit}: box q1-q3, | median, ◆ 90th percentile", size=10, fill=AXIS)
    axis_y = top + max(len(rows), 1) * row_height + 4
    chart.line(left, axis_y, left + plot, axis_y, AXIS)
    for tick in (0.0, peak / 2, peak):
        chart.line(at(tick), axis_y, at(tick), axis_y + 4, AXIS)
        chart.text(at(tick), axis_y + 16, f"{tick:g}", anchor="middle", size=10, fill=AXIS)
    for index, ((label, figures), summary) in enumerate(zip(rows, summaries, strict=True)):
        y = top + index * row_height
        middle = y + row_height / 2
        chart.text(left - 8, middle + 4, shorten(label, LABEL_CHARS), anchor="end", tooltip=label)
        if not figures.count or figures.minimum is None:
            chart.text(left + 4, middle + 4, "no data", fill=AXIS)
            continue
        low, q1, median = figures.minimum, figures.q1 or 0.0, figures.median or 0.0
        q3, p90, high = figures.q3 or 0.0, figures.p90 or 0.0, figures.maximum or 0.0
        tip = (
            f"{label}: n={figures.count}, min {low:g}, q1 {q1:g}, median {median:g}, "
            f"q3 {q3:g}, p90 {p90:g}, max {high:g} {unit}"
        )
        chart.line(at(low), middle, at(high), middle, AXIS)
        chart.line(at(low), middle - 5, at(low), middle + 5, AXIS)
        chart.line(at(high), middle - 5, at(high), middle + 5, AXIS)
        chart.rect(at(q1), middle - 8, at(q3) - at(q1), 16, PALETTE[5], tooltip=tip)
        chart.line(at(median), middle - 9, at(median), middle + 9, "#000", stroke_width=2)
        chart.text(at(p90), middle + 4, "◆", anchor="middle", size=10, fill=PALETTE[3])
        chart.text(left + plot + 8, middle + 4, summary)
    return chart.render()


def _box_summary(figures: Distribution) -> str:
    """What is written after a box: its median, 90th percentile and sample count."""
    if not figures.count or figures.minimum is None:
        return ""
    median, p90 = figures.median or 0.0, figures.p90 or 0.0
    return f"median {median:g} · p90 {p90:g} (n={figures.count})"


def _text_width(text: str) -> float:
    # Digits and letters of 12 px text run a little wider than CHAR_WIDTH's average in some
    # fonts: a character's margin keeps the end of the text inside the picture.
    return (len(text) + 1) * CHAR_WIDTH


def _legend(chart: Svg, names: Sequence[str], x: float, y: float) -> None:
    for index, name in enumerate(names):
        chart.rect(x, y - 9, 10, 10, PALETTE[index % len(PALETTE)])
        chart.text(x + 14, y, name, size=11)
        x += 24 + len(name) * CHAR_WIDTH
