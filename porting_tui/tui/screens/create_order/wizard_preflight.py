"""WizardPreflight: the wizard's pre-flight context (kept for the wizard's life, never in the
draft file) and its latest findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from textual.content import Content

from porting_tui.domain.draft_fields import label_of
from porting_tui.domain.order_draft import OrderDraft
from porting_tui.domain.preflight import (
    Finding,
    LearnedRejection,
    PreflightContext,
    facts_from_draft,
    preflight,
)
from porting_tui.domain.preflight.number_plan import number_area
from porting_tui.listing.preflight_context import OpenOrders
from porting_tui.tui.widgets.preflight_panel import (
    WARNING_MARK,
    count_text,
    findings_lines,
    warning_count,
)

PATH_NAMES = frozenset({"phoneNumbers", "documents"})
"""Findings' fields that are no field of a form (``label_of`` gives them back as they are)."""
PLAN_PROBE = "+13125550100"
"""Any North American number: looking one up loads the numbering plan."""


def load_number_plan(numbers: Sequence[str]) -> None:
    """Look up the area codes of ``numbers`` once, so that checking them later is instant.

    The first look-up loads the geocoder's data (most of a second): run this in a thread.
    """
    for number in (PLAN_PROBE, *numbers):
        number_area(number)


def step_warnings_text(
    findings: Sequence[Finding], elsewhere: Sequence[Finding], *, blocked: bool = False
) -> Content:
    """The line above a step: ``⚠ 2 warnings at Port-out PIN, State/province (ctrl+→ goes
    on anyway)``, then the findings shown at no field (``elsewhere``), the first two.
    ``blocked``: the step has an error too, so ctrl+→ would stop, though not for these."""
    mark = f"{WARNING_MARK} " if warning_count(findings) else ""
    # Which fields, as the form may be longer than the screen.
    labels = [label_of(f.field) for f in findings if f not in elsewhere]
    where = ", ".join(dict.fromkeys(label for label in labels if label not in PATH_NAMES))
    where = f" at {where}" if where else ""
    how = "these do not block" if blocked else "ctrl+→ goes on anyway"
    text = Content(f"{mark}{count_text(findings)}{where} ({how})")
    if elsewhere:
        text += Content("\n") + findings_lines(elsewhere, limit=2)
    return text


@dataclass
class WizardPreflight:
    """What pre-flight knows around the draft, and what it found last."""

    learned: tuple[LearnedRejection, ...] = ()
    open_orders: OpenOrders = field(default_factory=OpenOrders)
    looking_up: bool = False
    """The open-order lookup is running."""
    ready: bool = False
    """The numbering plan is loaded: checking no longer stalls typing."""
    findings: list[Finding] = field(default_factory=list)

    def run(self, draft: OrderDraft, today: date) -> list[Finding]:
        context = PreflightContext(today, self.open_orders.holders, self.learned)
        self.findings = preflight(facts_from_draft(draft), context)
        return self.findings

    def numbers_to_look_up(self, draft: OrderDraft) -> list[str]:
        """The numbers whose open orders are due for a lookup: those not asked about yet,
        once the portability check has answered for every number (failed ones are asked
        again only by ``retry_failed``)."""
        numbers = draft.numbers
        if self.looking_up or not numbers or any(n not in draft.portability for n in numbers):
            return []
        answered = self.open_orders.checked | self.open_orders.failed
        return [number for number in numbers if number not in answered]

    def retry_failed(self) -> None:
        self.open_orders = replace(self.open_orders, failed=frozenset())

    def open_orders_note(self, numbers: Sequence[str]) -> str:
        """How far the open-order check got, for the review."""
        if self.looking_up:
            return "Open orders: still being looked up…"
        failed = [n for n in numbers if n in self.open_orders.failed]
        if failed:
            return (
                f"Open orders: not checked for {len(failed)} of {len(numbers)} numbers (the "
                "lookup failed; it is tried again when you come back to this step)"
            )
        unchecked = self.open_orders.unchecked(numbers)
        if unchecked:
            return f"Open orders: not checked yet for {len(unchecked)} numbers"
        if any(n in self.open_orders.holders for n in numbers):
            return ""
        return "Open orders: none of this project's other open orders holds these numbers"
