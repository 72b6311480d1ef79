"""FigureTableView: a chart's figures as a table; enter on a row lists the orders behind it."""

from __future__ import annotations

from rich.console import JustifyMethod
from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from porting_tui.tui.screens.insights.figure_tables import FigureRow, FigureTable
from porting_tui.tui.widgets.table_keys import KeyedDataTable


class FigureTableView(KeyedDataTable[Text]):
    """Cells are Text, never markup: carrier names and reasons come from the server."""

    class RowChosen(Message):
        """Enter was pressed on ``row``."""

        def __init__(self, row: FigureRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.figures = FigureTable((), ())

    def show(self, figures: FigureTable) -> None:
        """Replace the rows; the cursor stays on the same row number when there still is one."""
        row = self.cursor_row
        self.figures = figures
        self.clear(columns=True)
        justify: list[JustifyMethod] = [
            "left" if index in figures.text_columns else "right"
            for index in range(len(figures.columns))
        ]
        for index, column in enumerate(figures.columns):
            self.add_column(Text(column, justify=justify[index]), key=f"c{index}")
        for figure_row in figures.rows:
            self.add_row(
                *(Text(cell, justify=justify[index]) for index, cell in enumerate(figure_row.cells))
            )
        if not figures.rows:
            self.add_row(Text(figures.empty, style="dim"))
        elif 0 <= row < len(figures.rows):
            self.move_cursor(row=row, animate=False)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if 0 <= event.cursor_row < len(self.figures.rows):
            self.post_message(self.RowChosen(self.figures.rows[event.cursor_row]))
