"""Crash reports: secrets masked, traceback without locals, a 0600 file, a short message."""

from __future__ import annotations

import base64
import stat
from pathlib import Path

import pytest

from porting_tui.local import crash_report
from porting_tui.local.crash_report import (
    EXIT_CRASH,
    KEEP_REPORTS,
    MASK,
    mask_secrets,
    record_crash,
    remember_secret,
    report_text,
    run_guarded,
    write_report,
)

BASIC = "Basic " + base64.b64encode(b"key-id-1:s3cr3t-value").decode()


@pytest.fixture(autouse=True)
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"headers={{'authorization': '{BASIC}'}}", BASIC.split()[1]),
        (f"Authorization: {BASIC}", BASIC.split()[1]),
        ('{"Authorization": "Bearer eyJhbGciOi.abc.def"}', "eyJhbGciOi"),
        ("got Bearer tøken-123456 back", "tøken-123456"),
        ("key_secret='hunter22'", "hunter22"),
        ("SINCH_KEY_SECRET=hunter22 porting-tui", "hunter22"),
        ("client_secret: hunter22", "hunter22"),
        ('{"existingPortOutPin": "7412", "accountNum": "99887766"}', "7412"),
        ('{"existingPortOutPin": "7412", "accountNum": "99887766"}', "99887766"),
        ("PortOutInfo(pin=7412)", "7412"),
        ("https://user:pa55word@api.example.com/v1", "pa55word"),
        ("http://127.0.0.1/hook?secret=abcdef&x=1", "abcdef"),
        (
            "existing_port_out_pin\n  String should match pattern [type=string_pattern_mismatch, "
            "input_value='74a2', input_type=str]",
            "74a2",
        ),
    ],
)
def test_secrets_are_masked(text: str, secret: str) -> None:
    masked = mask_secrets(text)
    assert secret not in masked
    assert MASK in masked


def test_ordinary_text_is_left_alone() -> None:
    text = "KeyError: 'status' in order 700257 (spinning, mapping, pinned tokens-free)"
    assert mask_secrets(text) == text


def test_a_remembered_secret_is_masked_wherever_it_appears() -> None:
    remember_secret("no-name-near-it-9f8e")
    assert "9f8e" not in mask_secrets("ValueError: bad value no-name-near-it-9f8e")


def raise_with_a_secret_in_a_local() -> None:
    authorization = BASIC
    raise RuntimeError(f"request failed ({len(authorization)} chars)")


def test_the_report_has_the_traceback_without_locals() -> None:
    try:
        raise_with_a_secret_in_a_local()
    except RuntimeError as error:
        text = report_text(error, "test")
    assert "raise_with_a_secret_in_a_local" in text and "RuntimeError" in text
    assert BASIC not in text and BASIC.split()[1] not in text


def test_the_report_file_is_private_and_old_ones_are_pruned(state_home: Path) -> None:
    error = ValueError(f"authorization: {BASIC}")
    for _ in range(KEEP_REPORTS + 3):
        path = write_report(error, "test")
    assert path.parent == state_home / "porting-tui" / "crashes"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert len(list(path.parent.glob("crash-*.txt"))) == KEEP_REPORTS
    assert BASIC.split()[1] not in path.read_text()


def test_the_message_is_short_masked_and_names_the_file(state_home: Path) -> None:
    message = record_crash(KeyError(f"Bearer abcdef123456\x1b[31m {BASIC}"), "test")
    assert "abcdef123456" not in message and "\x1b" not in message
    assert "KeyError" in message
    assert str(state_home) in message
    assert len(message.splitlines()) == 3


def test_an_unwritable_folder_still_gives_a_message(
    state_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state_home.mkdir()
    (state_home / "porting-tui").write_text("a file where the folder should be")
    message = record_crash(RuntimeError("boom"), "test")
    assert "boom" in message and "No report could be written" in message


def test_run_guarded_exits_with_the_crash_status(capsys: pytest.CaptureFixture[str]) -> None:
    def fail() -> None:
        raise UnicodeEncodeError("ascii", "Bearer tøken", 8, 9, "ordinal not in range(128)")

    with pytest.raises(SystemExit) as exited:
        run_guarded(fail, "command")
    assert exited.value.code == EXIT_CRASH
    err = capsys.readouterr().err
    assert "tøken" not in err and "UnicodeEncodeError" in err
    assert "Traceback" not in err
    reports = list(crash_report.crash_dir().glob("crash-*.txt"))
    assert len(reports) == 1 and "Traceback" in reports[0].read_text()


def test_run_guarded_lets_deliberate_exits_through() -> None:
    def leave() -> None:
        raise SystemExit(3)

    with pytest.raises(SystemExit) as exited:
        run_guarded(leave, "command")
    assert exited.value.code == 3
