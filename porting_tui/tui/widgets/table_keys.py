"""One keymap for every table of the app: the same movement keys wherever the cursor is.

Textual's DataTable binds ``home``/``end`` to horizontal scrolling and knows no ``j``/``k``;
OptionList knows neither ``j``/``k`` nor ``g``/``G``. An operator who learned the order list
should not have to learn each table again, so every table of the app is one of these.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.widgets import DataTable, OptionList

CellType = TypeVar("CellType")

MOVEMENT_KEYS: tuple[tuple[str, str], ...] = (
    ("j / ↓", "Next row"),
    ("k / ↑", "Previous row"),
    ("g / home", "First row"),
    ("G / end", "Last row"),
    ("pgdn / pgup", "Page down / up"),
)
"""The movement keys as the help lists them once."""

ROW_KEYS = {
    "cursor_down": ("down", "j"),
    "cursor_up": ("up", "k"),
    "first_row": ("home", "g"),
    "last_row": ("end", "G"),
    "page_down": ("pagedown",),
    "page_up": ("pageup",),
}
"""Action to keys, shared by every table (the key map test walks each table with it)."""


def _movement_bindings() -> list[BindingType]:
    return [
        Binding(",".join(keys), action, action.replace("_", " ").capitalize(), show=False)
        for action, keys in ROW_KEYS.items()
    ]


class KeyedDataTable(DataTable[CellType]):
    """A DataTable moved with the app's keys: ``home``/``end`` go to the first/last row."""

    BINDINGS: ClassVar[list[BindingType]] = _movement_bindings()

    def action_first_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_last_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)


class KeyedOptionList(OptionList):
    """An OptionList moved with the app's keys, stopping at the ends as the tables do (an
    OptionList wraps from the last option to the first)."""

    BINDINGS: ClassVar[list[BindingType]] = _movement_bindings()

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        """Highlight the next enabled option in ``direction``; none past the end: stay."""
        if self.highlighted is None:
            self.action_first()
            return
        index = self.highlighted + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction

    def action_first_row(self) -> None:
        self.action_first()

    def action_last_row(self) -> None:
        self.action_last()

    def action_page_up(self) -> None:
        # A page up from near the top can land on a disabled first option (a heading), which
        # OptionList answers by highlighting nothing, rather than the first option there is.
        super().action_page_up()  # type: ignore[no-untyped-call]  # unannotated in Textual
        if self.highlighted is None:
            self.action_first()
