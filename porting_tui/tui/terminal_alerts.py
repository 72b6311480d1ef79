"""Word to an operator who is looking elsewhere: a bell and a desktop notification escape.

The desktop notification is asked of the terminal by OSC 9 (iTerm2, WezTerm, kitty, Windows
Terminal...) and OSC 777 (urxvt, foot, Ghostty, VTE); a terminal that knows neither ignores
them. Inside tmux they are wrapped for its passthrough (``allow-passthrough on``), while the
bell goes to tmux itself, which marks the window (``monitor-bell``).
"""

from __future__ import annotations

import os
import subprocess
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from textual.app import App

from porting_tui.domain.inert_text import BIDI_CONTROLS

BELL = "\x07"
ESC = "\x1b"
MAX_FIELD = 160
"""Desktop notifications show a line or two: the rest of a long text is only noise."""

Writer = Callable[[str], None]
"""Writes escape sequences to the terminal the app runs in."""
WindowCheck = Callable[[], bool]
"""Whether the app's tmux window is the one its client shows (True outside tmux)."""


def escape_safe(text: str, limit: int = MAX_FIELD) -> str:
    """``text`` with nothing a terminal acts on inside an escape sequence.

    Controls (an ESC or BEL would end the sequence and let the rest run as the terminal's
    own commands) and bidi overrides are dropped, line breaks become spaces, and ``;`` (which
    separates OSC 777's fields) becomes ``,``.
    """
    out: list[str] = []
    for char in text:
        if char in "\t\n\r":
            out.append(" ")
        elif unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS:
            continue
        elif char == ";":
            out.append(",")
        else:
            out.append(char)
    cleaned = " ".join("".join(out).split())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def osc9(body: str) -> str:
    return f"{ESC}]9;{escape_safe(body)}{BELL}"


def osc777(title: str, body: str) -> str:
    return f"{ESC}]777;notify;{escape_safe(title)};{escape_safe(body)}{BELL}"


def tmux_passthrough(sequence: str) -> str:
    """``sequence`` wrapped so that tmux hands it to the terminal outside (ESCs doubled)."""
    return f"{ESC}Ptmux;{sequence.replace(ESC, ESC + ESC)}{ESC}\\"


def desktop_escapes(title: str, body: str, *, in_tmux: bool) -> str:
    """The bell and both desktop notification escapes, ready to write."""
    # OSC 9 has no title: it leads the text, and keeps a leading digit from reading as one
    # of ConEmu's OSC 9 sub-commands.
    notifications = osc9(f"{title}: {body}") + osc777(title, body)
    if in_tmux:
        notifications = tmux_passthrough(notifications)
    return BELL + notifications


def tmux_window_shown(environ: Mapping[str, str] | None = None) -> bool:
    """Whether tmux shows the app's window to an attached client (True outside tmux, or
    when tmux cannot say)."""
    environ = os.environ if environ is None else environ
    pane = environ.get("TMUX_PANE")
    if not environ.get("TMUX") or not pane:
        return True
    try:
        completed = subprocess.run(  # noqa: S603 - a fixed argv, no shell
            ["tmux", "display-message", "-p", "-t", pane, "#{window_active} #{session_attached}"],  # noqa: S607
            capture_output=True,
            text=True,
            timeout=2,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return True
    words = completed.stdout.split()
    if completed.returncode != 0 or len(words) != 2:
        return True
    active, attached = words
    return active == "1" and attached != "0"


def driver_writer(app: App[Any]) -> Writer:
    """Writes through the app's driver, as Textual's own bell does (nothing when headless)."""

    def write(text: str) -> None:
        driver = app._driver
        if not app.is_headless and driver is not None:
            driver.write(text)

    return write


class TerminalAlerts:
    """Rings and asks for a desktop notification, only while the operator looks elsewhere:
    the terminal has lost focus (Textual's ``app_focus``) or tmux shows another window."""

    def __init__(
        self,
        app: App[Any],
        *,
        write: Writer | None = None,
        window_shown: WindowCheck | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self._app = app
        self._write = write or driver_writer(app)
        self._environ = os.environ if environ is None else environ
        self._window_shown = window_shown or (lambda: tmux_window_shown(self._environ))
        self.sent = 0
        """How many alerts were written (for the tests and the curious)."""

    @property
    def in_tmux(self) -> bool:
        return bool(self._environ.get("TMUX"))

    def looking_elsewhere(self) -> bool:
        """Blocking (it may ask tmux): call from a thread."""
        return not self._app.app_focus or not self._window_shown()

    async def alert(self, title: str, body: str) -> bool:
        """Ring and notify if the operator looks elsewhere; whether it was written."""
        import asyncio

        if self._app.app_focus and not self.in_tmux:
            return False
        if not await asyncio.to_thread(self.looking_elsewhere):
            return False
        self._write(desktop_escapes(title, body, in_tmux=self.in_tmux))
        self.sent += 1
        return True
