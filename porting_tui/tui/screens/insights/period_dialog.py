"""PeriodDialog: ask for the first and last day of a custom Insights period."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from porting_tui.insights.period import Period, PeriodError
from porting_tui.tui.dialogs.dialog import Dialog


class PeriodDialog(Dialog[Period | None]):
    """Returns the period, both days included, or None when cancelled; a wrong date says why."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    PeriodDialog {
        & > #dialog { width: 60; }
        & #dates { height: auto; }
        & #dates Label { width: 6; }
        & #dates Input { width: 14; margin-right: 2; }
        & #error { color: $text-error; }
        & #keys { color: $text-muted; }
    }
    """

    def __init__(self, current: Period, today: date) -> None:
        super().__init__()
        self._current = current
        self._today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Insights over which days?"
            with Horizontal(id="dates"):
                yield Label("From")
                yield Input(
                    self._current.start.isoformat(),
                    placeholder="YYYY-MM-DD",
                    id="start",
                    compact=True,
                )
                yield Label("To")
                yield Input(
                    self._current.end.isoformat(), placeholder="YYYY-MM-DD", id="end", compact=True
                )
            yield Static(id="error", markup=False)
            yield Static(
                f"Both days included, at most two years, starting by today ({self._today}).\n"
                "tab: next date · enter: read · esc: cancel",
                id="keys",
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one("#start", Input).focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        start = self.query_one("#start", Input).value
        end = self.query_one("#end", Input).value
        try:
            period = Period.between(start, end, self._today)
        except PeriodError as error:
            self.query_one("#error", Static).update(str(error))
            return
        self.dismiss(period)

    @on(Input.Changed)
    def _changed(self) -> None:
        self.query_one("#error", Static).update("")

    def action_cancel(self) -> None:
        self.dismiss(None)
