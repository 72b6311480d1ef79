"""Start the board across projects (``--all``, ``--profiles a,b``, ``--demo --all``), and what
the one-project app needs to offer it."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from porting_tui.listing.project_sessions import ProjectSessions
    from porting_tui.listing.session import ListSettings

ALL_PROJECTS_CHOICE = "--all"
"""What the one-project app answers when the operator asks for every project (``A``)."""
EXIT_PROFILE = 2
DEMO_DESKTOP_PROJECTS = ("acme",)
"""The demo turns desktop notifications on for its first project, so that they can be seen."""


def several_projects(demo: bool) -> bool:
    """Whether there is more than one project to show at once (the demo has three)."""
    from porting_tui.local.errors import ProfileError
    from porting_tui.local.profiles import load_config

    if demo:
        return True
    try:
        return len(load_config().names()) > 1
    except ProfileError:
        return False


def with_desktop_notifications(sessions: ProjectSessions, names: Collection[str]) -> None:
    """Turn the sessions of ``names`` to desktop notifications (the others stay off): the
    demo's projects have no profile to ask for them."""
    for project in sessions.projects:
        if project.session is not None:
            wanted = project.name in names
            project.session = replace(project.session, desktop_notifications=wanted)


def run_all_projects(
    demo: bool,
    settings: ListSettings,
    err: TextIO,
    run: Callable[[ProjectSessions], object] | None = None,
) -> int:
    """Open the board across the projects ``settings`` asks for; the exit status."""
    from porting_tui.listing.project_sessions import project_sessions_for
    from porting_tui.local.errors import ProfileError

    def warn(warning: str) -> None:
        print(f"porting-tui: warning: {warning}", file=err)

    try:
        sessions = project_sessions_for(settings, demo=demo, warn=warn)
    except ProfileError as error:
        print(f"porting-tui: {error.message}", file=err)
        return EXIT_PROFILE
    if sessions is None:
        return EXIT_PROFILE
    if demo:
        with_desktop_notifications(sessions, DEMO_DESKTOP_PROJECTS)
    (run or _run_app)(sessions)
    return 0


def _run_app(sessions: ProjectSessions) -> None:
    from porting_tui.tui.all_projects_app import AllProjectsApp
    from porting_tui.tui.crash_safe_app import run_app

    run_app(lambda: AllProjectsApp(sessions))
