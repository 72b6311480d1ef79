"""The table view of each chart: the same figures as rows, each with the orders behind it."""

from __future__ import annotations

from dataclasses import dataclass

from porting_tui.insights.figures import WEEKLY_KINDS, Insights
from porting_tui.tui.screens.insights.chart_plot import days_text
from porting_tui.tui.screens.insights.lead_times_chart import lead_rows


@dataclass(frozen=True, slots=True)
class FigureRow:
    """A table row; ``orders`` are (order id, what it did) pairs, for the drill-down."""

    cells: tuple[str, ...]
    title: str
    """What the row counts, as the list of its orders is titled."""
    orders: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class FigureTable:
    columns: tuple[str, ...]
    rows: tuple[FigureRow, ...]
    empty: str = "Nothing to show for this period."
    text_columns: tuple[int, ...] = (0,)
    """The columns of text; the others hold figures, aligned right."""


def weekly_table(insights: Insights, numbers: bool) -> FigureTable:
    what = "numbers" if numbers else "orders"
    rows = []
    for week in insights.weeks:
        tallies = [week.tally(kind) for kind in WEEKLY_KINDS]
        values = [tally.numbers if numbers else tally.orders for tally in tallies]
        span = f"{week.first_day} to {week.last_day}"
        rows.append(
            FigureRow(
                (str(week.first_day), *map(str, values), str(sum(values))),
                f"Week {span}: orders created, confirmed, completed or cancelled",
                tuple(
                    (order_id, kind)
                    for kind, tally in zip(WEEKLY_KINDS, tallies, strict=True)
                    for order_id in tally.order_ids
                ),
            )
        )
    columns = ("Week from", *(kind.capitalize() for kind in WEEKLY_KINDS), "Total")
    return FigureTable(columns, tuple(rows), f"No weeks: no {what} to count.")


def rejections_table(insights: Insights) -> FigureTable:
    rows = tuple(
        FigureRow(
            (
                carrier.carrier,
                str(reason.numbers),
                f"{reason.share:.1%}",
                f"{carrier.rejected}/{carrier.numbers}",
                str(len(reason.order_ids)),
                reason.reason,
            ),
            f"{carrier.carrier} rejected: {reason.reason}",
            tuple((order_id, carrier.carrier) for order_id in reason.order_ids),
        )
        for carrier in insights.rejections
        for reason in carrier.reasons
    )
    # The reason last: it is long, and the figures stay in view at 80 columns.
    columns = ("Carrier", "Numbers", "Share", "Carrier rejected", "Orders", "Reason")
    return FigureTable(columns, rows, "No rejected numbers among the period's orders.", (0, 5))


def lead_times_table(insights: Insights) -> FigureTable:
    rows = []
    for lead in lead_rows(insights):
        to_foc, to_done = lead.to_foc, lead.to_completion
        rows.append(
            FigureRow(
                (
                    lead.carrier,
                    days_text(to_foc.median),
                    days_text(to_foc.p90),
                    str(to_foc.count),
                    days_text(to_done.median),
                    days_text(to_done.p90),
                    str(to_done.count),
                ),
                f"Lead times of {lead.carrier}",
            )
        )
    columns = (
        "Carrier",
        "To FOC median",
        "p90",
        "n",
        "FOC to done median",
        "p90",
        "n",
    )
    return FigureTable(columns, tuple(rows), "No FOC dates among the period's orders.")


def stuck_table(insights: Insights) -> FigureTable:
    rows = [
        FigureRow(
            (bucket.label, str(bucket.orders)),
            f"PENDING for {bucket.label}",
            tuple((order_id, bucket.label) for order_id in bucket.order_ids),
        )
        for bucket in insights.stuck
    ]
    if insights.stuck_undated:
        rows.append(
            FigureRow(
                ("no created date", str(len(insights.stuck_undated))),
                "PENDING, age unknown",
                tuple((order_id, "age unknown") for order_id in insights.stuck_undated),
            )
        )
    return FigureTable(("Waiting", "Orders"), tuple(rows))
