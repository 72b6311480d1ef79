"""Quick toggles of the order list: narrow the loaded rows to what triage is about, in a key.

They narrow like find (the rows already loaded; ``L`` loads the rest), and unlike the filters
they are not sent to the API, which cannot filter on rejections, notes or carriers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from porting_tui.attention.row_details import RowDetails
from porting_tui.client import OrderListItem


@dataclass(frozen=True)
class QuickToggles:
    rejected_only: bool = False
    """Only orders with rejected numbers."""
    note_to_answer: bool = False
    """Only orders with a note from Sinch newer than the operator's last note."""
    carrier: str | None = None
    """Only orders with numbers from this losing carrier."""

    @property
    def active(self) -> bool:
        return self.rejected_only or self.note_to_answer or self.carrier is not None

    def matches(self, order: OrderListItem, details: RowDetails | None) -> bool:
        if self.rejected_only and not order.rejected_quantity:
            return False
        if self.note_to_answer and (details is None or not details.note_to_answer):
            return False
        return self.carrier is None or (details is not None and self.carrier in details.carriers)

    def describe(self) -> str:
        """E.g. ``rejected only · note to answer · carrier Lumen``; empty when none is on."""
        parts = []
        if self.rejected_only:
            parts.append("rejected only")
        if self.note_to_answer:
            parts.append("note to answer")
        if self.carrier is not None:
            parts.append(f"carrier {self.carrier}")
        return " · ".join(parts)

    def toggled_rejected(self) -> QuickToggles:
        return replace(self, rejected_only=not self.rejected_only)

    def toggled_note(self) -> QuickToggles:
        return replace(self, note_to_answer=not self.note_to_answer)

    def next_carrier(self, carriers: list[str]) -> QuickToggles:
        """The following carrier of ``carriers`` (sorted), then none again."""
        if not carriers:
            return replace(self, carrier=None)
        if self.carrier not in carriers:
            following = carriers[0] if self.carrier is None else None
        else:
            index = carriers.index(self.carrier) + 1
            following = carriers[index] if index < len(carriers) else None
        return replace(self, carrier=following)
