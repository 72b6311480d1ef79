"""Insights as one self-contained HTML file: inline CSS, inline SVG charts, a table per chart.

A report of several projects has a section each, made by the same functions as a report of one.

Nothing is loaded when it is opened (no script, font, image or style sheet from anywhere; its
Content-Security-Policy forbids it), so it can be mailed and opened offline. Every piece of
text from the server (carrier names, reasons, statuses) is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from html import escape

from porting_tui.insights import charts
from porting_tui.insights.export import PERCENTILE_METHOD
from porting_tui.insights.figures import WEEKLY_KINDS, Insights, LeadTimes
from porting_tui.insights.period import Period

STYLE = """
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; margin: 2rem;
  color: #222; max-width: 72rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1rem; margin-bottom: 0.3rem; }
.lead { color: #555; margin-top: 0; }
.error { color: #a40000; }
section { margin-bottom: 3rem; }
h4 { font-size: 0.95rem; margin-bottom: 0.3rem; }
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


FOOTER = (
    "<footer><p>Rejections, lead times and statuses count the orders created in the "
    "period; weekly counts place each event in its week (Monday to Sunday); stuck orders "
    "are every PENDING order by calendar days since created. Lead times: one sample per "
    "order and losing carrier, created to the first FOC date and FOC date to the last "
    f"activation, in days; percentiles by {escape(PERCENTILE_METHOD)}.</p></footer>"
)


@dataclass(frozen=True)
class ReportSection:
    """One project's part of a report: its figures, or the error that kept them away.

    ``label`` names an order id in the tables (``project:id`` where ids repeat across
    projects); ``level`` is the heading level of its figures (2 alone, 3 under a project).
    """

    name: str
    insights: Insights | None
    error: str | None = None
    label: Callable[[int], str] = str
    level: int = 2

    def heading(self, text: str, *, sub: bool = False) -> str:
        level = self.level + (1 if sub else 0)
        return f"<h{level}>{text}</h{level}>"


def render_html(insights: Insights, *, project: str) -> str:
    """The report of ``insights`` for ``project`` (a profile name), as one HTML document."""
    period = insights.period
    title = f"Porting insights · {project} · {period.start} to {period.end}"
    body = [f"<h1>{escape(title)}</h1>", *_figures(ReportSection(project, insights))]
    return _document(title, body)


def render_projects_html(
    sections: Sequence[ReportSection], *, projects: Sequence[str], period: Period
) -> str:
    """One report of ``projects``: a section each (headed by its name), in order."""
    title = f"Porting insights · {', '.join(projects)} · {period.start} to {period.end}"
    body = [f"<h1>{escape(title)}</h1>"]
    for number, section in enumerate(sections, 1):
        body.append(f'<section id="section-{number}"><h2>{escape(section.name)}</h2>')
        if section.insights is None:
            body.append(f'<p class="error">Could not be read: {escape(section.error or "")}</p>')
        else:
            body += _figures(replace(section, level=3))
        body.append("</section>")
    return _document(title, body)


def _figures(section: ReportSection) -> list[str]:
    insights = section.insights
    assert insights is not None
    period = insights.period
    return [
        f'<p class="lead">{insights.orders} orders with {insights.numbers} numbers created '
        f"from {period.start} to {period.end} ({period.days} days); "
        f"{insights.stuck_orders} orders PENDING on {insights.today}.</p>",
        _weekly(section, insights),
        _rejections(section, insights),
        _lead_times(section, insights),
        _stuck(section, insights),
        _statuses(section, insights),
    ]


def _document(title: str, body: list[str]) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n<body>\n"
        + "\n".join([*body, FOOTER])
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


def _ids(order_ids: Sequence[int], label: Callable[[int], str]) -> _Raw:
    shown = ", ".join(label(order_id) for order_id in order_ids[:SHOWN_IDS])
    more = len(order_ids) - SHOWN_IDS
    text = shown + (f" and {more} more" if more > 0 else "")
    return _Raw(f'<span class="ids">{escape(text)}</span>')


def _week_label(day: date) -> str:
    return f"{day:%b} {day.day}"


def _weekly(section: ReportSection, insights: Insights) -> str:
    labels = [_week_label(week.monday) for week in insights.weeks]
    parts = [section.heading("Week by week")]
    for what in ("orders", "numbers"):
        series = [
            charts.Series(kind, [getattr(week.tally(kind), what) for week in insights.weeks])
            for kind in WEEKLY_KINDS
        ]
        svg = charts.stacked_columns(f"{what.capitalize()} per week", labels, series, unit=what)
        title = section.heading(f"{what.capitalize()} per week", sub=True)
        parts.append(f"{title}<figure>{svg}</figure>")
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


def _rejections(section: ReportSection, insights: Insights) -> str:
    parts = [section.heading("Rejections by losing carrier")]
    if not insights.rejections:
        parts.append("<p>No number of an order created in the period was rejected.</p>")
    for carrier in insights.rejections:
        parts.append(
            section.heading(
                f"{escape(carrier.carrier)}: {carrier.rejected} of {carrier.numbers} numbers "
                f"rejected ({carrier.share:.1%})",
                sub=True,
            )
        )
        bars = [
            (reason.reason, float(reason.numbers), f"{reason.numbers} ({reason.share:.1%})")
            for reason in carrier.reasons
        ]
        parts.append(f"<figure>{charts.ranked_bars(carrier.carrier, bars)}</figure>")
        rows = [
            [
                reason.reason,
                reason.numbers,
                f"{reason.share:.1%}",
                _ids(reason.order_ids, section.label),
            ]
            for reason in carrier.reasons
        ]
        parts.append(
            _table(["reason", "numbers", "share of carrier's numbers", "orders"], rows, {1, 2})
        )
    return "\n".join(parts)


def _lead_times(section: ReportSection, insights: Insights) -> str:
    leads: list[LeadTimes] = [*insights.lead_times, insights.lead_times_all]
    parts = [section.heading("Lead times by losing carrier")]
    for name, to_foc in (("Created to FOC date", True), ("FOC date to completion", False)):
        rows = [(lead.carrier, lead.to_foc if to_foc else lead.to_completion) for lead in leads]
        title = section.heading(f"{name} (days)", sub=True)
        parts.append(f"{title}<figure>{charts.box_plots(name, rows, unit='days')}</figure>")
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


def _stuck(section: ReportSection, insights: Insights) -> str:
    parts = [section.heading(f"Stuck: PENDING orders by age on {insights.today}")]
    bars = [(bucket.label, float(bucket.orders), str(bucket.orders)) for bucket in insights.stuck]
    if insights.stuck_undated:
        count = len(insights.stuck_undated)
        bars.append(("unknown age", float(count), str(count)))
    parts.append(f"<figure>{charts.ranked_bars('PENDING orders by age', bars)}</figure>")
    rows = [
        [bucket.label, bucket.orders, _ids(bucket.order_ids, section.label)]
        for bucket in insights.stuck
    ]
    if insights.stuck_undated:
        rows.append(
            [
                "unknown age",
                len(insights.stuck_undated),
                _ids(insights.stuck_undated, section.label),
            ]
        )
    parts.append(_table(["age (calendar days)", "orders", "oldest first"], rows, {1}))
    return "\n".join(parts)


def _statuses(section: ReportSection, insights: Insights) -> str:
    parts = [section.heading("Statuses of the period's orders and numbers")]
    for what, counts in (
        ("Orders", insights.order_statuses),
        ("Numbers", insights.number_statuses),
    ):
        bars = [(count.status, float(count.count), str(count.count)) for count in counts]
        title = section.heading(what, sub=True)
        parts.append(f"{title}<figure>{charts.ranked_bars(what, bars)}</figure>")
        parts.append(_table(["status", what.lower()], [[c.status, c.count] for c in counts], {1}))
    return "\n".join(parts)
