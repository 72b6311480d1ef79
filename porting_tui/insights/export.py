"""Insights as JSON (stable keys, ISO dates) and as CSV, for scripts and spreadsheets.

The CSV is one file with one section per figure (weekly, rejections, lead_times, stuck,
statuses), each with its own header row and a blank line after it. Every row's first cell
names its figure, so a spreadsheet's filter on the first column separates them. Server text
is cleaned (control characters and bidi overrides dropped) and cells a spreadsheet would run
as a formula get a leading ``'`` (defusedcsv). Order ids in a cell are separated by spaces.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from defusedcsv import csv

from porting_tui.insights.distribution import Distribution
from porting_tui.insights.figures import (
    WEEKLY_KINDS,
    CarrierRejections,
    Insights,
    LeadTimes,
    RejectionReason,
    StatusCount,
    StuckBucket,
    Tally,
    WeekFigures,
)
from porting_tui.insights.period import Period
from porting_tui.local.export import clean_data

PERCENTILE_METHOD = "linear interpolation, statistics.quantiles(method='inclusive')"
LEAD_MEASURES = ("created_to_foc", "foc_to_completion")
_DISTRIBUTION_KEYS = ("count", "min", "q1", "median", "q3", "p90", "max")


def insights_data(insights: Insights, reading: dict[str, int] | None = None) -> dict[str, Any]:
    """The figures as JSON data; ``reading`` (what reading them cost, e.g. ``ReadCounts`` as a
    dict) is added when given, its keys in camelCase like the others."""
    data: dict[str, Any] = {
        "period": {
            "start": insights.period.start.isoformat(),
            "end": insights.period.end.isoformat(),
            "days": insights.period.days,
        },
        "today": insights.today.isoformat(),
        "orders": insights.orders,
        "numbers": insights.numbers,
        "weeks": [_week_data(week) for week in insights.weeks],
        "rejections": [_carrier_data(carrier) for carrier in insights.rejections],
        "leadTimes": [_lead_data(lead) for lead in insights.lead_times],
        "leadTimesAll": _lead_data(insights.lead_times_all),
        "percentileMethod": PERCENTILE_METHOD,
        "stuck": [_bucket_data(bucket) for bucket in insights.stuck],
        "stuckUndated": list(insights.stuck_undated),
        "orderStatuses": [_status_data(count) for count in insights.order_statuses],
        "numberStatuses": [_status_data(count) for count in insights.number_statuses],
        "undatedOrders": list(insights.undated_orders),
    }
    if reading is not None:
        data["reading"] = {_camel(key): value for key, value in reading.items()}
    cleaned: dict[str, Any] = clean_data(data)
    return cleaned


def render_json(insights: Insights, reading: dict[str, int] | None = None) -> str:
    return json.dumps(insights_data(insights, reading), indent=2, ensure_ascii=False) + "\n"


def insights_from_data(data: dict[str, Any]) -> Insights:
    """The figures back from ``insights_data`` (for reports made from a saved JSON file)."""
    return Insights(
        period=Period(_day(data["period"]["start"]), _day(data["period"]["end"])),
        today=_day(data["today"]),
        orders=data["orders"],
        numbers=data["numbers"],
        weeks=tuple(
            WeekFigures(
                monday=_day(week["week"]),
                first_day=_day(week["firstDay"]),
                last_day=_day(week["lastDay"]),
                **{
                    kind: Tally(tuple(week[kind]["orderIds"]), week[kind]["numbers"])
                    for kind in WEEKLY_KINDS
                },
            )
            for week in data["weeks"]
        ),
        rejections=tuple(
            CarrierRejections(
                carrier=carrier["carrier"],
                numbers=carrier["numbers"],
                rejected=carrier["rejected"],
                reasons=tuple(
                    RejectionReason(
                        reason["reason"],
                        reason["numbers"],
                        reason["share"],
                        tuple(reason["orderIds"]),
                    )
                    for reason in carrier["reasons"]
                ),
            )
            for carrier in data["rejections"]
        ),
        lead_times=tuple(_lead_from(lead) for lead in data["leadTimes"]),
        lead_times_all=_lead_from(data["leadTimesAll"]),
        stuck=tuple(
            StuckBucket(b["age"], b["leastDays"], b["mostDays"], tuple(b["orderIds"]))
            for b in data["stuck"]
        ),
        stuck_undated=tuple(data["stuckUndated"]),
        order_statuses=tuple(StatusCount(s["status"], s["count"]) for s in data["orderStatuses"]),
        number_statuses=tuple(StatusCount(s["status"], s["count"]) for s in data["numberStatuses"]),
        undated_orders=tuple(data["undatedOrders"]),
    )


def render_csv(insights: Insights) -> str:
    """Every figure, one section each (see the module's docstring)."""
    return render_csv_sections(csv_sections(insights))


def csv_sections(insights: Insights) -> tuple[list[Sequence[object]], ...]:
    """The rows of each section of ``render_csv``, its header row first, cells as they are."""
    return (
        _weekly_rows(insights),
        _rejection_rows(insights),
        _lead_rows(insights),
        _stuck_rows(insights),
        _status_rows(insights),
    )


def render_csv_sections(sections: Sequence[Sequence[Sequence[object]]]) -> str:
    """Sections of rows as one CSV text, a blank line between them, cells made safe."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    for index, rows in enumerate(sections):
        if index:
            writer.writerow([])
        for row in rows:
            writer.writerow(clean_data(["" if cell is None else cell for cell in row]))
    return buffer.getvalue()


WEEKLY_HEADER = (
    "figure",
    "week",
    "first_day",
    "last_day",
    *(f"{kind}_{what}" for kind in WEEKLY_KINDS for what in ("orders", "numbers")),
)
REJECTION_HEADER = (
    "figure", "carrier", "carrier_numbers", "carrier_rejected", "reason", "numbers", "share",
    "order_ids",
)  # fmt: skip
LEAD_HEADER = ("figure", "carrier", "measure", *_DISTRIBUTION_KEYS, "skipped")
STUCK_HEADER = ("figure", "age", "least_days", "most_days", "orders", "order_ids")
STATUS_HEADER = ("figure", "of", "status", "count")


def _ids(order_ids: Sequence[int]) -> str:
    return " ".join(str(order_id) for order_id in order_ids)


def _weekly_rows(insights: Insights) -> list[Sequence[object]]:
    rows: list[Sequence[object]] = [WEEKLY_HEADER]
    for week in insights.weeks:
        counts = [
            value
            for kind in WEEKLY_KINDS
            for value in (week.tally(kind).orders, week.tally(kind).numbers)
        ]
        rows.append(
            ["weekly", week.monday.isoformat(), week.first_day.isoformat(),
             week.last_day.isoformat(), *counts]
        )  # fmt: skip
    return rows


def _rejection_rows(insights: Insights) -> list[Sequence[object]]:
    rows: list[Sequence[object]] = [REJECTION_HEADER]
    for carrier in insights.rejections:
        for reason in carrier.reasons:
            rows.append(
                ["rejections", carrier.carrier, carrier.numbers, carrier.rejected, reason.reason,
                 reason.numbers, f"{reason.share:.4f}", _ids(reason.order_ids)]
            )  # fmt: skip
    return rows


def _lead_rows(insights: Insights) -> list[Sequence[object]]:
    rows: list[Sequence[object]] = [LEAD_HEADER]
    for lead in (*insights.lead_times, insights.lead_times_all):
        for measure, figures in zip(LEAD_MEASURES, (lead.to_foc, lead.to_completion), strict=True):
            rows.append(["lead_times", lead.carrier, measure, *_figures(figures), lead.skipped])
    return rows


def _stuck_rows(insights: Insights) -> list[Sequence[object]]:
    rows: list[Sequence[object]] = [STUCK_HEADER]
    for bucket in insights.stuck:
        rows.append(
            ["stuck", bucket.label, bucket.least, bucket.most, bucket.orders,
             _ids(bucket.order_ids)]
        )  # fmt: skip
    if insights.stuck_undated:
        undated = insights.stuck_undated
        rows.append(["stuck", "unknown age", None, None, len(undated), _ids(undated)])
    return rows


def _status_rows(insights: Insights) -> list[Sequence[object]]:
    rows: list[Sequence[object]] = [STATUS_HEADER]
    for of, counts in (("orders", insights.order_statuses), ("numbers", insights.number_statuses)):
        rows += [["statuses", of, count.status, count.count] for count in counts]
    return rows


def _figures(figures: Distribution) -> tuple[float | int | None, ...]:
    return (
        figures.count,
        figures.minimum,
        figures.q1,
        figures.median,
        figures.q3,
        figures.p90,
        figures.maximum,
    )


def _tally_data(tally: Tally) -> dict[str, Any]:
    return {"orders": tally.orders, "numbers": tally.numbers, "orderIds": list(tally.order_ids)}


def _week_data(week: WeekFigures) -> dict[str, Any]:
    data: dict[str, Any] = {
        "week": week.monday.isoformat(),
        "firstDay": week.first_day.isoformat(),
        "lastDay": week.last_day.isoformat(),
    }
    data.update({kind: _tally_data(week.tally(kind)) for kind in WEEKLY_KINDS})
    return data


def _carrier_data(carrier: CarrierRejections) -> dict[str, Any]:
    return {
        "carrier": carrier.carrier,
        "numbers": carrier.numbers,
        "rejected": carrier.rejected,
        "share": carrier.share,
        "reasons": [
            {
                "reason": reason.reason,
                "numbers": reason.numbers,
                "share": reason.share,
                "orderIds": list(reason.order_ids),
            }
            for reason in carrier.reasons
        ],
    }


def _distribution_data(figures: Distribution) -> dict[str, Any]:
    return dict(zip(_DISTRIBUTION_KEYS, _figures(figures), strict=True))


def _lead_data(lead: LeadTimes) -> dict[str, Any]:
    return {
        "carrier": lead.carrier,
        "createdToFoc": _distribution_data(lead.to_foc),
        "focToCompletion": _distribution_data(lead.to_completion),
        "skipped": lead.skipped,
    }


def _lead_from(data: dict[str, Any]) -> LeadTimes:
    def figures(part: dict[str, Any]) -> Distribution:
        return Distribution(*(part[key] for key in _DISTRIBUTION_KEYS))

    return LeadTimes(
        data["carrier"], figures(data["createdToFoc"]), figures(data["focToCompletion"]),
        data["skipped"],
    )  # fmt: skip


def _bucket_data(bucket: StuckBucket) -> dict[str, Any]:
    return {
        "age": bucket.label,
        "leastDays": bucket.least,
        "mostDays": bucket.most,
        "orders": bucket.orders,
        "orderIds": list(bucket.order_ids),
    }


def _status_data(count: StatusCount) -> dict[str, Any]:
    return {"status": count.status, "count": count.count}


def _camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(part.capitalize() for part in rest)


def _day(text: str) -> date:
    return date.fromisoformat(text)
