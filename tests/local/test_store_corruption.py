"""The local store breaking while in use: moved aside, a new one started, listeners told."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from porting_tui.local.store import LocalStore
from porting_tui.local.store_problems import add_problem_listener

SCHEMA = ["CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, n INTEGER)"]


def corrupt(path: Path) -> None:
    """Overwrite the database, its WAL and its shared index in place, as a bad disk or a
    stray ``cat > state.sqlite3`` would: the open connection then reads garbage."""
    path.write_bytes(b"not a database at all " * 500)
    for suffix in ("-wal", "-shm"):
        sibling = Path(f"{path}{suffix}")
        if sibling.exists():
            sibling.write_bytes(b"\0" * sibling.stat().st_size)


@pytest.fixture
def told() -> Iterator[list[str]]:
    messages: list[str] = []
    remove = add_problem_listener(messages.append)
    yield messages
    remove()


def filled(path: Path) -> LocalStore:
    store = LocalStore.open(path)
    store.ensure_schema("items", 1, SCHEMA)
    with store.transaction() as db:
        db.execute("INSERT INTO items(n) VALUES (1)")
    return store


def test_a_query_after_the_file_broke_reads_a_new_store(tmp_path: Path, told: list[str]) -> None:
    path = tmp_path / "state.sqlite3"
    store = filled(path)
    corrupt(path)
    assert store.query("SELECT n FROM items") == []
    assert len(told) == 1 and "unreadable" in told[0] and "moved to" in told[0]
    assert store.problem == told[0]
    aside = list(tmp_path.glob("state.sqlite3.unreadable-*"))
    assert aside and aside[0].name in told[0]
    with store.transaction() as db:
        db.execute("INSERT INTO items(n) VALUES (2)")
    store.close()
    reopened = LocalStore.open(path)
    assert [row[0] for row in reopened.query("SELECT n FROM items")] == [2]
    assert reopened.moved_aside is None
    reopened.close()


def test_a_write_after_the_file_broke_goes_to_a_new_store(tmp_path: Path, told: list[str]) -> None:
    path = tmp_path / "state.sqlite3"
    store = filled(path)
    corrupt(path)
    with store.transaction() as db:
        db.execute("INSERT INTO items(n) VALUES (3)")
    assert [row[0] for row in store.query("SELECT n FROM items")] == [3]
    assert len(told) == 1
    store.close()


def test_two_stores_of_one_process_share_the_new_file(tmp_path: Path, told: list[str]) -> None:
    path = tmp_path / "state.sqlite3"
    first = filled(path)
    second = LocalStore.open(path)
    second.ensure_schema("items", 1, SCHEMA)
    corrupt(path)
    with first.transaction() as db:
        db.execute("INSERT INTO items(n) VALUES (4)")
    # The second finds the file already replaced: it uses it instead of moving it aside.
    assert [row[0] for row in second.query("SELECT n FROM items")] == [4]
    assert len(list(tmp_path.glob("state.sqlite3.unreadable-*Z"))) == 1
    assert "was replaced" in told[-1]
    first.close()
    second.close()


def test_without_a_place_for_a_new_file_the_store_lives_in_memory(
    tmp_path: Path, told: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "state.sqlite3"
    store = filled(path)
    corrupt(path)

    def no_room(_: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("porting_tui.local.store._move_aside", no_room)
    assert store.query("SELECT n FROM items") == []
    with store.transaction() as db:
        db.execute("INSERT INTO items(n) VALUES (5)")
    assert [row[0] for row in store.query("SELECT n FROM items")] == [5]
    assert "nothing is kept" in told[0]
    store.close()


def test_a_failing_listener_is_dropped_and_the_others_are_still_told(tmp_path: Path) -> None:
    def gone(_: str) -> None:
        raise RuntimeError("Event loop is closed")

    remove_gone = add_problem_listener(gone)
    messages: list[str] = []
    remove = add_problem_listener(messages.append)
    path = tmp_path / "state.sqlite3"
    store = filled(path)
    corrupt(path)
    assert store.query("SELECT n FROM items") == []
    assert len(messages) == 1
    remove()
    remove_gone()
    store.close()
