"""Orders as the wizard tests type them: numbers the emulator finds portable, a ready draft."""

from __future__ import annotations

from porting_tui.domain.draft_fields import Step
from porting_tui.domain.order_draft import OrderDraft, PortabilityRecord
from porting_tui.emulator.carriers import number_facts
from tests.tui.create_order.wizard_helpers import ready_draft

WIZARD_NUMBERS = ["+13125550100", "+12125550100"]


def fresh_numbers(series: int, count: int = 2) -> list[str]:
    """``count`` portable numbers of their own for ``series`` (0, 1, ...), in 312-555."""
    found: list[str] = []
    line = 2000 + 50 * series
    while len(found) < count:
        candidate = f"+1312555{line:04d}"
        line += 1
        if number_facts(candidate).portable:
            found.append(candidate)
    return found


def review_draft(numbers: list[str] | None = None, reference: str = "ACME-WIZARD-1") -> OrderDraft:
    """Every step filled in and checked; the wizard resumes it at its review step."""
    chosen = numbers or list(WIZARD_NUMBERS)
    draft = ready_draft(Step.REVIEW, chosen)
    for number in chosen:
        carrier = number_facts(number).carrier
        draft.portability[number] = PortabilityRecord(
            portable=True, carrier=carrier.name if carrier else ""
        )
    draft.order["customerOrderReference"] = reference
    return draft
