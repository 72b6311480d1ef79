"""Files that may hold secrets: written atomically as 0600 inside a 0700 directory."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from porting_tui.paths import ensure_private_dir

# Any permission bit for group or others: the same test ssh applies to private keys.
_SHARED_BITS = stat.S_IRWXG | stat.S_IRWXO


def write_private_file(path: Path, text: str) -> Path:
    """Replace ``path`` with ``text`` so that readers see the old or the new file, never half.

    A symlinked path (a dotfiles checkout) is followed so the link itself survives.
    Returns the path of the file actually written.
    """
    target = path.resolve() if path.is_symlink() else path
    directory = ensure_private_dir(target.parent)
    # mkstemp creates the file with mode 0600 whatever the umask, so the secret is never
    # readable by others, not even for a moment.
    fd, temp_name = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as temp_file:
            temp_file.write(text)
            temp_file.flush()
            os.fsync(temp_file.fileno())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    _fsync_directory(directory)
    return target


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable, so a crash right after saving keeps the new file."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def permission_warning(path: Path) -> str | None:
    """A warning when ``path`` exists and other users may read or change it, else None."""
    if os.name != "posix":
        return None
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if not mode & _SHARED_BITS:
        return None
    return (
        f"{path} is accessible by other users (mode {stat.S_IMODE(mode):04o}) and may hold "
        f"secrets; fix it with: chmod 600 {path}"
    )
