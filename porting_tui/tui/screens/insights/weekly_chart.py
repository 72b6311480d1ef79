"""WeeklyChart: orders (or numbers) created, confirmed, completed and cancelled, week by week."""

from __future__ import annotations

from textual_plotext.plot import Plot

from porting_tui.insights.figures import WEEKLY_KINDS, Insights, WeekFigures
from porting_tui.tui.screens.insights.chart_plot import (
    LABEL_INK,
    LABEL_PAPER,
    ChartPlot,
    integer_ticks,
    stacked_bars,
)

PATTERNS = {"created": "█", "confirmed": "▓", "completed": "▒", "cancelled": "░"}
COLOURS = {"created": "blue+", "confirmed": "cyan", "completed": "green", "cancelled": "red"}


def legend() -> str:
    return "  ".join(f"{PATTERNS[kind]} {kind}" for kind in WEEKLY_KINDS)


def week_label(week: WeekFigures) -> str:
    """The week's first day in the period, as month-day: the year is in the period line."""
    return week.first_day.strftime("%m-%d")


def week_value(week: WeekFigures, kind: str, numbers: bool) -> int:
    tally = week.tally(kind)
    return tally.numbers if numbers else tally.orders


class WeeklyChart(ChartPlot):
    """A stacked bar per week; its total above it, each part's value inside when it fits."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.numbers = False
        """Count numbers rather than orders."""

    def count_numbers(self, numbers: bool) -> None:
        self.numbers = numbers
        self.refresh()

    def draw(self, plt: Plot, insights: Insights, width: int, rows: int) -> None:
        weeks = insights.weeks
        what = "Numbers" if self.numbers else "Orders"
        self.title(plt, f"{what} by week   {legend()}", width - 6)
        if not weeks:
            return
        series = [[week_value(week, kind, self.numbers) for week in weeks] for kind in WEEKLY_KINDS]
        totals = [sum(values) for values in zip(*series, strict=True)]
        # Two rows above the tallest bar keep room for its total.
        top = max(max(totals), 1) * rows / max(rows - 2, 1)
        unit = top / rows
        stacked_bars(
            plt,
            [week_label(week) for week in weeks],
            series,
            markers=[PATTERNS[kind] for kind in WEEKLY_KINDS],
            colours=[COLOURS[kind] for kind in WEEKLY_KINDS],
        )
        plt.ylim(0, top)
        plt.yticks(integer_ticks(max(totals), rows))
        bar_columns = 0.6 * (width - 8) / len(weeks)
        for place, total in enumerate(totals, start=1):
            plt.text(
                str(total),
                place,
                total + unit,
                alignment="center",
                color=LABEL_INK,
                background=LABEL_PAPER,
            )
            base = 0
            for values in series:
                value = values[place - 1]
                # A part's value goes inside it only where it has a row and the width for it.
                if value >= 2 * unit and len(str(value)) + 1 < bar_columns:
                    plt.text(
                        str(value),
                        place,
                        base + value / 2,
                        alignment="center",
                        color=LABEL_INK,
                        background=LABEL_PAPER,
                    )
                base += value
