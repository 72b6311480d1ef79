"""``porting-tui attention``: what needs the operator in one project, several or all of them."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import click

from porting_tui.cli.context import ExitCode, json_option
from porting_tui.cli.output import info

if TYPE_CHECKING:
    from porting_tui.attention.all_projects_board import AllProjectsBoard
    from porting_tui.listing.project_sessions import ProjectSessions

WATCH_OPTIONS = "attention_watch"
"""The key of ``ctx.obj`` where tests put the watch's ``sleep``, ``clock`` and ``rounds``."""


def exit_code(board: AllProjectsBoard) -> ExitCode:
    if board.failed():
        return ExitCode.PROJECT_FAILED
    return ExitCode.ATTENTION if board.count() else ExitCode.OK


async def _show(sessions: ProjectSessions, *, ranked: bool, as_json: bool) -> ExitCode:
    from porting_tui.cli.attention_report import print_board

    board = sessions.board()
    try:
        await board.refresh()
    finally:
        await sessions.aclose()
    print_board(board, ranked=ranked, as_json=as_json)
    return exit_code(board)


@click.command("attention")
@click.option("--all", "all_profiles", is_flag=True, help="Every profile of the config file.")
@click.option(
    "--profiles", metavar="A,B", help="These profiles (comma-separated) instead of the default."
)
@click.option("--ranked", is_flag=True, help="One ranking with a project column, not sections.")
@json_option
@click.option(
    "--watch",
    is_flag=True,
    help="Print one line per new reason as it appears (by webhook where the profile has a "
    "receiver, else by polling), each once, also across restarts; Ctrl+C stops.",
)
@click.option(
    "--interval",
    type=click.FloatRange(10),
    default=60,
    show_default=True,
    metavar="SECONDS",
    help="--watch: poll every SECONDS (at least 10); a failing project waits longer each time.",
)
@click.option("--demo", is_flag=True, help="Run on the demo's emulated projects (acme, ...).")
@click.pass_context
def attention(
    ctx: click.Context,
    all_profiles: bool,
    profiles: str | None,
    ranked: bool,
    as_json: bool,
    watch: bool,
    interval: float,
    demo: bool,
) -> None:
    """Print the orders that need attention, per project or in one ranking.

    Without --all or --profiles, the project of --profile (or the default profile).
    A project that cannot be read prints its error; the others are printed as usual.

    \b
    Exit status:
      0  nothing needs attention
      8  at least one order needs attention
      9  at least one project could not be read (takes precedence over 8)
      2  wrong options or an unknown profile
    With --watch: 0 when stopped, 9 when no project could be read at all.
    """
    from porting_tui.cli.project_choice import chosen_projects

    obj = ctx.find_root().obj or {}
    sessions = chosen_projects(ctx, all_profiles, profiles, demo=demo).sessions()
    if watch:
        from porting_tui.cli.attention_watch import run_watch

        options: dict[str, Any] = dict(obj.get(WATCH_OPTIONS) or {})
        try:
            code = asyncio.run(run_watch(sessions, interval, as_json=as_json, **options))
        except KeyboardInterrupt:
            info("Stopped.")
            code = ExitCode.OK
    else:
        code = asyncio.run(_show(sessions, ranked=ranked, as_json=as_json))
    ctx.exit(int(code))
