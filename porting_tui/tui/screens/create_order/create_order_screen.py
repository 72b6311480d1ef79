"""CreateOrderScreen: the six-step wizard that builds a port-in order, saving a draft as it goes."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from pathlib import PurePath
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, ContentSwitcher, Static

from porting_tui.client import NewOrder
from porting_tui.domain.business_days import earliest_port_date
from porting_tui.domain.draft_checks import DraftProblem, step_problems
from porting_tui.domain.draft_fields import Step
from porting_tui.domain.draft_submit import prepare, submit
from porting_tui.domain.order_draft import OrderDraft, generate_reference
from porting_tui.domain.port_defaults import port_defaults
from porting_tui.domain.preflight import Finding
from porting_tui.listing.preflight_context import (
    OpenOrders,
    known_holders,
    learned_rejections,
    look_up_open_orders,
)
from porting_tui.local.drafts import DraftStore
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.screens.create_order.draft_keeper import DraftKeeper
from porting_tui.tui.screens.create_order.end_user_step import EndUserStep
from porting_tui.tui.screens.create_order.numbers_step import NumbersStep
from porting_tui.tui.screens.create_order.portability_step import PortabilityStep, carrier_groups
from porting_tui.tui.screens.create_order.review_step import ReviewStep
from porting_tui.tui.screens.create_order.routing_step import RoutingStep
from porting_tui.tui.screens.create_order.schedule_step import ScheduleStep
from porting_tui.tui.screens.create_order.wizard_preflight import (
    load_number_plan,
    step_warnings_text,
)
from porting_tui.tui.screens.create_order.wizard_step import (
    READ_ONLY_MESSAGE,
    WizardContext,
    WizardSession,
    WizardStep,
)
from porting_tui.tui.widgets.form_keys import IMMEDIATE_FOCUS_KEYS
from porting_tui.tui.widgets.key_footer import KeyFooter
from porting_tui.tui.widgets.preflight_panel import count_text, warning_count
from porting_tui.tui.widgets.wizard_step_bar import WizardStepBar

TIME_PATH = "desiredPortSchedule.desiredPortTime"
ZONE_PATH = "desiredPortSchedule.desiredPortTimeZone"


_STEP_CLASSES: dict[Step, type[WizardStep]] = {
    Step.NUMBERS: NumbersStep,
    Step.PORTABILITY: PortabilityStep,
    Step.END_USER: EndUserStep,
    Step.ROUTING: RoutingStep,
    Step.SCHEDULE: ScheduleStep,
    Step.REVIEW: ReviewStep,
}


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
        *IMMEDIATE_FOCUS_KEYS,
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
        self.draft_id = draft_id or DraftStore.new_id()
        self.keeper = DraftKeeper(drafts, self.draft_id, session)
        self.context = WizardContext(session, draft or OrderDraft())
        self._make_reference = make_reference
        self._on_created = on_created
        self._resumed = draft is not None
        self._steps: dict[Step, WizardStep] = {}
        self._submitting = False

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
                yield Static("", id="step-warnings", markup=False)
                # Steps are mounted when first shown: opening the wizard stays quick.
                yield ContentSwitcher(id="steps")
        yield KeyFooter()

    async def on_mount(self) -> None:
        body = self.query_one("#wizard-body")
        body.border_title = "New port-in order"
        if self.session.read_only:
            self.notify(READ_ONLY_MESSAGE.format(profile=self.session.profile_name), markup=False)
            return
        if not self.draft.order.get("desiredPortSchedule.desiredPortDate"):
            today = self.context.today()
            # Enough notice for every carrier: the default never trips the lead-time warning.
            self.draft.order["desiredPortSchedule.desiredPortDate"] = earliest_port_date(
                today
            ).isoformat()
        body.border_subtitle = "draft resumed" if self._resumed else ""
        await self.go_to(self.draft.step)
        self._load_defaults()
        self._prepare_preflight()

    @property
    def current_step(self) -> WizardStep:
        return self._steps[self.draft.step]

    async def go_to(self, step: Step) -> None:
        widget = self._steps.get(step)
        if widget is None:
            widget = _STEP_CLASSES[step](self.context)
            self._steps[step] = widget
            await self.query_one(ContentSwitcher).mount(widget)
        self.draft.step = step
        self.query_one(ContentSwitcher).current = widget.id
        self.query_one(WizardStepBar).current = step
        title = f"New port-in order · {step + 1}/{len(Step)} {step.title}"
        self.query_one("#wizard-body").border_title = title
        self.query_one("#step-hint", Static).update(widget.HINT)
        if step == Step.REVIEW:
            self.context.preflight.retry_failed()
        widget.entered()
        self.refresh_preflight()

    async def show_problems(self, problems: list[DraftProblem]) -> None:
        """Go to the step of the first problem and show there every problem of that step."""
        step = problems[0].step
        if step != self.draft.step:
            await self.go_to(step)
            self._save()
        self._steps[step].show_problems([p for p in problems if p.step == step])
        self.app.bell()

    async def action_next(self) -> None:
        if self.session.read_only:
            return
        step = self.draft.step
        if step == Step.REVIEW:
            await self._confirm_submit()
            return
        problems = step_problems(self.draft, step, self.context.today())
        if problems:
            await self.show_problems(problems)
            return
        if step == Step.SCHEDULE:
            self._ensure_reference()
        await self.go_to(Step(step + 1))
        self._save()

    async def action_back(self) -> None:
        if not self.session.read_only and self.draft.step > Step.NUMBERS:
            await self.go_to(Step(self.draft.step - 1))
            self._save()

    def _ensure_reference(self) -> None:
        if not self.draft.order.get("customerOrderReference", "").strip():
            self.draft.order["customerOrderReference"] = self._make_reference(self.session.now())
            self.context.generated_reference = True

    def action_toggle_secrets(self) -> None:
        if self.session.read_only:
            return
        self.context.reveal_secrets = not self.context.reveal_secrets
        for widget in self._steps.values():
            widget.secrets_toggled()

    def action_close(self) -> None:
        if self._submitting:
            self.notify("Wait for the answer to the submit before closing.", markup=False)
            return
        if self.keeper.is_saved():
            self.notify("Draft saved; it is offered again when you start a new order.")
        self.dismiss(None)

    def action_discard(self) -> None:
        def answered(confirmed: bool | None) -> None:
            if not confirmed:
                return
            self.keeper.discard()
            self.notify("Draft discarded.")
            self.dismiss(None)

        question = "Throw away this order and everything typed in it (PINs included)?"
        dialog = ConfirmDialog("Discard the draft?", question, "Discard", "Keep")
        self.app.push_screen(dialog, answered)

    @on(WizardStep.Changed)
    def _draft_changed(self, event: WizardStep.Changed) -> None:
        event.stop()
        self._save()
        self.refresh_preflight()

    @on(WizardStep.ShowsOther)
    def _step_shows_other(self, event: WizardStep.ShowsOther) -> None:
        event.stop()
        self.refresh_preflight()

    def refresh_preflight(self) -> None:
        """Check the draft again and show the current step's findings; start the open-order
        lookup when it is due. Quick (a few ms for 500 numbers): run on every change."""
        state = self.context.preflight
        due = state.numbers_to_look_up(self.draft)
        if due:
            state.looking_up = True  # now, not when the worker starts: one lookup at a time
            self._look_up_open_orders(due)
        step = self._steps.get(self.draft.step)
        if step is None or not state.ready:
            return
        mine = step.findings_shown(state.run(self.draft, self.context.today()))
        self._show_step_warnings(mine, step.show_findings(mine))

    def _show_step_warnings(self, mine: list[Finding], elsewhere: list[Finding]) -> None:
        """The line above the step: how many findings it has, and those of no field here."""
        line = self.query_one("#step-warnings", Static)
        # The review's Risk section, right below, says it all.
        line.display = bool(mine) and self.draft.step != Step.REVIEW
        if line.display:
            # With an error on the step too, ctrl+→ stops at the error, not at these.
            blocked = bool(step_problems(self.draft, self.draft.step, self.context.today()))
            line.set_class(not warning_count(mine), "-advice")
            line.update(step_warnings_text(mine, elsewhere, blocked=blocked))

    @work(group="preflight")
    async def _prepare_preflight(self) -> None:
        """In threads: load the numbering plan (its first use takes most of a second) and
        read the rejections learned from the local store."""
        state = self.context.preflight
        await asyncio.to_thread(load_number_plan, tuple(self.draft.numbers))
        state.learned = await asyncio.to_thread(learned_rejections, self.session.attention)
        state.ready = True
        self.refresh_preflight()

    @work(group="open-orders")
    async def _look_up_open_orders(self, numbers: list[str]) -> None:
        """Which other open orders hold the numbers: Needs attention's, then the API's."""
        state = self.context.preflight
        try:
            known = known_holders(self.session.attention, numbers)
            found = await look_up_open_orders(
                self.session.client, [n for n in numbers if n not in known]
            )
        finally:
            state.looking_up = False
        state.open_orders = state.open_orders.merged(OpenOrders(known, frozenset(known)))
        state.open_orders = state.open_orders.merged(found)
        self.refresh_preflight()

    def _save(self) -> None:
        status, error = self.keeper.save(self.draft)
        self.query_one("#wizard-body").border_subtitle = status
        if error is not None:
            self.notify(error, severity="error", markup=False)

    @work(group="defaults")
    async def _load_defaults(self) -> None:
        defaults = await port_defaults(self.session.client)
        for path, value in ((TIME_PATH, defaults.time), (ZONE_PATH, defaults.zone)):
            if not self.draft.order.get(path):
                self.draft.order[path] = value
        self.context.defaults_note = defaults.note
        schedule = self._steps.get(Step.SCHEDULE)
        if isinstance(schedule, ScheduleStep) and self.draft.step == Step.SCHEDULE:
            schedule.refresh_values()

    @on(Button.Pressed, "#submit")
    async def _submit_pressed(self) -> None:
        await self._confirm_submit()

    async def _confirm_submit(self) -> None:
        if self._submitting:
            # A second create while the first is in flight could file the order twice.
            self.notify("The order is being submitted; wait for the answer.", markup=False)
            return
        self._ensure_reference()
        new_order, problems = prepare(self.draft, self.session.now())
        if problems or new_order is None:
            await self.show_problems(problems)
            return
        groups = carrier_groups(self.draft.portability, self.draft.numbers)
        reference = new_order.customer_order_reference
        question = (
            f"Create order {reference!r} with {len(self.draft.numbers)} numbers "
            f"({len(groups)} carrier group(s)) in project {self.session.project_id}?"
        )
        warnings = warning_count(self.context.preflight.findings)
        if warnings and self.context.preflight.ready:
            question += (
                f"\nPre-flight found {count_text(self.context.preflight.findings)}: the losing "
                "carriers are likely to reject some numbers (see Risk in the review)."
            )
        dialog = ConfirmDialog("Submit the order?", question, "Submit", "Not yet", tone="success")

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self._send(new_order)

        self.app.push_screen(dialog, answered)

    @work(group="submit")
    async def _send(self, new_order: NewOrder) -> None:
        review = self._steps[Step.REVIEW]
        assert isinstance(review, ReviewStep)
        review.set_status("Submitting…")
        self.query_one("#submit", Button).disabled = True
        self._submitting = True
        look_first = self.draft.submit_pending
        # Saved before sending: after a crash mid-request the next try looks the order up first.
        self.draft.submit_pending = True
        self._save()
        try:
            result = await submit(
                self.session.client,
                self.draft,
                new_order,
                self.session.now(),
                look_first=look_first,
            )
        finally:
            self._submitting = False
            self.query_one("#submit", Button).disabled = False
        self.draft.submit_pending = result.unconfirmed
        self._save()
        if result.problems:
            review.set_status("The API refused some fields; fix them and submit again.", error=True)
            await self.show_problems(result.problems)
            return
        if result.order_id is None:
            review.set_status(result.message, error=True)
            return
        self.keeper.discard()
        how = " (the answer was lost, but the order was found by its reference)"
        self.notify(
            f"Order {result.order_id} created{how if result.recovered else ''}.", markup=False
        )
        self.dismiss(None)
        if self._on_created is not None:
            self._on_created(result.order_id)
