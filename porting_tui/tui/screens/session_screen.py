"""SessionScreen: the base of screens that talk to the API for the session they are given."""

from __future__ import annotations

from datetime import datetime

from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker

from porting_tui.listing.session import Session


class SessionScreen(Screen[None]):
    """Holds the session and reports its workers' activity and fresh data up to the app."""

    HELP_TITLE = ""
    HELP_EXTRA: tuple[tuple[str, str], ...] = ()
    """(keys, description) rows for the help screen that are not single bindings."""

    class ActivityChanged(Message):
        """A worker of the screen started or stopped (the app shows a loading indicator)."""

    class DataRefreshed(Message):
        """The screen received fresh data from the API at ``at`` (by the session's clock)."""

        def __init__(self, at: datetime) -> None:
            super().__init__()
            self.at = at

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.post_message(self.ActivityChanged())

    def refreshed(self) -> None:
        self.post_message(self.DataRefreshed(self.session.now()))
