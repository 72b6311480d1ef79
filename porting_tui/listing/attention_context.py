"""The app's local state: the store behind Needs attention, seen-state, timelines and audit log."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from porting_tui.attention.board import AttentionBoard
from porting_tui.attention.settings import AttentionSettings
from porting_tui.client import MutationObserver, PortingClient
from porting_tui.local.audit_log import VIA_APP, AuditLog, audit_observer
from porting_tui.local.seen_state import Clock, utc_now
from porting_tui.local.store import LocalStore, StoreError


@dataclass
class AttentionContext:
    local: LocalState
    board: AttentionBoard
    audit: AuditLog

    @property
    def profile(self) -> str:
        return self.local.profile


@dataclass
class LocalState:
    """The local store of one app run, or why there is none (the app runs without it)."""

    profile: str
    project_id: str
    store: LocalStore | None
    problem: str | None = None
    """Why the store cannot be used, or the message of a store moved aside; for the user."""
    clock: Clock = utc_now
    _private_dir: Path | None = field(default=None, repr=False)

    @classmethod
    def open(
        cls,
        profile: str,
        project_id: str,
        *,
        private: bool = False,
        path: Path | None = None,
        clock: Clock = utc_now,
    ) -> LocalState:
        """Open the user's store, or (``private``: the demo) a throwaway one; never raises."""
        private_dir = Path(tempfile.mkdtemp(prefix="porting-tui-demo-")) if private else None
        if private_dir is not None:
            path = private_dir / "state.sqlite3"
            # Also gone when the app never ran to its end (a crash, a test that only builds).
            atexit.register(shutil.rmtree, private_dir, ignore_errors=True)
        try:
            store = LocalStore.open(path)
        except StoreError as error:
            problem = f"Seen-state, timelines and the audit log are off: {error}"
            return cls(profile, project_id, None, problem, clock, private_dir)
        return cls(profile, project_id, store, store.recovery_message, clock, private_dir)

    def on_mutation(self) -> MutationObserver | None:
        """The client's observer: every change goes to the audit log and the order's timeline."""
        store = self.store
        if store is None:
            return None
        return audit_observer(
            lambda: store,
            profile=self.profile,
            project_id=self.project_id,
            via=VIA_APP,
            clock=self.clock,
        )

    def attention(
        self, client: PortingClient, *, key_id: str = "", settings: AttentionSettings | None = None
    ) -> AttentionContext | None:
        """The Needs attention board of ``client``'s project; None without a store."""
        if self.store is None:
            return None
        base = settings or AttentionSettings()
        own = base.own_authors | ({key_id} if key_id else set())
        board = AttentionBoard(
            client,
            self.store,
            self.profile,
            settings=replace(base, own_authors=frozenset(own)),
            clock=self.clock,
        )
        return AttentionContext(self, board, AuditLog(self.store))

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
        if self._private_dir is not None:
            shutil.rmtree(self._private_dir, ignore_errors=True)
