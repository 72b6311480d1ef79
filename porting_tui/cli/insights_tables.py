"""Insights as readable tables on the terminal: one per figure, values written out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from porting_tui.cli.output import print_table, safe_text

if TYPE_CHECKING:
    from porting_tui.insights.distribution import Distribution
    from porting_tui.insights.figures import Insights, Tally
    from porting_tui.insights.reader import ReadCounts

SHOWN_IDS = 5
"""Order ids written in a cell; more are counted (--json has them all)."""


def print_insights(insights: Insights, project: str, *, show_ids: bool = True) -> None:
    """Every figure as a table; without ``show_ids`` (ids of several projects repeat) the
    orders behind a figure are counted instead of listed."""
    period = insights.period
    click.echo(
        safe_text(
            f"Insights of {project}, {period.describe()}: {insights.orders} orders created "
            f"with {insights.numbers} numbers; {insights.stuck_orders} orders PENDING on "
            f"{insights.today}."
        )
    )
    click.echo()
    print_table(
        ("WEEK", "CREATED", "CONFIRMED", "COMPLETED", "CANCELLED"),
        [
            (
                week.monday.isoformat(),
                _tally(week.created),
                _tally(week.confirmed),
                _tally(week.completed),
                _tally(week.cancelled),
            )
            for week in insights.weeks
        ],
        title="Week by week (orders / numbers, each counted in the week it happened)",
    )
    click.echo()
    if insights.rejections:
        print_table(
            ("CARRIER", "REJECTED", "REASON", "NUMBERS", "SHARE", "ORDERS"),
            [
                (
                    carrier.carrier if index == 0 else "",
                    f"{carrier.rejected}/{carrier.numbers}" if index == 0 else "",
                    reason.reason,
                    reason.numbers,
                    f"{reason.share:.1%}",
                    ids(reason.order_ids) if show_ids else len(reason.order_ids),
                )
                for carrier in insights.rejections
                for index, reason in enumerate(carrier.reasons)
            ],
            title="Rejections by losing carrier (share of the carrier's numbers)",
        )
    else:
        click.echo("Rejections: none among the orders created in the period.")
    click.echo()
    print_table(
        ("CARRIER", "TO FOC MEDIAN", "P90", "N", "FOC TO DONE MEDIAN", "P90", "N"),
        [
            (lead.carrier, *_summary(lead.to_foc), *_summary(lead.to_completion))
            for lead in (*insights.lead_times, insights.lead_times_all)
        ],
        title="Lead times in days (created to FOC date, FOC date to last activation)",
    )
    click.echo()
    rows: list[Sequence[object]] = [
        (bucket.label, bucket.orders, ids(bucket.order_ids)) for bucket in insights.stuck
    ]
    if insights.stuck_undated:
        undated = insights.stuck_undated
        rows.append(("unknown age", len(undated), ids(undated)))
    columns: tuple[str, ...] = ("AGE", "ORDERS", "OLDEST FIRST")
    if not show_ids:
        rows = [row[:2] for row in rows]
        columns = columns[:2]
    print_table(columns, rows, title="Stuck: PENDING orders by calendar days")


def counts_text(counts: ReadCounts) -> str:
    """What the reading cost, for stderr."""
    text = (
        f"read {counts.list_pages} list pages and {counts.details_read} order details; "
        f"{counts.details_reused} details reused from the local store"
    )
    if counts.details_failed:
        text += f"; {counts.details_failed} could not be read (counted from their list row)"
    return text


def ids(order_ids: Sequence[int]) -> str:
    shown = " ".join(str(order_id) for order_id in order_ids[:SHOWN_IDS])
    more = len(order_ids) - SHOWN_IDS
    return shown + (f" +{more} more" if more > 0 else "")


def _tally(tally: Tally) -> str:
    return f"{tally.orders}/{tally.numbers}"


def _summary(figures: Distribution) -> tuple[str, str, int]:
    if not figures.count:
        return ("-", "-", 0)
    return (f"{figures.median:g}", f"{figures.p90:g}", figures.count)
