"""An unexpected error in the app: a short message, a private masked report, a failing exit."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

import httpx
import pytest
from textual.worker import WorkerFailed

from porting_tui.emulator import DEMO_KEY_ID, DEMO_KEY_SECRET
from porting_tui.listing.session import Session
from porting_tui.local.crash_report import EXIT_CRASH, crash_dir
from porting_tui.tui.app import PortingApp
from porting_tui.tui.crash_safe_app import CrashSafeApp, run_app
from tests.tui.conftest import RecordingTransport, settle

BASIC = base64.b64encode(f"{DEMO_KEY_ID}:{DEMO_KEY_SECRET}".encode()).decode()


def leak(request: httpx.Request) -> Exception:
    # An error whose message carries the header, raised where the header is a local.
    return RuntimeError(f"unexpected: {request.headers['authorization']}")


async def test_a_worker_error_ends_with_a_report_and_no_secret_on_the_terminal(
    session: Session, transport: RecordingTransport, capsys: pytest.CaptureFixture[str]
) -> None:
    app = PortingApp(session)
    with pytest.raises(WorkerFailed):
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            transport.failure = leak
            await pilot.press("r")
            await settle(pilot)
    assert app.return_code == EXIT_CRASH
    printed = capsys.readouterr()
    terminal = printed.out + printed.err
    assert "unexpected error: RuntimeError" in terminal
    assert BASIC not in terminal and DEMO_KEY_SECRET not in terminal
    assert "locals" not in terminal and "Traceback" not in terminal
    reports = list(crash_dir().glob("crash-*.txt"))
    assert len(reports) == 1
    report = reports[0]
    assert str(report) in terminal
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    text = report.read_text()
    assert "Traceback" in text and "RuntimeError" in text
    assert BASIC not in text and DEMO_KEY_SECRET not in text


async def test_an_error_in_a_key_handler_is_reported_the_same_way(
    session: Session, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(self: PortingApp) -> None:
        raise KeyError(f"Authorization: Basic {BASIC}")

    monkeypatch.setattr(PortingApp, "action_help", broken)
    app = PortingApp(session)
    with pytest.raises(KeyError):
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("question_mark")
            await settle(pilot)
    assert app.return_code == EXIT_CRASH
    printed = capsys.readouterr()
    assert "KeyError" in printed.err and BASIC not in printed.out + printed.err
    assert all(BASIC not in path.read_text() for path in crash_dir().glob("*"))


def test_reports_go_to_the_test_state_folder(tmp_path: Path) -> None:
    assert crash_dir().is_relative_to(tmp_path)


class Crashing(CrashSafeApp[str]):
    def on_mount(self) -> None:
        raise ValueError("pin=7412")


class Leaving(CrashSafeApp[str]):
    def on_mount(self) -> None:
        self.exit("done")


def test_run_app_exits_with_the_crash_status(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        run_app(Crashing, headless=True)
    assert exited.value.code == EXIT_CRASH
    err = capsys.readouterr().err
    assert "ValueError: pin=••••" in err and "7412" not in err


def test_run_app_keeps_no_color_for_the_next_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert run_app(Leaving, headless=True) == "done"
    assert os.environ.get("NO_COLOR") == "1"
    app = Leaving()
    assert app.no_color
