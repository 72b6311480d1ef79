"""Snoozed orders: the operator put an order out of Needs attention until a day or a change.

A snooze is the only way besides fixing the cause that an order with a reason leaves the view.
It keeps the order as it was when snoozed, so "until it changes" wakes on the same changes the
timeline records (a status, a rejection, a note, a FOC date), and a snooze until a day wakes on
that day in the order's own time zone. Snoozes are per profile, kept in the local store, and
one step of each can be undone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from porting_tui.attention.changes import diff_states
from porting_tui.local.order_state import OrderState
from porting_tui.local.seen_state import parse_time, time_text
from porting_tui.local.store import LocalStore

FEATURE = "attention_snoozes"
SCHEMA_VERSION = 1
SCHEMA = [
    "CREATE TABLE IF NOT EXISTS attention_snoozes ("
    " profile TEXT NOT NULL,"
    " order_id INTEGER NOT NULL,"
    " until_day TEXT,"
    " state TEXT NOT NULL,"
    " snoozed_at TEXT NOT NULL,"
    " PRIMARY KEY (profile, order_id))",
]


@dataclass(frozen=True)
class Snooze:
    state: OrderState
    """The order as it was when snoozed."""
    until: date | None
    """The day it wakes; None: it wakes when the order changes."""
    snoozed_at: datetime

    @property
    def order_id(self) -> int:
        return self.state.order_id

    def holds(self, current: OrderState, now: datetime) -> bool:
        """True while the order stays out of the view."""
        if self.until is not None:
            return current.local_date(now) < self.until
        return not diff_states(self.state, current)

    def describe(self) -> str:
        return "until it changes" if self.until is None else f"until {self.until.isoformat()}"


class Snoozes:
    """The snoozes of one profile: loaded once, written through."""

    def __init__(self, store: LocalStore, profile: str) -> None:
        store.ensure_schema(FEATURE, SCHEMA_VERSION, SCHEMA)
        self.store = store
        self.profile = profile
        rows = store.query(
            "SELECT until_day, state, snoozed_at FROM attention_snoozes WHERE profile = ?",
            (profile,),
        )
        self._snoozes = {
            snooze.order_id: snooze
            for snooze in (
                Snooze(
                    OrderState.from_json(row["state"]),
                    date.fromisoformat(row["until_day"]) if row["until_day"] else None,
                    parse_time(row["snoozed_at"]),
                )
                for row in rows
            )
        }

    def get(self, order_id: int) -> Snooze | None:
        return self._snoozes.get(order_id)

    def all(self) -> dict[int, Snooze]:
        return dict(self._snoozes)

    def put(self, snooze: Snooze) -> None:
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO attention_snoozes(profile, order_id, until_day, state, snoozed_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT(profile, order_id) DO UPDATE SET"
                " until_day = excluded.until_day, state = excluded.state,"
                " snoozed_at = excluded.snoozed_at",
                (
                    self.profile,
                    snooze.order_id,
                    snooze.until.isoformat() if snooze.until else None,
                    snooze.state.to_json(),
                    time_text(snooze.snoozed_at),
                ),
            )
        self._snoozes[snooze.order_id] = snooze

    def remove(self, order_id: int) -> Snooze | None:
        """End the snooze of ``order_id``; the snooze it was (None: it was not snoozed)."""
        snooze = self._snoozes.pop(order_id, None)
        if snooze is not None:
            with self.store.transaction() as db:
                db.execute(
                    "DELETE FROM attention_snoozes WHERE profile = ? AND order_id = ?",
                    (self.profile, order_id),
                )
        return snooze
