"""Drafts of free text typed in the app (notes), saved as typed and offered on the same order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from porting_tui.local.store import LocalStore, utc_now_text

TextKind = Literal["note"]

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS text_drafts ("
    " project_id TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " subject TEXT NOT NULL,"
    " text TEXT NOT NULL,"
    " updated_at TEXT NOT NULL,"
    " PRIMARY KEY (project_id, kind, subject))",
)


@dataclass(frozen=True)
class TextDraft:
    text: str
    updated_at: str
    """ISO 8601 UTC, as stored."""


class TextDraftStore:
    """One draft per project, kind and subject (an order id); in the local store, mode 0600."""

    def __init__(self, store: LocalStore) -> None:
        self._store = store
        store.ensure_schema("text_drafts", 1, _SCHEMA)

    def save(self, project_id: str, kind: TextKind, subject: str, text: str) -> None:
        """Keep ``text``; an empty (or blank) text removes the draft instead."""
        if not text.strip():
            self.delete(project_id, kind, subject)
            return
        with self._store.transaction() as db:
            db.execute(
                "INSERT INTO text_drafts (project_id, kind, subject, text, updated_at)"
                " VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT(project_id, kind, subject) DO UPDATE SET text = excluded.text,"
                " updated_at = excluded.updated_at",
                (project_id, kind, subject, text, utc_now_text()),
            )

    def load(self, project_id: str, kind: TextKind, subject: str) -> TextDraft | None:
        rows = self._store.query(
            "SELECT text, updated_at FROM text_drafts"
            " WHERE project_id = ? AND kind = ? AND subject = ?",
            (project_id, kind, subject),
        )
        return TextDraft(rows[0]["text"], rows[0]["updated_at"]) if rows else None

    def delete(self, project_id: str, kind: TextKind, subject: str) -> None:
        with self._store.transaction() as db:
            db.execute(
                "DELETE FROM text_drafts WHERE project_id = ? AND kind = ? AND subject = ?",
                (project_id, kind, subject),
            )
