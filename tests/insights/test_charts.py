"""The report's SVG charts leave room for the text written after each bar and box."""

from __future__ import annotations

import re

from porting_tui.insights.charts import box_plots, ranked_bars
from porting_tui.insights.distribution import distribution
from porting_tui.insights.svg import CHAR_WIDTH


def widths_and_text_ends(svg: str) -> tuple[float, list[float]]:
    width = float(re.search(r'<svg[^>]* width="([\d.]+)"', svg).group(1))  # type: ignore[union-attr]
    ends = [
        float(x) + len(text) * CHAR_WIDTH
        for x, text in re.findall(r'<text x="([\d.]+)"[^>]*text-anchor="start"[^>]*>([^<]*)<', svg)
    ]
    return width, ends


def test_the_text_after_each_box_ends_inside_the_picture() -> None:
    days = distribution([3, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 121])
    svg = box_plots("Created to FOC", [("Verizon Wireless", days)], unit="days")
    width, ends = widths_and_text_ends(svg)
    assert "(n=15)" in svg
    assert ends and max(ends) <= width


def test_the_text_after_each_bar_ends_inside_the_picture() -> None:
    svg = ranked_bars("Rejections", [("PIN", 12.0, "12 of 400 numbers (3.0%) on 11 orders")])
    width, ends = widths_and_text_ends(svg)
    assert ends and max(ends) <= width
