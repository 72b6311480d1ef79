"""SaveViewDialog: ask for the name under which the current filters become a view tab."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from porting_tui.local.saved_views import SavedViewsError, validate_name
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.dialogs.dialog import Dialog


class SaveViewDialog(Dialog[str | None]):
    """Returns the chosen name, or None when cancelled; an existing name is replaced only
    after a confirmation."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    SaveViewDialog {
        & > #dialog { width: 60; }
        & #summary { color: $text-muted; }
        & #error { color: $text-error; }
    }
    """

    def __init__(
        self, summary: str, taken: list[str], reserved: list[str], suggestion: str = ""
    ) -> None:
        super().__init__()
        self._summary = summary
        self._taken = taken
        self._reserved = {name.casefold() for name in reserved}
        self._suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Save the current filters as a view"
            yield Static(self._summary or "no filters: every order", id="summary", markup=False)
            yield Label("Name")
            yield Input(self._suggestion, placeholder="ACME last 7 days", id="name", compact=True)
            yield Static(id="error", markup=False)
            yield Static("enter save · esc cancel", markup=False)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        error = self.query_one("#error", Static)
        clash = event.value.strip() in self._taken
        error.update(
            f"{event.value.strip()!r} exists: enter asks before replacing it" if clash else ""
        )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            name = validate_name(event.value)
        except SavedViewsError as error:
            self.query_one("#error", Static).update(str(error))
            return
        if name.casefold() in self._reserved:
            self.query_one("#error", Static).update(f"{name!r} is a built-in view; pick another")
            return
        if name not in self._taken:
            self.dismiss(name)
            return

        def answered(replace: bool | None) -> None:
            if replace:
                self.dismiss(name)
            else:
                self.query_one("#name", Input).focus()

        question = (
            f"A view named {name!r} exists. Replace its filters with these?\n"
            f"{self._summary or 'no filters: every order'}"
        )
        self.app.push_screen(
            ConfirmDialog("Replace the view?", question, "Replace", "Keep it"), answered
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
