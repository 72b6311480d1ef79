"""DownloadDialog: save an order's document in a folder under a name that cannot escape it."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Select, Static

from porting_tui.client import OrderDocument, PortingError
from porting_tui.domain.document_files import (
    DocumentFileError,
    human_size,
    safe_file_name,
    save_document,
)
from porting_tui.domain.inert_text import inert_text
from porting_tui.listing.session import Session
from porting_tui.tui.dialogs.action_dialog import DIALOG_CSS, ActionDialog, failure_text
from porting_tui.tui.dialogs.file_picker_dialog import FilePickerDialog
from porting_tui.tui.widgets.path_input import PathInput, expand


@dataclass(frozen=True)
class SavedDocument:
    path: Path
    size: int


def fallback_name(document_id: int | str | None) -> str:
    return f"document-{document_id}" if document_id is not None else "document"


def document_label(document: OrderDocument) -> str:
    name = inert_text(document.document_name) or "(no name)"
    description = inert_text(document.description)
    return f"{document.id} · {name}" + (f" — {description}" if description else "")


class DownloadDialog(ActionDialog[SavedDocument]):
    """Returns where the document was saved; an existing file is never replaced."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "send", "Download"),
        Binding("ctrl+b", "browse", "Browse for a folder"),
    ]
    DEFAULT_CSS = "DownloadDialog {" + DIALOG_CSS + "& Input, & Select { width: 1fr; } }"

    def __init__(
        self,
        session: Session,
        order_id: int,
        documents: Sequence[OrderDocument],
        chosen: int = 0,
    ) -> None:
        super().__init__(session)
        self.order_id = order_id
        self.documents = list(documents)
        self._chosen = chosen

    def compose(self) -> ComposeResult:
        choices = [(document_label(d), index) for index, d in enumerate(self.documents)]
        with Vertical(id="dialog") as dialog:
            dialog.border_title = f"Download a document of order {self.order_id}"
            yield Label("Document", classes="dialog-label")
            yield Select(choices, value=self._chosen, allow_blank=False, compact=True, id="doc")
            yield Label("Folder", classes="dialog-label")
            yield PathInput(str(self.session.export_dir()), folders_only=True, id="folder")
            yield Static("", id="target", markup=False)
            yield self.error_line()
            yield self.status_line()
            with Horizontal(id="buttons"):
                yield Button("Download (ctrl+s)", variant="primary", id="send")
                yield Button("Browse (ctrl+b)", id="browse")
                yield Button("Close (esc)", id="close")

    def on_mount(self) -> None:
        self._show_target()
        self.query_one("#doc", Select).focus()

    @property
    def document(self) -> OrderDocument:
        value = self.query_one("#doc", Select).value
        return self.documents[value if isinstance(value, int) else 0]

    def _show_target(self) -> None:
        document = self.document
        name = safe_file_name(document.document_name, fallback_name(document.id))
        folder = self.query_one("#folder", PathInput).path
        note = f"Saved as {folder / name} (a numbered copy if that file exists)"
        self.query_one("#target", Static).update(Text(inert_text(note)))

    @on(Select.Changed, "#doc")
    @on(PathInput.Changed, "#folder")
    def _changed(self) -> None:
        self._show_target()

    @on(Button.Pressed, "#browse")
    def _browse_pressed(self) -> None:
        self.action_browse()

    def action_browse(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self.query_one("#folder", PathInput).value = str(path)

        start = self.query_one("#folder", PathInput).path
        self.app.push_screen(
            FilePickerDialog(start, folders=True, title="Choose the folder to save in"), chosen
        )

    def action_send(self) -> None:
        if self.sending:
            return
        typed = self.query_one("#folder", PathInput).value.strip()
        if not typed:
            self.show_error("Type the folder to save in, or browse for one (ctrl+b).")
            return
        document = self.document
        if document.id is None:
            self.show_error("This document has no id, so it cannot be downloaded.")
            return
        self.show_error(None)
        self.set_sending(True, f"Downloading {document_label(document)}…")
        self._download(document.id, expand(typed))

    @work(exclusive=True, group="send")
    async def _download(self, document_id: int, folder: Path) -> None:
        try:
            content = await self.session.client.orders.get_document(self.order_id, document_id)
        except PortingError as error:
            self.set_sending(False)
            self.show_error(failure_text(error, self.session, advice="ctrl+s tries again."))
            return
        # The name in the answer is the server's; save_document keeps it inside ``folder``.
        name = content.document_name or self.document.document_name
        try:
            path = await asyncio.to_thread(
                save_document, folder, name, content.content, fallback_name(document_id)
            )
        except DocumentFileError as error:
            self.set_sending(False)
            self.show_error(Text(inert_text(str(error))))
            return
        self.set_sending(False)
        self.dismiss(SavedDocument(path, len(content.content)))


def saved_message(saved: SavedDocument) -> str:
    return inert_text(f"Saved {human_size(saved.size)} to {saved.path}")
