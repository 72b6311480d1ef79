"""The app's live webhook events: the receiver it runs (if any) and news of stored events.

Events reach the local store from the app's own receiver (``webhook_listen`` in the profile,
or the demo's) or from ``porting-tui webhooks listen`` in another process; both kinds are
announced to the app's screens as ``WebhookEventReceived`` messages, the first at once, the
second when the store is next looked at.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.message import Message

from porting_tui.client import NotFoundError, PortingClient, PortingError
from porting_tui.listing.session import Session
from porting_tui.local.store import LocalStore, StoreError

if TYPE_CHECKING:
    from porting_tui.client import Configuration
    from porting_tui.webhooks import (
        ListenAddress,
        ReceivedEvent,
        ReceiverAuth,
        ReceiverServer,
        SharedSecret,
        WebhookEventStore,
    )

# porting_tui.webhooks (its receiver, server and event store) is imported when the feed
# starts, after the first page is drawn, or when a profile names an address to listen on.

POLL_SECONDS = 3.0
"""How often the store is checked for events stored by another process."""
NO_RECEIVER = (
    'No receiver runs in this app: set webhook_listen = "127.0.0.1:8788" in the profile, '
    "or run 'porting-tui webhooks listen'; the events it stores show here."
)


class WebhookEventReceived(Message):
    """A webhook event was stored; the app posts this to every screen."""

    def __init__(self, event: ReceivedEvent) -> None:
        super().__init__()
        self.event = event


class WebhookFeed:
    """Runs the receiver of one app run and keeps its events in the run's local store (its own
    only when the run has none); ``announce`` is told of events."""

    def __init__(
        self,
        profile: str,
        announce: Callable[[ReceivedEvent], object] | None = None,
        *,
        listen: ListenAddress | None = None,
        auth: ReceiverAuth | None = None,
        store_path: Path | None = None,
        private_store: bool = False,
        store: LocalStore | None = None,
        demo_client: PortingClient | None = None,
    ) -> None:
        """``store``: the run's local store, which its owner closes; without it the feed
        opens (and closes) one at ``store_path``, or a throwaway one (``private_store``)."""
        self.profile = profile
        self._announce = announce or (lambda event: None)
        self._listen = listen
        self._auth = auth
        self._store_path = store_path
        self._private_dir: Path | None = None
        if private_store and store is None:
            # The demo keeps its events in a throwaway store, not among the user's own.
            self._private_dir = Path(tempfile.mkdtemp(prefix="porting-tui-demo-"))
            self._store_path = self._private_dir / "state.sqlite3"
        self._shared_store = store
        self._store: LocalStore | None = None
        self.events: WebhookEventStore | None = None
        self.server: ReceiverServer | None = None
        self.problem: str | None = None
        """Why events cannot be stored or received, for the Events screen."""
        self._last_id = 0
        self._demo_client = demo_client
        """In the demo: the client of the emulator whose webhook URL becomes this receiver's."""
        self._starting: asyncio.Task[None] | None = None
        self._attached = False

    @property
    def url(self) -> str | None:
        return self.server.url if self.server is not None and self.server.running else None

    def describe(self) -> str:
        if self.problem:
            return self.problem
        if self.url:
            return f"Receiving at {self.url}"
        return NO_RECEIVER

    async def start(self) -> None:
        """Open the store and start the receiver; failures end up in ``problem``, not raised."""
        from porting_tui.webhooks import (
            ListenAddressError,
            ReceiverOptions,
            ReceiverServer,
            WebhookEventStore,
            WebhookReceiver,
        )

        store = self._shared_store
        if store is None:
            try:
                store = self._store = LocalStore.open(self._store_path)
            except StoreError as error:
                self.problem = f"Webhook events cannot be stored: {error}"
                return
        self.events = WebhookEventStore(store)
        newest = self.events.recent(limit=1)
        self._last_id = newest[0].id if newest else 0
        if self._listen is None:
            return
        options = ReceiverOptions(auth=self._auth, profile=self.profile)
        receiver = WebhookReceiver(self.events, options, on_event=self._received)
        server = ReceiverServer(receiver, self._listen.host, self._listen.port)
        try:
            await server.start()
        except ListenAddressError as error:
            self.problem = f"The webhook receiver did not start: {error}"
            return
        self.server = server

    def attach(self, app: App[Any]) -> None:
        """Start in a worker of ``app``, look at the store every few seconds, and tell every
        screen of ``app`` about each new event with a ``WebhookEventReceived`` message.
        The feed starts once: a second call (or one after ``stop``) does nothing."""
        if self._attached:
            return

        def broadcast(event: ReceivedEvent) -> None:
            for screen in app.screen_stack:
                screen.post_message(WebhookEventReceived(event))

        self._announce = broadcast
        self._attached = True
        # A plain task rather than a worker: the app's loading indicator follows the screens'
        # requests, and a receiver starting up is not one of them.
        self._starting = asyncio.get_running_loop().create_task(
            self._start_and_poll(app), name="webhook-feed"
        )

    async def _start_and_poll(self, app: App[Any]) -> None:
        await self.start()
        if self._demo_client is not None and self.url is not None:
            self.problem = await point_webhooks_at(self._demo_client, self.url)
        app.set_interval(POLL_SECONDS, self._tick, name="webhook-poll")

    async def _tick(self) -> None:
        if self._demo_client is not None and self.url is not None:
            # The demo's emulator moves its orders on when it is asked something; a cheap
            # request keeps its events flowing while the user watches the Events screen.
            with contextlib.suppress(PortingError):
                await self._demo_client.configuration.get()
        self.poll()

    def _received(self, event: ReceivedEvent) -> None:
        if event.id > self._last_id:
            self._last_id = event.id
            self._announce(event)

    def poll(self) -> list[ReceivedEvent]:
        """Announce events stored since the last look (by another process), oldest first."""
        if self.events is None:
            return []
        news = list(reversed(self.events.recent(profile=self.profile, after_id=self._last_id)))
        for event in news:
            self._received(event)
        return news

    async def stop(self) -> None:
        if self._starting is not None:
            self._starting.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._starting
            self._starting = None
        if self.server is not None:
            await self.server.stop()
            self.server = None
        self.events = None
        if self._store is not None:
            self._store.close()
            self._store = None
        if self._private_dir is not None:
            shutil.rmtree(self._private_dir, ignore_errors=True)
            self._private_dir = None


async def point_webhooks_at(client: PortingClient, url: str) -> str | None:
    """Make ``url`` the project's webhook URL, keeping its other defaults; a problem or None."""
    from porting_tui.client import Configuration

    try:
        try:
            current: Configuration | None = await client.configuration.get()
        except NotFoundError:
            current = None
        if current is None:
            await client.configuration.create(Configuration(webhook_url=url))
        else:
            await client.configuration.update(current.model_copy(update={"webhook_url": url}))
    except PortingError as error:
        return f"The webhook URL could not be set: {error.message}"
    return None


def feed_for_session(session: Session, environ: Mapping[str, str] | None = None) -> WebhookFeed:
    """The feed the session asks for: the demo's, the profile's receiver, or the store only."""
    # One store per app run: the events go where seen-state and the audit log are kept.
    store = session.attention.local.store if session.attention is not None else None
    if session.demo:
        from porting_tui.webhooks import ListenAddress

        return WebhookFeed(
            session.profile_name,
            listen=ListenAddress("127.0.0.1", 0),
            private_store=True,
            store=store,
            demo_client=session.client,
        )
    environ = os.environ if environ is None else environ
    listen: ListenAddress | None = None
    auth: SharedSecret | None = None
    problem: str | None = None
    if session.webhook_listen:
        from porting_tui.webhooks import ListenAddressError, parse_listen_address

        try:
            listen = parse_listen_address(session.webhook_listen)
        except ListenAddressError as error:
            problem = f"webhook_listen of profile {session.profile_name!r}: {error}"
    variable = session.webhook_secret_env
    if listen is not None and variable:
        if environ.get(variable):
            from porting_tui.webhooks import SharedSecret

            auth = SharedSecret(environ[variable])
        else:
            # Without its secret the receiver would take anyone's events: it stays off.
            listen = None
            problem = (
                f"The webhook receiver did not start: webhook_secret_env names {variable}, "
                "which is not set."
            )
    feed = WebhookFeed(session.profile_name, listen=listen, auth=auth, store=store)
    feed.problem = problem
    return feed
