"""``porting-tui webhooks listen``: one line (or JSON line) per event, stored, stopped cleanly."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from porting_tui.cli import cli
from porting_tui.cli.webhooks_cmd import ListenSettings, listen
from porting_tui.local.store import LocalStore
from porting_tui.webhooks import ReceiverOptions, SharedSecret, WebhookEventStore
from tests.webhooks.samples import event_body, event_bytes

Post = Callable[..., Awaitable[httpx.Response]]


@pytest.fixture
async def listening(
    local_store: LocalStore, request: pytest.FixtureRequest
) -> AsyncIterator[tuple[Post, asyncio.Task[int]]]:
    """The listen command's loop on a free port; yields a POST function and the loop's task."""
    as_json, reveal, auth = getattr(request, "param", (False, False, None))
    settings = ListenSettings("127.0.0.1", 0, as_json, reveal, ReceiverOptions(auth=auth))
    stop = asyncio.Event()
    ready: asyncio.Future[str] = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(listen(local_store, settings, stop, ready.set_result))
    url = await ready
    async with httpx.AsyncClient(trust_env=False) as http:

        async def post(body: bytes, **options: object) -> httpx.Response:
            return await http.post(url, content=body, **options)  # type: ignore[arg-type]

        yield post, task
    stop.set()
    await task


async def test_each_event_is_printed_on_one_line_and_stored(
    listening: tuple[Post, asyncio.Task[int]],
    local_store: LocalStore,
    capsys: pytest.CaptureFixture[str],
) -> None:
    post, _task = listening
    assert (await post(event_bytes("NUMBERS_REJECTED"))).status_code == 200
    body = event_body("NEW_ORDER_NOTE")
    body["note"] = "evil \x1b[2J note"
    assert (await post(json.dumps(body).encode())).status_code == 200
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith(
        "  NUMBERS_REJECTED  order 897867  1 REJECTED: +13125550143 (Invalid port-out PIN)"
    )
    assert "\x1b" not in lines[1] and lines[1].endswith("note: evil \\x1b[2J note")
    assert WebhookEventStore(local_store).count() == 2


@pytest.mark.parametrize("listening", [(True, False, None)], indirect=True)
async def test_json_lines_mask_port_out_secrets(
    listening: tuple[Post, asyncio.Task[int]], capsys: pytest.CaptureFixture[str]
) -> None:
    post, _task = listening
    await post(event_bytes("ORDER_UPDATED"))
    [line] = capsys.readouterr().out.splitlines()
    data = json.loads(line)
    assert (data["type"], data["orderId"], data["profile"]) == ("ORDER_UPDATED", "897867", None)
    port_out = data["event"]["order"]["phoneNumbers"][0]["portOutInfo"]
    assert "4821" not in line and "99887766" not in line
    assert port_out["existingPortOutPin"] != "4821"


@pytest.mark.parametrize("listening", [(True, True, None)], indirect=True)
async def test_json_lines_show_secrets_with_reveal(
    listening: tuple[Post, asyncio.Task[int]], capsys: pytest.CaptureFixture[str]
) -> None:
    post, _task = listening
    await post(event_bytes("ORDER_UPDATED"))
    data = json.loads(capsys.readouterr().out)
    assert data["event"] == event_body("ORDER_UPDATED")


@pytest.mark.parametrize("listening", [(False, False, SharedSecret("k"))], indirect=True)
async def test_refused_requests_are_narrated_on_stderr_without_the_query(
    listening: tuple[Post, asyncio.Task[int]], capsys: pytest.CaptureFixture[str]
) -> None:
    post, _task = listening
    response = await post(b"{}", params={"secret": "guess-me"})
    assert response.status_code == 401
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "refused POST /porting-events from 127.0.0.1:" in captured.err
    assert "401 missing or wrong credentials" in captured.err
    assert "guess-me" not in captured.err


async def test_stopping_reports_how_many_events_arrived(
    local_store: LocalStore, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = ListenSettings("127.0.0.1", 0, False, False, ReceiverOptions())
    stop = asyncio.Event()
    received = await asyncio.gather(listen(local_store, settings, stop, lambda _url: stop.set()))
    assert received == [0]
    assert "Stopped; 0 events received." in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--secret-env", "PT_UNSET_SECRET"], "PT_UNSET_SECRET is not set"),
        (["--secret-env", "PT_SECRET", "--basic-user", "u"], "not both"),
        (["--basic-user", "u"], "go together"),
        (["--basic-password-env", "PT_SECRET"], "go together"),
        (["--basic-user", "a:b", "--basic-password-env", "PT_SECRET"], "without ':'"),
    ],
)
def test_credential_options_are_checked_before_listening(
    arguments: list[str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PT_SECRET", "x")
    monkeypatch.delenv("PT_UNSET_SECRET", raising=False)
    result = CliRunner().invoke(cli, ["webhooks", "listen", *arguments])
    assert result.exit_code == 2
    assert message in result.output


def test_a_busy_port_is_an_error_with_exit_status_1(tmp_path: Path) -> None:
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["webhooks", "listen", "--no-auth", "--port", str(port)])
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.output


def test_the_command_runs_until_interrupted_and_exits_cleanly(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOOK_SECRET": "tunnel-secret",
    }
    command = [sys.executable, "-m", "porting_tui", "--profile", "acme", "webhooks", "listen"]
    options = ["--port", "0", "--json", "--secret-env", "HOOK_SECRET"]
    with subprocess.Popen(
        [*command, *options],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stderr is not None and process.stdout is not None
        banner = process.stderr.readline()
        assert banner.startswith("Listening on http://127.0.0.1:"), banner
        url = banner.split()[2].rstrip(";")
        response = httpx.post(
            url,
            content=event_bytes("NUMBERS_CONFIRMED"),
            headers={"X-Webhook-Secret": "tunnel-secret"},
            trust_env=False,
        )
        assert response.status_code == 200
        line = process.stdout.readline()
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert json.loads(line)["profile"] == "acme"
    assert "Stopped; 1 event received." in err
    assert "Traceback" not in err
    store = LocalStore.open(tmp_path / "data" / "porting-tui" / "state.sqlite3")
    assert [e.event_type for e in WebhookEventStore(store).recent()] == ["NUMBERS_CONFIRMED"]
    store.close()
