"""WizardConfirmDialog: a yes/no question of the order wizard (submit, delete a draft)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class WizardConfirmDialog(ModalScreen[bool]):
    """True only when the user confirms with ``y`` or the confirm button; Esc and ``n`` say no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "No"),
        Binding("y", "answer(True)", "Yes"),
    ]
    DEFAULT_CSS = """
    WizardConfirmDialog {
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

    def __init__(self, title: str, question: str, confirm: str, refuse: str = "No") -> None:
        super().__init__()
        self._title = title
        self._question = question
        self._confirm = confirm
        self._refuse = refuse

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = self._title
            yield Static(self._question, id="question", markup=False)
            with Horizontal(id="buttons"):
                yield Button(f"{self._confirm} (y)", variant="success", id="yes")
                yield Button(f"{self._refuse} (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
