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
    current: int, ranked_now: Sequence[int], ranked_before: Sequence[int] = ()
) -> int | None:
    """Where ``J`` goes from order ``current``: the order after it in today's ranking.

    ``ranked_before`` is the ranking as it was when the operator last moved. When ``current``
    has left the ranking (its problem is fixed), ``J`` goes to the first order that followed it
    then and is still ranked, so fixing an order never sends the operator back to the top of
    orders already seen; failing that, to the top of the ranking. None when no other order
    needs attention.
    """
    others = [order_id for order_id in ranked_now if order_id != current]
    if not others:
        return None
    if current in ranked_now:
        place = list(ranked_now).index(current)
        after = list(ranked_now[place + 1 :])
        return after[0] if after else others[0]
    still_ranked = set(others)
    if current in ranked_before:
        place = list(ranked_before).index(current)
        for order_id in ranked_before[place + 1 :]:
            if order_id in still_ranked:
                return order_id
    return others[0]
