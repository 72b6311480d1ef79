"""``porting-tui insights --all``: every project read at once, printed apart and together."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from porting_tui.cli.output import info, print_json, safe_text
from porting_tui.cli.progress import ProgressReport

if TYPE_CHECKING:
    from porting_tui.insights.combined import CombinedInsights, ProjectReading
    from porting_tui.insights.period import Period
    from porting_tui.insights.reader import Progress
    from porting_tui.listing.project_sessions import ProjectSession, ProjectSessions
    from porting_tui.local.store import LocalStore

Write = Callable[[Path, str], None]


async def read_projects(
    sessions: ProjectSessions, period: Period, today: date
) -> list[ProjectReading]:
    """Each project in its own task, with its own client and the shared store; a project
    that fails keeps its error and holds back none of the others."""
    done: dict[str, int] = {}
    totals: dict[str, int] = {}
    try:
        with ProgressReport("Reading order details") as progress:
            shown = 0

            def on_progress(name: str) -> Progress:
                def report(count: int, total: int) -> None:
                    nonlocal shown
                    done[name], totals[name] = count, total
                    progress.set_total(sum(totals.values()))
                    progress.advance(sum(done.values()) - shown)
                    shown = sum(done.values())

                return report

            tasks = [
                asyncio.create_task(
                    _read(project, sessions.store, period, today, on_progress(project.name))
                )
                for project in sessions.projects
            ]
            return list(await asyncio.gather(*tasks))
    finally:
        await sessions.aclose()


async def _read(
    project: ProjectSession,
    store: LocalStore | None,
    period: Period,
    today: date,
    on_progress: Progress,
) -> ProjectReading:
    from porting_tui.client import PortingError
    from porting_tui.insights.combined import ProjectReading
    from porting_tui.insights.reader import InsightsReader

    session = project.session
    if session is None:
        return ProjectReading(project.name, error=project.error or "cannot be opened")
    reader = InsightsReader(session.client, store, project.name)
    try:
        reading = await reader.read(period, today=today, on_progress=on_progress)
    except PortingError as error:
        return ProjectReading(project.name, error=project.describe(error))
    return ProjectReading(project.name, reading)


def report_costs(readings: list[ProjectReading]) -> None:
    """What each project's reading cost, and what could not be read, on stderr."""
    from porting_tui.cli.insights_tables import counts_text

    for project in readings:
        if project.reading is None:
            info(safe_text(f"{project.name}: error: {project.error}"))
            continue
        info(safe_text(f"{project.name}: {counts_text(project.reading.counts)}"))
        observed = project.reading.observed_text()
        if observed is not None:
            info(safe_text(f"{project.name}: {observed}"))
        if project.reading.failed_order_ids:
            failed = " ".join(map(str, project.reading.failed_order_ids))
            info(f"warning: {safe_text(project.name)}: the details of these orders could not be "
                 f"read: {failed}")  # fmt: skip


def output_projects(
    readings: list[ProjectReading],
    combined: CombinedInsights,
    *,
    as_json: bool,
    csv_file: str | None,
    html_file: Path | None,
    write: Write,
    stdout: str,
) -> None:
    """As ``insights``' one-project output, each project apart and then all together."""
    from porting_tui.insights import projects_export

    if as_json:
        print_json(projects_export.projects_data(readings, combined))
    if csv_file is not None:
        text = projects_export.render_projects_csv(readings, combined)
        if csv_file == stdout:
            click.echo(text, nl=False)
        else:
            write(Path(csv_file), text)
    if html_file is not None:
        write(html_file, _html(readings, combined))
    if not as_json and csv_file is None and html_file is None:
        print_projects(readings, combined)


def print_projects(readings: list[ProjectReading], combined: CombinedInsights) -> None:
    from porting_tui.cli.insights_tables import print_insights
    from porting_tui.insights.combined import ALL_PROJECTS

    for project in readings:
        if project.reading is None:
            click.echo(safe_text(f"{project.name}: error: {project.error}"))
        else:
            print_insights(project.reading.insights, project.name)
        click.echo()
    names = ", ".join(combined.projects) or "none could be read"
    print_insights(combined.insights, f"{ALL_PROJECTS} ({names})", show_ids=False)


def _html(readings: list[ProjectReading], combined: CombinedInsights) -> str:
    from porting_tui.insights.combined import ALL_PROJECTS
    from porting_tui.insights.html_report import ReportSection, render_projects_html

    sections = [ReportSection(ALL_PROJECTS, combined.insights, label=combined.label)]
    sections += [
        ReportSection(
            project.name,
            project.reading.insights if project.reading is not None else None,
            project.error,
        )
        for project in readings
    ]
    names = [project.name for project in readings]
    return render_projects_html(sections, projects=names, period=combined.insights.period)
