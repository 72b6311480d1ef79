"""DocumentsList: the documents attached to an order (id, name, description), names literal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text

from porting_tui.client import OrderDocument
from porting_tui.domain.inert_text import inert_text
from porting_tui.tui.widgets.table_keys import KeyedDataTable


class DocumentsList(KeyedDataTable[Text]):
    """One row per document, keyed by position; ``current_document`` is the highlighted one."""

    DEFAULT_CSS = """
    DocumentsList { height: 1fr; }
    """
    COLUMNS: ClassVar[tuple[str, ...]] = ("Id", "Name", "Description")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.documents: list[OrderDocument] = []

    def on_mount(self) -> None:
        self.add_columns(*self.COLUMNS)

    def show(self, documents: Sequence[OrderDocument]) -> None:
        row = self.cursor_row
        self.documents = list(documents)
        self.clear()
        for index, document in enumerate(self.documents):
            self.add_row(
                Text(str(document.id) if document.id is not None else "—"),
                Text(inert_text(document.document_name) or "(no name)"),
                Text(inert_text(document.description)),
                key=str(index),
            )
        if self.documents:
            self.move_cursor(row=min(row, len(self.documents) - 1))

    @property
    def current_document(self) -> OrderDocument | None:
        if not self.documents:
            return None
        return self.documents[min(max(self.cursor_row, 0), len(self.documents) - 1)]
