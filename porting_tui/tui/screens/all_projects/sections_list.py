"""SectionsList: one section per project, its heading (count, read-only, progress or error)
above its orders; the headings are passed over by the cursor."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from rich.text import Text
from textual.widgets.option_list import Option

from porting_tui.attention.all_projects_board import AllProjectsBoard
from porting_tui.tui.screens.all_projects.board_rows import (
    Columns,
    error_line,
    heading,
    item_line,
)
from porting_tui.tui.status_looks import StatusPalette
from porting_tui.tui.widgets.table_keys import KeyedOptionList

SEPARATOR = "/"
"""Between project and order in an option's id (profile names never hold one)."""


def row_id(project: str, order_id: int) -> str:
    return f"{project}{SEPARATOR}{order_id}"


def parse_row_id(value: str | None) -> tuple[str, int] | None:
    if not value or SEPARATOR not in value:
        return None
    project, _, order = value.rpartition(SEPARATOR)
    return (project, int(order)) if order.isdigit() else None


@dataclass(frozen=True)
class ChosenRow:
    """The order under the cursor and the orders of its project as listed, in order."""

    project: str
    order_id: int
    listed: tuple[int, ...]


class SectionsList(KeyedOptionList):
    """The board in sections; ``show`` redraws it, keeping the cursor on the same order."""

    def show(
        self,
        board: AllProjectsBoard,
        columns: Columns,
        refreshing: Collection[str],
        palette: StatusPalette,
    ) -> None:
        current = self.highlighted_option.id if self.highlighted_option is not None else None
        place = self.highlighted or 0
        options: list[Option] = []
        for section, project in zip(board.sections(), board.projects, strict=True):
            if options:
                options.append(Option(Text(""), disabled=True))
            refreshing_now = project.name in refreshing
            options.append(
                Option(
                    heading(section, project, refreshing=refreshing_now, palette=palette),
                    disabled=True,
                )
            )
            if section.error is not None:
                options.append(Option(error_line(section.error, palette), disabled=True))
            elif section.loaded and not section.items:
                options.append(
                    Option(Text("  nothing needs attention", style="dim"), disabled=True)
                )
            for item in section.items:
                line = item_line(item, columns, palette)
                options.append(Option(line, id=row_id(section.name, item.order_id)))
        self.clear_options()
        self.add_options(options)
        ids = [option.id for option in options]
        if current is not None and current in ids:
            self.highlighted = ids.index(current)
        elif any(not option.disabled for option in options):
            self._near(min(place, len(options) - 1))

    def _near(self, index: int) -> None:
        """Highlight the first order at or after ``index`` (or the last before it)."""
        options = self.options
        after = [i for i in range(index, len(options)) if not options[i].disabled]
        before = [i for i in range(index) if not options[i].disabled]
        self.highlighted = after[0] if after else before[-1]

    def action_last_row(self) -> None:
        # The last order may come before a section that has none (an error): show it too.
        super().action_last_row()
        self.scroll_end(animate=False)

    def chosen(self) -> ChosenRow | None:
        option = self.highlighted_option
        parsed = parse_row_id(option.id if option is not None else None)
        if parsed is None:
            return None
        project, order_id = parsed
        listed = tuple(
            found[1]
            for option in self.options
            if (found := parse_row_id(option.id)) is not None and found[0] == project
        )
        return ChosenRow(project, order_id, listed)

    def select_row(self, project: str, order_id: int) -> None:
        wanted = row_id(project, order_id)
        for index, option in enumerate(self.options):
            if option.id == wanted:
                self.highlighted = index
                return
