"""Files the commands read and write: text inputs, uploads, and downloads with safe names."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from porting_tui.cli.context import CommandError, ExitCode
from porting_tui.domain.document_files import (
    MAX_NAME_BYTES,
    MAX_UPLOAD_BYTES,
    DocumentFileError,
    DocumentTooLargeError,
    human_size,
    read_document,
    safe_file_name,
    write_new_file,
)
from porting_tui.domain.text_files import MAX_TEXT_BYTES, TextFileError, decode_text

__all__ = [
    "MAX_NAME_BYTES",
    "MAX_TEXT_INPUT_BYTES",
    "MAX_UPLOAD_BYTES",
    "human_size",
    "input_name",
    "read_input_bytes",
    "read_text_input",
    "read_upload",
    "safe_file_name",
    "write_file",
]

MAX_TEXT_INPUT_BYTES = MAX_TEXT_BYTES


def input_name(source: str) -> str:
    """How messages name an input given as ``source`` (``-`` is standard input)."""
    return "standard input" if source == "-" else source


def read_input_bytes(source: str, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of file ``source`` (``-`` is stdin), so a caller can tell an
    input over ``limit`` without reading all of it; OSError is the caller's to word."""
    if source == "-":
        return sys.stdin.buffer.read(limit + 1)
    with open(source, "rb") as stream:
        return stream.read(limit + 1)


def read_text_input(source: str, what: str) -> str:
    """The UTF-8 text of file ``source`` (``-`` is stdin); refuses binary and other encodings."""
    name = input_name(source)
    try:
        data = read_input_bytes(source, MAX_TEXT_INPUT_BYTES)
    except OSError as error:
        raise CommandError(f"cannot read {what} {name}: {error.strerror}", ExitCode.USAGE) from None
    try:
        return decode_text(data, name, what)
    except TextFileError as error:
        raise CommandError(str(error)) from None


def read_upload(path: Path) -> bytes:
    """The bytes of a document to upload, refusing empty files and files over the limit."""
    try:
        return read_document(path, MAX_UPLOAD_BYTES)
    except DocumentTooLargeError as error:
        raise CommandError(str(error)) from None
    except DocumentFileError as error:
        raise CommandError(str(error), ExitCode.USAGE) from None


def write_file(path: Path, content: bytes, *, force: bool) -> None:
    """Write ``content`` to ``path``, mode 0600; an existing file is replaced only with ``force``.

    Without ``force`` the file is created exclusively, so even a file (or symlink) that appears
    meanwhile is not touched. With it, a temporary file is renamed over the target, so a symlink
    there is replaced rather than followed.
    """
    if not force:
        try:
            write_new_file(path, content)
        except FileExistsError:
            raise CommandError(
                f"{path} already exists; add --force to replace it, or choose another name "
                "with -o PATH",
                ExitCode.USAGE,
            ) from None
        except OSError as error:
            raise CommandError(f"cannot write {path}: {error.strerror}", ExitCode.USAGE) from None
        return
    temporary: str | None = None
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".porting-tui-")
        with os.fdopen(fd, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except OSError as error:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise CommandError(f"cannot write {path}: {error.strerror}", ExitCode.USAGE) from None
