"""The order lifecycle on the virtual clock: carrier answers, FOC, activation, cancellation.

Each losing carrier commits and ports on its own lead times (``carrier_profiles.py``),
drawn per (seed, order), for seeded and live orders alike. Future steps sit in a heap keyed
by virtual time. Nothing runs in the background: before
each request the emulator calls ``catch_up(now)``, which applies every step that became due,
in time order, each at its own due time. Steps re-check the current state when they run, so
a step made stale by an update or a cancellation simply does nothing.
"""

from __future__ import annotations

import heapq
from datetime import datetime

from porting_tui.emulator.carrier_profiles import lead_times
from porting_tui.emulator.dates import local_date, start_of_day
from porting_tui.emulator.events import EventLog
from porting_tui.emulator.records import NoteRecord, NumberRecord, OrderRecord
from porting_tui.emulator.rules import (
    UNRESOLVED_REJECTION_LIMIT,
    Rejection,
    carrier_answer,
    firm_order_commitment,
    sinch_note_for,
    view_of,
)
from porting_tui.emulator.settings import SINCH_PORTING
from porting_tui.emulator.store import OrderStore
from porting_tui.emulator.wire import note_event, numbers_event, order_updated_event

ANSWER, PORT, READY, EXCLUDE, CANCEL = "answer", "port", "ready", "exclude", "cancel"


class Lifecycle:
    def __init__(self, store: OrderStore, events: EventLog, seed: int = 0) -> None:
        self.store = store
        self.events = events
        self.seed = seed
        self._heap: list[tuple[datetime, int, int, str, str]] = []
        self._scheduled = 0
        """Steps scheduled so far: a plain count (not ``itertools.count``) so that a world can be
        copied or pickled with its lifecycle."""

    def schedule(self, due: datetime, order_id: int, step: str, group: str = "") -> None:
        self._scheduled += 1
        heapq.heappush(self._heap, (due, self._scheduled, order_id, step, group))

    def next_due(self) -> datetime | None:
        return self._heap[0][0] if self._heap else None

    def catch_up(self, now: datetime) -> None:
        while self._heap and self._heap[0][0] <= now:
            due, _seq, order_id, step, group = heapq.heappop(self._heap)
            order = self.store.get(order_id)
            if order is not None:
                self._run(order, step, group, due)

    def _run(self, order: OrderRecord, step: str, group: str, at: datetime) -> None:
        if step == CANCEL:
            self._finish_cancelation(order, at)
            return
        if order.status not in ("PENDING", "CONFIRMED"):
            return
        members = [record for record in order.numbers if record.group == group]
        if step == ANSWER:
            self._answer(order, members, at)
        elif step == PORT:
            self._port(order, members, at)
        elif step == READY:
            self._announce_ready(order, members, at)
        elif step == EXCLUDE:
            self._exclude_unresolved(order, members, at)

    def _answer(self, order: OrderRecord, members: list[NumberRecord], at: datetime) -> None:
        due = [r for r in members if r.status == "PENDING" and r.answer_due and r.answer_due <= at]
        if not due or order.status != "PENDING":
            return
        carrier = due[0].carrier
        group = due[0].group
        confirmed: list[NumberRecord] = []
        rejected: list[tuple[NumberRecord, Rejection]] = []
        slip, completion = lead_times(self.seed, order.id, carrier)
        foc = firm_order_commitment(order, carrier, at, slip)
        view = view_of(order)
        for record in due:
            record.answer_due = None
            holders = self.store.open_orders_holding
            rejection = carrier_answer(order, record, view=view, open_orders=holders)
            if rejection is None:
                record.status, record.confirmed_date, record.foc_date = "CONFIRMED", at, foc
                confirmed.append(record)
            else:
                record.status, record.reject_reason = "REJECTED", rejection.reason
                record.exclusion_reason, record.exclusion_date = rejection.reason, at
                rejected.append((record, rejection))
        if confirmed:
            self.events.emit(at, lambda: numbers_event("NUMBERS_CONFIRMED", order, confirmed))
            zone = str(order.schedule["desiredPortTimeZone"])
            self.schedule(foc + completion, order.id, PORT, group)
            self.schedule(start_of_day(local_date(foc, zone), zone), order.id, READY, group)
        if rejected:
            records = [record for record, _ in rejected]
            self.events.emit(at, lambda: numbers_event("NUMBERS_REJECTED", order, records))
            self.add_note(order, sinch_note_for(carrier, rejected), SINCH_PORTING, at)
            self.schedule(at + UNRESOLVED_REJECTION_LIMIT, order.id, EXCLUDE, group)
        self.settle(order, at)

    def _port(self, order: OrderRecord, members: list[NumberRecord], at: datetime) -> None:
        if order.on_demand or not members:
            return
        # The carrier releases the numbers a while after the FOC instant: its completion delay.
        _slip, completion = lead_times(self.seed, order.id, members[0].carrier)
        due = [
            r
            for r in members
            if r.status == "CONFIRMED" and r.foc_date and r.foc_date + completion <= at
        ]
        for record in due:
            assert record.foc_date is not None
            record.status, record.activated_date = "ACTIVATED", record.foc_date + completion
            record.activate_user = SINCH_PORTING
        if due:
            self.events.emit(at, lambda: numbers_event("NUMBERS_ACTIVATED", order, due))
            self.settle(order, at)

    def _announce_ready(
        self, order: OrderRecord, members: list[NumberRecord], at: datetime
    ) -> None:
        """On-demand numbers whose FOC day has begun can be activated: say so once."""
        if not order.on_demand:
            return
        ready = [r for r in members if r.status == "CONFIRMED" and not r.ready_announced]
        ready = [r for r in ready if self.activatable_since(order, r) <= at]
        for record in ready:
            record.ready_announced = True
        if ready:
            self.events.emit(at, lambda: numbers_event("NUMBERS_CONFIRMED", order, ready))

    @staticmethod
    def activatable_since(order: OrderRecord, record: NumberRecord) -> datetime:
        """Numbers route on Sinch from midnight of the FOC date in the order's time zone."""
        assert record.foc_date is not None
        zone = str(order.schedule["desiredPortTimeZone"])
        return start_of_day(local_date(record.foc_date, zone), zone)

    def _exclude_unresolved(
        self, order: OrderRecord, members: list[NumberRecord], at: datetime
    ) -> None:
        stale = [
            r
            for r in members
            if r.status == "REJECTED"
            and r.exclusion_date is not None
            and r.exclusion_date + UNRESOLVED_REJECTION_LIMIT <= at
        ]
        if not stale or order.status != "PENDING":
            return
        reason = "Rejection not resolved within 7 days"
        for record in stale:
            record.status, record.exclusion_reason, record.exclusion_date = "EXCLUDED", reason, at
        listed = ", ".join(r.phone_number for r in stale)
        text = f"{listed} excluded from the order: {reason.lower()}. The other numbers go on."
        self.add_note(order, text, SINCH_PORTING, at)
        self.settle(order, at)

    def _finish_cancelation(self, order: OrderRecord, at: datetime) -> None:
        if order.status != "PENDING_CANCELATION" or order.cancel_due is None:
            return
        if order.cancel_due > at:
            return
        for record in order.numbers:
            if record.status in ("PENDING", "CONFIRMED", "REJECTED"):
                record.status = "CANCELED"
                record.answer_due = None
        order.status, order.cancel_due = "CANCELED", None
        self.store.touch(order)
        self.events.emit(at, lambda: order_updated_event(order, self.store.wire_style))

    def add_note(self, order: OrderRecord, text: str, author: str, at: datetime) -> NoteRecord:
        note = NoteRecord(self.store.new_note_id(), text, at, author)
        order.notes.append(note)
        self.events.emit(at, lambda: note_event(order, note))
        return note

    def settle(self, order: OrderRecord, at: datetime) -> None:
        """Derive the order status from its numbers, then announce the change."""
        if order.status in ("PENDING", "CONFIRMED"):
            active = [r.status for r in order.numbers if r.status not in ("EXCLUDED", "CANCELED")]
            if not active:
                order.status = "CANCELED"
            elif all(status == "ACTIVATED" for status in active):
                order.status = "COMPLETED"
            elif all(status in ("CONFIRMED", "ACTIVATED") for status in active):
                order.status = "CONFIRMED"
            else:
                order.status = "PENDING"
        self.store.touch(order)
        self.events.emit(at, lambda: order_updated_event(order, self.store.wire_style))
