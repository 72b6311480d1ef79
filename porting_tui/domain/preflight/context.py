"""What the rules need to know beyond the order itself: the date, other orders, past rejections."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class LearnedRejection:
    """How often one losing carrier rejected this project's recent orders for one reason."""

    carrier: str
    reason: str
    """A short name of the reason (``Address or ZIP``), or the carrier's own words."""
    rejected_orders: int
    """Of ``total_orders``, how many had numbers of ``carrier`` rejected for ``reason``."""
    total_orders: int
    """The carrier's recent orders looked at (the last N that had its numbers)."""
    field: str | None = None
    """Where such a rejection is usually fixed (an API path), when known."""

    @property
    def share(self) -> float:
        return self.rejected_orders / self.total_orders if self.total_orders else 0.0


@dataclass(frozen=True)
class PreflightContext:
    """The world around the order: today, the project's other open orders, its history."""

    today: date
    open_orders: Mapping[str, int] = field(default_factory=dict)
    """Phone number -> id of another open order of this project that holds it."""
    learned: Sequence[LearnedRejection] = ()
