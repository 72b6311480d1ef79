"""Sessions for several projects at once (``--all``, ``--profiles a,b``, ``--demo --all``),
sharing one local store, and the board across them; for the app and the command line alike."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from porting_tui.attention.all_projects_board import AllProjectsBoard, Project
from porting_tui.attention.known_reasons import KnownReasons
from porting_tui.attention.settings import AttentionSettings
from porting_tui.client import PortingError
from porting_tui.listing.attention_context import LocalState
from porting_tui.listing.problems import describe_problem
from porting_tui.listing.session import ListSettings, Session
from porting_tui.local.errors import ProfileError
from porting_tui.local.seen_state import Clock
from porting_tui.local.store import LocalStore

if TYPE_CHECKING:
    from porting_tui.client import PortingClient
    from porting_tui.local.profile import Profile

DEMO_BASE_URL = "http://127.0.0.1:8787"
PROFILES_SEPARATOR = ","


def attention_settings(settings: ListSettings) -> AttentionSettings:
    return AttentionSettings(
        stale_pending_days=settings.stale_days, concurrency=settings.detail_concurrency
    )


def parse_profile_names(text: str) -> list[str]:
    """``acme,globex`` as names, in order, without repeats; ProfileError when none is given."""
    names = list(dict.fromkeys(part.strip() for part in text.split(PROFILES_SEPARATOR)))
    names = [name for name in names if name]
    if not names:
        raise ProfileError("--profiles needs profile names separated by commas, e.g. acme,globex")
    return names


@dataclass
class ProjectSession:
    """One project of a multi-project run: its session, or why it could not be opened."""

    name: str
    session: Session | None
    error: str | None = None
    read_only: bool = False

    def describe(self, error: Exception) -> str:
        """The message a failure of this project shows: what happened and what to do."""
        if isinstance(error, PortingError) and self.session is not None:
            problem = describe_problem(error, self.session)
            return f"{problem.title}: {problem.detail}"
        return str(error) or type(error).__name__


@dataclass
class ProjectSessions:
    """The projects of one run and the local store they share (closed by ``aclose``)."""

    projects: list[ProjectSession]
    local: LocalState | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def store(self) -> LocalStore | None:
        return self.local.store if self.local is not None else None

    def board(self) -> AllProjectsBoard:
        """The board across the projects; one that could not be opened shows its error."""
        store = self.store
        projects = []
        for project in self.projects:
            session = project.session
            context = session.attention if session is not None else None
            board = context.board if context is not None else None
            error = project.error
            if session is not None and board is None and error is None:
                error = self.local.problem if self.local is not None else None
                error = error or "Needs attention needs the local store, which is off."
            projects.append(
                Project(
                    project.name,
                    board,
                    KnownReasons(store, project.name) if store is not None and board else None,
                    read_only=project.read_only,
                    error=error,
                    describe=project.describe,
                )
            )
        return AllProjectsBoard(projects)

    async def aclose(self) -> None:
        for project in self.projects:
            if project.session is not None:
                await project.session.client.aclose()
        if self.local is not None:
            self.local.close()


def profile_session(
    profile: Profile, client: PortingClient, local: LocalState, settings: ListSettings
) -> Session:
    """The session of ``profile`` on ``client``, with its Needs attention board in ``local``."""
    return Session(
        profile_name=profile.name,
        project_id=profile.project_id,
        api_host=client.api_host,
        client=client,
        key_id=profile.key_id,
        read_only=profile.read_only,
        color=profile.color,
        settings=settings,
        webhook_listen=profile.webhook_listen,
        webhook_secret_env=profile.webhook_secret_env,
        attention=local.attention(
            client, key_id=profile.key_id, settings=attention_settings(settings)
        ),
        desktop_notifications=profile.desktop_notifications,
    )


def _shared_state(owner: LocalState, profile: str, project_id: str, clock: Clock) -> LocalState:
    """``owner``'s store, for another profile (only ``owner`` closes it)."""
    return LocalState(profile, project_id, owner.store, owner.problem, clock)


def open_project_sessions(
    names: Sequence[str] | None,
    settings: ListSettings,
    *,
    warn: Callable[[str], None] | None = None,
    client_options: Mapping[str, Any] | None = None,
    store_path: Path | None = None,
) -> ProjectSessions:
    """The sessions of the named profiles (None: every profile), in that order.

    ProfileError when the config file cannot be read or a name is not a profile; a profile
    that is broken, or whose secret cannot be had, becomes a project with its error.
    """
    from porting_tui.local.profiles import load_config, select_profile

    config = load_config()
    warnings = list(config.warnings)
    wanted = list(names) if names is not None else config.names()
    unknown = [name for name in wanted if name not in config.names()]
    if unknown:
        raise ProfileError(
            f"unknown profile {', '.join(repr(name) for name in unknown)}; "
            f"{config.known_names_text()}"
        )
    if not wanted:
        raise ProfileError(f"no profile yet: {config.known_names_text()}")
    owner = LocalState.open(wanted[0], "", path=store_path)
    if owner.problem:
        warnings.append(owner.problem)
    if warn is not None:
        for warning in warnings:
            warn(warning)
    projects: list[ProjectSession] = []
    for name in wanted:
        if name in config.invalid and name not in config.profiles:
            projects.append(ProjectSession(name, None, config.invalid[name]))
            continue
        try:
            profile = select_profile(config, name)
            local = _shared_state(owner, name, profile.project_id, owner.clock)
            client = profile.make_client(
                on_mutation=local.on_mutation(), **dict(client_options or {})
            )
        except (ProfileError, PortingError) as error:
            read_only = name in config.profiles and config.profiles[name].read_only
            message = getattr(error, "message", str(error))
            projects.append(ProjectSession(name, None, message, read_only))
            continue
        session = profile_session(profile, client, local, settings)
        projects.append(ProjectSession(name, session, None, profile.read_only))
    return ProjectSessions(projects, owner, warnings)


def demo_project_sessions(
    settings: ListSettings,
    *,
    today: date | None = None,
    orders: int | None = None,
    store_path: Path | None = None,
    names: Sequence[str] | None = None,
) -> ProjectSessions:
    """Sessions on the demo's emulated projects (``emulator.demo_projects``; ``names``: only
    those), in this process, each on its emulator's frozen clock; the store is a throwaway one
    unless ``store_path``. ProfileError for a name the demo does not have."""
    import httpx

    from porting_tui.client import PortingClient
    from porting_tui.emulator import create_emulator
    from porting_tui.emulator.demo_projects import DEMO_PROJECTS

    by_name = {demo.name: demo for demo in DEMO_PROJECTS}
    unknown = [name for name in names or () if name not in by_name]
    if unknown:
        raise ProfileError(
            f"the demo has no project {', '.join(map(repr, unknown))}; its projects are "
            f"{', '.join(by_name)}"
        )
    demos = [by_name[name] for name in names] if names else list(DEMO_PROJECTS)
    emulators = [create_emulator(demo.settings(today, orders=orders)) for demo in demos]
    first = demos[0]
    owner = LocalState.open(
        first.name,
        first.project_id,
        private=store_path is None,
        path=store_path,
        clock=emulators[0].clock.now,
    )
    attention = attention_settings(settings)
    projects: list[ProjectSession] = []
    for demo, emulator in zip(demos, emulators, strict=True):
        local = _shared_state(owner, demo.name, demo.project_id, emulator.clock.now)
        client = PortingClient(
            demo.project_id,
            key_id=demo.key_id,
            key_secret=demo.client_secret,
            base_url=DEMO_BASE_URL,
            transport=httpx.ASGITransport(app=emulator.app),
            on_mutation=local.on_mutation(),
        )
        session = Session(
            profile_name=demo.name,
            project_id=demo.project_id,
            api_host="emulator",
            client=client,
            key_id=demo.key_id,
            read_only=demo.read_only,
            demo=True,
            now=emulator.clock.now,
            settings=settings,
            advance_demo_clock=emulator.advance,
            attention=local.attention(client, key_id=demo.key_id, settings=attention),
        )
        projects.append(ProjectSession(demo.name, session, None, demo.read_only))
    return ProjectSessions(projects, owner)


def project_sessions_for(
    settings: ListSettings, *, demo: bool, warn: Callable[[str], None] | None = None
) -> ProjectSessions | None:
    """The projects ``--all`` or ``--profiles`` ask for (the demo's with ``demo``); None when
    the run is on one profile. ProfileError as ``open_project_sessions``."""
    if not settings.all_projects and not settings.profiles:
        return None
    names = list(settings.profiles) or None
    if demo:
        return demo_project_sessions(settings, names=names)
    return open_project_sessions(names, settings, warn=warn)
