"""Security suite: each finding of the review, reproduced against the real code, now refused.

The receiver: slow clients, deep JSON, disconnects, no credentials, forged forwarding
headers, a full disk, a locked store, repeated deliveries. The command line: secrets kept out
of argv, shared config files, lost answers of writes (POSTs counted). Bad servers: a drip,
a huge answer, a refused certificate. Files: formulas and control characters in exports,
download names. Every socket is on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import csv
import json
import logging
import sqlite3
import ssl
import stat
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest
from click.testing import Result

from porting_tui.emulator import Emulator
from porting_tui.listing.session import Session
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
from tests.quality.conftest import make_client
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


# --- Secrets and the command line --------------------------------------------------------------


class Spoiling(httpx.AsyncBaseTransport):
    """Passes requests to the emulator, counts POSTs, and spoils each POST's answer
    (``drop``: the connection closes; ``malformed``: half the body)."""

    def __init__(self, inner: httpx.AsyncBaseTransport, how: str | None = None) -> None:
        self.inner = inner
        self.how = how
        self.posts = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if request.method != "POST" or "/oauth2/" in request.url.path:
            return response
        self.posts += 1
        body = await response.aread()
        if self.how == "drop":
            raise httpx.RemoteProtocolError("peer closed the connection", request=request)
        if self.how == "malformed":
            return httpx.Response(response.status_code, content=body[: len(body) // 2])
        return httpx.Response(response.status_code, headers=response.headers, content=body)


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch) -> None:
    from porting_tui.emulator import DEMO_KEY_ID, DEMO_KEY_SECRET, DEMO_PROJECT_ID

    monkeypatch.setenv("SINCH_PROJECT_ID", DEMO_PROJECT_ID)
    monkeypatch.setenv("SINCH_KEY_ID", DEMO_KEY_ID)
    monkeypatch.setenv("SINCH_KEY_SECRET", DEMO_KEY_SECRET)
    monkeypatch.setenv("SINCH_PORTING_URL", "http://127.0.0.1:8787")


def cli(transport: httpx.AsyncBaseTransport, *args: str, stdin: str | None = None) -> Result:
    from click.testing import CliRunner

    from porting_tui.cli import cli as command

    obj = {"transport": transport, "client_options": {"max_retries": 2}}
    return CliRunner().invoke(command, list(args), input=stdin, obj=obj)


def first_pending(emulator: Emulator) -> int:
    return min(order.id for order in emulator.store.orders.values() if order.status == "PENDING")


def test_a_pin_on_the_command_line_is_warned_about_and_stdin_is_not(
    emulator: Emulator, cli_env: None
) -> None:
    transport = Spoiling(httpx.ASGITransport(app=emulator.app))
    order_id = str(first_pending(emulator))
    field = "portOutInfo.existingPortOutPin"
    in_argv = cli(transport, "orders", "edit", order_id, "--set", f"{field}=4821")
    assert in_argv.exit_code == 0, in_argv.output
    assert "given on the command line" in in_argv.stderr and "--set-stdin" in in_argv.stderr
    from_stdin = cli(transport, "orders", "edit", order_id, "--set-stdin", field, stdin="9917\n")
    assert from_stdin.exit_code == 0, from_stdin.output
    assert "warning" not in from_stdin.stderr
    order = emulator.store.orders[int(order_id)]
    pins = {
        number.data.get("portOutInfo", {}).get("existingPortOutPin") for number in order.numbers
    }
    assert pins == {"9917"}


def test_the_webhook_secret_is_masked_unless_revealed(emulator: Emulator, cli_env: None) -> None:
    transport = httpx.ASGITransport(app=emulator.app)
    url = "https://hooks.example.com/p?secret=s3cr3t-hook"
    assert cli(transport, "config", "set", "--set-stdin", "webhook-url", stdin=url).exit_code == 0
    shown = cli(transport, "config", "get")
    assert "s3cr3t-hook" not in shown.output and "secret=••••" in shown.stdout
    assert "s3cr3t-hook" in cli(transport, "config", "get", "--reveal").stdout


@pytest.mark.parametrize("mode", [0o664, 0o666])
def test_a_config_file_others_may_change_is_refused_and_its_command_never_runs(
    tmp_path: Path, mode: int
) -> None:
    from porting_tui import paths
    from porting_tui.local.errors import ProfileError
    from porting_tui.local.profiles import load_config

    ran = tmp_path / "their-command-ran"
    config = paths.config_file()
    config.parent.mkdir(parents=True, mode=0o700)
    config.write_text(
        f'[profiles.a]\nproject_id = "p"\nkey_id = "k"\nkey_secret_command = "touch {ran}"\n'
    )
    config.chmod(mode)
    with pytest.raises(ProfileError, match=f"chmod 600 {config}"):
        load_config()
    assert not ran.exists()


def test_a_symlinked_config_does_not_chmod_the_folder_of_its_target(tmp_path: Path) -> None:
    from porting_tui import paths
    from porting_tui.local.profiles import Profile, save_profile

    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir(mode=0o755)
    dotfiles.chmod(0o755)
    real = dotfiles / "porting-tui.toml"
    real.write_text("")
    real.chmod(0o600)
    config = paths.config_file()
    config.parent.mkdir(parents=True, mode=0o700)
    config.symlink_to(real)
    save_profile(Profile(name="a", project_id="p", key_id="k", key_secret="s"))
    assert config.is_symlink() and "[profiles.a]" in real.read_text()
    assert stat.S_IMODE(dotfiles.stat().st_mode) == 0o755


# --- Answers that cannot be read ---------------------------------------------------------------


LOST = ["drop", "malformed"]


@pytest.mark.parametrize("how", LOST)
def test_a_note_whose_answer_is_lost_is_sent_once_exit_6_audited_unknown(
    emulator: Emulator, cli_env: None, how: str
) -> None:
    transport = Spoiling(httpx.ASGITransport(app=emulator.app), how)
    order_id = first_pending(emulator)
    result = cli(transport, "orders", "add-note", str(order_id), "Called the customer")
    assert result.exit_code == 6, result.output
    assert "may have been" in result.stderr and f"orders get {order_id}" in result.stderr
    assert transport.posts == 1
    notes = [n for n in emulator.store.orders[order_id].notes if n.note == "Called the customer"]
    assert len(notes) == 1
    assert _audit_outcomes() == ["unknown"]


@pytest.mark.parametrize("how", LOST)
def test_an_upload_whose_answer_is_lost_is_sent_once(
    emulator: Emulator, cli_env: None, tmp_path: Path, how: str
) -> None:
    transport = Spoiling(httpx.ASGITransport(app=emulator.app), how)
    loa = tmp_path / "LOA.pdf"
    loa.write_bytes(b"%PDF-1.4 loa")
    result = cli(transport, "documents", "upload", str(first_pending(emulator)), str(loa))
    assert result.exit_code == 6, result.output
    assert transport.posts == 1
    assert _audit_outcomes() == ["unknown"]


@pytest.mark.parametrize("how", LOST)
def test_a_create_whose_answer_is_lost_is_sent_once(
    emulator: Emulator, cli_env: None, tmp_path: Path, how: str
) -> None:
    from tests.quality.wizard_data import fresh_numbers

    number = fresh_numbers(9, 1)[0]
    order = tmp_path / "order.json"
    order.write_text(json.dumps(new_order_body(number)))
    transport = Spoiling(httpx.ASGITransport(app=emulator.app), how)
    before = len(emulator.store.orders)
    result = cli(transport, "orders", "create", "--from-file", str(order))
    assert result.exit_code == 6, result.output
    assert "--reference SEC-1' before retrying" in result.stderr
    assert transport.posts == 1
    assert len(emulator.store.orders) == before + 1
    assert _audit_outcomes() == ["unknown"]


def _audit_outcomes() -> list[str]:
    from porting_tui.local.audit_log import AuditLog

    store = LocalStore.open()
    try:
        return [entry.outcome.split(" ")[0] for entry in AuditLog(store).entries()]
    finally:
        store.close()


def new_order_body(number: str) -> dict[str, object]:
    return {
        "customerOrderReference": "SEC-1",
        "desiredPortSchedule": {
            "desiredPortDate": "2026-12-07",
            "desiredPortTime": "10:00:00",
            "desiredPortTimeZone": "US/Eastern",
        },
        "phoneNumbers": [
            {
                "phoneNumber": number,
                "endUser": {
                    "name": "Harbor Dental",
                    "streetNum": "12",
                    "streetName": "Main",
                    "city": "Chicago",
                    "state": "IL",
                    "zipCode": "60601",
                },
                "portOutInfo": {"existingPortOutPin": "4321", "accountNum": "ACCT-987654"},
            }
        ],
    }


# --- Bad servers --------------------------------------------------------------------------------


class Drip(httpx.AsyncByteStream):
    """One byte, then a wait on an event that never fires: a drip that never ends."""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b"{"
        await asyncio.Event().wait()


class Huge(httpx.AsyncByteStream):
    def __init__(self) -> None:
        self.produced = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while self.produced < 300 * MIB:
            self.produced += MIB
            yield b" " * MIB


MIB = 1024 * 1024


async def test_a_server_that_drips_meets_the_overall_deadline() -> None:
    from porting_tui.client import PortingTimeoutError

    answering = httpx.MockTransport(lambda request: httpx.Response(200, stream=Drip()))
    async with make_client(answering, deadline=0.5) as client:
        with pytest.raises(PortingTimeoutError, match="complete answer within"):
            await client.orders.get(1)


async def test_a_300_mb_answer_is_cut_at_the_cap() -> None:
    from porting_tui.client.session import DEFAULT_MAX_ANSWER_BYTES, AnswerTooLargeError

    huge = Huge()
    answering = httpx.MockTransport(lambda request: httpx.Response(200, stream=huge))
    async with make_client(answering) as client:
        with pytest.raises(AnswerTooLargeError):
            await client.orders.get(1)
    assert huge.produced <= DEFAULT_MAX_ANSWER_BYTES + MIB


def test_a_certificate_failure_says_certificate(cli_env: None) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        problem = ssl.SSLCertVerificationError(1, "certificate verify failed")
        problem.verify_message = "self-signed certificate"
        raise httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED]") from problem

    result = cli(httpx.MockTransport(refuse), "orders", "get", "1")
    assert result.exit_code == 5
    assert "TLS certificate of 127.0.0.1 was not accepted (self-signed certificate)" in (
        result.stderr
    )
    assert "could not reach" not in result.stderr


async def test_the_app_names_a_certificate_failure(session: Session) -> None:
    from porting_tui.client import PortingError
    from porting_tui.listing.problems import describe_problem

    def refuse(request: httpx.Request) -> httpx.Response:
        problem = ssl.SSLCertVerificationError(1, "certificate verify failed")
        problem.verify_message = "certificate has expired"
        raise httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED]") from problem

    async with make_client(httpx.MockTransport(refuse), max_retries=0) as client:
        with pytest.raises(PortingError) as raised:
            await client.orders.get(1)
    shown = describe_problem(raised.value, session)
    assert shown.title == "The TLS certificate of 127.0.0.1 was not accepted"
    assert "certificate has expired" in shown.detail
    assert "Cannot reach" not in shown.title


# --- Files ------------------------------------------------------------------------------------


def test_exports_neutralise_formulas_and_drop_control_characters(tmp_path: Path) -> None:
    from porting_tui.client import OrderListItem
    from porting_tui.local.export import write_export

    hostile = ['=HYPERLINK("https://evil.example","x")', "ok\x1b]0;t\x07\x85", "a\u202eb"]
    orders = [
        OrderListItem.model_validate({"id": n, "status": "PENDING", "customerOrderReference": t})
        for n, t in enumerate(hostile, 1)
    ]
    as_csv = write_export(orders, "csv", tmp_path, "o.csv")
    as_json = write_export(orders, "json", tmp_path, "o.json")
    cells = [r["customerOrderReference"] for r in csv.DictReader(as_csv.open(newline=""))]
    assert cells == ["'" + hostile[0], "ok]0;t", "ab"]
    references = [o["customerOrderReference"] for o in json.loads(as_json.read_text())["orders"]]
    assert references == [hostile[0], "ok]0;t", "ab"]
    for path in (as_csv, as_json):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_download_names_are_cut_in_bytes_and_never_start_with_a_dash(tmp_path: Path) -> None:
    from porting_tui.domain.document_files import save_document

    emoji = save_document(tmp_path, "😀" * 120 + ".pdf", b"x", "document-1")
    assert len(emoji.name.encode()) <= 120 and emoji.name.endswith(".pdf")
    dashed = save_document(tmp_path, "-rf --no-preserve-root", b"x", "document-2")
    assert dashed.name == "_-rf --no-preserve-root"


def test_the_figures_the_readme_quotes() -> None:
    assert SLOW_CLIENTS == 80
    assert len(BAD_BODIES) == 8
