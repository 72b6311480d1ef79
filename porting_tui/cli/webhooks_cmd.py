"""``porting-tui webhooks listen``: receive porting events, print them and store them."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from porting_tui.cli.output import info, mask_secrets, print_json_line, safe_text

if TYPE_CHECKING:
    from porting_tui.local.store import LocalStore
    from porting_tui.webhooks import ReceivedEvent, ReceiverAuth, ReceiverOptions, Rejection

# The receiver's defaults, repeated here so that --help does not import starlette and uvicorn.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8788
DEFAULT_PATH = "/porting-events"
DEFAULT_MAX_BODY = 1024 * 1024


@dataclass(frozen=True)
class ListenSettings:
    host: str
    port: int
    as_json: bool
    reveal: bool
    options: ReceiverOptions
    no_auth: bool = False
    """The operator chose to accept events without credentials (``--no-auth``)."""


def _env_value(variable: str, option: str) -> str:
    value = os.environ.get(variable, "")
    if not value:
        raise click.UsageError(f"{option}: the environment variable {variable} is not set")
    return value


def _auth(
    secret_env: str | None, basic_user: str | None, basic_password_env: str | None
) -> ReceiverAuth | None:
    from porting_tui.webhooks import BasicCredentials, SharedSecret

    if secret_env and (basic_user or basic_password_env):
        raise click.UsageError("use either --secret-env or --basic-user, not both")
    if secret_env:
        return SharedSecret(_env_value(secret_env, "--secret-env"))
    if bool(basic_user) != bool(basic_password_env):
        raise click.UsageError("--basic-user and --basic-password-env go together")
    if basic_user and basic_password_env:
        password = _env_value(basic_password_env, "--basic-password-env")
        try:
            return BasicCredentials(basic_user, password)
        except ValueError as error:
            raise click.UsageError(str(error)) from None
    return None


def event_line(event: ReceivedEvent) -> str:
    """``time  TYPE  order N  what happened``, safe to print on a terminal."""
    from porting_tui.client import PortingError
    from porting_tui.webhooks import describe_event

    try:
        summary = describe_event(event.event())
    except PortingError:
        summary = ""
    stamp = event.received_at.isoformat(timespec="seconds").replace("+00:00", "Z")
    return safe_text(f"{stamp}  {event.event_type}  order {event.order_id}  {summary}".rstrip())


def event_json(event: ReceivedEvent, *, reveal: bool) -> dict[str, Any]:
    body = event.data()
    return {
        "id": event.id,
        "receivedAt": event.received_at.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "type": event.event_type,
        "orderId": event.order_id,
        "profile": event.profile,
        "event": body if reveal else mask_secrets(body),
    }


def _print_event(event: ReceivedEvent, settings: ListenSettings) -> None:
    if settings.as_json:
        print_json_line(event_json(event, reveal=settings.reveal))
    else:
        click.echo(event_line(event))


def _print_rejection(rejection: Rejection) -> None:
    info(
        f"refused {rejection.method} {safe_text(rejection.path)} from {rejection.client}: "
        f"{rejection.status} {rejection.reason}"
    )


async def listen(
    store: LocalStore,
    settings: ListenSettings,
    stop: asyncio.Event | None = None,
    on_ready: Callable[[str], object] | None = None,
) -> int:
    """Serve until ``stop`` is set; returns how many events arrived.

    Without ``stop``, SIGINT and SIGTERM stop the receiver gracefully.
    """
    from porting_tui.client.secure_urls import is_loopback_host
    from porting_tui.webhooks import (
        ListenAddressError,
        ReceiverServer,
        WebhookEventStore,
        WebhookReceiver,
    )

    received = 0

    def on_event(event: ReceivedEvent) -> None:
        nonlocal received
        received += 1
        _print_event(event, settings)

    try:
        events = WebhookEventStore(store)
    except sqlite3.Error as error:
        # Another program holds the store longer than the busy timeout, or the disk is full.
        raise click.ClickException(
            f"the local store {store.path} cannot be written ({error}); close the program "
            "holding it, or free disk space, and start again"
        ) from None
    receiver = WebhookReceiver(
        events, settings.options, on_event=on_event, on_rejected=_print_rejection
    )
    server = ReceiverServer(receiver, settings.host, settings.port, allow_open=settings.no_auth)
    try:
        await server.start()
    except ListenAddressError as error:
        raise click.ClickException(str(error)) from None
    loop = asyncio.get_running_loop()
    signals = (signal.SIGINT, signal.SIGTERM) if stop is None else ()
    stop = stop or asyncio.Event()
    for signal_number in signals:
        loop.add_signal_handler(signal_number, stop.set)
    if not is_loopback_host(settings.host) and settings.options.auth is None:
        info(
            "warning: listening beyond this machine without credentials; anyone who can reach "
            "the port can post events (see --secret-env and --basic-user)"
        )
    info(f"Listening on {server.url}; storing events in {store.path}. Ctrl+C stops.")
    if on_ready is not None:
        on_ready(server.url)
    try:
        stopping = asyncio.ensure_future(stop.wait())
        serving = asyncio.ensure_future(server.wait())
        await asyncio.wait({stopping, serving}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
    finally:
        for signal_number in signals:
            loop.remove_signal_handler(signal_number)
        await server.stop()
    info(f"Stopped; {received} event{'s' if received != 1 else ''} received.")
    return received


@click.group("webhooks")
def webhooks() -> None:
    """Receive the porting events Sinch posts to the project's webhook URL."""


@webhooks.command("listen")
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="Port to listen on (0 picks a free one).",
)
@click.option("--path", default=DEFAULT_PATH, show_default=True, help="Path events arrive at.")
@click.option("--json", "as_json", is_flag=True, help="Print each event as one JSON line.")
@click.option("--reveal", is_flag=True, help="Show port-out PINs and account numbers in --json.")
@click.option(
    "--secret-env",
    metavar="VAR",
    help="Require the secret in this environment variable (?secret=, X-Webhook-Secret "
    "or a Bearer token).",
)
@click.option("--basic-user", metavar="USER", help="Require HTTP Basic credentials: user name.")
@click.option(
    "--basic-password-env", metavar="VAR", help="Environment variable holding the Basic password."
)
@click.option(
    "--no-auth",
    is_flag=True,
    help="Accept events without credentials (anyone who can reach the port can post).",
)
@click.option(
    "--max-body",
    type=click.IntRange(1024),
    default=DEFAULT_MAX_BODY,
    show_default=True,
    metavar="BYTES",
    help="Larger bodies are refused with 413.",
)
@click.pass_context
def listen_command(
    ctx: click.Context,
    host: str,
    port: int,
    path: str,
    as_json: bool,
    reveal: bool,
    secret_env: str | None,
    basic_user: str | None,
    basic_password_env: str | None,
    no_auth: bool,
    max_body: int,
) -> None:
    """Receive events, print one line each (or JSON lines) and store them locally.

    Point the project's webhook URL at this receiver (porting-tui config set --webhook-url),
    for example through an SSH reverse tunnel. Events are stored for the app's Events screen,
    under the profile given with --profile, if any.

    Senders must show credentials (--secret-env or --basic-user); without them the receiver
    does not start unless --no-auth says anyone who can reach the port may post.
    """
    from porting_tui.local.store import LocalStore, StoreError
    from porting_tui.webhooks import ReceiverOptions

    auth = _auth(secret_env, basic_user, basic_password_env)
    if auth is None and not no_auth:
        raise click.UsageError(
            "no credentials: any local user (or anyone through a tunnel) could post fake "
            "events. Put a secret in a variable and pass --secret-env VAR (then add "
            "?secret=... to the webhook URL), or --basic-user; --no-auth accepts anyone"
        )
    if auth is not None and no_auth:
        raise click.UsageError("--no-auth goes with neither --secret-env nor --basic-user")
    profile = (ctx.find_root().obj or {}).get("profile")
    options = ReceiverOptions(path=path, auth=auth, max_body_bytes=max_body, profile=profile)
    settings = ListenSettings(host, port, as_json, reveal, options, no_auth=no_auth)
    try:
        store = LocalStore.open()
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    if store.recovery_message:
        info(store.recovery_message)
    try:
        asyncio.run(listen(store, settings))
    finally:
        store.close()
