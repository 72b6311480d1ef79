"""Fixtures of every test: steady cursors and lasting toasts in every app (nothing on screen
depends on the wall clock), and no file in the user's folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.notifications import Notification
from textual.widgets import Input, TextArea

TOAST_SECONDS = 3600.0


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Input and TextArea cursors do not blink: a snapshot taken on a busy machine must not
    depend on which half of the blink its half-second timer happened to be in."""
    for widget in (Input, TextArea):
        monkeypatch.setattr(widget.__dict__["cursor_blink"], "_default", False)


@pytest.fixture(autouse=True)
def private_state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Config, data, cache and state of a test (its local store, audit log, drafts, crash
    reports) live in tmp_path, never in the folders of its runner: a second copy of the suite
    running beside this one must not see them."""
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / f"xdg-{name.lower()}"))
    return tmp_path / "xdg-state"


@pytest.fixture(autouse=True)
def lasting_toasts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A toast stays until the test ends: it would expire after a few seconds of wall clock,
    which a busy machine can spend between the message and the snapshot or check of it."""
    monkeypatch.setattr(Notification, "time_left", property(lambda _: TOAST_SECONDS))
