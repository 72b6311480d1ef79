"""All orders and the project configuration, with the indexes that keep listing fast.

Order ids grow with creation time (seeded history first, then API creates on a clock that
never goes back), so "newest first" is simply "highest id first" and a created-date range
is a bisect over the ids.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from porting_tui.emulator.dates import WireStyle
from porting_tui.emulator.records import JsonObject, OrderRecord

FIRST_ORDER_ID = 700001
FIRST_NOTE_ID = 5001
FIRST_DOCUMENT_ID = 3001
_RELEASED_NUMBER_STATUSES = frozenset({"EXCLUDED", "CANCELED"})


@dataclass(frozen=True)
class OrderQuery:
    """The list filters; None means "any"."""

    order_id: int | None = None
    status: str | None = None
    reference: str | None = None
    phone_number: str | None = None
    created_start: datetime | None = None
    created_end: datetime | None = None
    foc_start: datetime | None = None
    foc_end: datetime | None = None


class OrderStore:
    def __init__(self, wire_style: WireStyle = "date") -> None:
        self.wire_style: WireStyle = wire_style
        """How answers and webhooks write the ambiguously typed dates (see ``WireStyle``)."""
        self.orders: dict[int, OrderRecord] = {}
        self.configuration: JsonObject | None = None
        self._ids: list[int] = []
        self._created: list[datetime] = []
        self._status_of: dict[int, str] = {}
        self._by_status: dict[str, set[int]] = {}
        self._reference_of: dict[int, str] = {}
        self._by_reference: dict[str, set[int]] = {}
        self._by_number: dict[str, set[int]] = {}
        self._held_by: dict[int, set[str]] = {}
        self._open_holders: dict[str, set[int]] = {}
        self._next_order_id = FIRST_ORDER_ID
        self._next_note_id = FIRST_NOTE_ID
        self._next_document_id = FIRST_DOCUMENT_ID

    def __len__(self) -> int:
        return len(self._ids)

    def new_order_id(self) -> int:
        self._next_order_id += 1
        return self._next_order_id - 1

    def new_note_id(self) -> int:
        self._next_note_id += 1
        return self._next_note_id - 1

    def new_document_id(self) -> int:
        self._next_document_id += 1
        return self._next_document_id - 1

    def add(self, order: OrderRecord) -> None:
        if self._ids and (order.id <= self._ids[-1] or order.created < self._created[-1]):
            raise ValueError("orders must be added in id and creation order")
        self.orders[order.id] = order
        self._ids.append(order.id)
        self._created.append(order.created)
        self.touch(order)

    def get(self, order_id: int) -> OrderRecord | None:
        return self.orders.get(order_id)

    def touch(self, order: OrderRecord) -> None:
        """Bring every index up to date after ``order`` changed in any way."""
        self._move(self._status_of, self._by_status, order.id, order.status)
        self._move(self._reference_of, self._by_reference, order.id, order.customer_order_reference)
        for number in self._held_by.get(order.id, set()):
            holders = self._open_holders[number]
            holders.discard(order.id)
            if not holders:
                del self._open_holders[number]
        held: set[str] = set()
        for record in order.numbers:
            self._by_number.setdefault(record.phone_number, set()).add(order.id)
            if order.is_open and record.status not in _RELEASED_NUMBER_STATUSES:
                self._open_holders.setdefault(record.phone_number, set()).add(order.id)
                held.add(record.phone_number)
        self._held_by[order.id] = held

    @staticmethod
    def _move(current: dict[int, str], index: dict[str, set[int]], order_id: int, key: str) -> None:
        previous = current.get(order_id)
        if previous == key:
            return
        if previous is not None:
            index[previous].discard(order_id)
        index.setdefault(key, set()).add(order_id)
        current[order_id] = key

    def open_order_holding(self, phone_number: str) -> int | None:
        """The id of the oldest open order (pending, confirmed or being cancelled) holding a
        number; None when none does."""
        holders = self._open_holders.get(phone_number)
        return min(holders) if holders else None

    def open_orders_holding(self, phone_number: str) -> frozenset[int]:
        """The ids of every open order holding a number (it is released once excluded or
        cancelled). Orders are accepted with a number another open order holds; the
        carrier's answer then rejects it (``rules.OPEN_ORDER``)."""
        return frozenset(self._open_holders.get(phone_number, ()))

    def page(self, query: OrderQuery, first: int, count: int) -> tuple[int, list[OrderRecord]]:
        """(how many orders match, the ``count`` matches from index ``first``), newest first.

        Without index or FOC filters the page is sliced straight from the id list, so a
        page costs the same with ten orders or ten thousand.
        """
        if self._indexed_candidates(query) is None and query.foc_start is query.foc_end is None:
            lo, hi = self._created_bounds(query)
            newest = hi - 1 - first
            stop = max(lo - 1, newest - count)
            ids = range(newest, stop, -1) if newest >= lo else range(0)
            return max(0, hi - lo), [self.orders[self._ids[i]] for i in ids]
        matches = self.query(query)
        return len(matches), matches[first : first + count]

    def _created_bounds(self, query: OrderQuery) -> tuple[int, int]:
        lo, hi = 0, len(self._ids)
        if query.created_start is not None:
            lo = bisect.bisect_left(self._created, query.created_start)
        if query.created_end is not None:
            hi = bisect.bisect_right(self._created, query.created_end)
        return lo, hi

    def query(self, query: OrderQuery) -> list[OrderRecord]:
        """The orders matching every filter, newest first."""
        created_lo, created_hi = self._created_bounds(query)
        if created_lo >= created_hi:
            return []
        candidates = self._indexed_candidates(query)
        if candidates is None:
            ids: Iterable[int] = reversed(self._ids[created_lo:created_hi])
        else:
            lowest, highest = self._ids[created_lo], self._ids[created_hi - 1]
            ids = sorted((i for i in candidates if lowest <= i <= highest), reverse=True)
        orders: Iterable[OrderRecord] = (self.orders[i] for i in ids)
        if query.foc_start is not None or query.foc_end is not None:
            orders = self._with_foc_between(orders, query.foc_start, query.foc_end)
        return list(orders)

    def _indexed_candidates(self, query: OrderQuery) -> set[int] | None:
        sets: list[set[int]] = []
        if query.order_id is not None:
            sets.append({query.order_id} if query.order_id in self.orders else set())
        if query.status is not None:
            sets.append(self._by_status.get(query.status, set()))
        if query.reference is not None:
            sets.append(self._by_reference.get(query.reference, set()))
        if query.phone_number is not None:
            sets.append(self._by_number.get(query.phone_number, set()))
        if not sets:
            return None
        sets.sort(key=len)
        return sets[0].intersection(*sets[1:])

    @staticmethod
    def _with_foc_between(
        orders: Iterable[OrderRecord], start: datetime | None, end: datetime | None
    ) -> Iterator[OrderRecord]:
        for order in orders:
            for record in order.numbers:
                foc = record.foc_date
                if foc is None or (start is not None and foc < start):
                    continue
                if end is not None and foc > end:
                    continue
                yield order
                break
