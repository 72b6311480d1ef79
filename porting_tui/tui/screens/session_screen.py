"""SessionScreen: the base of screens that talk to the API for the session they are given."""

from __future__ import annotations

from datetime import datetime

from textual.message import Message
from textual.screen import Screen

from porting_tui.listing.session import Session


class SessionScreen(Screen[None]):
    """Holds the session and reports fresh data up to the app (requests report themselves)."""

    HELP_TITLE = ""
    HELP_EXTRA: tuple[tuple[str, str], ...] = ()
    """(keys, description) rows for the help screen that are not single bindings."""

    class DataRefreshed(Message):
        """The screen received fresh data from the API at ``at`` (by the session's clock)."""

        def __init__(self, at: datetime) -> None:
            super().__init__()
            self.at = at

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def refreshed(self) -> None:
        self.post_message(self.DataRefreshed(self.session.now()))
