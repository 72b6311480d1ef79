"""ConfirmDialog: ask before doing something that cannot be undone with a key."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from porting_tui.tui.dialogs.dialog import Dialog


class ConfirmDialog(Dialog[bool]):
    """Returns True only when the user confirms; Esc and "n" say no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "No"),
        Binding("y", "answer(True)", "Yes"),
    ]
    DEFAULT_CSS = """
    ConfirmDialog {
        & > #dialog { width: 60; }
        & #question { margin-bottom: 1; }
        & #buttons { height: auto; align-horizontal: right; }
        & Button { margin-left: 1; min-width: 8; }
    }
    """

    def __init__(
        self,
        title: str,
        question: str,
        confirm_label: str = "Yes",
        refuse_label: str = "No",
        *,
        tone: Literal["warning", "success"] = "warning",
    ) -> None:
        """``tone`` is "warning" for what is hard to undo, "success" for a step forward."""
        super().__init__(classes=f"-{tone}")
        self._title = title
        self._question = question
        self._confirm_label = confirm_label
        self._refuse_label = refuse_label
        self._tone: Literal["warning", "success"] = tone

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = self._title
            yield Static(self._question, id="question", markup=False)
            with Horizontal(id="buttons"):
                yield Button(f"{self._confirm_label} (y)", variant=self._tone, id="yes")
                yield Button(f"{self._refuse_label} (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


def quit_asking_first(app: App[Any]) -> None:
    """Quit ``app``, after asking when an open dialog holds typed text (a note, an edit)."""
    from porting_tui.tui.dialogs.action_dialog import typed_input_on_quit

    notes = typed_input_on_quit(app.screen_stack)
    if not notes:
        app.exit()
        return
    if isinstance(app.screen, ConfirmDialog):
        return

    def answered(quit_now: bool | None) -> None:
        if quit_now:
            app.exit()

    question = "Quit porting-tui?\n" + "\n".join(notes)
    app.push_screen(ConfirmDialog("Quit?", question, "Quit", "Stay"), answered)
