"""The timeline of each order: every observed change and the operator's own actions, with times.

Two app instances may observe the same change; each change carries a key, and a change
already recorded under its key is not recorded twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from porting_tui.local.seen_state import parse_time, time_text
from porting_tui.local.store import LocalStore

FEATURE = "timeline"
SCHEMA_VERSION = 1
SCHEMA = [
    "CREATE TABLE IF NOT EXISTS timeline ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " profile TEXT NOT NULL,"
    " order_id INTEGER NOT NULL,"
    " happened_at TEXT NOT NULL,"
    " observed_at TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " source TEXT NOT NULL,"
    " text TEXT NOT NULL,"
    " change_key TEXT NOT NULL,"
    " UNIQUE (profile, order_id, change_key))",
    "CREATE INDEX IF NOT EXISTS timeline_by_order ON timeline(profile, order_id, happened_at)",
]

SOURCE_SERVER = "server"
"""A change seen between two looks at the order."""
SOURCE_HISTORY = "history"
"""Read from the order's own dates the first time the app saw it."""
SOURCE_YOU = "you"
"""An action of the operator through the app or the command line."""


@dataclass(frozen=True)
class TimelineEntry:
    order_id: int
    happened_at: datetime
    """The server's time of the change when known, else when the app noticed it."""
    kind: str
    """``created``, ``status``, ``numbers``, ``foc``, ``note``, ``document`` or ``action``."""
    text: str
    source: str
    change_key: str
    observed_at: datetime | None = None


class Timeline:
    """The timelines of one profile's orders in the local store."""

    def __init__(self, store: LocalStore, profile: str) -> None:
        store.ensure_schema(FEATURE, SCHEMA_VERSION, SCHEMA)
        self.store = store
        self.profile = profile

    def record(self, entries: Iterable[TimelineEntry], observed_at: datetime) -> int:
        """Add the entries not recorded yet (by key); return how many were new."""
        added = 0
        with self.store.transaction() as db:
            for entry in entries:
                cursor = db.execute(
                    "INSERT OR IGNORE INTO timeline(profile, order_id, happened_at, observed_at,"
                    " kind, source, text, change_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        self.profile,
                        entry.order_id,
                        time_text(entry.happened_at),
                        time_text(entry.observed_at or observed_at),
                        entry.kind,
                        entry.source,
                        entry.text,
                        entry.change_key,
                    ),
                )
                added += cursor.rowcount
        return added

    def entries(self, order_id: int) -> list[TimelineEntry]:
        """The order's timeline, oldest to newest."""
        rows = self.store.query(
            "SELECT order_id, happened_at, observed_at, kind, source, text, change_key "
            "FROM timeline WHERE profile = ? AND order_id = ? ORDER BY happened_at, id",
            (self.profile, order_id),
        )
        return [
            TimelineEntry(
                order_id=row["order_id"],
                happened_at=parse_time(row["happened_at"]),
                kind=row["kind"],
                text=row["text"],
                source=row["source"],
                change_key=row["change_key"],
                observed_at=parse_time(row["observed_at"]),
            )
            for row in rows
        ]

    def first_observed(self) -> datetime | None:
        """When the app first recorded anything of this profile's orders; None: never."""
        rows = self.store.query(
            "SELECT min(observed_at) FROM timeline WHERE profile = ?", (self.profile,)
        )
        text = rows[0][0] if rows else None
        return parse_time(text) if text else None
