"""Security suite beyond the receiver: secrets kept out of argv, shared config files, lost answers
of writes (POSTs counted), bad servers (a drip, a huge answer, a refused certificate), and files
(formulas and control characters in exports, download names)."""

from __future__ import annotations

import asyncio
import csv
import json
import ssl
import stat
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from click.testing import Result

from porting_tui.emulator import Emulator
from porting_tui.listing.session import Session
from porting_tui.local.store import LocalStore
from tests.quality.conftest import make_client

BOUND = 60.0
"""Seconds: a generous bound on waits for conditions on a busy machine, never a timing."""


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
