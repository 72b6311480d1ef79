"""The root ``porting-tui`` command group.

Subcommand modules keep heavy imports (textual, httpx, starlette) inside their functions so
that ``porting-tui --help`` and the start of the TUI stay fast.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from porting_tui import __version__

if TYPE_CHECKING:
    from porting_tui.listing.session import ListSettings

AppLauncher = Callable[[str | None, bool, "ListSettings"], int]
"""Opens the app on a profile (or the demo) and returns the exit status."""

LAUNCH_APP = "launch_app"
"""The key of ``ctx.obj`` holding the AppLauncher; the ``porting-tui`` command supplies it, so
the command line never imports the app's package."""

# Subcommands by name -> "module:attribute". They are imported only when invoked (or listed by
# --help), so opening the app does not pay for every scripting command's imports.
SUBCOMMANDS: dict[str, str] = {
    "profile": "porting_tui.cli.profile_cmd:profile_group",
    "check": "porting_tui.cli.check_cmd:check",
    "orders": "porting_tui.cli.orders_cmd:orders",
    "documents": "porting_tui.cli.documents_cmd:documents",
    "activation": "porting_tui.cli.activation_cmd:activation",
    "config": "porting_tui.cli.config_cmd:config",
    "webhooks": "porting_tui.cli.webhooks_cmd:webhooks",
    "emulator": "porting_tui.cli.emulator_cmd:emulator",
    "csv-template": "porting_tui.cli.csv_template_cmd:csv_template",
}


class LazyGroup(click.Group):
    """A group whose subcommands in ``SUBCOMMANDS`` are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *SUBCOMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None or cmd_name not in SUBCOMMANDS:
            return command
        module_name, attribute = SUBCOMMANDS[cmd_name].split(":")
        loaded = getattr(importlib.import_module(module_name), attribute)
        if not isinstance(loaded, click.Command):
            raise TypeError(f"{SUBCOMMANDS[cmd_name]} is not a click command")
        self.add_command(loaded, cmd_name)
        return loaded


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option("--profile", "profile_name", metavar="NAME", help="Profile to use for this run.")
@click.option("--demo", is_flag=True, help="Run on the built-in emulator with seeded orders.")
@click.option(
    "--page-size",
    type=click.IntRange(1, 1000),
    default=100,
    show_default=True,
    help="Orders fetched per request in the app.",
)
@click.option(
    "--refresh",
    "refresh_seconds",
    type=click.FloatRange(10),
    default=60,
    show_default=True,
    metavar="SECONDS",
    help="Auto-refresh interval of the app's order list (at least 10).",
)
@click.option(
    "--stale-days",
    type=click.IntRange(1),
    default=5,
    show_default=True,
    metavar="DAYS",
    help="Needs attention: flag PENDING orders with no change for longer than this.",
)
@click.option(
    "--detail-concurrency",
    type=click.IntRange(1, 16),
    default=4,
    show_default=True,
    metavar="N",
    help="Needs attention: order details read at once in the background.",
)
@click.option(
    "--start-on",
    type=click.Choice(["attention", "list"]),
    default="attention",
    show_default=True,
    help="What the app shows first: Needs attention once ranked, or the order list.",
)
@click.version_option(__version__, "-V", "--version", prog_name="porting-tui")
@click.pass_context
def cli(
    ctx: click.Context,
    profile_name: str | None,
    demo: bool,
    page_size: int,
    refresh_seconds: float,
    stale_days: int,
    detail_concurrency: int,
    start_on: str,
) -> None:
    """Triage, create and activate Sinch port-in orders from the terminal.

    Without a command, opens the interactive app.
    """
    ctx.ensure_object(dict)
    ctx.obj["profile"] = profile_name
    ctx.obj["demo"] = demo
    if ctx.invoked_subcommand is not None:
        return
    launch_app: AppLauncher | None = ctx.obj.get(LAUNCH_APP)
    if launch_app is None:
        raise click.UsageError("Missing command.")
    # Imported here so that --help and the scripting commands never pay for the client.
    from porting_tui.listing.session import ListSettings

    settings = ListSettings(
        page_size=page_size,
        refresh_seconds=refresh_seconds,
        stale_days=stale_days,
        detail_concurrency=detail_concurrency,
        start_on=start_on,
    )
    sys.exit(launch_app(profile_name, demo, settings))


def main(launch_app: AppLauncher | None = None) -> None:
    """Run the command; an unexpected error is a short message, a private report and exit 70."""
    from porting_tui.local.crash_report import run_guarded

    obj = {LAUNCH_APP: launch_app} if launch_app else None
    # Only the command's name: its arguments may hold secrets or customer data.
    command = next((arg for arg in sys.argv[1:2] if arg in SUBCOMMANDS), "app")
    run_guarded(lambda: cli(prog_name="porting-tui", obj=obj), f"porting-tui {command}")
