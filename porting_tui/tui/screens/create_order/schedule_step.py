"""Step 5: port date (business days only), time and zone, on-demand, reference, LOA, reseller."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Static

from porting_tui.domain.business_days import port_date_problem, suggested_port_date
from porting_tui.domain.draft_checks import DraftProblem
from porting_tui.domain.draft_fields import ORDER_FORM, Step
from porting_tui.domain.order_draft import parse_day
from porting_tui.domain.preflight import Finding
from porting_tui.tui.screens.create_order.wizard_step import WizardStep
from porting_tui.tui.widgets.wizard_field_form import WizardFieldForm

DATE_PATH = "desiredPortSchedule.desiredPortDate"
_FORM_FIELDS = tuple(field for field in ORDER_FORM if field.path != "onDemandActivation")


class ScheduleStep(WizardStep):
    STEP = Step.SCHEDULE
    HINT = "When to port: a business day (no weekends, no US federal holidays)."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "use_suggested_date", "Use suggested date"),
    ]

    def compose(self) -> ComposeResult:
        yield Static("", classes="step-problems", markup=False)
        with VerticalScroll(classes="form-scroll"):
            yield WizardFieldForm([("", _FORM_FIELDS)], today=self.context.today)
            yield Checkbox(
                "On-demand activation: the numbers go live only when you activate them",
                id="on-demand",
                compact=True,
            )
            yield Static("", id="defaults-note", markup=False)

    def entered(self) -> None:
        self.query_one(WizardFieldForm).show_errors({})
        self.set_problems_text("")
        self.refresh_values()
        self.query_one(WizardFieldForm).field_widget(DATE_PATH).focus()

    def refresh_values(self) -> None:
        """Show the draft's values (also after the project defaults arrived)."""
        form = self.query_one(WizardFieldForm)
        form.set_values(self.draft.order)
        form.set_field_visible("resellerName", self.draft.needs_reseller)
        with self.prevent(Checkbox.Changed):
            self.query_one("#on-demand", Checkbox).value = self.draft.on_demand
        self.query_one("#defaults-note", Static).update(self.context.defaults_note)
        self._advise_date()

    def _suggestion(self) -> str:
        day = parse_day(self.draft.order.get(DATE_PATH, ""))
        return suggested_port_date(day, self.context.today()).isoformat()

    def _advise_date(self) -> None:
        today = self.context.today()
        day = parse_day(self.draft.order.get(DATE_PATH, ""))
        problem = None
        if day is None:
            text = f"Suggested: {self._suggestion()} (ctrl+g uses it)"
        elif problem := port_date_problem(day, today):
            text = f"{problem} (ctrl+g uses it)"
        else:
            text = f"{day:%A %d %B %Y}, a business day"
        form = self.query_one(WizardFieldForm)
        form.set_field_note(DATE_PATH, text, problem=problem is not None)

    @on(WizardFieldForm.ValueChanged)
    def _value_changed(self, event: WizardFieldForm.ValueChanged) -> None:
        self.draft.order[event.path] = event.value
        if event.path == DATE_PATH:
            self._advise_date()
        self.changed()

    @on(Checkbox.Changed, "#on-demand")
    def _on_demand_changed(self, event: Checkbox.Changed) -> None:
        self.draft.order["onDemandActivation"] = "true" if event.value else "false"
        self.changed()

    def action_use_suggested_date(self) -> None:
        self.draft.order[DATE_PATH] = self._suggestion()
        self.refresh_values()
        self.changed()

    def show_problems(self, problems: list[DraftProblem]) -> None:
        errors = {problem.path: problem.message for problem in problems}
        if DATE_PATH in errors and "try" in errors[DATE_PATH]:
            errors[DATE_PATH] += " (ctrl+g uses it)"
        widget = self.query_one(WizardFieldForm).show_errors(errors)
        unplaced = [str(p) for p in problems if p.path not in {f.path for f in _FORM_FIELDS}]
        summary = f"{len(problems)} to fix before going on"
        self.set_problems_text(summary + (": " + "; ".join(unplaced) if unplaced else ""))
        if widget is not None:
            widget.focus()

    def show_findings(self, findings: list[Finding]) -> list[Finding]:
        return self.query_one(WizardFieldForm).show_findings(findings)
