"""Learned rules: how often each losing carrier rejected this project's recent orders, and why.

Nothing in the store records "carrier X rejected order Y for Z" as such, so it is put together
from what is there:

* the pictures of orders the app keeps (``OrderState``): the detail cache of the attention
  board (table ``order_observations``) and the seen-state of orders the operator opened. They
  give each number's activation group, hence its losing carrier, and the reject reason of
  numbers rejected right now;
* the timeline, which keeps every rejection ever observed ("2 numbers REJECTED: <reason>
  (<numbers>)"): a picture only has the latest status, and a number rejected, fixed and sent
  again is PENDING in it, its rejection forgotten.

A rejection whose numbers have no known carrier counts for the order's carrier when it has
only one, and is left out otherwise. Orders the app never read are unknown to it: what is
learned is what this installation saw.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from porting_tui.domain.carriers import carrier_of_group
from porting_tui.domain.preflight import LearnedRejection, carrier_key
from porting_tui.domain.rejection_hints import RejectionHint, hint_for
from porting_tui.local.order_state import OrderState
from porting_tui.local.seen_state import SeenState
from porting_tui.local.store import LocalStore
from porting_tui.local.timeline import Timeline

DEFAULT_LAST_ORDERS = 10
"""How many of each carrier's most recent orders are counted."""

# The attention board's detail cache (porting_tui/attention/detail_cache.py) owns this table;
# it is read here directly because local/ may not import attention/. A test in
# tests/local/test_rejection_history.py fails if the two drift apart.
OBSERVATIONS_TABLE = "order_observations"
# The timeline entries of numbers changing status, as porting_tui/attention/changes.py
# writes them (kind "numbers"): "3 numbers REJECTED: <reason> (+1..., +1... and 1 more)".
_NUMBERS_KIND = "numbers"
_REJECTED_ENTRY = re.compile(
    r"^(?P<count>\d+) numbers? REJECTED: (?P<reason>.+) \((?P<numbers>[^()]*)\)$"
)
_MORE = re.compile(r"\s+and \d+ more$")


@dataclass(frozen=True)
class OrderOutcome:
    """What is known of one order: its losing carriers and why each rejected numbers."""

    order_id: int
    created: date | None = None
    carriers: tuple[str, ...] = ()
    """The order's losing carriers, by name."""
    reasons: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Carrier name -> the reasons it gave for rejecting numbers of this order."""


@dataclass
class _Order:
    """An order's outcome while it is put together from several sources."""

    order_id: int
    created: date | None = None
    groups: dict[str, str] = field(default_factory=dict)
    """Phone number -> carrier."""
    rejections: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    """(reason, numbers) as observed; numbers may be only the first few of them."""

    def add_state(self, state: OrderState) -> None:
        self.created = self.created or state.created_date
        for number in state.numbers:
            if number.group:
                self.groups.setdefault(number.phone_number, carrier_of_group(number.group))
            if number.status == "REJECTED" and number.reason:
                self.rejections.append((number.reason, (number.phone_number,)))

    def outcome(self) -> OrderOutcome:
        carriers = tuple(dict.fromkeys(self.groups.values()))
        reasons: dict[str, set[str]] = {}
        for reason, numbers in self.rejections:
            blamed = {self.groups[n] for n in numbers if n in self.groups}
            if not blamed and len(carriers) == 1:
                blamed = {carriers[0]}
            for carrier in blamed:
                reasons.setdefault(carrier, set()).add(reason.strip())
        return OrderOutcome(
            self.order_id,
            self.created,
            carriers,
            {carrier: frozenset(found) for carrier, found in reasons.items()},
        )


@dataclass(frozen=True, slots=True)
class RejectedEntry:
    """A timeline text of rejected numbers, read back."""

    reason: str
    numbers: tuple[str, ...]
    """The numbers listed: only the first few of a longer rejection ("... and 3 more")."""
    count: int
    """How many numbers were rejected, listed or not."""


def parse_rejected_entry(text: str) -> RejectedEntry | None:
    """The rejection a timeline text of rejected numbers tells, else None."""
    match = _REJECTED_ENTRY.match(text.strip())
    if match is None:
        return None
    listed = _MORE.sub("", match.group("numbers"))
    numbers = tuple(n.strip() for n in listed.split(",") if n.strip())
    count = max(int(match.group("count")), len(numbers))
    return RejectedEntry(match.group("reason").strip(), numbers, count)


def rejected_entry(text: str) -> tuple[str, tuple[str, ...]] | None:
    """(reason, numbers listed) of a timeline text of rejected numbers, else None."""
    entry = parse_rejected_entry(text)
    return (entry.reason, entry.numbers) if entry is not None else None


def rejection_texts(store: LocalStore, profile: str) -> list[tuple[int, str]]:
    """(order id, text) of every timeline entry of numbers changing status, oldest first;
    ``parse_rejected_entry`` tells which are rejections."""
    Timeline(store, profile)  # makes sure the table exists, even in a store that never had it
    rows = store.query(
        "SELECT order_id, text FROM timeline WHERE profile = ? AND kind = ? "
        "ORDER BY happened_at, id",
        (profile, _NUMBERS_KIND),
    )
    return [(row["order_id"], row["text"]) for row in rows]


def outcomes_of(
    states: Iterable[OrderState], timeline: Iterable[tuple[int, str]] = ()
) -> list[OrderOutcome]:
    """The outcome of each order from its pictures and its timeline texts (order id, text)."""
    orders: dict[int, _Order] = {}
    for state in states:
        orders.setdefault(state.order_id, _Order(state.order_id)).add_state(state)
    for order_id, text in timeline:
        entry = rejected_entry(text)
        if entry is not None and order_id in orders:
            orders[order_id].rejections.append(entry)
    return [order.outcome() for order in orders.values()]


def _reason_name(
    reason: str, hints: tuple[RejectionHint, ...] | None
) -> tuple[str, str, str | None]:
    """(key, name, field) of a reason: carriers word one problem several ways, and the
    rejection hints already know which words mean the same (``Address or ZIP``)."""
    hint = hint_for(reason, hints)
    if hint is not None:
        return hint.key, hint.title, hint.field
    return " ".join(reason.casefold().split()), reason, None


def learn_rejections(
    outcomes: Iterable[OrderOutcome],
    last: int = DEFAULT_LAST_ORDERS,
    hints: tuple[RejectionHint, ...] | None = None,
) -> list[LearnedRejection]:
    """For each losing carrier, how many of its ``last`` most recent orders it rejected for
    each reason; most frequent first. Every count is returned: which ones are worth advice is
    the pre-flight rule's call."""
    by_carrier: dict[str, list[OrderOutcome]] = {}
    names: dict[str, str] = {}
    for outcome in sorted(outcomes, key=lambda o: (o.created or date.min, o.order_id)):
        # One carrier written two ways in one order ("Lumen", "LUMEN") is one carrier.
        for key, carrier in {carrier_key(c): c for c in outcome.carriers}.items():
            names.setdefault(key, carrier)
            by_carrier.setdefault(key, []).append(outcome)
    learned: list[LearnedRejection] = []
    for key, orders in by_carrier.items():
        recent = orders[-last:] if last > 0 else []
        counts: dict[str, tuple[int, str, str | None]] = {}
        for outcome in recent:
            # One order counts once per reason, however many of its numbers were rejected.
            reasons: dict[str, tuple[str, str | None]] = {}
            for carrier, found in outcome.reasons.items():
                if carrier_key(carrier) == key:
                    for reason in found:
                        reason_key, name, path = _reason_name(reason, hints)
                        reasons.setdefault(reason_key, (name, path))
            for reason_key, (name, path) in reasons.items():
                count, _, _ = counts.get(reason_key, (0, name, path))
                counts[reason_key] = (count + 1, name, path)
        learned += [
            LearnedRejection(names[key], name, count, len(recent), path)
            for count, name, path in counts.values()
        ]
    return sorted(learned, key=lambda r: (-r.share, -r.rejected_orders, carrier_key(r.carrier)))


class RejectionHistory:
    """The learned rejections of one profile, from its local store."""

    def __init__(self, store: LocalStore, profile: str) -> None:
        self.store = store
        self.profile = profile
        # Opening both makes sure their tables exist, even in a store that never had them.
        Timeline(store, profile)
        self._seen = SeenState(store, profile)

    def _observed_states(self) -> list[OrderState]:
        exists = self.store.query(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (OBSERVATIONS_TABLE,)
        )
        if not exists:
            return []
        rows = self.store.query(
            "SELECT state FROM order_observations WHERE profile = ?", (self.profile,)
        )
        states = []
        for row in rows:
            try:
                states.append(OrderState.from_json(row["state"]))
            except ValueError:
                continue  # a picture written by another version: not worth failing over
        return states

    def outcomes(self) -> list[OrderOutcome]:
        states = self._observed_states()
        states += [seen.state for seen in self._seen.all().values()]
        return outcomes_of(states, rejection_texts(self.store, self.profile))

    def learned(self, last: int = DEFAULT_LAST_ORDERS) -> list[LearnedRejection]:
        """What each losing carrier rejected in its ``last`` most recent orders."""
        return learn_rejections(self.outcomes(), last)
