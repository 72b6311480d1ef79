"""RankedTable: every project's orders in one ranking, most urgent first, with a project column."""

from __future__ import annotations

from rich.text import Text

from porting_tui.attention.all_projects_board import AllProjectsBoard
from porting_tui.tui.screens.all_projects.board_rows import project_cell, project_width
from porting_tui.tui.screens.all_projects.sections_list import ChosenRow, parse_row_id, row_id
from porting_tui.tui.status_looks import StatusPalette
from porting_tui.tui.widgets.attention_columns import item_cells, layout_columns
from porting_tui.tui.widgets.table_keys import KeyedDataTable

PROJECT = "project"
CELL_PADDING = 2


class RankedTable(KeyedDataTable[Text]):
    """The merged ranking; ``show`` redraws it, keeping the cursor on the same order."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._laid_out: tuple[int, int] | None = None
        self._keys: list[str] = []

    def show(self, board: AllProjectsBoard, width: int, palette: StatusPalette) -> None:
        current = self.chosen()
        place = self.cursor_row
        names = [project.name for project in board.projects]
        first = project_width(names)
        if self._laid_out != (width, first):
            self._laid_out = (width, first)
            self.clear(columns=True)
            columns = [(PROJECT, "Project", first), *layout_columns(width - first - CELL_PADDING)]
            self._keys = [key for key, _, _ in columns]
            for key, label, size in columns:
                self.add_column(Text(label), width=size, key=key)
        else:
            self.clear()
        for row in board.ranked():
            cells = item_cells(row.item, palette)
            cells[PROJECT] = project_cell(row.project, row.read_only)
            if row.item.looked:
                cells[PROJECT].stylize("dim")
            self.add_row(
                *(cells[key] for key in self._keys), key=row_id(row.project, row.item.order_id)
            )
        if current is not None and row_id(current.project, current.order_id) in self.rows:
            self.select_row(current.project, current.order_id)
        elif self.row_count:
            self.move_cursor(row=min(place, self.row_count - 1), animate=False)

    def _row_ids(self) -> list[tuple[str, int]]:
        found = []
        for row_key in self.rows:
            parsed = parse_row_id(row_key.value)
            if parsed is not None:
                found.append(parsed)
        return found

    def chosen(self) -> ChosenRow | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        parsed = parse_row_id(key.value)
        if parsed is None:
            return None
        project, order_id = parsed
        listed = tuple(order for name, order in self._row_ids() if name == project)
        return ChosenRow(project, order_id, listed)

    def select_row(self, project: str, order_id: int) -> None:
        key = row_id(project, order_id)
        if key in self.rows:
            self.move_cursor(row=self.get_row_index(key), animate=False)
