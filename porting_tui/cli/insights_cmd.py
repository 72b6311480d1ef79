"""``porting-tui insights``: how the ports of a period went, as tables, JSON, CSV or HTML.

Details read are kept in the local store with those Needs attention reads (mode 0600), so the
next run over the same period reads only the orders whose list row changed. ``--demo`` runs
on a fresh emulator every time and keeps nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from porting_tui.cli.context import CommandError, ExitCode, json_option, open_session, run_api
from porting_tui.cli.output import info, print_json, safe_text
from porting_tui.cli.progress import ProgressReport

if TYPE_CHECKING:
    from porting_tui.client import PortingClient
    from porting_tui.insights.period import Period
    from porting_tui.insights.reader import InsightsReading
    from porting_tui.listing.project_sessions import ProjectSessions
    from porting_tui.local.store import LocalStore

STDOUT = "-"


@click.command("insights")
@click.option(
    "--days",
    type=click.IntRange(1, 731),
    metavar="N",
    help="The last N days, today included (default 30; 90 for a quarter).",
)
@click.option("--from", "start", metavar="DATE", help="First day of the period (YYYY-MM-DD).")
@click.option("--to", "end", metavar="DATE", help="Last day of the period (default: today).")
@json_option
@click.option(
    "--csv",
    "csv_file",
    metavar="FILE",
    is_flag=False,
    flag_value=STDOUT,
    help="Write the figures as CSV, one section per figure, to FILE (stdout without FILE).",
)
@click.option(
    "--html",
    "html_file",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a self-contained HTML report with charts to FILE (opens offline).",
)
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@click.option(
    "--all",
    "all_profiles",
    is_flag=True,
    help="Every profile of the config file (with --demo: the demo's projects), each read at "
    "once, then all of them together.",
)
@click.option(
    "--profiles", metavar="A,B", help="These profiles (comma-separated) instead of the default."
)
@click.pass_context
def insights(
    ctx: click.Context,
    days: int | None,
    start: str | None,
    end: str | None,
    as_json: bool,
    csv_file: str | None,
    html_file: Path | None,
    force: bool,
    all_profiles: bool,
    profiles: str | None,
) -> None:
    """Rejections by carrier and reason, lead times, weekly progress and stuck orders.

    Reads the orders created in the period (and every PENDING order, for their age), with
    their details. Without --json, --csv or --html, prints tables. The order ids behind
    each figure are in --json and --csv.

    With --all or --profiles, each project is read at once and shown apart (a project that
    cannot be read shows its error), then "All projects": the figures over all their orders
    together, with order ids as project:id (the tables count them). --json gives
    {"projects": [...], "all": {...}}, --csv a project column first, --html a section per
    project after the one of all. With a single project, the output is that of one.

    \b
    Exit status:
      0  the figures were read
      9  --all or --profiles: at least one project could not be read (the others are shown)
      2  wrong options or an unknown profile
    """
    if as_json and csv_file == STDOUT:
        raise click.UsageError(
            "--json and --csv without FILE both print to stdout; give --csv FILE"
        )
    from porting_tui.cli.context import today as today_of

    today = today_of(ctx)
    period = _period(days, start, end, today)
    from porting_tui.cli.project_choice import chosen_projects

    choice = chosen_projects(ctx, all_profiles, profiles)
    if choice.several:
        code = _several(choice.sessions(), period, today, as_json, csv_file, html_file, force)
        ctx.exit(int(code))
    demo = bool((ctx.find_root().obj or {}).get("demo"))
    # The demo's emulator is made anew by run_api: opening a session here would make two.
    profile = "demo" if demo else open_session(ctx).profile_name
    store = None if demo else _open_store()
    try:
        reading = run_api(ctx, lambda client: _read(client, store, profile, period, today))
    finally:
        if store is not None:
            store.close()
    _output(reading, profile, as_json, csv_file, html_file, force)


def _several(
    sessions: ProjectSessions,
    period: Period,
    today: date,
    as_json: bool,
    csv_file: str | None,
    html_file: Path | None,
    force: bool,
) -> ExitCode:
    """Every project of ``sessions`` read at once; one project's output when there is one."""
    import asyncio

    from porting_tui.cli.insights_projects import output_projects, read_projects, report_costs
    from porting_tui.insights.combined import combine_readings

    readings = asyncio.run(read_projects(sessions, period, today))
    failed = any(project.reading is None for project in readings)
    only = readings[0] if len(readings) == 1 else None
    if only is not None and only.reading is not None:
        _output(only.reading, only.name, as_json, csv_file, html_file, force)
        return ExitCode.OK
    report_costs(readings)
    if only is not None:
        # One project, and it failed: there is nothing to show but its error.
        return ExitCode.PROJECT_FAILED
    output_projects(
        readings,
        combine_readings(readings, period, today=today),
        as_json=as_json,
        csv_file=csv_file,
        html_file=html_file,
        write=lambda path, text: _write(path, text, force),
        stdout=STDOUT,
    )
    return ExitCode.PROJECT_FAILED if failed else ExitCode.OK


def _period(days: int | None, start: str | None, end: str | None, today: date) -> Period:
    from porting_tui.insights.period import Period, PeriodError

    if days is not None and (start or end):
        raise click.UsageError("use either --days N or --from DATE [--to DATE], not both")
    if end and not start:
        raise click.UsageError("--to needs --from: give the first day of the period too")
    try:
        if start:
            return Period.between(start, end or today, today)
        return Period.last_days(days or 30, today)
    except PeriodError as error:
        raise click.UsageError(str(error)) from None


def _open_store() -> LocalStore | None:
    from porting_tui.local.store import LocalStore, StoreError

    try:
        store = LocalStore.open()
    except (StoreError, OSError) as error:
        info(
            f"warning: every detail is read again, the local store is unusable: {safe_text(error)}"
        )
        return None
    if store.recovery_message:
        info(f"warning: {store.recovery_message}")
    return store


async def _read(
    client: PortingClient, store: LocalStore | None, profile: str, period: Period, today: date
) -> InsightsReading:
    from porting_tui.insights.reader import InsightsReader

    reader = InsightsReader(client, store, profile)
    with ProgressReport("Reading order details") as progress:
        shown = 0

        def on_progress(done: int, total: int) -> None:
            nonlocal shown
            progress.set_total(total)
            progress.advance(done - shown)
            shown = done

        return await reader.read(period, today=today, on_progress=on_progress)


def _output(
    reading: InsightsReading,
    project: str,
    as_json: bool,
    csv_file: str | None,
    html_file: Path | None,
    force: bool,
) -> None:
    from dataclasses import asdict

    from porting_tui.cli.insights_tables import counts_text, print_insights
    from porting_tui.insights import export

    insights = reading.insights
    info(counts_text(reading.counts))
    observed = reading.observed_text()
    if observed is not None:
        info(observed[0].upper() + observed[1:])
    if reading.failed_order_ids:
        failed = " ".join(map(str, reading.failed_order_ids))
        info(f"warning: the details of these orders could not be read: {failed}")
    if as_json:
        print_json(export.insights_data(insights, asdict(reading.counts)))
    if csv_file == STDOUT:
        click.echo(export.render_csv(insights), nl=False)
    elif csv_file is not None:
        _write(Path(csv_file), export.render_csv(insights), force)
    if html_file is not None:
        from porting_tui.insights.html_report import render_html

        _write(html_file, render_html(insights, project=project), force)
    if not as_json and csv_file is None and html_file is None:
        print_insights(insights, project)


def _write(path: Path, text: str, force: bool) -> None:
    from porting_tui.cli.files import write_file
    from porting_tui.domain.document_files import write_new_file

    content = text.encode()
    if force:
        write_file(path, content, force=True)
    else:
        try:
            write_new_file(path, content)
        except FileExistsError:
            raise CommandError(
                f"{path} already exists; add --force to replace it, or choose another name",
                ExitCode.USAGE,
            ) from None
        except OSError as error:
            raise CommandError(f"cannot write {path}: {error.strerror}", ExitCode.USAGE) from None
    info(f"wrote {path}")
