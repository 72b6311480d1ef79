"""What pre-flight needs around an order: the open orders holding its numbers, past rejections.

The rules are pure; this gathers their context. Open orders come first from what Needs
attention has already read (free), then from the order list's phone-number filter, a few
numbers at a time. A lookup that fails leaves its numbers "not checked", never an error: the
review says so and the order may be submitted all the same.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from porting_tui.client import Order, PortingClient, PortingError
from porting_tui.domain.preflight import LearnedRejection, PreflightContext
from porting_tui.listing.attention_context import AttentionContext
from porting_tui.local.rejection_history import RejectionHistory
from porting_tui.local.store import StoreError

OPEN_ORDER_STATUSES = frozenset({"PENDING", "CONFIRMED", "PENDING_CANCELATION", "ORDER_BUILDING"})
"""Orders that still hold their numbers: a carrier rejects a second order for one of them.
PENDING_CANCELATION counts: the numbers are released only once the order is CANCELED."""
RELEASED_NUMBER_STATUSES = frozenset({"EXCLUDED", "CANCELED"})
"""A number in one of these statuses has left its order, open or not."""
LOOKUP_CONCURRENCY = 8
LOOKUP_PAGE_SIZE = 100


@dataclass(frozen=True)
class OpenOrders:
    """Which other open order holds each number, for the numbers looked up so far."""

    holders: Mapping[str, int] = field(default_factory=dict)
    """Phone number -> id of an open order holding it."""
    checked: frozenset[str] = frozenset()
    """Numbers whose answer is known (held or not)."""
    failed: frozenset[str] = frozenset()
    """Numbers whose lookup failed: nobody knows whether another order holds them."""

    def merged(self, later: OpenOrders) -> OpenOrders:
        """These answers with ``later``'s added; a number ``later`` checked is no longer failed."""
        holders = {n: o for n, o in self.holders.items() if n not in later.checked}
        holders.update(later.holders)
        checked = self.checked | later.checked
        return OpenOrders(holders, checked, (self.failed - later.checked) | later.failed)

    def unchecked(self, numbers: Iterable[str]) -> list[str]:
        """The ``numbers`` with no answer yet (failed ones included)."""
        return [number for number in numbers if number not in self.checked]


def _holds(order: Order, number: str) -> bool:
    return any(
        n.phone_number == number and n.status not in RELEASED_NUMBER_STATUSES
        for n in order.phone_numbers
    )


def known_holders(
    attention: AttentionContext | None, numbers: Collection[str], *, exclude: int | None = None
) -> dict[str, int]:
    """The open orders Needs attention has read that hold one of ``numbers`` (except
    ``exclude``, the order itself). Only its finds count: it lists PENDING and CONFIRMED orders
    as of its last refresh, so a number it does not place still has to be looked up."""
    if attention is None or not numbers:
        return {}
    board = attention.board
    wanted = set(numbers)
    found: dict[str, int] = {}
    for order_id in sorted(board.rows):
        observation = board.observation(order_id)
        if order_id == exclude or observation is None:
            continue
        if observation.state.status not in OPEN_ORDER_STATUSES:
            continue
        for number in observation.state.numbers:
            phone = number.phone_number
            if phone in wanted and number.status not in RELEASED_NUMBER_STATUSES:
                found.setdefault(phone, order_id)
    return found


async def look_up_open_orders(
    client: PortingClient,
    numbers: Collection[str],
    *,
    exclude: int | None = None,
    concurrency: int = LOOKUP_CONCURRENCY,
) -> OpenOrders:
    """Ask the order list which open order holds each of ``numbers``, ``concurrency`` at a time.

    The list's phone-number filter finds every order that ever had the number; an open one is
    read to make sure the number was not excluded from it (each such order is read once).
    """
    limit = asyncio.Semaphore(max(1, concurrency))
    reads: dict[int, asyncio.Task[Order]] = {}

    async def still_holds(order_id: int, number: str) -> bool:
        if order_id not in reads:
            reads[order_id] = asyncio.ensure_future(client.orders.get(order_id))
        try:
            return _holds(await asyncio.shield(reads[order_id]), number)
        except (PortingError, ValueError):
            return True  # the list says the order has it; what became of it is unknown

    async def holder(number: str) -> int | None:
        async with limit:
            rows = client.orders.list(phone_number=number, page_size=LOOKUP_PAGE_SIZE)
            async for row in rows:
                if row.id == exclude or row.status not in OPEN_ORDER_STATUSES:
                    continue
                if await still_holds(row.id, number):
                    return row.id
            return None

    async def answer(number: str) -> tuple[str, int | None, bool]:
        try:
            return number, await holder(number), True
        except (PortingError, ValueError):
            return number, None, False

    answers = await asyncio.gather(*(answer(number) for number in dict.fromkeys(numbers)))
    for task in reads.values():
        if not task.done():
            task.cancel()
    return OpenOrders(
        {number: order_id for number, order_id, ok in answers if ok and order_id is not None},
        frozenset(number for number, _, ok in answers if ok),
        frozenset(number for number, _, ok in answers if not ok),
    )


def learned_rejections(attention: AttentionContext | None) -> tuple[LearnedRejection, ...]:
    """What each losing carrier rejected in this project's recent orders; () without a local
    store, or when it cannot be read (advice is not worth an error)."""
    store = attention.local.store if attention is not None else None
    if attention is None or store is None:
        return ()
    try:
        return tuple(RejectionHistory(store, attention.profile).learned())
    except (StoreError, sqlite3.Error, ValueError):
        return ()


async def order_context(
    attention: AttentionContext | None, order: Order, today: date
) -> PreflightContext:
    """The context of an order already sent (the detail, the edit dialog): the other open
    orders Needs attention knows of, and the learned rejections (read in a thread: the store
    may hold thousands of orders). No request is made: the detail is opened, walked and
    refreshed often, and a lookup per number each time would spend the project's rate limit
    on what the carrier's answer says anyway."""
    numbers = [number.phone_number for number in order.phone_numbers]
    holders = known_holders(attention, numbers, exclude=order.id or None)
    learned = await asyncio.to_thread(learned_rejections, attention)
    return PreflightContext(today, holders, learned)
