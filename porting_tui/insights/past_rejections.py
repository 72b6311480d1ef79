"""Rejections this installation observed in the past, as plain data for ``compute_insights``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

SEEN_BY_APP = "timeline"
"""Observed by the app between two readings of the order (its local timeline)."""
FROM_WEBHOOK = "webhook"
"""Carried by a stored NUMBERS_REJECTED webhook event."""


@dataclass(frozen=True, slots=True)
class PastRejection:
    """Numbers of one order rejected for one reason, at some point in the past."""

    order_id: int
    reason: str
    numbers: tuple[str, ...]
    """The numbers named; a timeline entry names only the first few of a longer rejection."""
    count: int
    """How many numbers were rejected, named or not (at least ``len(numbers)``)."""
    source: str
    """``SEEN_BY_APP`` or ``FROM_WEBHOOK``."""


@dataclass(frozen=True, slots=True)
class PastRejections:
    """Every past rejection known to the local store, and since when it has been watching."""

    entries: tuple[PastRejection, ...] = ()
    since: date | None = None
    """The day of the store's first timeline entry for the profile; None: it has none."""

    def of_orders(self, order_ids: Iterable[int]) -> dict[int, list[PastRejection]]:
        """The entries of ``order_ids``, by order."""
        wanted = set(order_ids)
        found: dict[int, list[PastRejection]] = {}
        for entry in self.entries:
            if entry.order_id in wanted:
                found.setdefault(entry.order_id, []).append(entry)
        return found
