"""The Needs attention ranking: open orders with reasons, most urgent first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from porting_tui.attention.rules import Reason
from porting_tui.attention.snoozes import Snooze
from porting_tui.local.order_state import OrderState


@dataclass(frozen=True)
class AttentionItem:
    """One row of the Needs attention view: reasons and counts from the same read."""

    order_id: int
    state: OrderState
    reasons: tuple[Reason, ...]
    age_days: int = 0
    """Business days since the order last changed."""
    looked: bool = False
    """The operator has looked at the order since it last changed: the row is dimmed and
    sorts after the ones with news, but stays while its reasons hold."""
    marker: str | None = None
    """The list's change marker: changed since the last look, or new."""
    snooze: Snooze | None = None

    @property
    def why(self) -> str:
        """Every reason as a chip, most urgent first."""
        return " · ".join(reason.text for reason in self.reasons)

    @property
    def step(self) -> str:
        """The next step of the most urgent reason."""
        return self.reasons[0].step if self.reasons else ""

    @property
    def urgency(self) -> int:
        return max((reason.weight for reason in self.reasons), default=0)

    def count(self, status: str) -> int:
        return self.state.count(status)

    def sort_key(self) -> tuple[int, bool, int, int]:
        # Most urgent reason first; within it news before what was already looked at, then
        # the order with more reasons, then the newest order.
        total = sum(reason.weight for reason in self.reasons)
        return (-self.urgency, self.looked, -total, -self.order_id)


def rank(items: Iterable[AttentionItem]) -> list[AttentionItem]:
    """The items that have a reason, most urgent first."""
    return sorted((item for item in items if item.reasons), key=AttentionItem.sort_key)
