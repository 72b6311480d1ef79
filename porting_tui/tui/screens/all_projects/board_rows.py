"""The board's lines: a project's heading (count, read-only, progress or error) and an order's
row as one line of fixed-width columns, for the sections list (a table cannot hold headings)."""

from __future__ import annotations

from rich.text import Text

from porting_tui.attention.all_projects_board import Project, ProjectSection
from porting_tui.attention.ranking import AttentionItem
from porting_tui.domain.inert_text import inert_text
from porting_tui.tui.status_looks import DEFAULT_PALETTE, StatusPalette
from porting_tui.tui.widgets.attention_columns import item_cells

Columns = list[tuple[str, str, int]]
"""(key, label, width) as ``attention_columns.layout_columns`` gives them."""

RIGHT_ALIGNED = frozenset({"numbers", "rejected", "age"})
PROJECT_WIDTH_MAX = 14
LISTING = "listing open orders…"


def project_state(section: ProjectSection, project: Project, refreshing: bool) -> str:
    """Where the project's reading is: listing, reading details, up to date."""
    progress = project.progress
    if refreshing and progress.total == 0:
        return LISTING
    if not section.loaded and section.error is None and progress.total == 0:
        return "waiting to be read"
    return progress.describe()


def heading(
    section: ProjectSection,
    project: Project,
    *,
    refreshing: bool,
    palette: StatusPalette = DEFAULT_PALETTE,
) -> Text:
    """``acme · 12 need attention · READ-ONLY · reading order details 40/300``."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(inert_text(section.name), style="bold")
    if section.loaded or section.count:
        text.append(f" · {section.count} need attention")
    if section.read_only:
        text.append(" · ")
        text.append("READ-ONLY", style="bold reverse")
    if section.error is not None:
        text.append(" · ")
        text.append("cannot be read", style=palette.number("REJECTED"))
        if refreshing:
            text.append(" · trying again…", style="dim")
        return text
    style = palette.order("PENDING") if refreshing else "dim"
    text.append(f" · {project_state(section, project, refreshing)}", style=style)
    return text


def error_line(message: str, palette: StatusPalette = DEFAULT_PALETTE) -> Text:
    """The project's error, on its own line (server and profile text kept literal)."""
    text = Text(overflow="fold")
    text.append("  ✗ ", style=palette.number("REJECTED"))
    text.append(inert_text(message))
    return text


def _fit(cell: Text, width: int, right: bool) -> Text:
    fitted = cell.copy()
    fitted.no_wrap = True
    fitted.truncate(width, overflow="ellipsis")
    pad = width - fitted.cell_len
    if right:
        return Text(" " * pad) + fitted
    fitted.pad_right(pad)
    return fitted


def columns_line(cells: dict[str, Text], columns: Columns) -> Text:
    """The cells side by side, each in its column's width with a cell of padding each side
    (as the app's tables lay them out)."""
    line = Text(no_wrap=True, overflow="ellipsis")
    for key, _, width in columns:
        line.append(" ")
        line.append_text(_fit(cells.get(key, Text()), width, key in RIGHT_ALIGNED))
        line.append(" ")
    return line


def column_labels(columns: Columns) -> Text:
    labels = {key: Text(label) for key, label, _ in columns}
    line = columns_line(labels, columns)
    line.stylize("bold")
    return line


def item_line(item: AttentionItem, columns: Columns, palette: StatusPalette) -> Text:
    return columns_line(item_cells(item, palette), columns)


def project_cell(name: str, read_only: bool) -> Text:
    """The ranking's project column: the name, ``RO`` after a read-only one."""
    text = Text(inert_text(name), no_wrap=True, overflow="ellipsis")
    if read_only:
        text.append(" RO", style="bold reverse")
    return text


def project_width(names: list[str]) -> int:
    """Room for the longest name and its read-only mark, within reason."""
    return min(PROJECT_WIDTH_MAX, max((len(name) for name in names), default=4) + 3)
