"""The root ``porting-tui`` command group.

Subcommand modules keep heavy imports (textual, httpx, starlette) inside their functions so
that ``porting-tui --help`` and the start of the TUI stay fast.
"""

from __future__ import annotations

import sys

import click

from porting_tui import __version__


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--profile", "profile_name", metavar="NAME", help="Profile to use for this run.")
@click.option("--demo", is_flag=True, help="Run on the built-in emulator with seeded orders.")
@click.version_option(__version__, "-V", "--version", prog_name="porting-tui")
@click.pass_context
def cli(ctx: click.Context, profile_name: str | None, demo: bool) -> None:
    """Triage, create and activate Sinch port-in orders from the terminal.

    Without a command, opens the interactive app.
    """
    ctx.ensure_object(dict)
    ctx.obj["profile"] = profile_name
    ctx.obj["demo"] = demo
    if ctx.invoked_subcommand is not None:
        return
    click.echo(
        "porting-tui: the interactive app is not yet available in this version; "
        "see 'porting-tui --help' for the commands that are.",
        err=True,
    )
    sys.exit(1)


def main() -> None:
    cli(prog_name="porting-tui")
