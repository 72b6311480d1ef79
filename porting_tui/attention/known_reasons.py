"""The attention reasons already made known for each order, so each new one is told once."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from porting_tui.attention.board import AttentionBoard
from porting_tui.attention.ranking import AttentionItem
from porting_tui.attention.rules import (
    EXCLUDED,
    FOC_SOON,
    NOTE,
    READY,
    REJECTED,
    STALE,
    Reason,
    numbers_in,
    ready_groups,
    soon_foc,
)
from porting_tui.attention.settings import AttentionSettings
from porting_tui.local.order_state import OrderState
from porting_tui.local.seen_state import parse_time, time_text
from porting_tui.local.store import LocalStore

FEATURE = "known_reasons"
SCHEMA_VERSION = 1
SCHEMA = [
    "CREATE TABLE IF NOT EXISTS known_reasons ("
    " profile TEXT NOT NULL,"
    " order_id INTEGER NOT NULL,"
    " tokens TEXT NOT NULL,"
    " PRIMARY KEY (profile, order_id))",
    "CREATE TABLE IF NOT EXISTS known_reason_profiles ("
    " profile TEXT PRIMARY KEY, since TEXT NOT NULL)",
]

Tokens = dict[str, frozenset[str]]
"""What makes up each reason of an order, by reason kind: the rejected numbers, the
unanswered notes, the ready groups... A reason is new when it has a part not known before."""


@dataclass(frozen=True)
class NewReason:
    """A reason an order needs the operator that was not there (or not known) before."""

    project: str
    order_id: int
    kind: str
    """One of the kinds of ``attention.rules`` (``rejected``, ``note``, ``foc_soon``...)."""
    text: str
    """The reason's chip, e.g. ``2 rejected``, ``note ✉``, ``FOC tomorrow``."""
    step: str
    reference: str | None
    """The customer's order reference, when the order has one."""
    at: datetime
    """When it was noticed (the board's clock)."""

    def line(self) -> str:
        """One line for a terminal or a chat: project, order, reason and next step."""
        reference = f" ({self.reference})" if self.reference else ""
        return f"{self.project}: order {self.order_id}{reference}: {self.text} - {self.step}"

    def to_json(self) -> dict[str, Any]:
        return {
            "project": self.project,
            "orderId": self.order_id,
            "kind": self.kind,
            "text": self.text,
            "step": self.step,
            "reference": self.reference,
            "at": time_text(self.at),
        }


def _unanswered_note_digests(state: OrderState, own: frozenset[str]) -> frozenset[str]:
    # The same notes ``rules.unanswered_notes`` counts: by others, newer than the operator's.
    own_times = [n.created_time for n in state.notes if n.author in own and n.created_time]
    latest_own = max(own_times, default=None)
    return frozenset(
        note.digest
        for note in state.notes
        if note.author not in own
        and (
            latest_own is None or (note.created_time is not None and note.created_time > latest_own)
        )
    )


def _foc_tokens(state: OrderState, now: datetime, settings: AttentionSettings) -> frozenset[str]:
    # Each FOC date is news three times at most: when it comes near, the day before and on it.
    today = state.local_date(now)
    day = soon_foc(state, today, settings.foc_business_days)
    if day is None:
        return frozenset({"foc"})
    stage = {0: "today", 1: "tomorrow"}.get((day - today).days, "soon")
    return frozenset({f"{day.isoformat()}:{stage}"})


def reason_tokens(
    reason: Reason, state: OrderState, now: datetime, settings: AttentionSettings
) -> frozenset[str]:
    """The parts of ``reason``: a rejected number, a note, a group... (see ``Tokens``)."""
    if reason.kind == REJECTED:
        return frozenset(
            f"{n.phone_number}:{n.reason or ''}" for n in numbers_in(state, "REJECTED")
        )
    if reason.kind == EXCLUDED:
        return frozenset(n.phone_number for n in numbers_in(state, "EXCLUDED"))
    if reason.kind == NOTE:
        return _unanswered_note_digests(state, settings.own_authors) or frozenset({"note"})
    if reason.kind == READY:
        return frozenset(ready_groups(state, state.local_date(now)))
    if reason.kind == FOC_SOON:
        return _foc_tokens(state, now, settings)
    if reason.kind == STALE:
        return frozenset({STALE})
    return frozenset({reason.text})


def item_tokens(item: AttentionItem, now: datetime, settings: AttentionSettings) -> Tokens:
    return {
        reason.kind: reason_tokens(reason, item.state, now, settings) for reason in item.reasons
    }


class KnownReasons:
    """The reasons of one profile's orders as last made known, in the local store.

    The first time a profile is seen, what needs attention then is taken as known without
    telling it: a watch that starts reports what comes after, not the whole board.
    """

    def __init__(self, store: LocalStore, profile: str) -> None:
        store.ensure_schema(FEATURE, SCHEMA_VERSION, SCHEMA)
        self.store = store
        self.profile = profile
        self._known: dict[int, Tokens] | None = None

    def since(self) -> datetime | None:
        """When the profile's reasons were first taken as known (None: not yet)."""
        rows = self.store.query(
            "SELECT since FROM known_reason_profiles WHERE profile = ?", (self.profile,)
        )
        return parse_time(rows[0]["since"]) if rows else None

    def known(self) -> dict[int, Tokens]:
        if self._known is None:
            rows = self.store.query(
                "SELECT order_id, tokens FROM known_reasons WHERE profile = ?", (self.profile,)
            )
            self._known = {
                row["order_id"]: {
                    kind: frozenset(parts) for kind, parts in json.loads(row["tokens"]).items()
                }
                for row in rows
            }
        return self._known

    def detect(
        self, board: AttentionBoard, order_ids: Iterable[int] | None = None
    ) -> list[NewReason]:
        """The new reasons of the board's orders (``order_ids``, or every open one), each
        returned once; what is found is stored as known, also for snoozed orders (they are
        not told).

        With every open order checked, orders no longer open are forgotten.
        """
        now = board.now()
        first_time = self.since() is None
        known = self.known()
        everything = order_ids is None
        ids = list(board.rows) if order_ids is None else list(order_ids)
        found: list[NewReason] = []
        changed: dict[int, Tokens] = {}
        for order_id in ids:
            item = board.item(order_id)
            if item is None:
                continue  # not read yet: nothing is known of it either way
            current = item_tokens(item, now, board.settings)
            before = known.get(order_id, {})
            if current != before:
                changed[order_id] = current
            if first_time or item.snooze is not None:
                continue
            found += [
                NewReason(
                    self.profile,
                    order_id,
                    reason.kind,
                    reason.text,
                    reason.step,
                    item.state.reference,
                    now,
                )
                for reason in item.reasons
                if current[reason.kind] - before.get(reason.kind, frozenset())
            ]
        gone = [order_id for order_id in known if order_id not in board.rows] if everything else []
        self._write(changed, gone, now if first_time else None)
        return found

    def _write(self, changed: dict[int, Tokens], gone: list[int], since: datetime | None) -> None:
        if not changed and not gone and since is None:
            return
        known = self.known()
        with self.store.transaction() as db:
            if since is not None:
                db.execute(
                    "INSERT OR IGNORE INTO known_reason_profiles(profile, since) VALUES (?, ?)",
                    (self.profile, time_text(since)),
                )
            for order_id, tokens in changed.items():
                if not tokens:
                    db.execute(
                        "DELETE FROM known_reasons WHERE profile = ? AND order_id = ?",
                        (self.profile, order_id),
                    )
                    continue
                text = json.dumps({kind: sorted(parts) for kind, parts in sorted(tokens.items())})
                db.execute(
                    "INSERT INTO known_reasons(profile, order_id, tokens) VALUES (?, ?, ?) "
                    "ON CONFLICT(profile, order_id) DO UPDATE SET tokens = excluded.tokens",
                    (self.profile, order_id, text),
                )
            db.executemany(
                "DELETE FROM known_reasons WHERE profile = ? AND order_id = ?",
                [(self.profile, order_id) for order_id in gone],
            )
        for order_id, tokens in changed.items():
            if tokens:
                known[order_id] = tokens
            else:
                known.pop(order_id, None)
        for order_id in gone:
            known.pop(order_id, None)
