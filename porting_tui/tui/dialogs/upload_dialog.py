"""UploadDialog: pick a file (typed with completion, or browsed), describe it, attach it."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from porting_tui.client import OrderDocument, PortingError
from porting_tui.domain.document_files import (
    MAX_UPLOAD_BYTES,
    DocumentFileError,
    human_size,
    read_document,
)
from porting_tui.domain.inert_text import inert_text
from porting_tui.listing.session import Session
from porting_tui.tui.daemon_thread import in_daemon_thread
from porting_tui.tui.dialogs.action_dialog import DIALOG_CSS, ActionDialog, failure_text
from porting_tui.tui.dialogs.file_picker_dialog import FilePickerDialog
from porting_tui.tui.widgets.path_input import PathInput, expand

NOT_SENT_TWICE = (
    "The document may have been attached: close this dialog and refresh the order (r) before "
    "uploading it again."
)


class UploadDialog(ActionDialog[OrderDocument]):
    """Returns the attached document's metadata; refuses files over ``limit`` before sending."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "send", "Upload"),
        Binding("ctrl+b", "browse", "Browse for the file"),
    ]
    DEFAULT_CSS = "UploadDialog {" + DIALOG_CSS + "& Input { width: 1fr; } }"

    def __init__(
        self, session: Session, order_id: int, *, limit: int = MAX_UPLOAD_BYTES, start: str = ""
    ) -> None:
        super().__init__(session)
        self.order_id = order_id
        self.limit = limit
        self._start = start
        self._suggested_name = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = f"Upload a document to order {self.order_id}"
            yield Static(
                Text(
                    f"An LOA, a copy of a bill… at most {human_size(self.limit)}. "
                    "Tab completes the path; ctrl+b browses."
                ),
                classes="dialog-intro",
            )
            yield Label("File", classes="dialog-label")
            yield PathInput(self._start, placeholder="~/scans/LOA.pdf", id="path")
            info = Static("", id="file-info", markup=False)
            info.display = False
            yield info
            yield Label("Document name", classes="dialog-label")
            yield Input(placeholder="the file's name", compact=True, id="name")
            yield Label("Description", classes="dialog-label")
            yield Input(placeholder="LOA, bill copy…", compact=True, id="description")
            yield self.error_line()
            yield self.status_line()
            with Horizontal(id="buttons"):
                yield Button("Upload (ctrl+s)", variant="primary", id="send")
                yield Button("Browse (ctrl+b)", id="browse")
                yield Button("Close (esc)", id="close")

    def on_mount(self) -> None:
        self.query_one("#path", PathInput).focus()

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def has_input(self) -> bool:
        return any(self._value(name).strip() for name in ("path", "name", "description"))

    @on(Input.Changed, "#path")
    def _path_changed(self, event: Input.Changed) -> None:
        path = expand(event.value) if event.value.strip() else None
        name_input = self.query_one("#name", Input)
        # The name follows the file until the operator types one of their own.
        if name_input.value in ("", self._suggested_name):
            self._suggested_name = path.name if path is not None else ""
            name_input.value = self._suggested_name
        note = self._size_note(path)
        info = self.query_one("#file-info", Static)
        info.update(note)
        info.display = bool(note)

    def _size_note(self, path: Path | None) -> str:
        try:
            if path is None or not path.is_file():
                return ""
            size = path.stat().st_size
        except OSError:
            return ""
        over = f" — over the {human_size(self.limit)} limit" if size > self.limit else ""
        return human_size(size) + over

    @on(Button.Pressed, "#browse")
    def _browse_pressed(self) -> None:
        self.action_browse()

    def action_browse(self) -> None:
        typed = self._value("path").strip()
        start = expand(typed) if typed else Path.home()

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.query_one("#path", PathInput).value = str(path)

        self.app.push_screen(FilePickerDialog(start, title="Choose the file to upload"), chosen)

    def action_send(self) -> None:
        if self.sending:
            return
        typed = self._value("path").strip()
        if not typed:
            self.show_error("Type the path of the file to upload, or browse for it (ctrl+b).")
            return
        name = self._value("name").strip() or expand(typed).name
        self.show_error(None)
        self.set_sending(True, f"Reading {typed}…")
        self._send(expand(typed), name, self._value("description"))

    @work(exclusive=True, group="send")
    async def _send(self, path: Path, name: str, description: str) -> None:
        try:
            # Only regular files, bounded; on a daemon thread, so a stuck read cannot keep
            # the process alive after ctrl+q.
            content = await in_daemon_thread(lambda: read_document(path, self.limit))
        except DocumentFileError as error:
            self.set_sending(False)
            self.show_error(Text(inert_text(str(error))))
            return
        self.show_status(f"Uploading {name} ({human_size(len(content))})…")
        try:
            document = await self.session.client.orders.upload_document(
                self.order_id, name, content, description=description
            )
        except PortingError as error:
            self.set_sending(False)
            self.show_error(failure_text(error, self.session, unsure=NOT_SENT_TWICE))
            return
        self.set_sending(False)
        self.dismiss(document)
