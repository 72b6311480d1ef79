"""One number of an order as a row that fits the width it gets, with its "what to fix" hint."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from porting_tui.client import NumberStatus, PhoneNumber, date_text
from porting_tui.domain.inert_text import inert_text
from porting_tui.domain.rejection_hints import RejectionHint, hint_for
from porting_tui.tui.status_looks import DEFAULT_PALETTE, StatusPalette

KNOWN_STATUSES = frozenset(status.value for status in NumberStatus)
_GAP = 2
_REASON_MIN = 36
_GROUP_MAX = 24
NO_GROUP = "no group yet"
"""How numbers the server has not put in an activation group yet are headed and counted."""


def day_text(value: datetime | str | None) -> str:
    # A date the client could not read shows as the server sent it.
    return inert_text(date_text(value)) or "—"


def reason_text(number: PhoneNumber) -> str:
    """Why the number is rejected or excluded, and which features will not port.

    For an entry the client could not read, why it could not be read.
    """
    if number.unreadable is not None:
        return inert_text(f"unreadable: {number.unreadable} (w: as sent)")
    parts = [number.reject_reason or ""]
    if number.exclusion_reason and number.exclusion_reason != number.reject_reason:
        parts.append(f"excluded: {number.exclusion_reason}")
    for feature in number.excluded_features:
        name = feature.feature_name or "a feature"
        why = f": {feature.exclusion_reason}" if feature.exclusion_reason else ""
        parts.append(f"{name} not ported{why}")
    return inert_text(" · ".join(part for part in parts if part))


def needs_attention(number: PhoneNumber) -> bool:
    """Rejected or excluded numbers, features left out, and statuses this app does not know."""
    return (
        number.unreadable is not None
        or number.status in ("REJECTED", "EXCLUDED")
        or bool(number.excluded_features)
        or number.status not in KNOWN_STATUSES
    )


def status_counts(numbers: Sequence[PhoneNumber]) -> str:
    """``PENDING 2 · CONFIRMED 8 · REJECTED 2``, in lifecycle order, unknown statuses last."""
    counts = Counter(inert_text(number.status) for number in numbers)
    order = [status.value for status in NumberStatus]
    ranked = sorted(counts, key=lambda s: order.index(s) if s in order else len(order))
    return " · ".join(f"{status} {counts[status]}" for status in ranked)


def group_key(number: PhoneNumber) -> str | None:
    """The activation group of ``number`` as the server names it; None when it has none yet."""
    return number.phone_number_group or None


def group_order(numbers: Sequence[PhoneNumber]) -> list[str | None]:
    """The groups of ``numbers`` in the order first seen, numbers with no group yet last."""
    seen = dict.fromkeys(group_key(number) for number in numbers)
    return sorted(seen, key=lambda key: key is None)


def group_name(key: str | None) -> str:
    return inert_text(key) if key else NO_GROUP


def _numbers_text(count: int) -> str:
    return f"{count} number{'s' if count != 1 else ''}"


def group_counts(numbers: Sequence[PhoneNumber]) -> str:
    """``GW Verizon Grp1: 10 numbers, CONFIRMED 8, REJECTED 2 · GW Lumen Grp1: 1 number, ...``."""
    parts = []
    for key in group_order(numbers):
        members = [number for number in numbers if group_key(number) == key]
        counts = status_counts(members).replace(" · ", ", ")
        parts.append(f"{group_name(key)}: {_numbers_text(len(members))}, {counts}")
    return " · ".join(parts)


def group_heading(key: str | None, members: Sequence[PhoneNumber]) -> Text:
    """``GW Verizon Grp1 · 10 numbers · CONFIRMED 8 · REJECTED 2``: the line above a group."""
    counts = status_counts(members)
    line = f"{group_name(key)} · {_numbers_text(len(members))}" + (f" · {counts}" if counts else "")
    return Text(line, style="bold")


def shared_hints(numbers: Sequence[PhoneNumber]) -> list[tuple[RejectionHint, int] | None]:
    """Per number, the hint shown under its row and how many numbers it speaks for.

    Numbers rejected for the same reason share one hint, under the first of them: the same
    advice repeated under each row would push the other numbers off the screen.
    """
    rejected: Counter[str | None] = Counter(
        number.reject_reason for number in numbers if number.status == "REJECTED"
    )
    hinted: set[str | None] = set()
    shared: list[tuple[RejectionHint, int] | None] = []
    for number in numbers:
        reason = number.reject_reason
        hint = hint_for(reason) if number.status == "REJECTED" else None
        if hint is None or reason in hinted:
            shared.append(None)
            continue
        hinted.add(reason)
        shared.append((hint, rejected[reason]))
    return shared


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int


@dataclass(frozen=True)
class RowLayout:
    """Which columns show at a given width; the reason column takes what is left."""

    group_width: int

    def columns(self, width: int) -> list[Column]:
        shown = [Column("number", "Number", 12), Column("status", "Status", 9)]
        optional = [
            Column("foc", "FOC", 10),
            Column("group", "Group", self.group_width),
            Column("confirmed", "Confirmed", 10),
            Column("activated", "Activated", 10),
        ]
        used = sum(column.width + _GAP for column in shown)
        for column in optional:
            if width - used - column.width - _GAP >= _REASON_MIN:
                shown.append(column)
                used += column.width + _GAP
        return shown

    @classmethod
    def for_numbers(cls, numbers: Sequence[PhoneNumber]) -> RowLayout:
        longest = max((len(n.phone_number_group or "") for n in numbers), default=5)
        return cls(max(5, min(_GROUP_MAX, longest)))


def _cells(number: PhoneNumber, palette: StatusPalette) -> dict[str, Text]:
    return {
        "number": Text(inert_text(number.phone_number)),
        "status": Text(inert_text(number.status), style=palette.number(number.status)),
        "foc": Text(day_text(number.foc_date)),
        "group": Text(inert_text(number.phone_number_group or "—")),
        "confirmed": Text(day_text(number.confirmed_date)),
        "activated": Text(day_text(number.activated_date)),
    }


def _grid(columns: list[Column], cells: dict[str, Text], last: Text, width: int) -> Table:
    grid = Table.grid(padding=(0, _GAP, 0, 0), expand=True)
    for column in columns:
        grid.add_column(width=column.width, no_wrap=True, overflow="ellipsis")
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row(*(cells[column.key] for column in columns), last)
    grid.width = width
    return grid


class NumberRow:
    """A Rich renderable: the number's cells, its reason, and the hint on the line below.

    ``hint`` is worked out from the reason unless given; None shows no hint. ``covers`` says
    how many numbers a shared hint speaks for.
    """

    def __init__(
        self,
        number: PhoneNumber,
        layout: RowLayout,
        hint: RejectionHint | Literal["auto"] | None = "auto",
        palette: StatusPalette = DEFAULT_PALETTE,
        covers: int = 1,
    ) -> None:
        self.number = number
        self.layout = layout
        self.palette = palette
        self.hint = self._hint(number) if hint == "auto" else hint
        self.covers = covers

    @staticmethod
    def _hint(number: PhoneNumber) -> RejectionHint | None:
        return hint_for(number.reject_reason) if number.status == "REJECTED" else None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        columns = self.layout.columns(width)
        cells = _cells(self.number, self.palette)
        yield _grid(columns, cells, Text(reason_text(self.number)), width)
        if self.hint is not None:
            indent = columns[0].width + _GAP
            covers = f" ({self.covers} numbers)" if self.covers > 1 else ""
            advice = Text(f"↳ {self.hint.advice}{covers}", style="italic")
            yield Padding(advice, (0, 0, 0, indent))


class NumberHeader:
    """The column labels for the same layout."""

    def __init__(self, layout: RowLayout) -> None:
        self.layout = layout

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        columns = self.layout.columns(width)
        cells = {column.key: Text(column.label) for column in columns}
        yield _grid(columns, cells, Text("Reason / what to fix"), width)
