"""Drafts of orders being created, saved on every change so that nothing typed is lost.

They live in the local store (SQLite, mode 0600: drafts hold port-out PINs), one row per draft,
keyed by an id the wizard picks when it starts. A draft belongs to a profile and project and is
offered again only there.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from porting_tui.domain.wizard_steps import Step
from porting_tui.local.store import LocalStore, utc_now_text

if TYPE_CHECKING:
    from porting_tui.domain.order_draft import OrderDraft

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS order_drafts ("
    " id TEXT PRIMARY KEY,"
    " profile TEXT NOT NULL,"
    " project_id TEXT NOT NULL,"
    " title TEXT NOT NULL,"
    " step INTEGER NOT NULL,"
    " body TEXT NOT NULL,"
    " created_at TEXT NOT NULL,"
    " updated_at TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS order_drafts_by_project ON order_drafts(project_id, updated_at)",
)


class DraftError(Exception):
    """A saved draft that cannot be read back (written by a newer version, or damaged)."""


@dataclass(frozen=True)
class DraftSummary:
    """One line of the drafts list."""

    draft_id: str
    profile: str
    project_id: str
    title: str
    step: Step
    updated_at: str
    """ISO 8601 UTC, as stored."""

    @property
    def step_title(self) -> str:
        return f"step {self.step + 1} of {len(Step)}: {self.step.title}"


class DraftStore:
    """Save, list, load and delete order drafts in the local store."""

    def __init__(self, store: LocalStore) -> None:
        self._store = store
        store.ensure_schema("drafts", 1, _SCHEMA)

    @staticmethod
    def new_id() -> str:
        return uuid.uuid4().hex

    def save(self, draft_id: str, *, profile: str, project_id: str, draft: OrderDraft) -> None:
        """Insert or replace the draft; one short transaction, safe across processes."""
        now = utc_now_text()
        with self._store.transaction() as db:
            db.execute(
                "INSERT INTO order_drafts"
                " (id, profile, project_id, title, step, body, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET title = excluded.title, step = excluded.step,"
                " body = excluded.body, updated_at = excluded.updated_at",
                (
                    draft_id,
                    profile,
                    project_id,
                    draft.title(),
                    int(draft.step),
                    draft.model_dump_json(),
                    now,
                    now,
                ),
            )

    def summaries(self, project_id: str | None = None) -> list[DraftSummary]:
        """Drafts, most recently changed first; only those of ``project_id`` when given."""
        sql = "SELECT id, profile, project_id, title, step, updated_at FROM order_drafts"
        parameters: tuple[str, ...] = ()
        if project_id is not None:
            sql += " WHERE project_id = ?"
            parameters = (project_id,)
        rows = self._store.query(sql + " ORDER BY updated_at DESC, id", parameters)
        return [
            DraftSummary(
                draft_id=row["id"],
                profile=row["profile"],
                project_id=row["project_id"],
                title=row["title"],
                step=Step(min(max(int(row["step"]), 0), len(Step) - 1)),
                updated_at=row["updated_at"],
            )
            for row in rows
        ]

    def load(self, draft_id: str) -> OrderDraft | None:
        """The draft, None when it no longer exists, DraftError when it cannot be read."""
        # Pydantic and the draft's model load when a draft is read back, not with this module:
        # listing the drafts (the app does at start) needs neither.
        from pydantic import ValidationError

        from porting_tui.domain.order_draft import OrderDraft

        rows = self._store.query("SELECT body FROM order_drafts WHERE id = ?", (draft_id,))
        if not rows:
            return None
        try:
            return OrderDraft.model_validate_json(rows[0]["body"])
        except ValidationError as error:
            raise DraftError(
                f"Draft {draft_id} cannot be read ({error.error_count()} problems); delete it."
            ) from None

    def exists(self, draft_id: str) -> bool:
        return bool(self._store.query("SELECT 1 FROM order_drafts WHERE id = ?", (draft_id,)))

    def delete(self, draft_id: str) -> bool:
        """Remove the draft; False when there was none."""
        with self._store.transaction() as db:
            cursor = db.execute("DELETE FROM order_drafts WHERE id = ?", (draft_id,))
            return cursor.rowcount > 0
