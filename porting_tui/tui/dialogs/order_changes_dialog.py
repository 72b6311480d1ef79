"""OrderChangesDialog: what saving an edited order will change, before it is sent."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from porting_tui.domain.order_edit import EditChange
from porting_tui.tui.widgets.changes_table import changes_table


class OrderChangesDialog(ModalScreen[bool]):
    """Returns True when the operator confirms saving; Esc and "n" go back to the form."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "Back to the form"),
        Binding("y", "answer(True)", "Save"),
    ]
    DEFAULT_CSS = """
    OrderChangesDialog {
        align: center middle;
        & > #dialog {
            width: 100; max-width: 100%; height: auto; max-height: 100%; padding: 0 1;
            border: round $warning; background: $surface;
        }
        & #intro { margin-bottom: 1; }
        & VerticalScroll { height: auto; max-height: 16; }
        & #resubmitted { color: $text-warning; margin-top: 1; height: auto; }
        & #buttons { height: auto; align-horizontal: right; margin-top: 1; }
        & Button { margin-left: 1; min-width: 8; }
    }
    """

    def __init__(
        self, order_id: int, changes: Sequence[EditChange], resubmitted: Sequence[str] = ()
    ) -> None:
        super().__init__()
        self.order_id = order_id
        self.changes = list(changes)
        self.resubmitted = list(resubmitted)

    def compose(self) -> ComposeResult:
        count = len(self.changes)
        intro = (
            f"Save order {self.order_id} with {count} change{'s' if count != 1 else ''}? "
            "Everything else on the order stays as the server has it."
        )
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "What will change"
            yield Static(Text(intro), id="intro")
            with VerticalScroll():
                rows = [(change.label, change.before, change.after) for change in self.changes]
                yield Static(changes_table(rows, label_title="Field", label_ratio=2), id="changes")
            if self.resubmitted:
                numbers = ", ".join(self.resubmitted)
                yield Static(
                    Text(
                        f"Rejected numbers go back to the losing carrier (PENDING again): {numbers}"
                    ),
                    id="resubmitted",
                )
            with Horizontal(id="buttons"):
                yield Button("Save (y)", variant="warning", id="yes")
                yield Button("Back (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
