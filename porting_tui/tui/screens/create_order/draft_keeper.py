"""DraftKeeper: saves the draft of one wizard run, and says how that went."""

from __future__ import annotations

import sqlite3

from porting_tui.domain.order_draft import OrderDraft
from porting_tui.local.drafts import DraftStore
from porting_tui.tui.screens.create_order.wizard_step import WizardSession


class DraftKeeper:
    """The draft row of one wizard run; every method is a short SQLite transaction."""

    def __init__(self, drafts: DraftStore | None, draft_id: str, session: WizardSession) -> None:
        self.drafts = drafts
        self.draft_id = draft_id
        self._session = session

    def save(self, draft: OrderDraft) -> tuple[str, str | None]:
        """(status for the form's border, error message or None)."""
        if self.drafts is None:
            return "drafts are off: not saved", None
        try:
            self.drafts.save(
                self.draft_id,
                profile=self._session.profile_name,
                project_id=self._session.project_id,
                draft=draft,
            )
        except sqlite3.Error as error:
            return "draft NOT saved", f"The draft could not be saved: {error}"
        return "draft saved ✓", None

    def is_saved(self) -> bool:
        return self.drafts is not None and self.drafts.exists(self.draft_id)

    def discard(self) -> None:
        if self.drafts is not None:
            self.drafts.delete(self.draft_id)
