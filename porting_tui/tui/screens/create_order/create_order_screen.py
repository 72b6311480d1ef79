"""CreateOrderScreen: the six-step wizard that builds a port-in order, saving a draft as it goes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import PurePath
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, ContentSwitcher, Footer, Static

from porting_tui.client import NotFoundError, PortingError
from porting_tui.domain.business_days import next_business_day
from porting_tui.domain.draft_checks import DraftProblem, step_problems
from porting_tui.domain.draft_fields import Step
from porting_tui.domain.draft_submit import prepare, submit
from porting_tui.domain.order_draft import OrderDraft, generate_reference
from porting_tui.local.drafts import DraftStore
from porting_tui.tui.screens.create_order.end_user_step import EndUserStep
from porting_tui.tui.screens.create_order.numbers_step import NumbersStep
from porting_tui.tui.screens.create_order.portability_step import PortabilityStep, carrier_groups
from porting_tui.tui.screens.create_order.review_step import ReviewStep
from porting_tui.tui.screens.create_order.routing_step import RoutingStep
from porting_tui.tui.screens.create_order.schedule_step import ScheduleStep
from porting_tui.tui.screens.create_order.wizard_confirm_dialog import WizardConfirmDialog
from porting_tui.tui.screens.create_order.wizard_step import (
    WizardContext,
    WizardSession,
    WizardStep,
)
from porting_tui.tui.widgets.wizard_step_bar import WizardStepBar

API_DEFAULT_TIME = "09:00:00"
API_DEFAULT_ZONE = "US/Eastern"
TIME_PATH = "desiredPortSchedule.desiredPortTime"
ZONE_PATH = "desiredPortSchedule.desiredPortTimeZone"
READ_ONLY_MESSAGE = (
    "Profile {profile!r} is read-only: orders cannot be created with it. "
    "Use a profile without read_only to create orders."
)


class CreateOrderScreen(Screen[None]):
    """Numbers, portability, end user, routing, schedule, review; each step checked on leaving."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "create_order_screen.tcss",
        "numbers_step.tcss",
        "portability_step.tcss",
        "per_number_step.tcss",
        "schedule_step.tcss",
        "review_step.tcss",
    ]
    HELP_TITLE = "New port-in order"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+right,ctrl+n", "next", "Next", priority=True),
        Binding("ctrl+left,ctrl+b", "back", "Back", priority=True),
        Binding("ctrl+r", "toggle_secrets", "Show PINs", priority=True),
        Binding("ctrl+s", "close", "Save & close", priority=True),
        Binding("escape", "close", "Close (draft kept)", show=False),
        Binding("f8", "discard", "Discard draft", show=False),
    ]

    def __init__(
        self,
        session: WizardSession,
        drafts: DraftStore | None,
        *,
        draft_id: str | None = None,
        draft: OrderDraft | None = None,
        make_reference: Callable[[datetime], str] = generate_reference,
        on_created: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.drafts = drafts
        self.draft_id = draft_id or DraftStore.new_id()
        self.context = WizardContext(session, draft or OrderDraft())
        self._make_reference = make_reference
        self._on_created = on_created
        self._resumed = draft is not None
        self._unconfirmed = False
        """An earlier submit ended without knowing whether the order exists."""

    @property
    def draft(self) -> OrderDraft:
        return self.context.draft

    def compose(self) -> ComposeResult:
        yield WizardStepBar(id="step-bar")
        with Vertical(id="wizard-body"):
            if self.session.read_only:
                message = READ_ONLY_MESSAGE.format(profile=self.session.profile_name)
                yield Static(message, id="read-only", markup=False)
            else:
                yield Static("", id="step-hint", markup=False)
                with ContentSwitcher(id="steps"):
                    yield NumbersStep(self.context)
                    yield PortabilityStep(self.context)
                    yield EndUserStep(self.context)
                    yield RoutingStep(self.context)
                    yield ScheduleStep(self.context)
                    yield ReviewStep(self.context)
        yield Footer()

    def on_mount(self) -> None:
        body = self.query_one("#wizard-body")
        body.border_title = "New port-in order"
        if self.session.read_only:
            self.notify(READ_ONLY_MESSAGE.format(profile=self.session.profile_name), markup=False)
            return
        if not self.draft.order.get("desiredPortSchedule.desiredPortDate"):
            today = self.context.today()
            self.draft.order["desiredPortSchedule.desiredPortDate"] = next_business_day(
                today
            ).isoformat()
        body.border_subtitle = "draft resumed" if self._resumed else ""
        self.go_to(self.draft.step)
        self._load_defaults()

    def step_widget(self, step: Step) -> WizardStep:
        return self.query_one(f"#step-{step.name.lower()}", WizardStep)

    def go_to(self, step: Step) -> None:
        self.draft.step = step
        self.query_one(ContentSwitcher).current = f"step-{step.name.lower()}"
        self.query_one(WizardStepBar).current = step
        widget = self.step_widget(step)
        self.query_one(
            "#wizard-body"
        ).border_title = f"New port-in order · {step + 1}/{len(Step)} {step.title}"
        self.query_one("#step-hint", Static).update(widget.HINT)
        widget.entered()

    def show_problems(self, problems: list[DraftProblem]) -> None:
        """Go to the step of the first problem and show there every problem of that step."""
        step = problems[0].step
        if step != self.draft.step:
            self.go_to(step)
            self._save()
        self.step_widget(step).show_problems([p for p in problems if p.step == step])
        self.app.bell()

    def action_next(self) -> None:
        if self.session.read_only:
            return
        step = self.draft.step
        if step == Step.REVIEW:
            self._confirm_submit()
            return
        problems = step_problems(self.draft, step, self.context.today())
        if problems:
            self.show_problems(problems)
            return
        if step == Step.SCHEDULE:
            self._ensure_reference()
        self.go_to(Step(step + 1))
        self._save()

    def action_back(self) -> None:
        if not self.session.read_only and self.draft.step > Step.NUMBERS:
            self.go_to(Step(self.draft.step - 1))
            self._save()

    def _ensure_reference(self) -> None:
        if not self.draft.order.get("customerOrderReference", "").strip():
            self.draft.order["customerOrderReference"] = self._make_reference(self.session.now())
            review = self.step_widget(Step.REVIEW)
            if isinstance(review, ReviewStep):
                review.generated_reference = True

    def action_toggle_secrets(self) -> None:
        if self.session.read_only:
            return
        self.context.reveal_secrets = not self.context.reveal_secrets
        for step in Step:
            self.step_widget(step).secrets_toggled()

    def action_close(self) -> None:
        if self.drafts is not None and self.drafts.exists(self.draft_id):
            self.notify("Draft saved; it is offered again when you start a new order.")
        self.dismiss(None)

    def action_discard(self) -> None:
        def answered(confirmed: bool | None) -> None:
            if not confirmed:
                return
            if self.drafts is not None:
                self.drafts.delete(self.draft_id)
            self.notify("Draft discarded.")
            self.dismiss(None)

        question = "Throw away this order and everything typed in it (PINs included)?"
        dialog = WizardConfirmDialog("Discard the draft?", question, "Discard", "Keep")
        self.app.push_screen(dialog, answered)

    @on(WizardStep.Changed)
    def _draft_changed(self, event: WizardStep.Changed) -> None:
        event.stop()
        self._save()

    def _save(self) -> None:
        body = self.query_one("#wizard-body")
        if self.drafts is None:
            body.border_subtitle = "drafts are off: not saved"
            return
        try:
            self.drafts.save(
                self.draft_id,
                profile=self.session.profile_name,
                project_id=self.session.project_id,
                draft=self.draft,
            )
        except sqlite3.Error as error:
            body.border_subtitle = "draft NOT saved"
            self.notify(f"The draft could not be saved: {error}", severity="error")
            return
        body.border_subtitle = "draft saved ✓"

    @work(group="defaults")
    async def _load_defaults(self) -> None:
        time, zone = API_DEFAULT_TIME, API_DEFAULT_ZONE
        try:
            config = await self.session.client.configuration.get()
        except NotFoundError:
            note = "The project has no porting defaults: the API's 09:00 US/Eastern is used."
        except PortingError as error:
            note = f"Project defaults unavailable ({error.message}): 09:00 US/Eastern is used."
        else:
            time = config.default_port_time or API_DEFAULT_TIME
            zone = config.default_port_time_zone or API_DEFAULT_ZONE
            note = f"Time and zone default to the project's settings ({time} {zone})."
        self.draft.order.setdefault(TIME_PATH, "")
        self.draft.order.setdefault(ZONE_PATH, "")
        if not self.draft.order[TIME_PATH]:
            self.draft.order[TIME_PATH] = time
        if not self.draft.order[ZONE_PATH]:
            self.draft.order[ZONE_PATH] = zone
        schedule = self.step_widget(Step.SCHEDULE)
        assert isinstance(schedule, ScheduleStep)
        schedule.defaults_note = note
        if self.draft.step == Step.SCHEDULE:
            schedule.refresh_values()

    @on(Button.Pressed, "#submit")
    def _submit_pressed(self) -> None:
        self._confirm_submit()

    def _confirm_submit(self) -> None:
        self._ensure_reference()
        new_order, problems = prepare(self.draft, self.session.now())
        if problems or new_order is None:
            self.show_problems(problems)
            return
        groups = carrier_groups(self.draft.portability, self.draft.numbers)
        reference = new_order.customer_order_reference
        question = (
            f"Create order {reference!r} with {len(self.draft.numbers)} numbers "
            f"({len(groups)} carrier group(s)) in project {self.session.project_id}?"
        )
        dialog = WizardConfirmDialog("Submit the order?", question, "Submit", "Not yet")
        self.app.push_screen(dialog, self._answered)

    def _answered(self, confirmed: bool | None) -> None:
        if confirmed:
            self._send()

    @work(exclusive=True, group="submit")
    async def _send(self) -> None:
        review = self.step_widget(Step.REVIEW)
        assert isinstance(review, ReviewStep)
        new_order, problems = prepare(self.draft, self.session.now())
        if new_order is None:
            self.show_problems(problems)
            return
        review.set_status("Submitting…")
        self.query_one("#submit", Button).disabled = True
        try:
            result = await submit(
                self.session.client,
                self.draft,
                new_order,
                self.session.now(),
                look_first=self._unconfirmed,
            )
        finally:
            self.query_one("#submit", Button).disabled = False
        self._unconfirmed = result.unconfirmed
        if result.problems:
            review.set_status("The API refused some fields; fix them and submit again.", error=True)
            self.show_problems(result.problems)
            return
        if result.order_id is None:
            review.set_status(result.message, error=True)
            return
        if self.drafts is not None:
            self.drafts.delete(self.draft_id)
        how = " (the answer was lost, but the order was found by its reference)"
        self.notify(
            f"Order {result.order_id} created{how if result.recovered else ''}.", markup=False
        )
        self.dismiss(None)
        if self._on_created is not None:
            self._on_created(result.order_id)
