"""Reading a file the user named without ever blocking: only regular files, with a bound.

Opening a FIFO blocks until someone writes to it, and reading a device (``/dev/zero``) never
ends; either hung the app, whose worker thread then kept the process alive after ``ctrl+q``.
The kind is checked before opening, opening never waits (O_NONBLOCK), and the opened file is
checked again, so that a FIFO swapped in between is refused too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a folder; choose a file in it"),
    (stat.S_ISFIFO, "a named pipe (FIFO), not a file"),
    (stat.S_ISSOCK, "a socket, not a file"),
    (stat.S_ISCHR, "a device, not a file"),
    (stat.S_ISBLK, "a device, not a file"),
)


class NotRegularFileError(ValueError):
    """The path is a folder, a pipe, a socket or a device; the message says which."""


def _check_regular(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((what for test, what in _KINDS if test(mode)), "not a regular file")
    raise NotRegularFileError(f"{path} is {kind}")


def read_regular_file(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of the regular file ``path`` (one more tells it is over).

    NotRegularFileError for anything else; OSError when it cannot be read.
    """
    _check_regular(path, os.stat(path).st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    try:
        _check_regular(path, os.fstat(fd).st_mode)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
