"""SubmitDialog: the last question before an order is sent to Sinch."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class SubmitDialog(ModalScreen[bool]):
    """True only when the user confirms with ``y`` or the Submit button."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "No"),
        Binding("y", "answer(True)", "Submit"),
    ]
    DEFAULT_CSS = """
    SubmitDialog {
        align: center middle;
        & > #dialog {
            width: 64; max-width: 100%; height: auto; padding: 0 1;
            border: round $success; background: $surface;
        }
        & #question { margin-bottom: 1; }
        & #buttons { height: auto; align-horizontal: right; }
        & Button { margin-left: 1; min-width: 8; }
    }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Submit the order?"
            yield Static(self._question, id="question", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Submit (y)", variant="success", id="yes")
                yield Button("Not yet (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
