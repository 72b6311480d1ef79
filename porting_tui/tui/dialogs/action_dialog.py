"""ActionDialog: a dialog that sends its own request, so a failure keeps it open with the input."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Static

from porting_tui.client import (
    InvalidResponseError,
    PortingConnectionError,
    PortingError,
    RateLimitError,
    ServerError,
)
from porting_tui.listing.problems import describe_problem
from porting_tui.listing.session import Session
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.dialogs.dialog import Dialog

ResultT = TypeVar("ResultT")
_RETRY_ADVICE = re.compile(r"[;.]? *press r to retry\.?$")
KEPT = "What you typed is kept: correct it or send again when ready."
# The frame comes from Dialog; these are the parts every ActionDialog composes.
DIALOG_CSS = """
    & .dialog-intro { color: $text-muted; margin-bottom: 1; }
    & .dialog-label { color: $text-muted; margin-top: 1; }
    & #error { color: $text-error; height: auto; display: none; margin-top: 1; }
    & #error.-shown { display: block; }
    & #status { color: $text-muted; height: auto; display: none; }
    & #status.-shown { display: block; }
    & #buttons { height: auto; align-horizontal: right; margin-top: 1; }
    & #buttons Button { margin-left: 1; min-width: 10; }
"""


def failure_text(
    error: PortingError, session: Session, *, unsure: str = "", advice: str = KEPT
) -> Text:
    """What went wrong, literally; ``unsure`` says what to check when the outcome is unknown."""
    if isinstance(error, RateLimitError):
        wait = f"{error.retry_after:.0f} s" if error.retry_after else "a minute"
        title, detail = f"Rate limited by {session.api_host}", f"Wait {wait} and send again."
    else:
        problem = describe_problem(error, session)
        title, detail = problem.title, _RETRY_ADVICE.sub(".", problem.detail).rstrip()
    text = Text()
    text.append(title, style="bold")
    text.append(f"\n{detail}")
    # No answer, an unreadable one (it came with a success status) or the server failed: the
    # request may have been carried out all the same.
    if unsure and isinstance(error, PortingConnectionError | ServerError | InvalidResponseError):
        text.append(f"\n{unsure}")
    if advice:
        text.append(f"\n{advice}")
    return text


class ActionDialog(Dialog[ResultT]):
    """Subclasses compose ``#error`` and ``#status`` Statics and a ``#send`` Button.

    While a request runs, ``#send`` is disabled; Esc asks before dropping typed input.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.sending = False

    def error_line(self) -> Static:
        return Static("", id="error", markup=False)

    def status_line(self) -> Static:
        return Static("", id="status", markup=False)

    def show_error(self, text: Text | str | None) -> None:
        line = self.query_one("#error", Static)
        line.update(text or "")
        line.set_class(bool(text), "-shown")

    def show_status(self, text: str) -> None:
        line = self.query_one("#status", Static)
        line.update(text)
        line.set_class(bool(text), "-shown")

    def set_sending(self, sending: bool, status: str = "") -> None:
        self.sending = sending
        for button in self.query("#send").results(Button):
            button.disabled = sending
        self.show_status(status)

    def has_input(self) -> bool:
        """Whether closing would drop something the operator typed."""
        return False

    def input_on_quit(self) -> str | None:
        """What quitting the app now would do to the typed input (None: nothing typed)."""
        if not self.has_input():
            return None
        titles = [str(box.border_title or "") for box in self.query("#dialog").results(Vertical)]
        name = titles[0] if titles and titles[0] else "A dialog"
        return f"{name}: what you typed is lost."

    # Every subclass has an ``action_send``; its button and the close button route here.
    @on(Button.Pressed, "#send")
    async def _send_pressed(self) -> None:
        await self.run_action("send")

    @on(Button.Pressed, "#close")
    def _close_pressed(self) -> None:
        self.action_close()

    def action_close(self) -> None:
        if self.sending:
            self.notify("Wait for the answer: the request is on its way.", severity="warning")
            return
        if not self.has_input():
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog("Discard what you typed?", "Close and lose what you typed?", "Discard"),
            answered,
        )


def typed_input_on_quit(screens: Iterable[Screen[Any]]) -> list[str]:
    """For each open screen holding typed input, what quitting would do to it.

    A screen takes part by having an ``input_on_quit() -> str | None`` method, as
    :class:`ActionDialog` does.
    """
    notes: list[str] = []
    for screen in screens:
        ask = getattr(screen, "input_on_quit", None)
        if callable(ask) and isinstance(note := ask(), str):
            notes.append(note)
    return notes
