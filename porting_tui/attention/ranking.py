"""The Needs attention ranking: open orders with reasons, most urgent first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from porting_tui.attention.rules import Reason
from porting_tui.client import OrderListItem
from porting_tui.local.order_state import OrderState


@dataclass(frozen=True)
class AttentionItem:
    """One row of the Needs attention view."""

    order_id: int
    state: OrderState
    reasons: tuple[Reason, ...]
    row: OrderListItem | None = None
    marker: str | None = None

    @property
    def why(self) -> str:
        """The Why column: every reason, most urgent first."""
        return " · ".join(reason.text for reason in self.reasons)

    @property
    def urgency(self) -> int:
        return max((reason.weight for reason in self.reasons), default=0)

    def sort_key(self) -> tuple[int, int, int]:
        # Most urgent reason first, then the one with more reasons, then the newest order.
        total = sum(reason.weight for reason in self.reasons)
        return (-self.urgency, -total, -self.order_id)


def rank(items: Iterable[AttentionItem]) -> list[AttentionItem]:
    """The items that have a reason, most urgent first."""
    return sorted((item for item in items if item.reasons), key=AttentionItem.sort_key)
