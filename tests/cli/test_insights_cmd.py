"""``porting-tui insights``: tables, JSON, CSV and HTML of a period, and clear errors."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from tests.cli.conftest import START, Cli, stdout_json


def details(run: Cli) -> list[str]:
    return [call for call in run.transport.calls() if call.startswith("GET /orders/portIns/")]


def test_without_an_output_option_it_prints_tables(run: Cli) -> None:
    result = run("insights")
    assert result.exit_code == 0, result.output
    for title in ("Week by week", "Rejections", "Lead times in days", "Stuck: PENDING"):
        assert title in result.stdout
    assert "list pages" in result.stderr


def test_json_covers_the_last_30_days_by_default(run: Cli) -> None:
    data = stdout_json(run("insights", "--json"))
    assert data["period"] == {
        "start": (START.date() - timedelta(days=29)).isoformat(),
        "end": START.date().isoformat(),
        "days": 30,
    }
    assert (
        data["reading"]["detailsRead" if "detailsRead" in data["reading"] else "details_read"] >= 0
    )
    assert len(data["stuck"]) == 5


def test_the_second_run_reads_only_the_list(run: Cli) -> None:
    first = stdout_json(run("insights", "--days", "90", "--json"))
    assert first["reading"]["detailsRead"] == first["reading"]["listed"] > 0
    run.transport.requests.clear()
    second = stdout_json(run("insights", "--days", "90", "--json"))
    assert details(run) == []
    assert second["reading"]["detailsReused"] == first["reading"]["listed"]
    assert {k: v for k, v in second.items() if k != "reading"} == {
        k: v for k, v in first.items() if k != "reading"
    }


def test_explicit_dates(run: Cli) -> None:
    data = stdout_json(run("insights", "--from", "2026-02-02", "--to", "2026-02-15", "--json"))
    assert data["period"]["days"] == 14 and len(data["weeks"]) == 2


def test_bad_periods_say_what_to_fix(run: Cli) -> None:
    cases = {
        ("--to", "2026-02-15"): "--to needs --from",
        ("--days", "30", "--from", "2026-02-01"): "either --days N or --from DATE",
        ("--from", "2026-02-15", "--to", "2026-02-01"): "give the earlier date first",
        ("--from", "15.02.2026"): "is not a date like",
        ("--days", "0"): "--days",
    }
    for args, message in cases.items():
        result = run("insights", *args)
        assert result.exit_code == 2, args
        assert message in result.output, (args, result.output)
    assert run.transport.requests == []


def test_csv_goes_to_a_file_or_to_stdout(run: Cli, tmp_path: Path) -> None:
    target = tmp_path / "insights.csv"
    result = run("insights", "--csv", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text().startswith("figure,week,first_day,last_day,")
    assert result.stdout == ""
    printed = run("insights", "--csv")
    assert printed.exit_code == 0 and printed.stdout.startswith("figure,week,")


def test_json_and_csv_cannot_both_print(run: Cli) -> None:
    result = run("insights", "--json", "--csv")
    assert result.exit_code == 2 and "give --csv FILE" in result.output


def test_html_report_is_written_and_not_over_an_existing_file(run: Cli, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    assert run("insights", "--html", str(target)).exit_code == 0
    html = target.read_text()
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "https://" not in html
    assert target.stat().st_mode & 0o077 == 0
    again = run("insights", "--html", str(target))
    assert again.exit_code == 2 and "add --force" in again.output
    assert run("insights", "--html", str(target), "--force").exit_code == 0


def test_json_with_a_report_file_prints_only_json(run: Cli, tmp_path: Path) -> None:
    result = run("insights", "--json", "--html", str(tmp_path / "r.html"))
    assert json.loads(result.stdout)["orders"] >= 0


def test_demo_runs_without_the_local_store(run: Cli) -> None:
    first = stdout_json(run("--demo", "insights", "--json"))
    second = stdout_json(run("--demo", "insights", "--json"))
    assert second["reading"]["detailsReused"] == first["reading"]["detailsReused"] == 0
