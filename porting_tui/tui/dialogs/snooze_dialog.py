"""SnoozeDialog: put an order out of Needs attention until it changes or until a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from porting_tui.domain.business_days import next_business_day
from porting_tui.listing.filters import DATE_FORMS, parse_date
from porting_tui.tui.dialogs.dialog import Dialog
from porting_tui.tui.widgets.form_keys import IMMEDIATE_FOCUS_KEYS


@dataclass(frozen=True)
class SnoozeChoice:
    until: date | None
    """The day the order comes back; None: when it changes."""


def parse_until(text: str, today: date) -> date | None:
    """The day typed (None when empty: until the order changes); ValueError says what to fix."""
    if not text.strip():
        return None
    day = parse_date(text, today)
    if day <= today:
        raise ValueError(
            f"{day.isoformat()} is not after today; give a later day, or leave it empty to "
            "snooze until the order changes"
        )
    return day


class SnoozeDialog(Dialog[SnoozeChoice | None]):
    """Enter with the field empty snoozes until the order changes; a day snoozes until then."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        *IMMEDIATE_FOCUS_KEYS,
    ]
    DEFAULT_CSS = """
    SnoozeDialog {
        & > #dialog { width: 64; }
        & #question { margin-bottom: 1; }
        & Label { color: $text-muted; }
        & #error { color: $text-error; height: auto; }
        & #buttons { height: auto; align-horizontal: right; margin-top: 1; }
        & #buttons Button { margin-left: 1; min-width: 10; }
    }
    """

    def __init__(self, order_id: int, reasons: str, today: date) -> None:
        super().__init__()
        self._order_id = order_id
        self._reasons = reasons
        self._today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = f"Snooze order {self._order_id}"
            yield Static(
                f"Needs attention: {self._reasons}.\n"
                "It leaves the view until it changes, or until the day you give.",
                id="question",
                markup=False,
            )
            yield Label("Until (empty: until the order changes)")
            yield Input(
                placeholder=f"e.g. {next_business_day(self._today).isoformat()} or +3d",
                id="until",
                compact=True,
            )
            yield Static(id="error", markup=False)
            yield Static(f"Days: {DATE_FORMS}", id="hint", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Snooze", variant="primary", id="snooze")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#until", Input).focus()

    def action_snooze(self) -> None:
        try:
            until = parse_until(self.query_one("#until", Input).value, self._today)
        except ValueError as error:
            self.query_one("#error", Static).update(str(error))
            self.query_one("#until", Input).focus()
            return
        self.dismiss(SnoozeChoice(until))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_snooze()

    @on(Input.Changed)
    def _typing(self) -> None:
        self.query_one("#error", Static).update("")

    @on(Button.Pressed, "#snooze")
    def _snooze_pressed(self) -> None:
        self.action_snooze()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
