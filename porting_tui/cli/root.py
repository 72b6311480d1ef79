"""The root ``porting-tui`` command group.

Subcommands are imported only when run, and ``--help`` lists them from static one-line help.
Subcommand modules keep heavy imports (textual, httpx, pydantic, starlette) inside their
functions, so that ``porting-tui --help``, the read commands and the start of the TUI stay
fast.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from gettext import gettext
from typing import TYPE_CHECKING, Any, NamedTuple

import click

from porting_tui import __version__

if TYPE_CHECKING:
    from porting_tui.listing.session import ListSettings

AppLauncher = Callable[[str | None, bool, "ListSettings"], int]
"""Opens the app on a profile (or the demo) and returns the exit status."""

LAUNCH_APP = "launch_app"
"""The key of ``ctx.obj`` holding the AppLauncher; the ``porting-tui`` command supplies it, so
the command line never imports the app's package."""


class LazyCommand(NamedTuple):
    """A subcommand imported on first use, with its one-line help written out here."""

    target: str
    """``module:attribute`` of the click command."""
    short_help: str
    """The command's own one-line help, untruncated (``get_short_help_str`` with no limit):
    what the parent's ``--help`` lists without importing the module. A test keeps the two
    equal."""


# Subcommands by name. They are imported only when invoked (or asked for their own --help), so
# neither opening the app nor ``porting-tui --help`` pays for every scripting command's imports.
SUBCOMMANDS: dict[str, LazyCommand] = {
    "profile": LazyCommand(
        "porting_tui.cli.profile_cmd:profile_group",
        "Manage profiles: the project id, key and settings of each Sinch project you work on.",
    ),
    "check": LazyCommand(
        "porting_tui.cli.check_cmd:check",
        "Check whether numbers can be ported to Sinch, and from which carrier.",
    ),
    "orders": LazyCommand(
        "porting_tui.cli.orders_cmd:orders",
        "List, read, create, change and cancel port-in orders.",
    ),
    "documents": LazyCommand(
        "porting_tui.cli.documents_cmd:documents",
        "Upload and download the documents of an order.",
    ),
    "activation": LazyCommand(
        "porting_tui.cli.activation_cmd:activation",
        "See and activate the number groups of on-demand orders.",
    ),
    "config": LazyCommand(
        "porting_tui.cli.config_cmd:config",
        "Read and change the project's porting defaults.",
    ),
    "webhooks": LazyCommand(
        "porting_tui.cli.webhooks_cmd:webhooks",
        "Receive the porting events Sinch posts to the project's webhook URL.",
    ),
    "emulator": LazyCommand(
        "porting_tui.cli.emulator_cmd:emulator",
        "Run the Porting API emulator on HTTP (loopback unless --host says otherwise).",
    ),
    "attention": LazyCommand(
        "porting_tui.cli.attention_cmd:attention",
        "Print the orders that need attention, per project or in one ranking.",
    ),
    "insights": LazyCommand(
        "porting_tui.cli.insights_cmd:insights",
        "Rejections by carrier and reason, lead times, weekly progress and stuck orders.",
    ),
    "csv-template": LazyCommand(
        "porting_tui.cli.csv_template_cmd:csv_template",
        "Write an example order CSV to PATH (standard output without PATH or with -).",
    ),
}


class LazyGroup(click.Group):
    """A group whose ``lazy_commands`` are imported on first use.

    Its ``--help`` lists them by their static one-line help, so listing imports nothing.
    """

    def __init__(
        self, *args: Any, lazy_commands: Mapping[str, LazyCommand] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands: Mapping[str, LazyCommand] = (
            lazy_commands if lazy_commands is not None else {}
        )

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None or cmd_name not in self.lazy_commands:
            return command
        target = self.lazy_commands[cmd_name].target
        module_name, attribute = target.split(":")
        loaded = getattr(importlib.import_module(module_name), attribute)
        if not isinstance(loaded, click.Command):
            raise TypeError(f"{target} is not a click command")
        self.add_command(loaded, cmd_name)
        return loaded

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Click's listing, with a stand-in holding the static help for each command not
        imported yet: the stand-in shortens the text to the width as the command would."""
        listed: list[tuple[str, click.Command]] = []
        for name in self.list_commands(ctx):
            lazy = self.lazy_commands.get(name)
            if lazy is not None and name not in self.commands:
                listed.append((name, click.Command(name, help=lazy.short_help)))
                continue
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                listed.append((name, command))
        if listed:
            limit = formatter.width - 6 - max(len(name) for name, _ in listed)
            with formatter.section(gettext("Commands")):  # as click words it
                formatter.write_dl(
                    [(name, command.get_short_help_str(limit)) for name, command in listed]
                )


@click.group(
    cls=LazyGroup,
    lazy_commands=SUBCOMMANDS,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option("--profile", "profile_name", metavar="NAME", help="Profile to use for this run.")
@click.option("--demo", is_flag=True, help="Run on the built-in emulator with seeded orders.")
@click.option(
    "--all",
    "all_projects",
    is_flag=True,
    help="Needs attention for every profile at once (with --demo: the demo's projects).",
)
@click.option(
    "--profiles",
    "profile_names",
    metavar="A,B",
    help="Needs attention for these profiles (comma-separated) at once.",
)
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
    default=16,
    show_default=True,
    metavar="N",
    help="Needs attention: the most order details read at once in the background (it "
    "starts at 8 or N if lower, halves when rate limited, grows back).",
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
    all_projects: bool,
    profile_names: str | None,
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
    if all_projects and profile_names:
        raise click.UsageError("use either --all or --profiles, not both")
    ctx.obj["all_projects"] = all_projects
    ctx.obj["profiles"] = profile_names
    if ctx.invoked_subcommand is not None:
        return
    launch_app: AppLauncher | None = ctx.obj.get(LAUNCH_APP)
    if launch_app is None:
        raise click.UsageError("Missing command.")
    # Imported here so that --help and the scripting commands never pay for the client.
    from porting_tui.listing.session import ListSettings

    profiles = _profile_names(profile_names) if profile_names else ()
    settings = ListSettings(
        all_projects=all_projects,
        profiles=profiles,
        page_size=page_size,
        refresh_seconds=refresh_seconds,
        stale_days=stale_days,
        detail_concurrency=detail_concurrency,
        start_on=start_on,
    )
    sys.exit(launch_app(profile_name, demo, settings))


def _profile_names(text: str) -> tuple[str, ...]:
    from porting_tui.listing.project_sessions import parse_profile_names
    from porting_tui.local.errors import ProfileError

    try:
        return tuple(parse_profile_names(text))
    except ProfileError as error:
        raise click.UsageError(error.message) from None


def main(launch_app: AppLauncher | None = None) -> None:
    """Run the command; an unexpected error is a short message, a private report and exit 70."""
    from porting_tui.local.crash_report import run_guarded

    obj = {LAUNCH_APP: launch_app} if launch_app else None
    # Only the command's name: its arguments may hold secrets or customer data.
    command = next((arg for arg in sys.argv[1:2] if arg in SUBCOMMANDS), "app")
    run_guarded(lambda: cli(prog_name="porting-tui", obj=obj), f"porting-tui {command}")
