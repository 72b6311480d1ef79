"""Order operations of the API (create, full-replace update, cancel), shared with the seeder."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from porting_tui.emulator.carriers import Carrier, group_name
from porting_tui.emulator.errors import ApiError, FieldViolation, invalid, not_found
from porting_tui.emulator.lifecycle import ANSWER, CANCEL, Lifecycle
from porting_tui.emulator.order_input import NumberInput, OrderInput, read_order
from porting_tui.emulator.records import NumberRecord, OrderRecord
from porting_tui.emulator.rules import CANCELATION_DELAY, answer_delay
from porting_tui.emulator.store import OrderStore
from porting_tui.emulator.wire import order_updated_event

GROUP_SIZE = 100
"""A carrier's numbers in one order are split into activation groups of at most this many."""
_KEPT_ON_UPDATE = frozenset({"CONFIRMED", "ACTIVATED"})


class OrderBook:
    """Creates and changes orders; the lifecycle takes them from there."""

    def __init__(self, store: OrderStore, lifecycle: Lifecycle, max_numbers: int) -> None:
        self.store = store
        self.lifecycle = lifecycle
        self.max_numbers = max_numbers

    def find(self, order_id: int | str) -> OrderRecord:
        order = None
        if isinstance(order_id, int) or (isinstance(order_id, str) and order_id.isdigit()):
            order = self.store.get(int(order_id))
        if order is None:
            raise not_found(f"Order {order_id}")
        return order

    def _read(self, body: Any, now: datetime) -> OrderInput:
        return read_order(
            body, now=now, max_numbers=self.max_numbers, defaults=self.store.configuration
        )

    def create(self, body: Any, now: datetime) -> OrderRecord:
        given = self._read(body, now)
        numbers = [self._new_number(item, now) for item in given.numbers]
        _assign_groups(numbers)
        order = OrderRecord(
            id=self.store.new_order_id(),
            created=now,
            status="PENDING",
            customer_order_reference=given.customer_order_reference,
            on_demand=given.on_demand,
            schedule=given.schedule,
            reseller_name=given.reseller_name,
            numbers=numbers,
            loa_uploaded_by=given.loa_uploaded_by,
            loa_attachment_date=given.loa_attachment_date,
        )
        self.store.add(order)
        self._schedule_answers(order, numbers)
        self.lifecycle.events.emit(now, lambda: order_updated_event(order, self.store.wire_style))
        return order

    def update(self, order_id: int | str, body: Any, now: datetime) -> OrderRecord:
        """Full replace of a PENDING order; rejected numbers are resubmitted to the carrier."""
        order = self.find(order_id)
        _require_pending(order, "updated")
        given = self._read(body, now)
        wanted = {item.phone_number for item in given.numbers}
        cannot_remove = [
            FieldViolation(
                "phoneNumbers",
                f"The ({record.phone_number}) is {record.status} and cannot be removed",
            )
            for record in order.numbers
            if record.status in _KEPT_ON_UPDATE and record.phone_number not in wanted
        ]
        if cannot_remove:
            raise invalid(cannot_remove)
        submitted: list[NumberRecord] = []
        numbers: list[NumberRecord] = []
        for item in given.numbers:
            record = order.number(item.phone_number)
            if record is None:
                record = self._new_number(item, now)
                submitted.append(record)
            else:
                record.data = item.data
                if record.status == "REJECTED":
                    _resubmit(record, now)
                    submitted.append(record)
            numbers.append(record)
        _assign_groups([r for r in numbers if not r.group], [r for r in numbers if r.group])
        order.numbers = numbers
        order.customer_order_reference = given.customer_order_reference
        order.on_demand = given.on_demand
        order.schedule = given.schedule
        order.reseller_name = given.reseller_name
        order.loa_uploaded_by = given.loa_uploaded_by
        order.loa_attachment_date = given.loa_attachment_date
        self._schedule_answers(order, submitted)
        self.lifecycle.settle(order, now)
        return order

    def cancel(self, order_id: int | str, now: datetime) -> OrderRecord:
        order = self.find(order_id)
        _require_pending(order, "cancelled")
        order.status = "PENDING_CANCELATION"
        order.cancel_due = now + CANCELATION_DELAY
        self.lifecycle.schedule(order.cancel_due, order.id, CANCEL)
        self.store.touch(order)
        self.lifecycle.events.emit(now, lambda: order_updated_event(order, self.store.wire_style))
        return order

    @staticmethod
    def _new_number(item: NumberInput, now: datetime) -> NumberRecord:
        carrier = item.facts.carrier
        assert carrier is not None and item.facts.country is not None
        return NumberRecord(
            phone_number=item.phone_number,
            country_code=item.facts.country,
            carrier=carrier,
            group="",
            data=item.data,
            answer_due=now + answer_delay(carrier),
            submitted=now,
        )

    def _schedule_answers(self, order: OrderRecord, records: list[NumberRecord]) -> None:
        due_by_group: dict[str, datetime] = {}
        for record in records:
            if record.answer_due is not None:
                due_by_group[record.group] = max(
                    record.answer_due, due_by_group.get(record.group, record.answer_due)
                )
        for group, due in due_by_group.items():
            self.lifecycle.schedule(due, order.id, ANSWER, group)


def _require_pending(order: OrderRecord, action: str) -> None:
    if order.status != "PENDING":
        raise ApiError(
            400,
            f"Order {order.id} is {order.status}: only PENDING orders can be {action}.",
        )


def _resubmit(record: NumberRecord, now: datetime) -> None:
    record.status = "PENDING"
    record.attempt += 1
    record.answer_due = now + answer_delay(record.carrier)
    record.submitted = now
    record.reject_reason = None
    record.exclusion_reason = ""
    record.exclusion_date = None


def _assign_groups(records: list[NumberRecord], grouped: list[NumberRecord] | None = None) -> None:
    """Name activation groups by carrier, ``GROUP_SIZE`` numbers per group, after ``grouped``."""
    per_carrier: dict[Carrier, int] = {}
    for record in grouped or []:
        per_carrier[record.carrier] = per_carrier.get(record.carrier, 0) + 1
    for record in records:
        count = per_carrier.get(record.carrier, 0)
        record.group = group_name(record.carrier, count // GROUP_SIZE + 1)
        per_carrier[record.carrier] = count + 1
