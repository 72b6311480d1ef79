"""NoteDialog: write a note on an order in a multi-line editor and send it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static, TextArea

from porting_tui.client import NoteCreated, PortingError
from porting_tui.listing.session import Session
from porting_tui.tui.dialogs.action_dialog import DIALOG_CSS, ActionDialog, failure_text

NOT_SENT_TWICE = (
    "The note may have been added: close this dialog and refresh the order (r) before "
    "sending it again."
)


class NoteDialog(ActionDialog[NoteCreated]):
    """Returns the created note; on a failure it stays open with the text and says why."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+s", "send", "Send note")]
    DEFAULT_CSS = "NoteDialog {" + DIALOG_CSS + "& TextArea { height: 10; } }"

    def __init__(self, session: Session, order_id: int, text: str = "") -> None:
        super().__init__(session)
        self.order_id = order_id
        self._initial = text

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = f"Note on order {self.order_id}"
            yield Static(
                Text(
                    "Sinch's porting team reads notes on the order. Long lines wrap; the text is "
                    "sent as typed."
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
        self.query_one("#note", TextArea).focus()

    @property
    def text(self) -> str:
        return self.query_one("#note", TextArea).text

    def has_input(self) -> bool:
        return bool(self.text.strip())

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
        self.dismiss(created)
