"""FirstRunApp: the small app shown when there is no profile, before the main app starts."""

from __future__ import annotations

import httpx
from textual.app import App

from porting_tui.tui.screens.first_run_screen import DEMO, FirstRunScreen

__all__ = ["DEMO", "FirstRunApp", "run_first_run"]


class FirstRunApp(App[str | None]):
    """Returns the saved profile's name, DEMO, or None when the user quits."""

    TITLE = "porting-tui"

    def __init__(self, transport: httpx.AsyncBaseTransport | None = None) -> None:
        super().__init__()
        self._transport = transport

    def on_mount(self) -> None:
        self.push_screen(FirstRunScreen(self._transport), self.exit)


def run_first_run() -> str | None:
    return FirstRunApp().run()
