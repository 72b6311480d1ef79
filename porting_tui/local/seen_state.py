"""What the operator last saw of each order, per profile, with one step of undo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from porting_tui.local.order_state import OrderState
from porting_tui.local.store import LocalStore

FEATURE = "seen_state"
SCHEMA_VERSION = 1
SCHEMA = [
    "CREATE TABLE IF NOT EXISTS seen_orders ("
    " profile TEXT NOT NULL,"
    " order_id INTEGER NOT NULL,"
    " seen_at TEXT NOT NULL,"
    " state TEXT NOT NULL,"
    " previous_seen_at TEXT,"
    " previous_state TEXT,"
    " PRIMARY KEY (profile, order_id))",
    "CREATE TABLE IF NOT EXISTS seen_baselines (profile TEXT PRIMARY KEY, since TEXT NOT NULL)",
]

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def time_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass(frozen=True)
class SeenOrder:
    """The order as the operator saw it, and when."""

    seen_at: datetime
    state: OrderState


class SeenState:
    """The seen-state of one profile in the local store."""

    def __init__(self, store: LocalStore, profile: str, *, clock: Clock = utc_now) -> None:
        store.ensure_schema(FEATURE, SCHEMA_VERSION, SCHEMA)
        self.store = store
        self.profile = profile
        self._clock = clock

    def get(self, order_id: int) -> SeenOrder | None:
        rows = self.store.query(
            "SELECT seen_at, state FROM seen_orders WHERE profile = ? AND order_id = ?",
            (self.profile, order_id),
        )
        return _seen(rows[0]["seen_at"], rows[0]["state"]) if rows else None

    def all(self) -> dict[int, SeenOrder]:
        """Every order of the profile the operator has seen, by id (one query for all)."""
        rows = self.store.query(
            "SELECT order_id, seen_at, state FROM seen_orders WHERE profile = ?", (self.profile,)
        )
        return {row["order_id"]: _seen(row["seen_at"], row["state"]) for row in rows}

    def mark_seen(self, state: OrderState, at: datetime | None = None) -> SeenOrder:
        """Remember ``state`` as seen now; the previous look is kept for ``undo``."""
        seen = SeenOrder(at or self._clock(), state)
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO seen_orders(profile, order_id, seen_at, state) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(profile, order_id) DO UPDATE SET "
                " previous_seen_at = seen_orders.seen_at, previous_state = seen_orders.state,"
                " seen_at = excluded.seen_at, state = excluded.state",
                (self.profile, state.order_id, time_text(seen.seen_at), state.to_json()),
            )
        return seen

    def undo(self, order_id: int) -> SeenOrder | None:
        """Go back to the look before the last ``mark_seen``; return it (None: never seen)."""
        with self.store.transaction() as db:
            row = db.execute(
                "SELECT previous_seen_at, previous_state FROM seen_orders "
                "WHERE profile = ? AND order_id = ?",
                (self.profile, order_id),
            ).fetchone()
            if row is None:
                return None
            if row["previous_state"] is None:
                db.execute(
                    "DELETE FROM seen_orders WHERE profile = ? AND order_id = ?",
                    (self.profile, order_id),
                )
                return None
            db.execute(
                "UPDATE seen_orders SET seen_at = previous_seen_at, state = previous_state,"
                " previous_seen_at = NULL, previous_state = NULL "
                "WHERE profile = ? AND order_id = ?",
                (self.profile, order_id),
            )
            return _seen(row["previous_seen_at"], row["previous_state"])

    def baseline(self) -> datetime:
        """When this profile started keeping seen-state: orders created later count as new."""
        with self.store.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO seen_baselines(profile, since) VALUES (?, ?)",
                (self.profile, time_text(self._clock())),
            )
            row = db.execute(
                "SELECT since FROM seen_baselines WHERE profile = ?", (self.profile,)
            ).fetchone()
        return parse_time(row["since"])


def _seen(seen_at: str, state: str) -> SeenOrder:
    return SeenOrder(parse_time(seen_at), OrderState.from_json(state))
