"""NoteDialog: write a note on an order in a multi-line editor and send it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import ClassVar, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static, TextArea

from porting_tui.client import NoteCreated, PortingError
from porting_tui.listing.session import Session
from porting_tui.local.store import LocalStore, StoreError
from porting_tui.local.text_drafts import TextDraftStore
from porting_tui.tui.dialogs.action_dialog import DIALOG_CSS, ActionDialog, failure_text
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog

T = TypeVar("T")
NOT_SENT_TWICE = (
    "The note may have been added: close this dialog and refresh the order (r) before "
    "sending it again."
)


def open_text_drafts(session: Session) -> tuple[TextDraftStore | None, LocalStore | None]:
    """The drafts in the session's local store (the demo's throwaway one), else in the user's
    store, opened here and returned second for the caller to close; (None, None) if neither."""
    local = session.attention.local.store if session.attention is not None else None
    opened = None
    try:
        if local is None:
            local = opened = LocalStore.open()
        return TextDraftStore(local), opened
    except (StoreError, sqlite3.Error, OSError):
        if opened is not None:
            opened.close()
        return None, None


def saved_time(updated_at: str) -> str:
    """``2026-11-27 14:02 UTC`` from a stored timestamp."""
    return updated_at[:16].replace("T", " ") + " UTC"


class NoteDialog(ActionDialog[NoteCreated]):
    """Returns the created note; on a failure it stays open with the text and says why.

    The text is saved as a draft of this order as it is typed: Esc (or quitting the app, or a
    dropped SSH session) keeps it, and the next note on the same order starts from it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "send", "Send note"),
        Binding("f8", "discard", "Discard the draft"),
    ]
    DEFAULT_CSS = "NoteDialog {" + DIALOG_CSS + "& TextArea { height: 10; } }"

    def __init__(
        self,
        session: Session,
        order_id: int,
        text: str = "",
        drafts: TextDraftStore | None = None,
    ) -> None:
        """``drafts`` defaults to the local store (see :func:`open_text_drafts`)."""
        super().__init__(session)
        self.order_id = order_id
        self._initial = text
        self._opened: LocalStore | None = None
        if drafts is None:
            drafts, self._opened = open_text_drafts(session)
        self._drafts = drafts
        self._draft_problem: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = f"Note on order {self.order_id}"
            yield Static(
                Text(
                    "Sinch's porting team reads notes on the order. Long lines wrap; the text is "
                    "sent as typed, and kept as a draft of this order until it is sent."
                ),
                classes="dialog-intro",
            )
            yield TextArea(self._initial, id="note", soft_wrap=True, show_line_numbers=False)
            yield self.error_line()
            yield self.status_line()
            with Horizontal(id="buttons"):
                yield Button("Send (ctrl+s)", variant="primary", id="send")
                yield Button("Close (esc)", id="close")

    def on_mount(self) -> None:
        area = self.query_one("#note", TextArea)
        area.focus()
        draft = (
            self._draft_call(lambda d: d.load(self._project, "note", self._subject))
            if not self._initial
            else None
        )
        if draft is not None:
            with self.prevent(TextArea.Changed):
                area.text = draft.text
            area.move_cursor(area.document.end)
            self.show_status(
                f"Your unsent note from {saved_time(draft.updated_at)} is back: send it, change "
                "it, or f8 to discard it."
            )

    def on_unmount(self) -> None:
        if self._opened is not None:
            self._opened.close()

    @property
    def _project(self) -> str:
        return self.session.project_id

    @property
    def _subject(self) -> str:
        return str(self.order_id)

    def _draft_call(self, call: Callable[[TextDraftStore], T]) -> T | None:
        """Run ``call`` on the draft store; a failure is said once and turns drafts off."""
        if self._drafts is None:
            return None
        try:
            return call(self._drafts)
        except (sqlite3.Error, OSError) as error:
            self._drafts = None
            self._draft_problem = f"The note cannot be kept as a draft: {error}"
            self.notify(self._draft_problem, severity="warning", markup=False)
            return None

    @property
    def text(self) -> str:
        return self.query_one("#note", TextArea).text

    @property
    def keeps_drafts(self) -> bool:
        return self._drafts is not None

    @on(TextArea.Changed, "#note")
    def _typed(self) -> None:
        text = self.text
        self._draft_call(lambda d: d.save(self._project, "note", self._subject, text))

    def has_input(self) -> bool:
        return bool(self.text.strip())

    def input_on_quit(self) -> str | None:
        if not self.has_input():
            return None
        # The demo's store goes with the demo, so its drafts do not outlive the quit.
        if self.keeps_drafts and not self.session.demo:
            return f"The note on order {self.order_id} is kept as a draft; n on it brings it back."
        return super().input_on_quit()

    def action_close(self) -> None:
        if self.sending or not self.has_input() or not self.keeps_drafts:
            super().action_close()
            return
        self.notify(
            f"The note is kept as a draft: n on order {self.order_id} brings it back.",
            timeout=6,
            markup=False,
        )
        self.dismiss(None)

    def action_discard(self) -> None:
        if self.sending:
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self._draft_call(lambda d: d.delete(self._project, "note", self._subject))
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog("Discard the note?", "Close and delete this note?", "Discard"),
            answered,
        )

    def action_send(self) -> None:
        if self.sending:
            return
        if not self.text.strip():
            self.show_error("Write the note first: it cannot be empty.")
            return
        self.show_error(None)
        self.set_sending(True, "Sending the note…")
        self._send(self.text)

    @work(exclusive=True, group="send")
    async def _send(self, text: str) -> None:
        try:
            created = await self.session.client.orders.add_note(self.order_id, text)
        except PortingError as error:
            self.set_sending(False)
            self.show_error(failure_text(error, self.session, unsure=NOT_SENT_TWICE))
            return
        self.set_sending(False)
        self._draft_call(lambda d: d.delete(self._project, "note", self._subject))
        self.dismiss(created)
