"""ConfigurationChangesDialog: what saving the porting defaults will change, before it is sent."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from porting_tui.domain.configuration_checks import ConfigurationChange

NOT_SET = "(not set)"


def changes_table(changes: Sequence[ConfigurationChange]) -> Table:
    """Setting, current value and new value; every value shown literally."""
    table = Table(box=None, padding=(0, 1), expand=True, show_edge=False)
    table.add_column("Setting", no_wrap=True, style="bold")
    table.add_column("Now", overflow="fold", ratio=1)
    table.add_column("After saving", overflow="fold", ratio=1)
    for change in changes:
        table.add_row(
            Text(change.label),
            Text(change.before or NOT_SET, style="" if change.before else "dim"),
            Text(change.after or NOT_SET, style="bold" if change.after else "dim"),
        )
    return table


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
            yield Static(changes_table(self.changes), id="changes")
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
