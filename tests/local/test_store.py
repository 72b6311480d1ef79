"""The local SQLite store: private, shared safely between processes, and never fatal."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from porting_tui.local import store as store_module
from porting_tui.local.store import LocalStore, StoreError

SCHEMA = ["CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, writer TEXT, n INTEGER)"]


def test_new_store_file_is_private(tmp_path: Path) -> None:
    store = LocalStore.open(tmp_path / "data" / "state.sqlite3")
    store.ensure_schema("items", 1, SCHEMA)
    with store.transaction() as db:
        db.execute("INSERT INTO items(writer, n) VALUES ('a', 1)")
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
    store.close()


def test_ensure_schema_runs_once_per_version(tmp_path: Path) -> None:
    store = LocalStore.open(tmp_path / "s.sqlite3")
    calls = ["CREATE TABLE t (x INTEGER)"]  # no IF NOT EXISTS: a second run would fail
    store.ensure_schema("t", 1, calls)
    store.ensure_schema("t", 1, calls)
    assert store.query("SELECT version FROM schema_versions WHERE feature='t'")[0][0] == 1


def test_failed_transaction_is_rolled_back(tmp_path: Path) -> None:
    store = LocalStore.open(tmp_path / "s.sqlite3")
    store.ensure_schema("items", 1, SCHEMA)
    try:
        with store.transaction() as db:
            db.execute("INSERT INTO items(writer, n) VALUES ('a', 1)")
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert store.query("SELECT count(*) FROM items")[0][0] == 0


def test_unreadable_store_is_moved_aside_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    store = LocalStore.open(path)
    assert store.moved_aside is not None and store.moved_aside.exists()
    assert store.recovery_message is not None and "moved to" in store.recovery_message
    store.ensure_schema("items", 1, SCHEMA)
    assert store.query("SELECT count(*) FROM items")[0][0] == 0


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from porting_tui.local.store import LocalStore
    store = LocalStore.open(Path(sys.argv[1]))
    store.ensure_schema("items", 1, {schema!r})
    for n in range(int(sys.argv[3])):
        with store.transaction() as db:
            db.execute("INSERT INTO items(writer, n) VALUES (?, ?)", (sys.argv[2], n))
    """
).format(schema=SCHEMA)


def test_two_processes_writing_at_once_lose_no_record(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, "300"])
        for name in ("first", "second")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    store = LocalStore.open(path)
    rows = store.query("SELECT writer, count(*) FROM items GROUP BY writer ORDER BY writer")
    assert [(r[0], r[1]) for r in rows] == [("first", 300), ("second", 300)]


def test_opening_waits_while_another_instance_sets_up_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Switching a new file to WAL is not covered by SQLite's busy handler: an instance
    # started beside another one may be told "database is locked" and must try again.
    real_connect = store_module._connect
    attempts: list[Path] = []

    def connect_after_two_refusals(path: Path) -> sqlite3.Connection:
        attempts.append(path)
        if len(attempts) <= 2:
            raise sqlite3.OperationalError("database is locked")
        return real_connect(path)

    monkeypatch.setattr(store_module, "_connect", connect_after_two_refusals)
    monkeypatch.setattr(store_module, "_LOCKED_RETRY_SECONDS", 0)
    store = LocalStore.open(tmp_path / "state.sqlite3")
    assert len(attempts) == 3
    assert store.moved_aside is None
    store.close()


def test_a_store_locked_for_good_is_reported_not_moved_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def always_locked(path: Path) -> sqlite3.Connection:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(store_module, "_connect", always_locked)
    monkeypatch.setattr(store_module, "_LOCKED_RETRY_SECONDS", 0)
    monkeypatch.setattr(store_module, "_BUSY_TIMEOUT_MS", 0)
    path = tmp_path / "state.sqlite3"
    path.write_bytes(b"")
    with pytest.raises(StoreError, match="locked by another program"):
        LocalStore.open(path)
    assert [p.name for p in tmp_path.iterdir()] == ["state.sqlite3"]
