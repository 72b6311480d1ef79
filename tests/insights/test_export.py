"""JSON, CSV and the HTML report: the same figures, stable keys, nothing loaded, text escaped."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from datetime import date

from porting_tui.insights import export
from porting_tui.insights.compute import compute_insights
from porting_tui.insights.html_report import render_html
from tests.insights.factories import number, order
from tests.insights.test_figures import ORDERS, SEPTEMBER, TODAY

SCRIPT = "<script>alert('x')</script>"
HOSTILE = (
    *ORDERS,
    order(
        20, "PENDING", "2024-09-26",
        number("+20", "REJECTED", carrier="Evil <b>Carrier</b>", reason=SCRIPT),
        number("+21", "REJECTED", carrier="Evil <b>Carrier</b>", reason="=HYPERLINK(\"x\")"),
    ),
)  # fmt: skip
INSIGHTS = compute_insights(HOSTILE, SEPTEMBER, today=TODAY)


def test_json_round_trips_to_the_same_figures() -> None:
    text = export.render_json(INSIGHTS)
    assert export.insights_from_data(json.loads(text)) == INSIGHTS


def test_json_has_stable_keys_and_iso_dates() -> None:
    data = json.loads(export.render_json(INSIGHTS, {"list_pages": 2}))
    assert list(data) == [
        "period", "today", "orders", "numbers", "weeks", "rejections", "leadTimes",
        "leadTimesAll", "percentileMethod", "stuck", "stuckUndated", "orderStatuses",
        "numberStatuses", "undatedOrders", "reading",
    ]  # fmt: skip
    assert data["period"] == {"start": "2024-09-01", "end": "2024-09-30", "days": 30}
    assert data["weeks"][1]["week"] == "2024-09-02"
    assert set(data["weeks"][1]["created"]) == {"orders", "numbers", "orderIds"}
    assert set(data["leadTimesAll"]["createdToFoc"]) == {
        "count", "min", "q1", "median", "q3", "p90", "max",
    }  # fmt: skip
    assert data["reading"] == {"listPages": 2}


def sections(text: str) -> dict[str, list[dict[str, str]]]:
    """The CSV's sections with rows by figure, each read with its own header row."""
    found: dict[str, list[dict[str, str]]] = {}
    for block in text.replace("\r\n", "\n").strip().split("\n\n"):
        rows = list(csv.DictReader(io.StringIO(block)))
        assert block.startswith("figure,")
        if rows:
            found[rows[0]["figure"]] = rows
    return found


def test_csv_has_one_section_per_figure_with_its_header() -> None:
    text = export.render_csv(INSIGHTS)
    found = sections(text)
    assert list(found) == ["weekly", "rejections", "lead_times", "stuck", "statuses"]
    assert list(found["weekly"][0]) == list(export.WEEKLY_HEADER)
    assert list(found["rejections"][0]) == list(export.REJECTION_HEADER)
    assert list(found["lead_times"][0]) == list(export.LEAD_HEADER)
    assert list(found["stuck"][0]) == list(export.STUCK_HEADER)
    assert list(found["statuses"][0]) == list(export.STATUS_HEADER)
    assert all(
        len(rows) > 0 and {r["figure"] for r in rows} == {name} for name, rows in found.items()
    )
    att = [r for r in found["rejections"] if r["carrier"] == "AT&T"]
    assert att[0]["reason"] == "Invalid port-out PIN" and att[0]["order_ids"] == "2"
    assert found["stuck"][-1]["age"] == "unknown age"


def test_csv_defuses_a_reason_a_spreadsheet_would_run() -> None:
    text = export.render_csv(INSIGHTS)
    assert "'=HYPERLINK" in text


def test_the_html_report_loads_nothing_from_anywhere() -> None:
    html = render_html(INSIGHTS, project="acme")
    assert "http://" not in html and "https://" not in html
    assert not re.search(r"<(script|link|img|iframe|object)\b", html, re.IGNORECASE)
    assert "@import" not in html and "url(" not in html
    assert "default-src 'none'" in html


def test_the_html_report_escapes_server_text() -> None:
    html = render_html(INSIGHTS, project="<i>acme</i>")
    assert SCRIPT not in html and "&lt;script&gt;" in html
    assert "<b>Carrier</b>" not in html and "Evil &lt;b&gt;Carrier&lt;/b&gt;" in html
    assert "<i>acme</i>" not in html


def test_every_chart_is_well_formed_svg_with_a_table_beside_it() -> None:
    html = render_html(INSIGHTS, project="acme")
    charts = re.findall(r"<svg.*?</svg>", html, re.DOTALL)
    # Orders and numbers per week, one per rejecting carrier, two lead-time charts, stuck,
    # order and number statuses.
    assert len(charts) == 2 + len(INSIGHTS.rejections) + 2 + 1 + 2
    for chart in charts:
        ElementTree.fromstring(chart)
    assert html.count("<table>") == 1 + len(INSIGHTS.rejections) + 1 + 1 + 2


def test_the_html_tables_hold_the_figures() -> None:
    html = render_html(INSIGHTS, project="acme")
    assert "Invalid port-out PIN" in html and "40.0%" in html  # 2 of AT&T's 5 numbers
    assert '<td>6-10 days</td><td class="n">1</td>' in html
    assert "<td>2024-09-02</td>" in html


def test_an_empty_period_still_makes_a_report() -> None:
    empty = compute_insights([], SEPTEMBER, today=date(2024, 9, 30))
    html = render_html(empty, project="acme")
    assert "No number of an order created in the period was rejected." in html
    assert export.insights_from_data(json.loads(export.render_json(empty))) == empty
    text = export.render_csv(empty)
    assert text.count("figure,") == 5  # every section's header, even without rows
    assert sections(text)["stuck"][0]["orders"] == "0"
