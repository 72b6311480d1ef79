"""Copy text for the user: OSC 52 always, and tmux's own paste buffer when running inside tmux."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Mapping, Sequence

from textual.app import App

Runner = Callable[[Sequence[str], bytes], int]
"""Runs a command (no shell) with the bytes on its standard input; its exit status."""

OSC52 = "the clipboard (OSC 52, which works over SSH in most terminals)"
TMUX_BUFFER = "the tmux buffer (prefix ] pastes it)"
TMUX_FAILED = (
    "the clipboard by OSC 52 only, which tmux passes on only with set -g set-clipboard on "
    "(tmux load-buffer failed)"
)


def run_command(argv: Sequence[str], data: bytes) -> int:
    completed = subprocess.run(  # noqa: S603 - a fixed argv, no shell
        list(argv), input=data, capture_output=True, timeout=5, check=False
    )
    return completed.returncode


def copy_text(
    app: App[object],
    text: str,
    *,
    environ: Mapping[str, str] | None = None,
    run: Runner | None = None,
) -> str:
    """Copy ``text``; where it went, to finish "Copied ... to ..." for the user.

    tmux's default ``set-clipboard external`` drops OSC 52 from the programs inside it, so
    inside tmux (``$TMUX`` set) the text also goes to tmux's paste buffer.
    """
    app.copy_to_clipboard(text)
    if not (environ if environ is not None else os.environ).get("TMUX"):
        return OSC52
    try:
        status = (run or run_command)(["tmux", "load-buffer", "-"], text.encode())
    except (OSError, subprocess.SubprocessError):
        status = -1
    return TMUX_BUFFER if status == 0 else TMUX_FAILED
