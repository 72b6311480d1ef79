"""The local SQLite store shared by drafts, seen-state, timeline, audit log and webhook events.

One file, ``state.sqlite3`` in the user data directory, mode 0600 because drafts hold PINs.
Several app instances (two tmux windows) may write at once: the database runs in WAL mode with
a busy timeout and every write is one ``BEGIN IMMEDIATE`` transaction, so none is lost. A
transaction opened inside another (a batch of writes) is a savepoint of it: everything is
committed together, once.
A file that SQLite cannot read is moved aside and a fresh store started, with a message for the
user, rather than crashing the app: on opening, and also when it breaks while the app runs
(the features' tables are made again in the new file, in memory if no file can be made).

Each feature owns its tables and declares them with :meth:`LocalStore.ensure_schema`, so that
features can grow independently without a central migration list.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from porting_tui import paths
from porting_tui.local.store_problems import is_corrupt, report_problem

STORE_FILE_NAME = "state.sqlite3"
_BUSY_TIMEOUT_MS = 10_000
_LOCKED_RETRY_SECONDS = 0.05


class StoreError(Exception):
    """The local store cannot be opened or written; the message says what to do."""


def default_store_path() -> Path:
    return paths.data_dir() / STORE_FILE_NAME


class LocalStore:
    """A thread-safe handle on the local SQLite database."""

    def __init__(self, path: Path, connection: sqlite3.Connection, recovered: Path | None) -> None:
        self.path = path
        self._connection = connection
        self._file_id = _file_id(path)
        self._lock = threading.RLock()
        #: Where an unreadable previous store was moved, if that happened on opening.
        self.moved_aside: Path | None = recovered
        #: The features' schemas, made again in a new file after a recovery.
        self._schemas: dict[str, tuple[int, list[str]]] = {}
        #: The last recovery while running, for the user; None while all is well.
        self.problem: str | None = None
        #: How many transactions are open (the outer one and its savepoints), in this thread.
        self._depth = 0

    @classmethod
    def open(cls, path: Path | None = None) -> LocalStore:
        """Open (creating if needed) the store; an unreadable file is moved aside first."""
        path = path or default_store_path()
        paths.ensure_private_dir(path.parent)
        try:
            connection = _connect_when_free(path)
            return cls(path, connection, None)
        except sqlite3.DatabaseError as error:
            if _is_locked(error):
                raise StoreError(f"The local store {path} is locked by another program") from None
            moved = _move_aside(path)
            try:
                connection = _connect(path)
            except sqlite3.DatabaseError as second:
                raise StoreError(f"Cannot create the local store {path}: {second}") from None
            return cls(path, connection, moved)

    @property
    def recovery_message(self) -> str | None:
        if self.moved_aside is None:
            return None
        return (
            f"The local store could not be read and was moved to {self.moved_aside}; "
            "a new one was started (drafts and history in the old file were not loaded)."
        )

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def ensure_schema(self, feature: str, version: int, statements: Sequence[str]) -> None:
        """Run ``statements`` once for ``feature`` at ``version`` (idempotent, concurrent-safe).

        Statements should use ``CREATE ... IF NOT EXISTS`` so a version bump that re-runs them
        on an existing database is harmless; columns added later need their own ALTER steps.
        """
        self._schemas[feature] = (version, list(statements))
        with self.transaction() as db:
            _apply_schema(db, feature, version, statements)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction that takes the database lock up front (no upgrade deadlocks).

        Inside another transaction of this store (in the same thread) it is a savepoint: an
        error undoes its own writes only, and nothing is committed before the outer one ends.
        """
        with self._lock:
            if self._depth:
                with self._savepoint() as db:
                    yield db
                return
            self._depth = 1
            try:
                with self._outermost() as db:
                    yield db
            finally:
                self._depth = 0

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[sqlite3.Connection]:
        db = self._connection
        name = f"nested_{self._depth}"
        db.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield db
        except BaseException:
            # The outer transaction decides what becomes of the rest (and recovers a broken
            # file); here only this part is undone, when SQLite has not undone it all already.
            if db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    db.execute(f"ROLLBACK TO {name}")
                    db.execute(f"RELEASE {name}")
            raise
        else:
            db.execute(f"RELEASE {name}")
        finally:
            self._depth -= 1

    @contextlib.contextmanager
    def _outermost(self) -> Iterator[sqlite3.Connection]:
        try:
            self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as error:
            if not is_corrupt(error):
                raise
            self._recover(error)
            self._connection.execute("BEGIN IMMEDIATE")
        db = self._connection
        try:
            yield db
        except BaseException as error:
            # SQLite rolls back by itself after some errors (a full disk): then there is
            # nothing to roll back, and the original error is the one to report.
            if db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
            if isinstance(error, sqlite3.DatabaseError) and is_corrupt(error):
                # This write is lost; the next ones go to a new file.
                self._recover(error)
            raise
        else:
            try:
                db.execute("COMMIT")
            except sqlite3.Error:
                # A failed commit leaves the transaction open: end it, or every later
                # BEGIN would fail too.
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Run a read-only query and return all rows."""
        with self._lock:
            try:
                return list(self._connection.execute(sql, parameters).fetchall())
            except sqlite3.DatabaseError as error:
                if not is_corrupt(error):
                    raise
                self._recover(error)
                return list(self._connection.execute(sql, parameters).fetchall())

    def _recover(self, error: sqlite3.DatabaseError) -> None:
        """Go on with a new file after the open one broke, and tell the listeners why."""
        with contextlib.suppress(sqlite3.Error):
            self._connection.close()
        moved: Path | None = None
        try:
            current = _file_id(self.path)
            if current is not None and current == self._file_id:
                # Still our broken file; another store of this process may have replaced it
                # already, and that new file is then used as it is.
                moved = _move_aside(self.path)
            connection = _connect(self.path)
            self._file_id = _file_id(self.path)
            where = f"was moved to {moved}; a new one was started" if moved else "was replaced"

            message = (
                f"The local store became unreadable ({error}) and {where}: drafts, seen-state "
                "and history from before are not shown."
            )
        except (OSError, sqlite3.Error) as failure:
            connection = _connect_in_memory()
            message = (
                f"The local store became unreadable ({error}) and no new one could be made "
                f"({failure}): nothing is kept once the app closes."
            )
        for feature, (version, statements) in self._schemas.items():
            _apply_schema(connection, feature, version, statements)
        self._connection = connection
        self.problem = message
        report_problem(message)


def utc_now_text() -> str:
    """The current time as stored in the database: ISO 8601, UTC, with a Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _is_locked(error: sqlite3.DatabaseError) -> bool:
    return isinstance(error, sqlite3.OperationalError) and "locked" in str(error)


def _connect_when_free(path: Path) -> sqlite3.Connection:
    """Connect, waiting out another instance that is setting up the same file.

    Switching a new file to WAL takes a lock that SQLite's busy handler does not wait for,
    so two instances started together (two tmux windows) could see "database is locked".
    """
    deadline = time.monotonic() + _BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return _connect(path)
        except sqlite3.OperationalError as error:
            if not _is_locked(error) or time.monotonic() >= deadline:
                raise
        time.sleep(_LOCKED_RETRY_SECONDS)


def _connect(path: Path) -> sqlite3.Connection:
    existed = path.exists()
    if not existed:
        # Create the file 0600 ourselves: sqlite3 would honour the umask (often 0644).
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
        os.close(fd)
    connection = sqlite3.connect(
        path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        connection.row_factory = sqlite3.Row
        connection.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        # Reading the schema is what detects a file that is not a database.
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_versions "
            "(feature TEXT PRIMARY KEY, version INTEGER NOT NULL)"
        )
    except sqlite3.DatabaseError:
        connection.close()
        raise
    for suffix in ("", "-wal", "-shm"):
        sibling = Path(f"{path}{suffix}")
        with contextlib.suppress(OSError):
            sibling.chmod(0o600)
    return connection


def _apply_schema(
    db: sqlite3.Connection, feature: str, version: int, statements: Sequence[str]
) -> None:
    row = db.execute("SELECT version FROM schema_versions WHERE feature = ?", (feature,)).fetchone()
    if row is not None and row[0] >= version:
        return
    for statement in statements:
        db.execute(statement)
    db.execute(
        "INSERT INTO schema_versions(feature, version) VALUES (?, ?) "
        "ON CONFLICT(feature) DO UPDATE SET version = excluded.version",
        (feature, version),
    )


def _file_id(path: Path) -> tuple[int, int] | None:
    """Device and inode of ``path``: tells whether the file there is still the one we opened."""
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


def _connect_in_memory() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    connection.row_factory = sqlite3.Row
    connection.execute(
        "CREATE TABLE IF NOT EXISTS schema_versions "
        "(feature TEXT PRIMARY KEY, version INTEGER NOT NULL)"
    )
    return connection


def _move_aside(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.unreadable-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{target}{suffix}"))
    return target
