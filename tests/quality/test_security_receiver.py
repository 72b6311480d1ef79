"""Security suite, the webhook receiver: slow clients, deep JSON, disconnects, no credentials,
forged forwarding headers, a full disk, a locked store, repeated deliveries (all on 127.0.0.1)."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest

from porting_tui.local.store import LocalStore
from porting_tui.webhooks import (
    ListenAddressError,
    ReceiverOptions,
    ReceiverServer,
    SharedSecret,
    WebhookEventStore,
    WebhookReceiver,
)
from porting_tui.webhooks.guard import ConnectionLimits
from tests.webhooks.samples import event_bytes

SECRET = "hook-secret-for-tests"
AUTH = {"X-Webhook-Secret": SECRET}
SLOW_CLIENTS = 80
BOUND = 60.0
"""Seconds: a generous bound on waits for conditions on a busy machine, never a timing."""


@pytest.fixture
def events(tmp_path: Path) -> AsyncIterator[WebhookEventStore]:
    store = LocalStore.open(tmp_path / "state.sqlite3")
    yield WebhookEventStore(store)
    store.close()


@asynccontextmanager
async def serving(
    events: WebhookEventStore, limits: ConnectionLimits | None = None
) -> AsyncIterator[ReceiverServer]:
    receiver = WebhookReceiver(events, ReceiverOptions(auth=SharedSecret(SECRET)))
    server = ReceiverServer(receiver, "127.0.0.1", 0, limits=limits)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


async def deliver(server: ReceiverServer, body: bytes, **headers: str) -> httpx.Response:
    async with httpx.AsyncClient(trust_env=False, timeout=BOUND) as http:
        return await http.post(server.url, content=body, headers={**AUTH, **headers})


async def open_slow_client(server: ReceiverServer, stage: str) -> asyncio.StreamWriter:
    """A connection that sends part of a request and then nothing: headers or body unfinished."""
    _reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    head = f"POST /porting-events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Webhook-Secret: {SECRET}\r\n"
    if stage == "headers":
        writer.write(head.encode())
    else:
        writer.write(f"{head}Content-Length: 1000\r\n\r\n{{".encode())
    await writer.drain()
    return writer


async def closed_by_server(reader: asyncio.StreamReader) -> bytes:
    """What the server sent before closing the connection (waits for the close)."""
    return await asyncio.wait_for(reader.read(), BOUND)


# --- The receiver -----------------------------------------------------------------------------


async def test_a_delivery_gets_2xx_while_80_slow_clients_are_held(
    events: WebhookEventStore,
) -> None:
    async with serving(events) as server:
        held = [
            await open_slow_client(server, "headers" if n % 2 else "body")
            for n in range(SLOW_CLIENTS)
        ]
        try:
            response = await asyncio.wait_for(
                deliver(server, event_bytes("NUMBERS_ACTIVATED")), BOUND
            )
            assert response.status_code == 200, response.text
            assert events.count() == 1
            # The slow clients beyond the per-address cap were closed to make room.
            assert server.guard.evicted >= SLOW_CLIENTS - ConnectionLimits().per_peer
        finally:
            for writer in held:
                writer.close()


async def test_a_client_that_never_finishes_its_headers_is_closed(
    events: WebhookEventStore,
) -> None:
    # The client never sends the rest: the server's header deadline is what ends it.
    async with serving(events, ConnectionLimits(header_seconds=0.2)) as server:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(b"POST /porting-events HTTP/1.1\r\nHost: x\r\n")
        await writer.drain()
        assert await closed_by_server(reader) == b""
        assert server.guard.timed_out == 1
        writer.close()


async def test_a_client_that_never_finishes_its_body_is_closed_with_one_log_line(
    events: WebhookEventStore, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with serving(events, ConnectionLimits(body_seconds=0.2)) as server:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(
            f"POST /porting-events HTTP/1.1\r\nHost: x\r\nX-Webhook-Secret: {SECRET}\r\n"
            "Content-Length: 500\r\n\r\n{".encode()
        )
        await writer.drain()
        assert await closed_by_server(reader) == b""
        writer.close()
        await _logged(caplog, "went away before its body was complete")
    assert not [record for record in caplog.records if record.exc_info]
    assert events.count() == 0


async def test_a_client_disconnecting_mid_body_logs_one_line_not_a_traceback(
    events: WebhookEventStore, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with serving(events) as server:
        _reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(
            f"POST /porting-events HTTP/1.1\r\nHost: x\r\nX-Webhook-Secret: {SECRET}\r\n"
            "Content-Length: 500\r\n\r\n{".encode()
        )
        await writer.drain()
        writer.close()
        await _logged(caplog, "went away before its body was complete")
        assert (await deliver(server, event_bytes("NUMBERS_ACTIVATED"))).status_code == 200
    lines = [r for r in caplog.records if "went away" in r.getMessage()]
    assert len(lines) == 1
    assert not [record for record in caplog.records if record.exc_info]


class _Watch(logging.Handler):
    """Sets ``seen`` when a log line holding ``text`` is written (in the event loop)."""

    def __init__(self, text: str) -> None:
        super().__init__(logging.DEBUG)
        self.text = text
        self.seen = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if self.text in record.getMessage():
            self.seen.set()


async def _logged(caplog: pytest.LogCaptureFixture, text: str) -> None:
    if any(text in record.getMessage() for record in caplog.records):
        return
    watch = _Watch(text)
    logging.getLogger().addHandler(watch)
    try:
        await asyncio.wait_for(watch.seen.wait(), BOUND)
    finally:
        logging.getLogger().removeHandler(watch)


BAD_BODIES = {
    "100,000 [": (b"[" * 100_000, "deeper than"),
    "100,000 [ closed": (b"[" * 100_000 + b"]" * 100_000, "deeper than"),
    "an event 40 deep": (
        b'{"type": "NEW_ORDER_NOTE", "orderId": 1, "x": ' + b"[" * 40 + b"]" * 40 + b"}",
        "deeper than",
    ),
    "5,000 {": (b"{" * 5000, "not JSON"),
    "900 objects deep": (b'{"a":' * 900 + b"1" + b"}" * 900, "deeper than"),
    "not UTF-8": (b"\xff\xfe not json", "not"),
    "empty": (b"", "not JSON"),
    "a string": (b'"just a string"', "not a JSON object"),
}


@pytest.mark.parametrize(("body", "why"), list(BAD_BODIES.values()), ids=list(BAD_BODIES))
async def test_bad_bodies_answer_400_and_store_nothing(
    events: WebhookEventStore, body: bytes, why: str, caplog: pytest.LogCaptureFixture
) -> None:
    async with serving(events) as server:
        response = await deliver(server, body)
    assert response.status_code == 400
    assert why in response.json()["error"]
    assert events.count() == 0
    assert not [record for record in caplog.records if record.exc_info]


async def test_a_receiver_without_credentials_refuses_a_non_loopback_address(
    events: WebhookEventStore,
) -> None:
    server = ReceiverServer(WebhookReceiver(events), "0.0.0.0", 0)
    with pytest.raises(ListenAddressError, match="without credentials"):
        await server.start()
    assert not server.running


async def test_the_apps_receiver_from_webhook_listen_refuses_0_0_0_0_without_a_secret(
    tmp_path: Path,
) -> None:
    from porting_tui.tui.webhook_feed import WebhookFeed
    from porting_tui.webhooks import parse_listen_address

    feed = WebhookFeed(
        "acme", listen=parse_listen_address("0.0.0.0:0"), store_path=tmp_path / "s.sqlite3"
    )
    await feed.start()
    try:
        assert feed.url is None
        assert feed.problem is not None and "without credentials" in feed.problem
    finally:
        await feed.stop()


async def test_x_forwarded_for_is_not_believed(events: WebhookEventStore) -> None:
    refused = []
    receiver = WebhookReceiver(
        events, ReceiverOptions(auth=SharedSecret(SECRET)), on_rejected=refused.append
    )
    server = ReceiverServer(receiver, "127.0.0.1", 0)
    await server.start()
    try:
        async with httpx.AsyncClient(trust_env=False) as http:
            response = await http.post(
                server.url,
                content=event_bytes("NUMBERS_ACTIVATED"),
                headers={"X-Forwarded-For": "203.0.113.9", "Forwarded": "for=203.0.113.9"},
            )
    finally:
        await server.stop()
    assert response.status_code == 401
    assert refused[0].client.startswith("127.0.0.1:")


class _FailingStore(WebhookEventStore):
    def __init__(self, events: WebhookEventStore, error: sqlite3.Error) -> None:
        self.__dict__.update(events.__dict__)
        self.error = error

    def add(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
        raise self.error


@pytest.mark.parametrize(
    "error",
    [
        sqlite3.OperationalError("database or disk is full"),
        sqlite3.OperationalError("database is locked"),
    ],
)
async def test_a_full_disk_or_a_locked_store_answers_503_with_one_line(
    events: WebhookEventStore, error: sqlite3.Error, caplog: pytest.LogCaptureFixture
) -> None:
    receiver = WebhookReceiver(
        _FailingStore(events, error), ReceiverOptions(auth=SharedSecret(SECRET))
    )
    server = ReceiverServer(receiver, "127.0.0.1", 0)
    await server.start()
    try:
        response = await deliver(server, event_bytes("NUMBERS_ACTIVATED"))
    finally:
        await server.stop()
    assert response.status_code == 503
    assert response.headers["Retry-After"]
    lines = [r for r in caplog.records if "not stored" in r.getMessage()]
    assert len(lines) == 1 and not lines[0].exc_info
    assert not [record for record in caplog.records if record.exc_info]


async def test_a_store_that_runs_out_of_space_answers_503_then_recovers(
    events: WebhookEventStore, caplog: pytest.LogCaptureFixture
) -> None:
    store = events.local_store
    pages = int(store.query("PRAGMA page_count")[0][0])
    # SQLite's own cap on the file: the next page it needs fails as a full disk would.
    store.query(f"PRAGMA max_page_count = {pages}")
    big = json.dumps({"type": "NEW_ORDER_NOTE", "orderId": "7", "note": "x" * 200_000}).encode()
    async with serving(events) as server:
        full = await deliver(server, big)
        store.query("PRAGMA max_page_count = 1073741823")
        after = await deliver(server, big)
    assert full.status_code == 503 and full.headers["Retry-After"]
    assert after.status_code == 200, "the store works again once there is room"
    assert events.count() == 1
    lines = [r for r in caplog.records if "not stored" in r.getMessage()]
    assert len(lines) == 1 and "full" in lines[0].getMessage()
    assert not [record for record in caplog.records if record.exc_info]


async def test_the_same_delivery_again_is_stored_once_and_counted(
    events: WebhookEventStore,
) -> None:
    body = event_bytes("NEW_ORDER_NOTE")
    async with serving(events) as server:
        answers = [await deliver(server, body) for _ in range(3)]
        other = await deliver(server, event_bytes("NUMBERS_ACTIVATED"))
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert len({a.json()["received"] for a in answers}) == 1
    assert [a.json().get("repeats", 0) for a in answers] == [0, 1, 2]
    assert other.status_code == 200
    assert events.count() == 2
    assert events.repeats() == 2


def test_a_locked_store_stops_webhooks_listen_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from porting_tui.cli import cli
    from porting_tui.local import store as store_module

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(store_module, "_BUSY_TIMEOUT_MS", 0)
    path = store_module.default_store_path()
    LocalStore.open(path).close()
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = CliRunner().invoke(cli, ["webhooks", "listen", "--no-auth", "--port", "0"])
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 1
    assert "cannot be written" in result.output or "locked" in result.output
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, sqlite3.Error)


def test_webhooks_listen_refuses_to_start_without_credentials_unless_no_auth() -> None:
    from click.testing import CliRunner

    from porting_tui.cli import cli

    result = CliRunner().invoke(cli, ["webhooks", "listen", "--port", "0"])
    assert result.exit_code == 2
    assert "--secret-env" in result.output and "--no-auth" in result.output


def test_the_figures_the_readme_quotes() -> None:
    assert SLOW_CLIENTS == 80
    assert len(BAD_BODIES) == 8
