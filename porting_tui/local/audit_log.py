"""The audit log: every change made through the app or the command line; never a secret.

A row says who (the OS user), when, through what (app or CLI), on which profile and project,
on which order, what (the action and the API path) and how it ended: ``ok``, ``failed`` or
``unknown`` (sent, but the answer was lost or could not be read, so it may have been done).
Request and response bodies are never stored: they can hold port-out PINs and account numbers.
"""

from __future__ import annotations

import getpass
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from porting_tui.client import MutationObserver, MutationRecord
from porting_tui.local.seen_state import Clock, parse_time, time_text, utc_now
from porting_tui.local.store import LocalStore
from porting_tui.local.timeline import SOURCE_YOU, Timeline, TimelineEntry

FEATURE = "audit_log"
SCHEMA_VERSION = 1
SCHEMA = [
    "CREATE TABLE IF NOT EXISTS audit_log ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " at TEXT NOT NULL,"
    " os_user TEXT NOT NULL,"
    " via TEXT NOT NULL,"
    " profile TEXT NOT NULL,"
    " project_id TEXT NOT NULL,"
    " order_id TEXT,"
    " action TEXT NOT NULL,"
    " method TEXT NOT NULL,"
    " path TEXT NOT NULL,"
    " status_code INTEGER,"
    " outcome TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS audit_log_by_order ON audit_log(profile, order_id)",
]
DEFAULT_LIMIT = 1000

VIA_APP = "app"
VIA_CLI = "cli"

_DONE = {
    "create": "You created the order",
    "update": "You updated the order",
    "cancel": "You asked to cancel the order",
    "note": "You added a note",
    "upload": "You uploaded a document",
    "activate": "You activated numbers",
    "configuration": "You changed the project configuration",
}
_TRIED = {
    "create": "create the order",
    "update": "update the order",
    "cancel": "cancel the order",
    "note": "add a note",
    "upload": "upload a document",
    "activate": "activate numbers",
    "configuration": "change the project configuration",
}


def os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        # No login name in the environment and no passwd entry (some containers).
        return "unknown"


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    os_user: str
    via: str
    profile: str
    project_id: str
    order_id: str | None
    action: str
    method: str
    path: str
    status_code: int | None
    outcome: str
    id: int | None = None


def action_text(record: MutationRecord) -> str:
    """How the operator's action reads on the order's timeline."""
    if record.succeeded:
        return _DONE.get(record.action, f"You did {record.action}")
    if record.unknown:
        # Sent, but the answer was lost or unreadable: it may have been done; look before redoing.
        return f"You may have sent: {_TRIED.get(record.action, record.action)} ({record.outcome})"
    return f"You tried to {_TRIED.get(record.action, record.action)}: {record.outcome}"


class AuditLog:
    """The audit log in the local store (all profiles)."""

    def __init__(self, store: LocalStore) -> None:
        store.ensure_schema(FEATURE, SCHEMA_VERSION, SCHEMA)
        self.store = store

    def record(self, entry: AuditEntry) -> None:
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO audit_log(at, os_user, via, profile, project_id, order_id, action,"
                " method, path, status_code, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    time_text(entry.at),
                    entry.os_user,
                    entry.via,
                    entry.profile,
                    entry.project_id,
                    entry.order_id,
                    entry.action,
                    entry.method,
                    entry.path,
                    entry.status_code,
                    entry.outcome,
                ),
            )

    def entries(
        self,
        *,
        profile: str | None = None,
        order_id: str | int | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> list[AuditEntry]:
        """The latest entries, newest first, optionally of one profile and order."""
        conditions, parameters = [], []
        if profile is not None:
            conditions.append("profile = ?")
            parameters.append(profile)
        if order_id is not None:
            conditions.append("order_id = ?")
            parameters.append(str(order_id))
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        rows = self.store.query(
            f"SELECT * FROM audit_log {where} ORDER BY at DESC, id DESC LIMIT ?",  # noqa: S608
            [*parameters, limit],
        )
        return [
            AuditEntry(
                at=parse_time(row["at"]),
                os_user=row["os_user"],
                via=row["via"],
                profile=row["profile"],
                project_id=row["project_id"],
                order_id=row["order_id"],
                action=row["action"],
                method=row["method"],
                path=row["path"],
                status_code=row["status_code"],
                outcome=row["outcome"],
                id=row["id"],
            )
            for row in rows
        ]


def audit_observer(
    open_store: Callable[[], LocalStore],
    *,
    profile: str,
    project_id: str,
    via: str,
    clock: Clock = utc_now,
) -> MutationObserver:
    """A client ``on_mutation`` observer writing the audit log and the order's timeline.

    The store is opened on the first change only, so read-only runs never touch it.
    """
    user = os_user()
    opened: list[tuple[AuditLog, Timeline]] = []

    def observe(record: MutationRecord) -> None:
        if not opened:
            store = open_store()
            opened.append((AuditLog(store), Timeline(store, profile)))
        audit, timeline = opened[0]
        at = clock()
        audit.record(
            AuditEntry(
                at=at,
                os_user=user,
                via=via,
                profile=profile,
                project_id=project_id,
                order_id=record.order_id,
                action=record.action,
                method=record.method,
                path=record.path,
                status_code=record.status_code,
                outcome=record.outcome,
            )
        )
        if record.order_id is not None and record.order_id.isdigit():
            entry = TimelineEntry(
                order_id=int(record.order_id),
                happened_at=at,
                kind="action",
                text=action_text(record),
                source=SOURCE_YOU,
                change_key=f"action:{uuid.uuid4().hex}",
            )
            timeline.record([entry], at)

    return observe
