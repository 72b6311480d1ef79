"""Insights as one self-contained HTML file: inline CSS, inline SVG charts, a table per chart.

Nothing is loaded when it is opened (no script, font, image or style sheet from anywhere; its
Content-Security-Policy forbids it), so it can be mailed and opened offline. Every piece of
text from the server (carrier names, reasons, statuses) is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from porting_tui.insights import charts
from porting_tui.insights.export import PERCENTILE_METHOD
from porting_tui.insights.figures import WEEKLY_KINDS, Insights, LeadTimes

STYLE = """
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; margin: 2rem;
  color: #222; max-width: 72rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1rem; margin-bottom: 0.3rem; }
.lead { color: #555; margin-top: 0; }
figure { margin: 0.5rem 0 1rem 0; overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem 0; font-size: 0.85rem; }
th, td { border: 1px solid #ddd; padding: 0.2rem 0.5rem; text-align: left;
  vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
details summary { cursor: pointer; color: #0b5394; }
.ids { color: #555; font-size: 0.8rem; max-width: 28rem; }
footer { margin-top: 2rem; color: #555; font-size: 0.8rem; }
@media print { details { display: block; } }
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'"
SHOWN_IDS = 30
"""Order ids listed in a table cell; more are counted."""


def render_html(insights: Insights, *, project: str) -> str:
    """The report of ``insights`` for ``project`` (a profile name), as one HTML document."""
    period = insights.period
    title = f"Porting insights · {project} · {period.start} to {period.end}"
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="lead">{insights.orders} orders with {insights.numbers} numbers created '
        f"from {period.start} to {period.end} ({period.days} days); "
        f"{insights.stuck_orders} orders PENDING on {insights.today}.</p>",
        _weekly(insights),
        _rejections(insights),
        _lead_times(insights),
        _stuck(insights),
        _statuses(insights),
        "<footer><p>Rejections, lead times and statuses count the orders created in the "
        "period; weekly counts place each event in its week (Monday to Sunday); stuck orders "
        "are every PENDING order by calendar days since created. Lead times: one sample per "
        "order and losing carrier, created to the first FOC date and FOC date to the last "
        f"activation, in days; percentiles by {escape(PERCENTILE_METHOD)}.</p></footer>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def _table(header: Sequence[str], rows: Sequence[Sequence[object]], numeric: set[int]) -> str:
    head = "".join(f"<th>{escape(column)}</th>" for column in header)
    lines = []
    for row in rows:
        cells = []
        for index, cell in enumerate(row):
            text = "" if cell is None else cell if isinstance(cell, _Raw) else escape(str(cell))
            kind = ' class="n"' if index in numeric else ""
            cells.append(f"<td{kind}>{text}</td>")
        lines.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(lines)}</tbody></table>"


class _Raw(str):
    """Markup made here from escaped parts, put in a table cell as it is."""

    __slots__ = ()


def _ids(order_ids: Sequence[int]) -> _Raw:
    shown = ", ".join(str(order_id) for order_id in order_ids[:SHOWN_IDS])
    more = len(order_ids) - SHOWN_IDS
    text = shown + (f" and {more} more" if more > 0 else "")
    return _Raw(f'<span class="ids">{escape(text)}</span>')


def _week_label(day: date) -> str:
    return f"{day:%b} {day.day}"


def _weekly(insights: Insights) -> str:
    labels = [_week_label(week.monday) for week in insights.weeks]
    parts = ["<h2>Week by week</h2>"]
    for what in ("orders", "numbers"):
        series = [
            charts.Series(kind, [getattr(week.tally(kind), what) for week in insights.weeks])
            for kind in WEEKLY_KINDS
        ]
        svg = charts.stacked_columns(f"{what.capitalize()} per week", labels, series, unit=what)
        parts.append(f"<h3>{what.capitalize()} per week</h3><figure>{svg}</figure>")
    header = ["week", "days"] + [
        f"{kind} {what}" for kind in WEEKLY_KINDS for what in ("orders", "numbers")
    ]
    rows = [
        [
            week.monday.isoformat(),
            f"{week.first_day} to {week.last_day}",
            *(getattr(week.tally(k), what) for k in WEEKLY_KINDS for what in ("orders", "numbers")),
        ]
        for week in insights.weeks
    ]
    parts.append(_table(header, rows, set(range(2, 2 + 2 * len(WEEKLY_KINDS)))))
    return "\n".join(parts)


def _rejections(insights: Insights) -> str:
    parts = ["<h2>Rejections by losing carrier</h2>"]
    if not insights.rejections:
        parts.append("<p>No number of an order created in the period was rejected.</p>")
    for carrier in insights.rejections:
        parts.append(
            f"<h3>{escape(carrier.carrier)}: {carrier.rejected} of {carrier.numbers} numbers "
            f"rejected ({carrier.share:.1%})</h3>"
        )
        bars = [
            (reason.reason, float(reason.numbers), f"{reason.numbers} ({reason.share:.1%})")
            for reason in carrier.reasons
        ]
        parts.append(f"<figure>{charts.ranked_bars(carrier.carrier, bars)}</figure>")
        rows = [
            [reason.reason, reason.numbers, f"{reason.share:.1%}", _ids(reason.order_ids)]
            for reason in carrier.reasons
        ]
        parts.append(
            _table(["reason", "numbers", "share of carrier's numbers", "orders"], rows, {1, 2})
        )
    return "\n".join(parts)


def _lead_times(insights: Insights) -> str:
    leads: list[LeadTimes] = [*insights.lead_times, insights.lead_times_all]
    parts = ["<h2>Lead times by losing carrier</h2>"]
    for name, to_foc in (("Created to FOC date", True), ("FOC date to completion", False)):
        rows = [(lead.carrier, lead.to_foc if to_foc else lead.to_completion) for lead in leads]
        parts.append(
            f"<h3>{name} (days)</h3><figure>{charts.box_plots(name, rows, unit='days')}</figure>"
        )
    header = ["carrier", "measure", "n", "min", "q1", "median", "q3", "p90", "max", "left out"]
    table = []
    for lead in leads:
        for measure, figures in (
            ("created to FOC", lead.to_foc),
            ("FOC to completion", lead.to_completion),
        ):
            table.append(
                [lead.carrier, measure, figures.count, _days(figures.minimum), _days(figures.q1),
                 _days(figures.median), _days(figures.q3), _days(figures.p90),
                 _days(figures.maximum), lead.skipped]
            )  # fmt: skip
    parts.append(_table(header, table, set(range(2, 10))))
    return "\n".join(parts)


def _days(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _stuck(insights: Insights) -> str:
    parts = [f"<h2>Stuck: PENDING orders by age on {insights.today}</h2>"]
    bars = [(bucket.label, float(bucket.orders), str(bucket.orders)) for bucket in insights.stuck]
    if insights.stuck_undated:
        count = len(insights.stuck_undated)
        bars.append(("unknown age", float(count), str(count)))
    parts.append(f"<figure>{charts.ranked_bars('PENDING orders by age', bars)}</figure>")
    rows = [[bucket.label, bucket.orders, _ids(bucket.order_ids)] for bucket in insights.stuck]
    if insights.stuck_undated:
        rows.append(["unknown age", len(insights.stuck_undated), _ids(insights.stuck_undated)])
    parts.append(_table(["age (calendar days)", "orders", "oldest first"], rows, {1}))
    return "\n".join(parts)


def _statuses(insights: Insights) -> str:
    parts = ["<h2>Statuses of the period's orders and numbers</h2>"]
    for what, counts in (
        ("Orders", insights.order_statuses),
        ("Numbers", insights.number_statuses),
    ):
        bars = [(count.status, float(count.count), str(count.count)) for count in counts]
        parts.append(f"<h3>{what}</h3><figure>{charts.ranked_bars(what, bars)}</figure>")
        parts.append(_table(["status", what.lower()], [[c.status, c.count] for c in counts], {1}))
    return "\n".join(parts)
