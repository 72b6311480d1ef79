"""Files the commands read and write: text inputs, uploads, and downloads with safe names."""

from __future__ import annotations

import os
import re
import sys
import tempfile
import unicodedata
from pathlib import Path

from porting_tui.cli.context import CommandError, ExitCode
from porting_tui.domain.text_files import MAX_TEXT_BYTES, TextFileError, decode_text

MAX_TEXT_INPUT_BYTES = MAX_TEXT_BYTES
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
"""The API does not document a limit; documents travel base64-encoded inside one JSON body,
so a scanned LOA or bill well under this is what it is meant for."""
MAX_NAME_LENGTH = 120
_UNSAFE_NAME_CHARS = re.compile(r'[<>:"|?*\\/\x00-\x1f\x7f]')


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def read_text_input(source: str, what: str) -> str:
    """The UTF-8 text of file ``source`` (``-`` is stdin); refuses binary and other encodings."""
    name = "standard input" if source == "-" else source
    try:
        if source == "-":
            data = sys.stdin.buffer.read(MAX_TEXT_INPUT_BYTES + 1)
        else:
            with open(source, "rb") as stream:
                data = stream.read(MAX_TEXT_INPUT_BYTES + 1)
    except OSError as error:
        raise CommandError(f"cannot read {what} {name}: {error.strerror}", ExitCode.USAGE) from None
    try:
        return decode_text(data, name, what)
    except TextFileError as error:
        raise CommandError(str(error)) from None


def read_upload(path: Path) -> bytes:
    """The bytes of a document to upload, refusing empty files and files over the limit."""
    try:
        size = path.stat().st_size
        if size > MAX_UPLOAD_BYTES:
            raise CommandError(
                f"{path} is {human_size(size)}; documents can be at most "
                f"{human_size(MAX_UPLOAD_BYTES)}: compress it or scan it at a lower resolution"
            )
        data = path.read_bytes()
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error.strerror}", ExitCode.USAGE) from None
    if not data:
        raise CommandError(f"{path} is empty; nothing to upload", ExitCode.USAGE)
    if len(data) > MAX_UPLOAD_BYTES:
        raise CommandError(f"{path} grew beyond {human_size(MAX_UPLOAD_BYTES)} while reading")
    return data


def safe_file_name(name: str | None, fallback: str) -> str:
    """A file name made from a name sent by the server that stays in the folder it is saved in.

    Only the last path component is kept (``../../.bashrc`` gives ``bashrc``); control and
    reserved characters become ``_``; leading dots are dropped so nothing hidden or special
    (``.``, ``..``) comes out; an empty result gives ``fallback``.
    """
    text = unicodedata.normalize("NFC", name or "")
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = "".join(
        "_" if unicodedata.category(c) in ("Cc", "Cf") or _UNSAFE_NAME_CHARS.match(c) else c
        for c in text
    )
    text = text.strip().lstrip(".").strip()
    if len(text) > MAX_NAME_LENGTH:
        stem, dot, suffix = text.rpartition(".")
        if dot and 0 < len(suffix) <= 10:
            text = stem[: MAX_NAME_LENGTH - len(suffix) - 1] + "." + suffix
        else:
            text = text[:MAX_NAME_LENGTH]
    return text or fallback


def write_file(path: Path, content: bytes, *, force: bool) -> None:
    """Write ``content`` to ``path``, mode 0600; an existing file is replaced only with ``force``.

    Without ``force`` the file is created exclusively, so even a file (or symlink) that appears
    meanwhile is not touched. With it, a temporary file is renamed over the target, so a symlink
    there is replaced rather than followed.
    """
    if not force:
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise CommandError(
                f"{path} already exists; add --force to replace it, or choose another name "
                "with -o PATH",
                ExitCode.USAGE,
            ) from None
        except OSError as error:
            raise CommandError(f"cannot write {path}: {error.strerror}", ExitCode.USAGE) from None
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
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
