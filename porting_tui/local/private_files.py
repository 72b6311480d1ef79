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
_WRITABLE_BY_OTHERS = stat.S_IWGRP | stat.S_IWOTH


def write_private_file(path: Path, text: str) -> Path:
    """Replace ``path`` with ``text`` so that readers see the old or the new file, never half.

    A symlinked path (a dotfiles checkout) is followed so the link itself survives; the
    folder of its target is the user's own choice and keeps its mode (it is not made 0700).
    Returns the path of the file actually written.
    """
    if path.is_symlink():
        target = path.resolve()
        directory = target.parent
    else:
        target = path
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


def unsafe_to_trust(path: Path) -> str | None:
    """Why ``path`` must not be read, as ssh refuses its config, with the fix; else None.

    A file that names commands to run (``key_secret_command``) or where secrets are sent
    (``api_url``) is refused when someone else owns it or may change it: the file, its folder
    and, for a symlink, the folder of the real file.
    """
    if os.name != "posix":
        return None
    try:
        real = path.resolve(strict=True)
    except OSError:
        return None
    checked = [(real, 0o600)]
    folders = [path.parent] if real.parent == path.parent else [path.parent, real.parent]
    checked += [(folder, 0o700) for folder in folders]
    me = os.getuid()
    for candidate, fixed in checked:
        try:
            status = candidate.stat()
        except OSError:
            continue
        if status.st_uid not in (me, 0):
            return (
                f"{candidate} belongs to another user (uid {status.st_uid}), who could make "
                f"this program run their commands: refusing to use {path}; fix it with: "
                f"chown {me} {candidate}"
            )
        if status.st_mode & _WRITABLE_BY_OTHERS:
            return (
                f"{candidate} can be changed by other users (mode "
                f"{stat.S_IMODE(status.st_mode):04o}), who could make this program run their "
                f"commands: refusing to use {path}; fix it with: chmod {fixed:o} {candidate}"
            )
    return None
