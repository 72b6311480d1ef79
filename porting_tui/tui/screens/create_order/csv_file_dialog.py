"""CsvFileDialog: ask for the path of an order CSV to import into the wizard."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from porting_tui.tui.dialogs.dialog import Dialog


class CsvFileDialog(Dialog[Path | None]):
    """Returns the path typed (``~`` expanded), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    CsvFileDialog {
        & > #dialog { width: 72; border: round $accent; }
        & #csv-error { color: $error; height: auto; }
        & #csv-help { color: $text-muted; }
    }
    """

    def __init__(self, start_dir: Path) -> None:
        super().__init__()
        self._start_dir = start_dir

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Import numbers from a CSV file"
            yield Static(
                "UTF-8, comma or semicolon separated, a phoneNumber column and any API field "
                "columns (ctrl+t in the wizard writes a template). Enter imports, Esc cancels.",
                id="csv-help",
                markup=False,
            )
            yield Input(placeholder=f"{self._start_dir}/numbers.csv", id="csv-path")
            yield Static("", id="csv-error", markup=False)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#csv-path")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.query_one("#csv-error", Static).update("Type the path of a CSV file.")
            return
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self._start_dir / path
        if not path.is_file():
            self.query_one("#csv-error", Static).update(f"No such file: {path}")
            return
        self.dismiss(path)
