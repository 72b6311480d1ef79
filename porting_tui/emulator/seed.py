"""Seed data: a deterministic history of orders over the 180 virtual days before the start.

The history is not drawn as final states: it is played. Orders are created through the
same code as API calls, at their creation times (``seed_history.py``: a growing volume
with quiet weekends and slow holiday weeks); scripted customer actions (fixes, notes,
documents, cancellations, activations) run at theirs; the lifecycle answers in between.
A customer's mistake, when there is one, is drawn from the losing carrier's profile
(``carrier_profiles.py``), less often as the months go by (``REJECTION_TREND``), and the
rules reject it as they would a live order's. So the seeded world obeys every rule a live
one does, and is a pure function of (seed, orders, start).
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import random
from datetime import datetime, timedelta

from porting_tui.emulator.activation import activatable_groups, activate
from porting_tui.emulator.attachments import add_document
from porting_tui.emulator.carrier_profiles import profile_of
from porting_tui.emulator.carriers import number_facts
from porting_tui.emulator.dates import add_business_days, local_date
from porting_tui.emulator.errors import ApiError
from porting_tui.emulator.orders import OrderBook
from porting_tui.emulator.records import JsonObject, OrderRecord
from porting_tui.emulator.rules import ACCOUNT_MISMATCH, ACCOUNT_MISSING, LOA_EXPIRED
from porting_tui.emulator.seed_bodies import BodyMaker, sample_document
from porting_tui.emulator.seed_data import FIX_NOTES, USER_NOTES
from porting_tui.emulator.seed_fixes import fixed_body
from porting_tui.emulator.seed_history import HISTORY_DAYS, HistoryCalendar
from porting_tui.emulator.seed_mistakes import MistakePlanter

SEED_DAYS = HISTORY_DAYS
SCENARIOS = (
    ("scheduled", 0.74),
    ("on_demand_activated", 0.08),
    ("on_demand_waiting", 0.08),
    ("canceled", 0.10),
)
WAITING_DAYS = 60
"""On-demand orders older than this have been activated by now."""
REJECTION_TREND = (1.4, 0.8)
"""A carrier's rejection rate (``CarrierProfile.reject_percent``) times this much on the first
day of the history and at the start, in a straight line: the customers get better at it."""
FIXES = ((0.25, 4, 48), (0.45, 48, 144))
"""(share, fewest hours, most hours) of rejected orders the customer fixes that long after
the rejection; the others are never fixed, and their numbers are excluded after 7 days."""
FRESH_REJECTED = 0.34
"""Share of the orders created within the 6 hours before the start that the carrier rejects."""
_ANSWERED = frozenset({"scheduled", "on_demand_activated", "on_demand_waiting", "fresh"})
_BILL = frozenset({ACCOUNT_MISMATCH.reason, ACCOUNT_MISSING.reason})


class Seeder:
    def __init__(self, book: OrderBook, user: str, start: datetime, seed: int) -> None:
        self.book = book
        self.lifecycle = book.lifecycle
        self.user = user
        self.start = start
        self.rng = random.Random(seed)  # noqa: S311 - reproducible, not secret
        self.bodies = BodyMaker(self.rng)
        self.mistakes = MistakePlanter(self.bodies)
        self.calendar = HistoryCalendar(start, self.rng)
        self._scripts: list[tuple[datetime, int, str, int, str]] = []
        self._sequence = itertools.count()

    def run(self, count: int) -> None:
        events = self.lifecycle.events
        events.muted = True
        try:
            for created, scenario in self._plan(count):
                self._play_until(created)
                self._create(created, scenario)
            self._play_until(self.start)
        finally:
            events.muted = False

    def _plan(self, count: int) -> list[tuple[datetime, str]]:
        rng, start = self.rng, self.start
        cancelling = count // 100
        fresh = count * 3 // 100
        plan: list[tuple[datetime, str]] = []
        for _ in range(count - cancelling - fresh):
            created = self.calendar.created(youngest=timedelta(hours=5))
            roll, scenario = rng.random(), SCENARIOS[-1][0]
            for name, share in SCENARIOS:
                if roll < share:
                    scenario = name
                    break
                roll -= share
            if scenario == "on_demand_waiting" and start - created > timedelta(WAITING_DAYS):
                scenario = "on_demand_activated"
            plan.append((created, scenario))
        # Fresh orders, from the last hours: the carrier has answered some (a demo opens on
        # rejections to fix) and answers the others soon after the start (rejections and
        # Sinch's notes arrive).
        for _ in range(fresh):
            plan.append((start - timedelta(minutes=rng.uniform(5, 360)), "fresh"))
        for _ in range(cancelling):
            plan.append((start - timedelta(minutes=rng.uniform(30, 55)), "cancelling"))
        plan.sort(key=lambda item: item[0])
        return plan

    def _later(self, at: datetime, kind: str, order_id: int, payload: str = "") -> None:
        if at < self.start:
            heapq.heappush(self._scripts, (at, next(self._sequence), kind, order_id, payload))

    def _play_until(self, moment: datetime) -> None:
        while self._scripts and self._scripts[0][0] <= moment:
            at, _seq, kind, order_id, payload = heapq.heappop(self._scripts)
            self.lifecycle.catch_up(at)
            order = self.book.store.get(order_id)
            if order is not None:
                # The order may have moved on (confirmed, cancelled): the customer was late.
                with contextlib.suppress(ApiError):
                    self._act(order, kind, payload, at)
        self.lifecycle.catch_up(moment)

    def _create(self, created: datetime, scenario: str) -> None:
        rng = self.rng
        on_demand = scenario.startswith("on_demand")
        body, zone = self.bodies.order(created, on_demand=on_demand)
        mistake = self._mistake(body, created, zone, scenario) if scenario in _ANSWERED else ""
        order = self.book.create(body, created)
        minutes = timedelta(minutes=1)
        if mistake and scenario != "fresh":
            roll = rng.random()
            for share, fewest, most in FIXES:
                if roll < share:
                    fix_at = created + timedelta(hours=rng.uniform(fewest, most))
                    self._later(fix_at, "fix", order.id, mistake)
                    break
                roll -= share
        if scenario == "on_demand_activated":
            self._later(created + timedelta(days=1), "activate", order.id)
        elif scenario == "canceled":
            self._later(created + minutes * rng.uniform(5, 55), "cancel", order.id)
        elif scenario == "cancelling":
            self._later(self.start - minutes * rng.uniform(2, 25), "cancel", order.id)
        if rng.random() < 0.35:
            self._later(created + minutes * rng.uniform(10, 600), "loa", order.id)
        if rng.random() < 0.15:
            self._later(created + timedelta(hours=rng.uniform(1, 120)), "note", order.id)

    def _mistake(self, body: JsonObject, created: datetime, zone: str, scenario: str) -> str:
        """Plant the customer's mistake, if the order has one; return its rejection reason."""
        carrier = number_facts(body["phoneNumbers"][0]["phoneNumber"]).carrier
        assert carrier is not None
        profile = profile_of(carrier)
        if scenario == "fresh":
            chance = FRESH_REJECTED
        else:
            first, last = REJECTION_TREND
            trend = first + (last - first) * self.calendar.age_fraction(created)
            chance = profile.reject_percent / 100 * trend
        if self.rng.random() >= chance:
            return ""
        day = local_date(created, zone)
        return self.mistakes.plant(body, carrier, profile.mistakes, day).reason

    def _act(self, order: OrderRecord, kind: str, payload: str, at: datetime) -> None:
        if kind == "cancel":
            self.book.cancel(order.id, at)
        elif kind == "note":
            self.lifecycle.add_note(order, self.rng.choice(USER_NOTES), self.user, at)
        elif kind == "loa":
            self._upload(order, "LOA", "Signed letter of authorization", at)
        elif kind == "activate":
            self._activate(order, at)
        elif kind == "fix" and order.status == "PENDING":
            body: JsonObject = fixed_body(self.bodies, order, at)
            self.book.update(order.id, body, at)
            if self.rng.random() < 0.6:
                self.lifecycle.add_note(order, self.rng.choice(FIX_NOTES), self.user, at)
            if payload in _BILL:
                self._upload(order, "bill", "Copy of a recent bill from the old carrier", at)
            elif payload == LOA_EXPIRED.reason:
                self._upload(order, "LOA", "Newly signed letter of authorization", at)

    def _upload(self, order: OrderRecord, kind: str, description: str, at: datetime) -> None:
        reference = order.customer_order_reference
        name = f"{kind}-{reference or order.id}.pdf"
        content = sample_document(description, reference)
        body = {"documentName": name, "description": description, "fileContent": content}
        add_document(self.lifecycle, order, body, self.user, at)

    def _activate(self, order: OrderRecord, at: datetime) -> None:
        if order.status not in ("PENDING", "CONFIRMED"):
            return
        if activatable_groups(self.lifecycle, order, at):
            activate(self.lifecycle, order, None, self.user, at)
        if all(r.status not in ("PENDING", "REJECTED", "CONFIRMED") for r in order.numbers):
            return
        # Numbers not yet activatable (another carrier's later FOC, a rejection being fixed):
        # the customer looks again the next business morning.
        next_day = add_business_days(local_date(at, "US/Eastern"), 1)
        morning = datetime.combine(next_day, at.timetz()).replace(hour=14)
        self._later(morning + timedelta(minutes=self.rng.uniform(0, 240)), "activate", order.id)
