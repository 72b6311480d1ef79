"""FilterDialog: edit the order list's server-side filters, with errors shown at each field."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from porting_tui.listing.filters import (
    DATE_FORMS,
    FIELD_LABELS,
    KNOWN_STATUSES,
    FilterErrors,
    OrderFilters,
    to_query,
)
from porting_tui.tui.dialogs.dialog import Dialog
from porting_tui.tui.widgets.form_keys import IMMEDIATE_FOCUS_KEYS

# Two fields a row, the pairs that belong together side by side.
_LAYOUT = (
    ("status", "order_id"),
    ("created_from", "created_to"),
    ("foc_from", "foc_to"),
    ("reference", "phone"),
)
_PLACEHOLDERS = {
    "status": "e.g. PENDING",
    "order_id": "e.g. 897867",
    "created_from": "e.g. -30d",
    "created_to": "e.g. today",
    "foc_from": "e.g. today",
    "foc_to": "e.g. +7d",
    "reference": "e.g. ACME-42",
    "phone": "e.g. (312) 555-0143",
}


class FilterDialog(Dialog[OrderFilters | None]):
    """Returns the new filters, or None when cancelled; invalid input never leaves the dialog."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        *IMMEDIATE_FOCUS_KEYS,
        Binding("ctrl+s", "apply", "Apply"),
        # Not ctrl+x: in a field that is cut.
        Binding("ctrl+r", "clear", "Clear all"),
    ]
    DEFAULT_CSS = """
    FilterDialog {
        & > #dialog { width: 78; border-title-color: $text-primary; }
        & Grid { grid-size: 2; grid-gutter: 0 2; height: auto; }
        & .field { height: auto; }
        & .field Label { color: $text-muted; }
        & .field Input { margin: 0; }
        & .error { color: $text-error; height: auto; display: none; }
        & .error.-shown { display: block; }
        & #hint { color: $text-muted; margin-top: 1; }
        & #buttons { height: auto; align-horizontal: right; }
        & #buttons Button { margin-left: 1; min-width: 10; }
    }
    """

    def __init__(self, filters: OrderFilters, today: date) -> None:
        super().__init__()
        self._filters = filters
        self._today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Filters (sent to the API)"
            with Grid():
                for pair in _LAYOUT:
                    for name in pair:
                        with Vertical(classes="field"):
                            yield Label(FIELD_LABELS[name])
                            yield Input(
                                getattr(self._filters, name),
                                placeholder=_PLACEHOLDERS[name],
                                id=f"field-{name}",
                                compact=True,
                                suggester=(
                                    SuggestFromList(KNOWN_STATUSES, case_sensitive=False)
                                    if name == "status"
                                    else None
                                ),
                            )
                            yield Static(id=f"error-{name}", classes="error", markup=False)
            yield Static(
                f"Dates: {DATE_FORMS} · ctrl+s apply · ctrl+r clear all · esc cancel",
                id="hint",
                markup=False,
            )
            with Horizontal(id="buttons"):
                yield Button("Apply", variant="primary", id="apply")
                yield Button("Clear all", id="clear")
                yield Button("Cancel", id="cancel")

    def _typed(self) -> OrderFilters:
        values = {
            name: self.query_one(f"#field-{name}", Input).value for pair in _LAYOUT for name in pair
        }
        return OrderFilters().with_values(**values)

    def _show_errors(self, errors: dict[str, str], *, focus: bool = True) -> None:
        for pair in _LAYOUT:
            for name in pair:
                error = self.query_one(f"#error-{name}", Static)
                message = errors.get(name, "")
                error.update(message)
                error.set_class(bool(message), "-shown")
        if errors and focus:
            self.query_one(f"#field-{next(iter(errors))}", Input).focus()

    @on(Input.Changed)
    def _recheck_shown_errors(self) -> None:
        """Errors already shown follow the typing: a fixed field loses its error at once.

        Fields without an error get none while typing (a half-typed date is not wrong yet).
        """
        shown = {
            name
            for pair in _LAYOUT
            for name in pair
            if self.query_one(f"#error-{name}", Static).has_class("-shown")
        }
        if not shown:
            return
        try:
            to_query(self._typed(), self._today)
        except FilterErrors as problems:
            errors = {name: text for name, text in problems.errors.items() if name in shown}
        else:
            errors = {}
        self._show_errors(errors, focus=False)

    def action_apply(self) -> None:
        filters = self._typed()
        try:
            query = to_query(filters, self._today)
        except FilterErrors as problems:
            self._show_errors(problems.errors)
            return
        # Dates stay as typed (so -7d stays relative); status and number as the API has them.
        self.dismiss(
            filters.with_values(status=query.get("status", ""), phone=query.get("phone_number", ""))
        )

    def action_clear(self) -> None:
        for pair in _LAYOUT:
            for name in pair:
                self.query_one(f"#field-{name}", Input).value = ""
        self._show_errors({})
        self.query_one("#field-status", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#apply")
    def _apply_pressed(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#clear")
    def _clear_pressed(self) -> None:
        self.action_clear()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
