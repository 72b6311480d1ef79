"""ExportDialog: choose CSV or JSON for exporting every order that matches the filters."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from porting_tui.local.export import ExportFormat
from porting_tui.tui.dialogs.dialog import Dialog


class ExportDialog(Dialog[ExportFormat | None]):
    """Returns the chosen format, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("c", "choose('csv')", "CSV"),
        Binding("j", "choose('json')", "JSON"),
    ]
    DEFAULT_CSS = """
    ExportDialog {
        & > #dialog { width: 64; }
        & #what { margin-bottom: 1; }
        & #buttons { height: auto; align-horizontal: right; }
        & Button { margin-left: 1; min-width: 10; }
    }
    """

    def __init__(self, description: str) -> None:
        super().__init__()
        self._description = description

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Export orders"
            yield Static(self._description, id="what", markup=False)
            with Horizontal(id="buttons"):
                yield Button("CSV (c)", variant="primary", id="csv")
                yield Button("JSON (j)", id="json")
                yield Button("Cancel", id="cancel")

    def action_choose(self, fmt: str) -> None:
        self.dismiss("json" if fmt == "json" else "csv")

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id in ("csv", "json"):
            self.action_choose(event.button.id)
        else:
            self.action_cancel()
