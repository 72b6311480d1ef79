"""Moving from one order's detail to the next without going back to the list.

An operator triaging works down a list: open, fix, next. ``OrderSequence`` remembers the list a
detail was opened from (in the order it was shown), so ``]`` and ``[`` step along it, and
``next_needing_attention`` finds where ``J`` goes in the Needs attention ranking, which keeps
changing while the operator works (a fixed order leaves it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class OrderSequence:
    """The ids of the orders a list showed when one of them was opened, in its order."""

    source: str
    """The list's name, for the operator ("Pending", "Needs attention")."""
    ids: tuple[int, ...]

    def step(self, order_id: int, by: int) -> int | None:
        """The order ``by`` places after ``order_id`` (before it when negative); None past the
        ends or when ``order_id`` is not in the list."""
        try:
            place = self.ids.index(order_id)
        except ValueError:
            return None
        target = place + by
        return self.ids[target] if 0 <= target < len(self.ids) else None

    def position(self, order_id: int) -> str:
        """``3/12 in Pending``; just the list's name when the order is not in it."""
        if order_id not in self.ids:
            return self.source
        return f"{self.ids.index(order_id) + 1}/{len(self.ids)} in {self.source}"


def next_needing_attention(
    current: int, ranked_now: Sequence[int], walk: Sequence[int] = ()
) -> int | None:
    """Where ``J`` goes from order ``current``.

    ``walk`` is the ranking the operator is working down: Needs attention as it was when they
    opened the first order. The ranking moves under them (an order looked at sinks, a fixed
    one leaves), so ``J`` follows ``walk`` from ``current``, skipping what no longer needs
    attention; past its end come orders ranked since, then the top again. Without ``current``
    in ``walk``, today's ranking is the walk. None when no other order needs attention.
    """
    others = [order_id for order_id in ranked_now if order_id != current]
    if not others:
        return None
    path = list(walk) if current in walk else list(ranked_now)
    place = path.index(current) if current in path else -1
    still_ranked = set(others)
    for order_id in path[place + 1 :]:
        if order_id in still_ranked:
            return order_id
    walked = set(path)
    fresh = [order_id for order_id in others if order_id not in walked]
    return fresh[0] if fresh else others[0]
