"""``porting-tui insights --all`` / ``--profiles``: a block per project (a refused one shows its
error and makes the exit status 9), then all projects together, as tables, JSON, CSV and HTML."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from click.testing import CliRunner, Result

from porting_tui.cli import cli
from porting_tui.cli.context import ExitCode
from porting_tui.cli.insights_projects import read_projects
from porting_tui.insights.combined import ALL_PROJECTS, combine_readings
from porting_tui.insights.compute import compute_insights
from porting_tui.insights.period import Period
from porting_tui.listing.project_sessions import demo_project_sessions
from porting_tui.listing.session import ListSettings

TODAY = date(2026, 3, 2)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), obj={"today": TODAY})


def test_tables_show_each_project_the_refused_ones_error_and_all_together() -> None:
    result = run("--demo", "--all", "insights", "--days", "90")
    assert result.exit_code == ExitCode.PROJECT_FAILED, result.output
    lines = result.stdout.splitlines()
    headings = [line for line in lines if line.startswith(("Insights of", "initech"))]
    assert headings[0].startswith("Insights of acme, ")
    assert headings[1].startswith("Insights of globex, ")
    assert headings[2].startswith("initech: error: Authentication failed")
    assert headings[3].startswith(f"Insights of {ALL_PROJECTS} (acme, globex), ")
    # Ids repeat across projects: the block of all of them counts the orders instead.
    together = result.stdout[result.stdout.index(f"Insights of {ALL_PROJECTS}") :]
    assert "OLDEST FIRST" not in together
    assert "OLDEST FIRST" in result.stdout[: result.stdout.index("initech: error")]
    assert "acme: read" in result.stderr and "initech: error" in result.stderr


def test_json_has_each_project_and_all_of_them_with_ids_named_by_project() -> None:
    result = run("--demo", "insights", "--all", "--days", "90", "--json")
    assert result.exit_code == ExitCode.PROJECT_FAILED, result.output
    data = json.loads(result.stdout)
    assert [project["name"] for project in data["projects"]] == ["acme", "globex", "initech"]
    acme, globex, initech = data["projects"]
    assert set(initech) == {"name", "error"} and "Authentication failed" in initech["error"]
    assert {"period", "weeks", "rejections", "stuck", "reading"} <= set(acme)
    everything = data["all"]
    assert everything["projects"] == ["acme", "globex"]
    assert everything["orders"] == acme["orders"] + globex["orders"] > 0
    ids = [i for bucket in everything["stuck"] for i in bucket["orderIds"]]
    assert ids and all(re.fullmatch(r"(acme|globex):\d+", i) for i in ids)
    assert sum(b["orders"] for b in everything["stuck"]) == sum(
        b["orders"] for project in (acme, globex) for b in project["stuck"]
    )


def test_one_project_keeps_the_one_project_json() -> None:
    result = run("--demo", "insights", "--profiles", "acme", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "projects" not in data and data["period"]["days"] == 30


def test_csv_has_a_project_column_first_in_every_section() -> None:
    result = run("--demo", "insights", "--profiles", "acme,globex", "--days", "90", "--csv")
    assert result.exit_code == 0, result.output
    text = result.stdout.replace("\r\n", "\n")
    sections = [s for s in text.split("\n\n") if s.strip()]
    assert len(sections) == 5
    for section in sections:
        rows = list(csv.reader(io.StringIO(section)))
        assert rows[0][0] == "project"
        assert {row[0] for row in rows[1:]} <= {"acme", "globex", ALL_PROJECTS}
    weekly = list(csv.DictReader(io.StringIO(sections[0])))
    for week in {row["week"] for row in weekly}:
        rows = {row["project"]: row for row in weekly if row["week"] == week}
        assert int(rows[ALL_PROJECTS]["created_orders"]) == int(
            rows["acme"]["created_orders"]
        ) + int(rows["globex"]["created_orders"])


def test_html_has_a_section_per_project_after_all_of_them_and_loads_nothing(
    tmp_path: Path,
) -> None:
    target = tmp_path / "report.html"
    result = run("--demo", "--all", "insights", "--days", "90", "--html", str(target))
    assert result.exit_code == ExitCode.PROJECT_FAILED, result.output
    html = target.read_text()
    headings = re.findall(r'<section id="section-\d+"><h2>([^<]*)</h2>', html)
    assert headings == [ALL_PROJECTS, "acme", "globex", "initech"]
    assert html.count("<section ") == html.count("</section>") == 4
    assert "Could not be read: Authentication failed" in html
    assert "http://" not in html and "https://" not in html and "url(" not in html
    assert not re.search(r"<(script|link|img|iframe|object)\b", html, re.IGNORECASE)
    assert "acme:" in html and "globex:" in html


def test_the_figures_together_are_the_core_over_every_projects_orders() -> None:
    async def main() -> None:
        sessions = demo_project_sessions(
            ListSettings(), today=TODAY, orders=60, names=["acme", "globex"]
        )
        period = Period.last_days(90, TODAY)
        readings = await read_projects(sessions, period, TODAY)
        combined = combine_readings(readings, period, today=TODAY).insights
        # Ids made unique another way than combine_readings does: the counts must agree.
        union = [
            replace(state, order_id=index * 10**9 + state.order_id)
            for index, reading in enumerate(readings)
            for state in (reading.reading.states if reading.reading else ())
        ]
        core = compute_insights(union, period, today=TODAY)
        assert (
            combined.orders
            == core.orders
            == sum(r.reading.insights.orders for r in readings if r.reading)
        )
        assert [(w.created.orders, w.completed.numbers) for w in combined.weeks] == [
            (w.created.orders, w.completed.numbers) for w in core.weeks
        ]
        # Past rejections (the timeline's) come along, so rejected numbers add up too.
        assert sum(carrier.rejected for carrier in combined.rejections) == sum(
            carrier.rejected
            for r in readings
            if r.reading
            for carrier in r.reading.insights.rejections
        )
        assert [(c.carrier, c.rejected, c.numbers) for c in combined.rejections] == [
            (c.carrier, c.rejected, c.numbers) for c in core.rejections
        ]
        assert combined.lead_times == core.lead_times
        assert combined.lead_times_all == core.lead_times_all
        assert [b.orders for b in combined.stuck] == [b.orders for b in core.stuck]
        assert combined.order_statuses == core.order_statuses

    asyncio.run(main())
