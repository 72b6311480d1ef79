"""Received webhook events, kept in the local SQLite store, newest first on reading."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from porting_tui.client import parse_webhook
from porting_tui.local.store import LocalStore

if TYPE_CHECKING:
    from porting_tui.client import WebhookEvent

FEATURE = "webhook_events"
SCHEMA_VERSION = 1
SCHEMA = [
    "CREATE TABLE IF NOT EXISTS webhook_events ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " received_at TEXT NOT NULL,"
    " profile TEXT,"
    " event_type TEXT NOT NULL,"
    " order_id TEXT NOT NULL,"
    " body TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS webhook_events_by_order ON webhook_events(order_id)",
    "CREATE INDEX IF NOT EXISTS webhook_events_by_type ON webhook_events(event_type)",
]
REPEATS_FEATURE = "webhook_event_repeats"
REPEATS_SCHEMA = [
    # Older rows keep a NULL digest, which a unique index lets repeat.
    "ALTER TABLE webhook_events ADD COLUMN digest TEXT",
    "ALTER TABLE webhook_events ADD COLUMN repeats INTEGER NOT NULL DEFAULT 0",
    "CREATE UNIQUE INDEX IF NOT EXISTS webhook_events_by_digest ON webhook_events(digest)",
]
MAX_KEPT_EVENTS = 20_000
"""Older events are dropped beyond this many, so a busy project cannot grow the file forever."""
DEFAULT_LIMIT = 500


def utc_now() -> datetime:
    return datetime.now(UTC)


def _time_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass(frozen=True)
class ReceivedEvent:
    """One stored delivery: the body exactly as received, and what was read from it."""

    id: int
    received_at: datetime
    event_type: str
    order_id: str
    body: str
    profile: str | None = None
    """The profile the receiver ran for; None when it ran without one."""
    repeats: int = 0
    """How many times the same body came again for the same profile after the first."""

    def data(self) -> Any:
        return json.loads(self.body)

    def event(self) -> WebhookEvent:
        return parse_webhook(self.body)

    @property
    def numeric_order_id(self) -> int | None:
        """The order id as the REST API's number, or None when the sender sent no number."""
        text = self.order_id.strip()
        return int(text) if text.isascii() and text.isdigit() else None


def _from_row(row: sqlite3.Row) -> ReceivedEvent:
    return ReceivedEvent(
        id=row["id"],
        received_at=_parse_time(row["received_at"]),
        event_type=row["event_type"],
        order_id=row["order_id"],
        body=row["body"],
        profile=row["profile"],
        repeats=row["repeats"],
    )


class WebhookEventStore:
    """The ``webhook_events`` table of the local store."""

    def __init__(
        self,
        store: LocalStore,
        *,
        now: Callable[[], datetime] = utc_now,
        max_kept: int = MAX_KEPT_EVENTS,
    ) -> None:
        self.local_store = store
        self._now = now
        self._max_kept = max_kept
        store.ensure_schema(FEATURE, SCHEMA_VERSION, SCHEMA)
        store.ensure_schema(REPEATS_FEATURE, 1, REPEATS_SCHEMA)

    def add(self, event: WebhookEvent, body: str, *, profile: str | None = None) -> ReceivedEvent:
        """Store one delivery and return it with its id.

        The same body again (for the same profile) is not stored twice: the first one is
        returned with its ``repeats`` count raised.
        """
        received_at = self._now()
        digest = hashlib.sha256(f"{profile or ''}\0{body}".encode()).hexdigest()
        with self.local_store.transaction() as db:
            cursor = db.execute(
                "INSERT INTO webhook_events(received_at, profile, event_type, order_id, body,"
                " digest) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(digest) DO NOTHING",
                (_time_text(received_at), profile, event.type, event.order_id, body, digest),
            )
            if cursor.rowcount == 0:
                db.execute(
                    "UPDATE webhook_events SET repeats = repeats + 1 WHERE digest = ?", (digest,)
                )
                row = db.execute(
                    "SELECT * FROM webhook_events WHERE digest = ?", (digest,)
                ).fetchone()
                return _from_row(row)
            new_id = int(cursor.lastrowid or 0)
            db.execute("DELETE FROM webhook_events WHERE id <= ?", (new_id - self._max_kept,))
        return ReceivedEvent(new_id, received_at, event.type, event.order_id, body, profile)

    def repeats(self) -> int:
        """How many deliveries were repeats of one already stored."""
        rows = self.local_store.query("SELECT coalesce(sum(repeats), 0) FROM webhook_events")
        return int(rows[0][0])

    def recent(
        self,
        *,
        profile: str | None = None,
        event_type: str | None = None,
        order_id: str | None = None,
        after_id: int = 0,
        limit: int = DEFAULT_LIMIT,
    ) -> list[ReceivedEvent]:
        """Events newest first; with ``profile``, that profile's events and unattributed ones."""
        clauses = ["id > ?"]
        parameters: list[Any] = [after_id]
        if profile is not None:
            clauses.append("(profile = ? OR profile IS NULL)")
            parameters.append(profile)
        if event_type:
            clauses.append("event_type = ?")
            parameters.append(event_type)
        if order_id:
            clauses.append("order_id = ?")
            parameters.append(order_id.strip())
        parameters.append(limit)
        rows = self.local_store.query(
            f"SELECT * FROM webhook_events WHERE {' AND '.join(clauses)} "  # noqa: S608 - fixed clauses
            "ORDER BY id DESC LIMIT ?",
            parameters,
        )
        return [_from_row(row) for row in rows]

    def get(self, event_id: int) -> ReceivedEvent | None:
        rows = self.local_store.query("SELECT * FROM webhook_events WHERE id = ?", (event_id,))
        return _from_row(rows[0]) if rows else None

    def event_types(self) -> list[str]:
        rows = self.local_store.query(
            "SELECT DISTINCT event_type FROM webhook_events ORDER BY event_type"
        )
        return [row[0] for row in rows]

    def count(self) -> int:
        return int(self.local_store.query("SELECT count(*) FROM webhook_events")[0][0])
