"""ConfigurationChangesDialog: what saving the porting defaults will change, before it is sent."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from porting_tui.domain.configuration_checks import ConfigurationChange
from porting_tui.tui.widgets.changes_table import changes_table


class ConfigurationChangesDialog(ModalScreen[bool]):
    """Returns True when the user confirms sending the changes; Esc and "n" cancel."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "Cancel"),
        Binding("y", "answer(True)", "Send"),
    ]
    DEFAULT_CSS = """
    ConfigurationChangesDialog {
        align: center middle;
        & > #dialog {
            width: 90; max-width: 100%; height: auto; max-height: 100%; padding: 0 1;
            border: round $warning; background: $surface;
        }
        & #intro { margin-bottom: 1; }
        & #changes { height: auto; margin-bottom: 1; }
        & #buttons { height: auto; align-horizontal: right; }
        & Button { margin-left: 1; min-width: 8; }
    }
    """

    def __init__(self, changes: Sequence[ConfigurationChange], *, creating: bool) -> None:
        super().__init__()
        self.changes = list(changes)
        self._creating = creating

    def compose(self) -> ComposeResult:
        verb = "Create" if self._creating else "Save"
        request = "POST" if self._creating else "PUT"
        intro = (
            f"{verb} the project's porting defaults ({request} /configuration) with "
            f"{len(self.changes)} change{'s' if len(self.changes) != 1 else ''}:"
        )
        with Vertical(id="dialog") as dialog:
            dialog.border_title = f"{verb} porting defaults"
            yield Static(Text(intro), id="intro")
            rows = [(change.label, change.before, change.after) for change in self.changes]
            yield Static(changes_table(rows, label_title="Setting"), id="changes")
            with Horizontal(id="buttons"):
                yield Button(f"{verb} (y)", variant="warning", id="yes")
                yield Button("Cancel (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
