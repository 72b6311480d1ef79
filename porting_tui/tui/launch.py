"""Start the app: on a profile from the config, or on an in-process emulator (``--demo``)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, TextIO

from porting_tui.listing.attention_context import LocalState
from porting_tui.listing.session import DEMO_CHOICE, ListSettings, Session
from porting_tui.tui.launch_projects import ALL_PROJECTS_CHOICE, run_all_projects

if TYPE_CHECKING:
    from porting_tui.listing.project_sessions import ProjectSessions

DEMO_BASE_URL = "http://127.0.0.1:8787"

# Exit status for an unusable profile, as the scripting commands use for usage errors.
EXIT_PROFILE = 2


def profile_session(profile_name: str | None, settings: ListSettings, err: TextIO) -> Session:
    """The session of the chosen (or default) profile; ProfileError or PortingConfigError."""
    from porting_tui.client import tls
    from porting_tui.listing.project_sessions import profile_session as session_of_profile
    from porting_tui.local.profiles import load_config, select_profile

    tls.prepare()  # built in a thread while the profile and the local store are read
    config = load_config()
    for warning in config.warnings:
        print(f"porting-tui: warning: {warning}", file=err)
    profile = select_profile(config, profile_name)
    local = LocalState.open(profile.name, profile.project_id)
    if local.problem:
        print(f"porting-tui: warning: {local.problem}", file=err)
    client = profile.make_client(on_mutation=local.on_mutation())
    return session_of_profile(profile, client, local, settings)


def demo_session(settings: ListSettings, orders: int | None = None) -> Session:
    """A session on a fresh emulator in this process: the command line's demo world, on the
    emulator's frozen clock (``+`` in the app moves it a day on)."""
    import httpx

    from porting_tui.client import PortingClient
    from porting_tui.emulator import (
        DEMO_KEY_ID,
        DEMO_KEY_SECRET,
        DEMO_PROJECT_ID,
        create_emulator,
    )
    from porting_tui.emulator.demo_world import DEMO_ORDERS, demo_settings
    from porting_tui.listing.project_sessions import attention_settings

    emulator = create_emulator(demo_settings(orders=DEMO_ORDERS if orders is None else orders))
    # The demo's seen-state lives in a throwaway store and runs on the emulator's clock.
    local = LocalState.open("demo", DEMO_PROJECT_ID, private=True, clock=emulator.clock.now)
    client = PortingClient(
        DEMO_PROJECT_ID,
        key_id=DEMO_KEY_ID,
        key_secret=DEMO_KEY_SECRET,
        base_url=DEMO_BASE_URL,
        transport=httpx.ASGITransport(app=emulator.app),
        on_mutation=local.on_mutation(),
    )
    return Session(
        profile_name="demo",
        project_id=DEMO_PROJECT_ID,
        api_host="emulator",
        client=client,
        key_id=DEMO_KEY_ID,
        demo=True,
        # Refresh times, "today" in filters and the header's demo clock: the emulator's time.
        now=emulator.clock.now,
        settings=settings,
        advance_demo_clock=emulator.advance,
        attention=local.attention(
            client, key_id=DEMO_KEY_ID, settings=attention_settings(settings)
        ),
    )


def run_tui(
    profile_name: str | None,
    demo: bool,
    settings: ListSettings,
    err: TextIO | None = None,
    run: Callable[[Session], str | None] | None = None,
    first_run: Callable[[], str | None] | None = None,
    run_projects: Callable[[ProjectSessions], object] | None = None,
) -> int:
    """Open the app and return the exit status; a profile problem is one line on ``err``.

    With no profile at all on an interactive terminal, the first-run screen comes first.
    ``run`` returns the profile to switch to, and the app starts again on it, or
    ALL_PROJECTS_CHOICE for the board across projects (as ``--all``), which ``run_projects``
    runs.
    """
    from porting_tui.client import PortingConfigError
    from porting_tui.local.errors import ProfileError

    err = err or sys.stderr
    if not demo and profile_name is None and _first_run_wanted(first_run is not None):
        choice = (first_run or _run_first_run)()
        if choice is None:
            return 0
        demo = choice == DEMO_CHOICE
        profile_name = None if demo else choice
    while True:
        if settings.all_projects or settings.profiles:
            return run_all_projects(demo, settings, err, run_projects)
        try:
            session = (
                demo_session(settings) if demo else profile_session(profile_name, settings, err)
            )
        except ProfileError as error:
            print(f"porting-tui: {error.message}", file=err)
            return EXIT_PROFILE
        except PortingConfigError as error:
            print(f"porting-tui: profile {profile_name or 'default'}: {error.message}", file=err)
            return EXIT_PROFILE
        switch_to = (run or _run_app)(session)
        if not switch_to:
            return 0
        if switch_to == ALL_PROJECTS_CHOICE:
            settings = replace(settings, all_projects=True, profiles=())
            continue
        profile_name, demo = switch_to, False


def _first_run_wanted(asked: bool) -> bool:
    """No profile in the file or the environment, and someone at a terminal to make one."""
    from porting_tui.local.errors import ProfileError
    from porting_tui.local.profiles import load_config

    if not asked and not (sys.stdin.isatty() and sys.stdout.isatty()):
        return False
    try:
        return not load_config().names()
    except ProfileError:
        # A broken file is reported as one line by the normal path.
        return False


def _run_first_run() -> str | None:
    from porting_tui.tui.first_run import run_first_run

    return run_first_run()


def _run_app(session: Session) -> str | None:
    from porting_tui.tui.app import PortingApp
    from porting_tui.tui.crash_safe_app import run_app

    return run_app(lambda: PortingApp(session))
