"""What the commands print: JSON documents on stdout, tables and fields for people, all inert."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol

import click

from porting_tui.domain.inert_text import inert_text

if TYPE_CHECKING:
    from rich.console import Console


class Dumpable(Protocol):
    """A model that dumps itself as pydantic's do (the order list's plain rows do too)."""

    def model_dump(
        self, *, mode: Literal["python", "json"], by_alias: bool, exclude_none: bool
    ) -> Any: ...


MASK = "<masked>"
"""Stands in for a PIN or account number in JSON output unless --reveal is given."""
SECRET_FIELDS = frozenset({"existingPortOutPin", "accountNum", "newPortOutPin"})
TABLE_MASK = "••••"
safe_text = inert_text
"""Server text made inert for the terminal (the domain's ``inert_text``)."""

_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def mask_secrets(data: Any) -> Any:
    """A copy of JSON-ready ``data`` with every PIN and account number replaced by MASK."""
    if isinstance(data, Mapping):
        return {
            key: MASK if key in SECRET_FIELDS and value not in (None, "") else mask_secrets(value)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [mask_secrets(item) for item in data]
    return data


def to_json_data(model: Dumpable, *, reveal: bool = False) -> Any:
    """The model with the API's field names, secrets masked unless ``reveal``."""
    data = model.model_dump(by_alias=True, mode="json", exclude_none=True)
    return data if reveal else mask_secrets(data)


def _dumps(data: Any, indent: int | None) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    # json leaves C1 controls and line separators as they are; escape them so that
    # `cat` of the output cannot drive the terminal either.
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def print_json(data: Any) -> None:
    """Write one JSON document to stdout."""
    click.echo(_dumps(data, indent=2))


def print_json_line(data: Any) -> None:
    """Write one compact JSON document on its own line (JSON lines streams)."""
    click.echo(_dumps(data, indent=None))


def info(message: str) -> None:
    """Narration for people: always stderr, so stdout stays data."""
    click.echo(message, err=True)


def mask_pin(value: str | None, *, reveal: bool = False) -> str:
    if not value:
        return ""
    return safe_text(value) if reveal else TABLE_MASK


def mask_account(value: str | None, *, reveal: bool = False) -> str:
    """An account number with its last four characters, enough to compare with a bill."""
    if not value:
        return ""
    if reveal:
        return safe_text(value)
    return TABLE_MASK + safe_text(value[-4:]) if len(value) >= 8 else TABLE_MASK


def stderr_console() -> Console:
    """A rich console on the current stderr (for progress) that never interprets markup."""
    from rich.console import Console

    return Console(file=sys.stderr, markup=False, highlight=False, emoji=False)


def print_table(
    columns: Sequence[str], rows: Iterable[Sequence[object]], *, title: str | None = None
) -> None:
    """A borderless table on stdout, columns as wide as their widest cell (awk-friendly).

    Every cell is shown literally; the last column is never padded.
    """
    from rich.cells import cell_len

    texts = [[safe_text(cell) for cell in row] for row in rows]
    widths = [
        max([cell_len(name), *(cell_len(row[index]) for row in texts)])
        for index, name in enumerate(columns)
    ]
    if title:
        click.echo(safe_text(title))
    stream = RowStream(list(zip(columns, widths, strict=True)))
    for row in texts:
        stream.row(*row)
    stream.header()


def print_fields(pairs: Iterable[tuple[str, object]]) -> None:
    """Aligned ``label  value`` lines on stdout, skipping empty values."""
    shown = [(label, safe_text(value)) for label, value in pairs if value not in (None, "")]
    width = max((len(label) for label, _ in shown), default=0)
    for label, value in shown:
        click.echo(f"{label.ljust(width)}  {value}")


class RowStream:
    """A table printed row by row as data arrives, for listings too long to hold."""

    def __init__(self, columns: Sequence[tuple[str, int]]) -> None:
        """``columns`` are (title, width); the last column is never cut."""
        self._columns = columns
        self._started = False

    def _line(self, cells: Sequence[object]) -> str:
        from rich.cells import cell_len, set_cell_size

        parts: list[str] = []
        last = len(self._columns) - 1
        for index, ((_title, width), cell) in enumerate(zip(self._columns, cells, strict=True)):
            text = safe_text(cell)
            if index == last:
                parts.append(text)
            elif cell_len(text) > width:
                parts.append(set_cell_size(text, width - 1) + "…")
            else:
                parts.append(set_cell_size(text, width))
        return "  ".join(parts).rstrip()

    def header(self) -> None:
        """Print the header row, once (``row`` does it before the first row)."""
        if not self._started:
            self._started = True
            click.echo(self._line([title for title, _ in self._columns]))

    def row(self, *cells: object) -> None:
        self.header()
        click.echo(self._line(cells))

    @property
    def started(self) -> bool:
        return self._started
