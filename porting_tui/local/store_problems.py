"""What happens when the local store breaks while the app runs: which errors mean a broken
file, and who is told (the app shows a message; the store goes on with a new file)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable

ProblemListener = Callable[[str], object]

_CORRUPT_CODES = frozenset({sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT})
_listeners: list[ProblemListener] = []
_lock = threading.Lock()


def is_corrupt(error: sqlite3.Error) -> bool:
    """``file is not a database`` or ``database disk image is malformed``: the file is
    unusable, unlike a locked database or a full disk, which a retry or the user can fix."""
    return getattr(error, "sqlite_errorcode", None) in _CORRUPT_CODES


def add_problem_listener(listener: ProblemListener) -> Callable[[], None]:
    """Call ``listener(message)`` (from any thread) when a store recovers from a broken
    file; returns what removes it again."""
    with _lock:
        _listeners.append(listener)

    def remove() -> None:
        with _lock:
            if listener in _listeners:
                _listeners.remove(listener)

    return remove


def report_problem(message: str) -> None:
    with _lock:
        listeners = list(_listeners)
    for listener in listeners:
        try:
            listener(message)
        except Exception:
            # A listener whose app has gone (its loop closed) must not keep the others, or
            # the store, from going on.
            with _lock:
                if listener in _listeners:
                    _listeners.remove(listener)
