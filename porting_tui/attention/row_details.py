"""What the order list shows of an order beyond its list row, from the details read for it.

The list row has counts only; the port date, FOC date, losing carriers, age and the reasons
it needs attention come from the order's details, which Needs attention reads in the
background for open orders. They are shown only while the details match the row (same status
and counts), so a row never pairs a fresh count with an older reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from porting_tui.attention.ranking import AttentionItem
from porting_tui.attention.rules import NOTE


@dataclass(frozen=True)
class RowDetails:
    desired_date: date | None
    foc_date: date | None
    """The next FOC date of the order (or its last one when all have passed)."""
    carriers: tuple[str, ...]
    age_days: int
    """Business days since the order last changed."""
    attention: str
    """The reasons it needs attention as chips; empty when it needs none."""
    urgency: int
    note_to_answer: bool
    """A note from Sinch is newer than the operator's latest note."""
    snoozed: bool = False

    @property
    def carrier_text(self) -> str:
        if not self.carriers:
            return ""
        first = self.carriers[0]
        return first if len(self.carriers) == 1 else f"{first} +{len(self.carriers) - 1}"


def row_details(item: AttentionItem, today: date) -> RowDetails:
    state = item.state
    days = state.foc_dates()
    upcoming = [day for day in days if day >= today]
    return RowDetails(
        desired_date=state.desired_port_date,
        foc_date=upcoming[0] if upcoming else (days[-1] if days else None),
        carriers=tuple(state.carriers()),
        age_days=item.age_days,
        attention=item.why,
        urgency=item.urgency,
        note_to_answer=any(reason.kind == NOTE for reason in item.reasons),
        snoozed=item.snooze is not None,
    )
