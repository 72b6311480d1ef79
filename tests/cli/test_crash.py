"""The command line never shows a raw traceback: a clear error, or a crash report and exit 70."""

from __future__ import annotations

import base64
import stat
import sys
from pathlib import Path

import click
import httpx
import pytest
from click.testing import CliRunner

from porting_tui.cli import cli, root
from porting_tui.local.crash_report import EXIT_CRASH, crash_dir

BASIC = "Basic " + base64.b64encode(b"key-1:s3cr3t-value").decode()


@click.command("boom")
@click.argument("argument")
def boom(argument: str) -> None:
    """A command with a bug: its error message carries the Authorization header."""
    raise RuntimeError(f"request failed with headers {{'authorization': '{BASIC}'}}")


def test_an_unexpected_error_is_two_lines_a_private_report_and_exit_70(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(
        root.SUBCOMMANDS, "boom", root.LazyCommand("tests.cli.test_crash:boom", "Fail.")
    )
    monkeypatch.setattr(sys, "argv", ["porting-tui", "boom", "not-logged"])
    with pytest.raises(SystemExit) as exited:
        root.main()
    assert exited.value.code == EXIT_CRASH
    printed = capsys.readouterr()
    assert "Traceback" not in printed.err and BASIC.split()[1] not in printed.err
    assert "unexpected error: RuntimeError" in printed.err
    (report,) = crash_dir().glob("crash-*.txt")
    assert str(report) in printed.err
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    text = report.read_text()
    assert "porting-tui boom" in text and "not-logged" not in text
    assert "Traceback" in text and BASIC.split()[1] not in text


def test_deliberate_exits_keep_their_status(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["porting-tui", "orders", "--no-such-option"])
    with pytest.raises(SystemExit) as exited:
        root.main()
    assert exited.value.code == 2
    assert not list(crash_dir().glob("crash-*.txt"))


CONFIG = """
[profiles.oauth]
project_id = "p-1"
key_id = "key-1"
key_secret = "s3cr3t-value"
auth = "oauth"
auth_url = "http://127.0.0.1:8787/oauth2/token"
api_url = "http://127.0.0.1:8787"
"""


def token_with_an_accent(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/oauth2/token":
        return httpx.Response(200, json={"access_token": "tøken", "token_type": "Bearer"})
    return httpx.Response(500, json={"message": "the token should never have been sent"})


def test_a_non_ascii_token_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("CONFIG", "DATA"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
    for name in ("SINCH_PROJECT_ID", "SINCH_KEY_ID", "SINCH_KEY_SECRET", "SINCH_PORTING_URL"):
        monkeypatch.delenv(name, raising=False)
    folder = tmp_path / "config" / "porting-tui"
    folder.mkdir(parents=True, mode=0o700)
    (folder / "config.toml").write_text(CONFIG)
    (folder / "config.toml").chmod(0o600)
    obj = {"transport": httpx.MockTransport(token_with_an_accent)}
    result = CliRunner().invoke(cli, ["--profile", "oauth", "orders", "get", "1"], obj=obj)
    assert result.exit_code not in (0, EXIT_CRASH), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "cannot be sent in an HTTP header" in result.output
    assert "Traceback" not in result.output and "tøken" not in result.output
