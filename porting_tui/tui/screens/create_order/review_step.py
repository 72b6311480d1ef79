"""Step 6: a summary per carrier group and the exact JSON body, then submit after confirmation."""

from __future__ import annotations

import json

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from porting_tui.domain.draft_checks import DraftProblem
from porting_tui.domain.draft_fields import Step
from porting_tui.domain.inert_text import inert_text
from porting_tui.domain.masking import mask_order_body
from porting_tui.domain.order_draft import order_body
from porting_tui.domain.preflight import Finding, facts_from_draft
from porting_tui.tui.screens.create_order.portability_step import carrier_groups
from porting_tui.tui.screens.create_order.wizard_step import WizardStep
from porting_tui.tui.widgets.preflight_panel import risk_text

_LISTED_PER_CARRIER = 4


def review_summary(body: dict[str, object], generated: bool) -> list[str]:
    """The order-level lines of the review."""
    schedule = body.get("desiredPortSchedule")
    schedule = schedule if isinstance(schedule, dict) else {}
    when = " ".join(
        str(schedule.get(key, ""))
        for key in ("desiredPortDate", "desiredPortTime", "desiredPortTimeZone")
        if schedule.get(key)
    )
    activation = (
        "on-demand activation (activate once confirmed)"
        if body.get("onDemandActivation")
        else "activates on that date"
    )
    reference = str(body.get("customerOrderReference", ""))
    lines = [
        f"Reference  {reference}{' (generated)' if generated else ''}",
        f"Port       {when} · {activation}",
    ]
    if body.get("loaUploadedBy") or body.get("loaAttachmentDate"):
        by = body.get("loaUploadedBy", "—")
        on = str(body.get("loaAttachmentDate", "—"))[:10]
        lines.append(f"LOA        by {by} on {on}")
    if body.get("resellerName"):
        lines.append(f"Reseller   {body['resellerName']}")
    return lines


class ReviewStep(WizardStep):
    STEP = Step.REVIEW
    HINT = "Check everything once more; ctrl+→ submits after a confirmation."
    FINDINGS_OF = tuple(Step)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="review-scroll"):
            yield Static("", id="review-summary", markup=False)
            yield Static("Risk · pre-flight is checking…", id="review-risk", markup=False)
            yield Static("", id="review-groups", markup=False)
            yield Static("", id="review-json-title", markup=False)
            yield Static("", id="review-json", markup=False)
        yield Static("", id="submit-status", markup=False)
        yield Button("Submit order", variant="success", id="submit", compact=True)

    def entered(self) -> None:
        self.render_review()
        self.query_one("#review-scroll").focus()

    def render_review(self) -> None:
        body = order_body(self.draft)
        summary = review_summary(body, self.context.generated_reference)
        groups = carrier_groups(self.draft.portability, self.draft.numbers)
        count = len(self.draft.numbers)
        summary.insert(1, f"Numbers    {count} in {len(groups)} carrier group(s)")
        self.query_one("#review-summary", Static).update("\n".join(summary))
        group_lines = []
        for carrier, members in groups.items():
            listed = ", ".join(members[:_LISTED_PER_CARRIER])
            more = f" and {len(members) - _LISTED_PER_CARRIER} more" if len(members) > 4 else ""
            group_lines.append(f"{inert_text(carrier)} ({len(members)}): {listed}{more}")
        self.query_one("#review-groups", Static).update("\n".join(group_lines))
        reveal = self.context.reveal_secrets
        shown = body if reveal else mask_order_body(body)
        self.query_one("#review-json-title", Static).update(
            "Request body, exactly as it will be sent"
            + (
                " (PINs and account numbers shown; ctrl+r hides them):"
                if reveal
                else " (PINs and account numbers masked; ctrl+r shows them):"
            )
        )
        self.query_one("#review-json", Static).update(
            json.dumps(shown, indent=2, ensure_ascii=False)
        )

    def set_status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#submit-status", Static)
        status.update(text)
        status.set_class(error, "-error")
        status.display = bool(text)

    def show_problems(self, problems: list[DraftProblem]) -> None:
        if problems:
            self.set_status("; ".join(str(p) for p in problems), error=True)

    def secrets_toggled(self) -> None:
        self.render_review()

    def show_findings(self, findings: list[Finding]) -> list[Finding]:
        """The risk of each carrier group, then the advice, then how far the open-order
        lookup got."""
        note = self.context.preflight.open_orders_note(self.draft.numbers)
        risk = risk_text(findings, facts_from_draft(self.draft), note)
        self.query_one("#review-risk", Static).update(risk)
        return []
