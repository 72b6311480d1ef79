"""Waiting on conditions instead of the wall clock: loops of idle pauses with a generous bound."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

GENEROUS_S = 60.0
"""Only a hung app takes this long; a busy machine running two suites takes a second."""


async def wait_until(
    pilot: Pilot[Any], condition: Callable[[], object], what: str, timeout_s: float = GENEROUS_S
) -> None:
    """Let the app run (``pilot.pause()`` with no delay) until ``condition()`` holds.

    Fails naming ``what`` was awaited when it does not hold within ``timeout_s`` seconds.
    """
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting after {timeout_s:.0f} s for {what}")
        await pilot.pause()
