"""The app's webhook feed: what the profile asks for, secrets, and no event announced twice."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import httpx

from porting_tui.client import parse_webhook
from porting_tui.emulator import DEMO_PROJECT_ID
from porting_tui.listing.attention_context import LocalState
from porting_tui.local.store import LocalStore
from porting_tui.tui.webhook_feed import NO_RECEIVER, WebhookFeed, feed_for_session
from porting_tui.webhooks import ListenAddress, ReceivedEvent, WebhookEventStore
from tests.tui.conftest import make_session
from tests.webhooks.samples import event_body, event_bytes


async def test_without_webhook_listen_only_the_store_is_opened(
    transport: Any, tmp_path: Path
) -> None:
    feed = feed_for_session(make_session(transport, tmp_path))
    await feed.start()
    assert feed.events is not None and feed.url is None
    assert feed.describe() == NO_RECEIVER
    await feed.stop()


async def test_a_bad_listen_address_is_reported(transport: Any, tmp_path: Path) -> None:
    feed = feed_for_session(make_session(transport, tmp_path, webhook_listen="localhost"))
    await feed.start()
    assert feed.url is None
    assert "webhook_listen of profile 'acme-test'" in feed.describe()
    await feed.stop()


async def test_a_missing_secret_keeps_the_receiver_off(transport: Any, tmp_path: Path) -> None:
    session = make_session(
        transport, tmp_path, webhook_listen="127.0.0.1:0", webhook_secret_env="HOOK_SECRET"
    )
    feed = feed_for_session(session, environ={})
    await feed.start()
    assert feed.url is None
    assert "HOOK_SECRET, which is not set" in feed.describe()
    await feed.stop()


async def test_the_receiver_asks_for_the_profiles_secret(transport: Any, tmp_path: Path) -> None:
    session = make_session(
        transport, tmp_path, webhook_listen="127.0.0.1:0", webhook_secret_env="HOOK_SECRET"
    )
    feed = feed_for_session(session, environ={"HOOK_SECRET": "s3"})
    await feed.start()
    assert feed.url is not None
    async with httpx.AsyncClient(trust_env=False) as http:
        refused = await http.post(feed.url, content=event_bytes("NEW_ORDER_NOTE"))
        accepted = await http.post(
            feed.url, params={"secret": "s3"}, content=event_bytes("NEW_ORDER_NOTE")
        )
    assert (refused.status_code, accepted.status_code) == (401, 200)
    assert feed.events is not None
    assert [e.profile for e in feed.events.recent()] == ["acme-test"]
    await feed.stop()


async def test_each_event_is_announced_once_whoever_stored_it(tmp_path: Path) -> None:
    announced: list[ReceivedEvent] = []
    path = tmp_path / "state.sqlite3"
    feed = WebhookFeed(
        "acme", announced.append, listen=ListenAddress("127.0.0.1", 0), store_path=path
    )
    await feed.start()
    assert feed.url is not None
    async with httpx.AsyncClient(trust_env=False) as http:
        await http.post(feed.url, content=event_bytes("NUMBERS_CONFIRMED"))
    other = LocalStore.open(path)
    for owner in ("acme", "someone-else", None):
        raw = json.dumps(event_body("NEW_ORDER_NOTE", order_id=owner or "0"))
        WebhookEventStore(other).add(parse_webhook(raw), raw, profile=owner)
    other.close()
    assert [e.order_id for e in feed.poll()] == ["acme", "0"]
    assert feed.poll() == []
    assert [e.event_type for e in announced] == [
        "NUMBERS_CONFIRMED",
        "NEW_ORDER_NOTE",
        "NEW_ORDER_NOTE",
    ]
    await feed.stop()


async def test_events_go_to_the_runs_own_store_which_the_feed_leaves_open(
    transport: Any, tmp_path: Path
) -> None:
    local = LocalState.open("acme-test", DEMO_PROJECT_ID, path=tmp_path / "run.sqlite3")
    session = make_session(transport, tmp_path)
    session = dataclasses.replace(session, attention=local.attention(session.client))
    feed = feed_for_session(session)
    await feed.start()
    assert feed.events is not None and feed.events.local_store is local.store
    await feed.stop()
    # Its owner (the app, on the way out) closes it; the feed only borrowed it.
    assert local.store is not None and local.store.query("SELECT 1")
    local.close()


async def test_the_feed_starts_once_however_often_it_is_attached(
    transport: Any, tmp_path: Path
) -> None:
    from textual.app import App

    feed = feed_for_session(make_session(transport, tmp_path))
    app: App[None] = App()
    async with app.run_test():
        feed.attach(app)
        first = feed._starting
        feed.attach(app)
        assert first is not None and feed._starting is first
        await feed.stop()
        feed.attach(app)
        assert feed._starting is None
