"""Text files people hand over (CSV, number lists): UTF-8 only, binary refused with a reason."""

from __future__ import annotations

from pathlib import Path

from porting_tui.domain.regular_files import NotRegularFileError, read_regular_file

MAX_TEXT_BYTES = 20 * 1024 * 1024


class TextFileError(ValueError):
    """A file that is not usable text; the message says why and what to do."""


def csv_delimiter(header: str) -> str:
    """Comma, or semicolon when the header uses more of those (spreadsheets in many locales)."""
    return ";" if header.count(";") > header.count(",") else ","


def _size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def decode_text(data: bytes, name: str, what: str = "file") -> str:
    """The text of ``data`` read as UTF-8 (a byte-order mark is dropped); binary is refused."""
    if len(data) > MAX_TEXT_BYTES:
        raise TextFileError(f"{what} {name} is larger than {_size(MAX_TEXT_BYTES)}; split it")
    if b"\x00" in data:
        raise TextFileError(f"{what} {name} is a binary file, not text; give a UTF-8 text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TextFileError(
            f"{what} {name} is not UTF-8 text (byte {error.start + 1}); save it as UTF-8, "
            "e.g. 'CSV UTF-8' in a spreadsheet"
        ) from None


def read_text_file(path: Path, what: str = "file") -> str:
    """The UTF-8 text of ``path``; TextFileError when it cannot be read or is not text."""
    try:
        data = read_regular_file(path, MAX_TEXT_BYTES)
    except NotRegularFileError as error:
        raise TextFileError(f"{what} {error}") from None
    except OSError as error:
        raise TextFileError(f"cannot read {what} {path}: {error.strerror}") from None
    return decode_text(data, str(path), what)
