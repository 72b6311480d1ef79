"""Order documents as files: the upload size limit, reading them, and saving under safe names."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from porting_tui.domain.regular_files import NotRegularFileError, read_regular_file

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
"""The API does not document a limit; documents travel base64-encoded inside one JSON body,
so a scanned LOA or bill well under this is what it is meant for."""
MAX_NAME_BYTES = 120
"""Counted in UTF-8 bytes: file systems limit names to 255 bytes, and numbered copies add some."""
_UNSAFE_NAME_CHARS = re.compile(r'[<>:"|?*\\/\x00-\x1f\x7f]')
_MAX_NUMBERED_COPIES = 999


class DocumentFileError(ValueError):
    """A document that cannot be read or saved; the message says why and what to do."""


class DocumentTooLargeError(DocumentFileError):
    """The file is over the upload limit."""


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def too_large_message(path: Path | str, size: int, limit: int) -> str:
    message = (
        f"{path} is {human_size(size)}; documents can be at most {human_size(limit)}: "
        "compress it or scan it at a lower resolution"
    )
    if human_size(size) == human_size(limit):
        # Rounded, both read "10.0 MB": say by how much the file is over.
        message += f" (it is {size:,} bytes, {size - limit:,} over the limit)"
    return message


def read_document(path: Path, limit: int = MAX_UPLOAD_BYTES) -> bytes:
    """The bytes of a document to upload; empty files and files over ``limit`` are refused."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise DocumentTooLargeError(too_large_message(path, size, limit))
        data = read_regular_file(path, limit)
    except NotRegularFileError as error:
        raise DocumentFileError(str(error)) from None
    except OSError as error:
        raise DocumentFileError(f"cannot read {path}: {error.strerror}") from None
    if not data:
        raise DocumentFileError(f"{path} is empty; nothing to upload")
    if len(data) > limit:
        raise DocumentTooLargeError(f"{path} grew beyond {human_size(limit)} while reading")
    return data


def safe_file_name(name: str | None, fallback: str) -> str:
    """A file name made from a name sent by the server that stays in the folder it is saved in.

    Only the last path component is kept (``../../.bashrc`` gives ``bashrc``); control and
    reserved characters become ``_``; leading dots are dropped so nothing hidden or special
    (``.``, ``..``) comes out; a leading ``-`` gets a ``_`` before it so that no command reads
    the name as an option; at most 120 UTF-8 bytes are kept, the extension with them; an empty
    result gives ``fallback``.
    """
    text = unicodedata.normalize("NFC", name or "")
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = "".join(
        "_" if unicodedata.category(c) in ("Cc", "Cf", "Cs") or _UNSAFE_NAME_CHARS.match(c) else c
        for c in text
    )
    text = text.strip().lstrip(".").strip()
    if text.startswith("-"):
        text = "_" + text
    if _byte_length(text) > MAX_NAME_BYTES:
        stem, dot, suffix = text.rpartition(".")
        if dot and 0 < len(suffix) <= 10 and suffix.isascii():
            text = _cut_to_bytes(stem, MAX_NAME_BYTES - len(suffix) - 1) + "." + suffix
        else:
            text = _cut_to_bytes(text, MAX_NAME_BYTES)
    return text or fallback


def _byte_length(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _cut_to_bytes(text: str, limit: int) -> str:
    """The longest start of ``text`` within ``limit`` UTF-8 bytes, never half a character."""
    cut = text.encode("utf-8", "surrogatepass")[:limit]
    return cut.decode("utf-8", "ignore").rstrip()


def write_new_file(path: Path, content: bytes) -> None:
    """Create ``path`` (mode 0600) with ``content``; FileExistsError if anything is there.

    The file is created exclusively, so neither a file nor a symlink that appears meanwhile
    is written through.
    """
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(content)


def _numbered(name: str, copy: int) -> str:
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        return f"{name} ({copy})"
    return f"{stem} ({copy}).{suffix}"


def save_document(folder: Path, name: str | None, content: bytes, fallback: str) -> Path:
    """Save ``content`` in ``folder`` under a safe form of ``name``; never replaces a file.

    When the name is taken, ``LOA (2).pdf``, ``LOA (3).pdf``... are tried. The folder is
    created (mode 0700) if missing. Returns the path written.
    """
    safe = safe_file_name(name, fallback)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise DocumentFileError(f"cannot create folder {folder}: {error.strerror}") from None
    if not folder.is_dir():
        raise DocumentFileError(f"{folder} is not a folder")
    for copy in range(1, _MAX_NUMBERED_COPIES + 1):
        target = folder / (safe if copy == 1 else _numbered(safe, copy))
        try:
            write_new_file(target, content)
        except FileExistsError:
            continue
        except OSError as error:
            raise DocumentFileError(f"cannot write {target}: {error.strerror}") from None
        return target
    raise DocumentFileError(f"{folder} already holds {_MAX_NUMBERED_COPIES} copies of {safe}")
