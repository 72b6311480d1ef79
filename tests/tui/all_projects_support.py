"""The board across projects on in-process emulators: sessions sharing one store, and the app."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

from porting_tui.emulator import DEMO_KEY_ID
from porting_tui.listing.attention_context import LocalState
from porting_tui.listing.project_sessions import ProjectSession, ProjectSessions
from porting_tui.listing.session import ListSettings, Session
from porting_tui.tui.all_projects_app import AllProjectsApp
from porting_tui.tui.screens.all_projects.all_projects_screen import AllProjectsScreen
from porting_tui.tui.terminal_alerts import TerminalAlerts
from tests.attention.projects import EmulatedProject, create_order, emulated

TWO_HOURS = timedelta(hours=2)
WRONG = "not-the-secret"


def three_projects() -> list[EmulatedProject]:
    return [
        emulated("acme", 7),
        emulated("globex", 11, read_only=True),
        emulated("initech", 23, secret=WRONG),
    ]


def project_sessions(
    projects: Iterable[EmulatedProject], store_path: Path, *, desktop: Iterable[str] = ()
) -> ProjectSessions:
    """The sessions a run on these projects opens, sharing the store at ``store_path``."""
    projects = list(projects)
    wanted = set(desktop)
    first = projects[0]
    owner = LocalState.open(first.name, "", path=store_path, clock=first.emulator.clock.now)
    opened = []
    for project in projects:
        clock = project.emulator.clock.now
        project_id = project.emulator.settings.project_id
        local = LocalState(project.name, project_id, owner.store, None, clock)
        client = project.client()
        session = Session(
            profile_name=project.name,
            project_id=project_id,
            api_host="127.0.0.1",
            client=client,
            key_id=DEMO_KEY_ID,
            read_only=project.read_only,
            now=clock,
            settings=ListSettings(),
            attention=local.attention(client, key_id=DEMO_KEY_ID),
            desktop_notifications=project.name in wanted,
        )
        opened.append(ProjectSession(project.name, session, None, project.read_only))
    return ProjectSessions(opened, owner)


async def rejected_and_noted(projects: list[EmulatedProject]) -> dict[str, int]:
    """An order rejected two hours on in acme and in globex; the ids by project."""
    made = {
        "acme": await create_order(projects[0], bad_pins=True),
        "globex": await create_order(projects[1], bad_pins=True),
    }
    for project in projects:
        project.emulator.advance(TWO_HOURS)
    return made


def add_note(project: EmulatedProject, order_id: int) -> None:
    """Sinch writes a note on the order (a note changes nothing of its list row)."""
    emulator = project.emulator
    record = emulator.store.get(order_id)
    assert record is not None
    emulator.lifecycle.add_note(
        record, "Please send a recent bill.", "Sinch Porting", emulator.clock.now()
    )


def board_screen(app: AllProjectsApp) -> AllProjectsScreen:
    screen = app.screen_stack[1] if len(app.screen_stack) > 1 else app.screen
    assert isinstance(screen, AllProjectsScreen), type(screen).__name__
    return screen


def loaded(app: AllProjectsApp) -> bool:
    """Every project that can be read was read (or failed) and none is being read."""
    return all(p.refreshed or p.error is not None for p in app.board.projects) and not (
        isinstance(app.screen, AllProjectsScreen) and app.screen.refreshing
    )


class RecordedAlerts:
    """Stands in for the terminal: what the app wrote, and whether it is looked at."""

    def __init__(self, app: AllProjectsApp, *, window_shown: bool = True) -> None:
        self.written: list[str] = []
        self.shown = window_shown
        app.reason_alerts.terminal = TerminalAlerts(
            app, write=self.written.append, window_shown=lambda: self.shown, environ={}
        )
