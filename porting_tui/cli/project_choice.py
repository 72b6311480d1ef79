"""Which projects a command runs on: ``--all``, ``--profiles a,b`` (also given before the
command), the demo's projects with ``--demo``, or the one project of ``--profile``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import click

from porting_tui.cli.context import CommandError, ExitCode, client_options, today
from porting_tui.cli.output import info, safe_text

if TYPE_CHECKING:
    from porting_tui.listing.project_sessions import ProjectSessions


@dataclass(frozen=True)
class ProjectChoice:
    """The projects asked for; ``names`` None with ``every`` means every profile."""

    ctx: click.Context
    every: bool
    names: list[str] | None
    demo: bool

    @property
    def several(self) -> bool:
        """``--all`` or ``--profiles`` was given (however many projects that makes)."""
        return self.every or self.names is not None

    def sessions(self) -> ProjectSessions:
        if self.demo:
            return _demo_sessions(self.ctx, self.names, self.every)
        return _sessions(self.ctx, self.names, self.every)


def chosen_projects(
    ctx: click.Context, all_profiles: bool, profiles: str | None, *, demo: bool = False
) -> ProjectChoice:
    """The command's ``--all``/``--profiles``, or the root's; UsageError for both or a bad list."""
    obj = ctx.find_root().obj or {}
    # ``porting-tui --all attention`` asks the same as ``porting-tui attention --all``.
    all_profiles = all_profiles or bool(obj.get("all_projects"))
    profiles = profiles or obj.get("profiles")
    names = _names(all_profiles, profiles)
    return ProjectChoice(ctx, all_profiles, names, demo or bool(obj.get("demo")))


def _names(all_profiles: bool, profiles: str | None) -> list[str] | None:
    """The profiles asked for; None means every one. UsageError for both or a bad list."""
    from porting_tui.listing.project_sessions import parse_profile_names
    from porting_tui.local.errors import ProfileError

    if all_profiles and profiles:
        raise click.UsageError("use either --all or --profiles, not both")
    if not profiles:
        return None
    try:
        return parse_profile_names(profiles)
    except ProfileError as error:
        raise click.UsageError(error.message) from None


def _demo_sessions(ctx: click.Context, names: list[str] | None, every: bool) -> ProjectSessions:
    """The demo's projects: all with --all, the named ones, or the first (acme)."""
    from porting_tui.emulator.demo_projects import DEMO_PROJECTS
    from porting_tui.listing.project_sessions import demo_project_sessions
    from porting_tui.listing.session import ListSettings
    from porting_tui.local.errors import ProfileError

    wanted = None if every else (names or [DEMO_PROJECTS[0].name])
    try:
        return demo_project_sessions(ListSettings(), today=today(ctx), names=wanted)
    except ProfileError as error:
        raise click.UsageError(error.message) from None


def _sessions(ctx: click.Context, names: list[str] | None, every: bool) -> ProjectSessions:
    """The projects of this run: the demo's, every profile, the named ones or the default."""
    from porting_tui.listing.project_sessions import open_project_sessions
    from porting_tui.listing.session import ListSettings
    from porting_tui.local.errors import ProfileError
    from porting_tui.local.profiles import load_config, select_profile

    obj = ctx.find_root().obj or {}
    try:
        if not every and names is None:
            names = [select_profile(load_config(), obj.get("profile")).name]
        return open_project_sessions(
            names,
            ListSettings(),
            warn=lambda warning: info(f"warning: {safe_text(warning)}"),
            client_options=client_options(ctx),
        )
    except ProfileError as error:
        raise CommandError(safe_text(error.message), ExitCode.USAGE) from None
