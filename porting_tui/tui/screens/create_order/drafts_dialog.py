"""DraftsDialog: the unfinished orders of this project, to resume or delete."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from porting_tui.local.drafts import DraftStore, DraftSummary
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.dialogs.dialog import Dialog
from porting_tui.tui.widgets.key_footer import KeyFooter
from porting_tui.tui.widgets.table_keys import KeyedDataTable


def saved_at(summary: DraftSummary) -> str:
    """``2026-11-27 14:02 UTC`` from the stored timestamp."""
    try:
        moment = datetime.fromisoformat(summary.updated_at.replace("Z", "+00:00"))
    except ValueError:
        return summary.updated_at
    return f"{moment:%Y-%m-%d %H:%M} UTC"


class DraftsDialog(Dialog[str | None]):
    """Returns the id of the draft to resume, or None; ``d`` deletes one after a confirmation."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("enter", "resume", "Resume"),
        Binding("d", "delete", "Delete"),
    ]
    DEFAULT_CSS = """
    DraftsDialog {
        & > #dialog { width: 90%; max-width: 110; height: 80%; border: round $accent; }
        & #drafts-empty { color: $text-muted; }
        & DataTable { height: 1fr; }
    }
    """

    def __init__(self, drafts: DraftStore, project_id: str) -> None:
        super().__init__()
        self._drafts = drafts
        self._project_id = project_id
        self._deleted = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Order drafts"
            yield Static("", id="drafts-empty", markup=False)
            yield KeyedDataTable[Text | str](cursor_type="row", id="drafts-table")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Draft", "Where", "Saved", "Profile")
        self._fill()
        table.focus()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        summaries = self._drafts.summaries(self._project_id)
        for summary in summaries:
            table.add_row(
                Text(summary.title),
                summary.step_title,
                saved_at(summary),
                Text(summary.profile),
                key=summary.draft_id,
            )
        if summaries:
            empty = ""
        elif self._deleted:
            empty = "No drafts left: the last one was deleted."
        else:
            # Drafts go when submitted, discarded (f8) or deleted: which one is not known here.
            empty = (
                "No drafts of this project: an order started with n is kept here until it "
                "is submitted or discarded."
            )
        self.query_one("#drafts-empty", Static).update(empty)

    def _selected(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return str(row_key.value)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_resume(self) -> None:
        draft_id = self._selected()
        if draft_id is not None:
            self.dismiss(draft_id)

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_resume()

    def action_delete(self) -> None:
        draft_id = self._selected()
        if draft_id is None:
            return

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                if self._drafts.delete(draft_id):
                    self._deleted += 1
                self._fill()

        question = "Delete this draft? What was typed in it (PINs included) is gone for good."
        self.app.push_screen(
            ConfirmDialog("Delete the draft?", question, "Delete", "Keep"), answered
        )
