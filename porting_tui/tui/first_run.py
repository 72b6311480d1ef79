"""FirstRunApp: the small app shown when there is no profile, before the main app starts."""

from __future__ import annotations

import httpx

from porting_tui import start_collector
from porting_tui.tui.crash_safe_app import CrashSafeApp, run_app
from porting_tui.tui.screens.first_run_screen import DEMO, FirstRunScreen

__all__ = ["DEMO", "FirstRunApp", "run_first_run"]


class FirstRunApp(CrashSafeApp[str | None]):
    """Returns the saved profile's name, DEMO, or None when the user quits."""

    TITLE = "porting-tui"

    def __init__(self, transport: httpx.AsyncBaseTransport | None = None) -> None:
        super().__init__()
        self._transport = transport

    def on_mount(self) -> None:
        self.push_screen(FirstRunScreen(self._transport), self.exit)
        self.call_after_refresh(start_collector.release)


def run_first_run() -> str | None:
    return run_app(FirstRunApp)
