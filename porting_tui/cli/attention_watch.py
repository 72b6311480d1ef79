"""``porting-tui attention --watch``: one line per new reason, from webhooks or by polling."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import click

from porting_tui.cli.context import ExitCode
from porting_tui.cli.output import info, print_json_line, safe_text

if TYPE_CHECKING:
    from porting_tui.attention.fetcher import Sleep
    from porting_tui.attention.known_reasons import NewReason
    from porting_tui.attention.projects_watch import ProjectsWatch
    from porting_tui.listing.project_sessions import ProjectSession, ProjectSessions
    from porting_tui.local.store import LocalStore
    from porting_tui.webhooks import ReceiverServer


def _emitter(as_json: bool) -> Callable[[NewReason], None]:
    def emit(reason: NewReason) -> None:
        if as_json:
            print_json_line(reason.to_json())
        else:
            click.echo(safe_text(reason.line()))

    return emit


def _receiver_for(
    project: ProjectSession,
    store: LocalStore,
    watch: ProjectsWatch,
    tasks: set[asyncio.Task[None]],
    environ: Mapping[str, str],
) -> ReceiverServer | None:
    """The webhook receiver the project's profile asks for (None: it has none, or it cannot
    run, which is said on stderr: the project is polled then)."""
    from porting_tui.webhooks import (
        ListenAddressError,
        ReceiverOptions,
        ReceiverServer,
        SharedSecret,
        WebhookEventStore,
        WebhookReceiver,
        parse_listen_address,
    )
    from porting_tui.webhooks.event_store import ReceivedEvent

    session = project.session
    if session is None or session.demo or not session.webhook_listen:
        return None
    try:
        listen = parse_listen_address(session.webhook_listen)
    except ListenAddressError as error:
        info(f"{project.name}: webhook_listen: {safe_text(error)}; polling instead")
        return None
    auth = None
    variable = session.webhook_secret_env
    if variable:
        if not environ.get(variable):
            # Without its secret the receiver would take anyone's events.
            info(f"{project.name}: webhook_secret_env names {variable}, which is not set; polling")
            return None
        auth = SharedSecret(environ[variable])

    def on_event(event: ReceivedEvent) -> None:
        order_id = event.numeric_order_id
        if order_id is None:
            return
        task = asyncio.get_running_loop().create_task(watch.order_changed(project.name, order_id))
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    receiver = WebhookReceiver(
        WebhookEventStore(store),
        ReceiverOptions(auth=auth, profile=project.name),
        on_event=on_event,
    )
    return ReceiverServer(receiver, listen.host, listen.port)


async def _start(server: ReceiverServer, name: str) -> bool:
    from porting_tui.webhooks import ListenAddressError

    try:
        await server.start()
    except ListenAddressError as error:
        info(f"{name}: the webhook receiver did not start ({safe_text(error)}); polling instead")
        return False
    info(f"{name}: receiving webhooks on {server.url}")
    return True


async def run_watch(
    sessions: ProjectSessions,
    interval: float,
    *,
    as_json: bool = False,
    sleep: Sleep | None = None,
    clock: Callable[[], float] | None = None,
    rounds: int | None = None,
    environ: Mapping[str, str] | None = None,
) -> ExitCode:
    """Watch until cancelled (or ``rounds`` refresh rounds, for tests); the exit status."""
    from porting_tui.attention.projects_watch import ProjectsWatch

    board = sessions.board()
    for closed in board.projects:
        if not closed.usable:
            info(f"{closed.name}: error: {safe_text(closed.error or 'cannot be opened')}")
    if not any(usable.usable for usable in board.projects):
        await sessions.aclose()
        return ExitCode.PROJECT_FAILED

    def failed(name: str, error: str, delay: float) -> None:
        info(f"{name}: error: {safe_text(error)} (trying again in {delay:.0f} s)")

    watch = ProjectsWatch(
        board,
        _emitter(as_json),
        interval=interval,
        on_failure=failed,
        sleep=sleep or asyncio.sleep,
        clock=clock or time.monotonic,
    )
    tasks: set[asyncio.Task[None]] = set()
    servers: list[ReceiverServer] = []
    store = sessions.store
    try:
        for project in sessions.projects:
            server = (
                _receiver_for(project, store, watch, tasks, environ or os.environ)
                if store is not None
                else None
            )
            if server is not None and await _start(server, project.name):
                servers.append(server)
                watch.polled.discard(project.name)
        polled = sorted(watch.polled)
        if polled:
            info(f"Polling {', '.join(polled)} every {interval:.0f} s; Ctrl+C stops.")
        await watch.run(rounds)
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
    finally:
        for task in tasks:
            task.cancel()
        for server in servers:
            await server.stop()
        await sessions.aclose()
    return ExitCode.OK
