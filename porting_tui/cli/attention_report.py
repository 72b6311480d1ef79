"""How ``porting-tui attention`` prints the board across projects: sections, one ranking, JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from porting_tui.cli.output import print_json, print_table, safe_text

if TYPE_CHECKING:
    from porting_tui.attention.all_projects_board import AllProjectsBoard, ProjectSection
    from porting_tui.attention.ranking import AttentionItem

ITEM_COLUMNS = ("ORDER", "STATUS", "WHY", "NEXT STEP", "IDLE", "REFERENCE")


def item_cells(item: AttentionItem) -> list[object]:
    return [
        item.order_id,
        item.state.status,
        item.why,
        item.step,
        f"{item.age_days} bd",
        item.state.reference or "",
    ]


def item_json(item: AttentionItem) -> dict[str, Any]:
    return {
        "orderId": item.order_id,
        "status": item.state.status,
        "reference": item.state.reference,
        "reasons": [
            {"kind": reason.kind, "text": reason.text, "step": reason.step}
            for reason in item.reasons
        ],
        "step": item.step,
        "idleBusinessDays": item.age_days,
        "looked": item.looked,
    }


def section_title(section: ProjectSection) -> str:
    flag = " (read-only)" if section.read_only else ""
    if section.error is not None:
        return f"{section.name}{flag}: error: {section.error}"
    plural = "order needs" if section.count == 1 else "orders need"
    return f"{section.name}{flag}: {section.count} {plural} attention"


def print_sections(board: AllProjectsBoard) -> None:
    """One block per project: its title line, then its table (or its error only)."""
    for index, section in enumerate(board.sections()):
        if index:
            click.echo("")
        click.echo(safe_text(section_title(section)))
        if section.error is None and section.items:
            print_table(ITEM_COLUMNS, [item_cells(item) for item in section.items])


def print_ranked(board: AllProjectsBoard) -> None:
    """One table with a project column; each failed project is a line after it."""
    rows = [[row.project, *item_cells(row.item)] for row in board.ranked()]
    if rows:
        print_table(("PROJECT", *ITEM_COLUMNS), rows)
    else:
        click.echo("Nothing needs attention.")
    for section in board.sections():
        if section.error is not None:
            click.echo(safe_text(section_title(section)))


def board_json(board: AllProjectsBoard, *, ranked: bool) -> dict[str, Any]:
    sections = board.sections()
    projects = [
        {
            "name": section.name,
            "readOnly": section.read_only,
            "count": section.count,
            "error": section.error,
            **({} if ranked else {"items": [item_json(item) for item in section.items]}),
        }
        for section in sections
    ]
    data: dict[str, Any] = {"count": board.count(), "projects": projects}
    if ranked:
        data["items"] = [{"project": row.project, **item_json(row.item)} for row in board.ranked()]
    return data


def print_board(board: AllProjectsBoard, *, ranked: bool, as_json: bool) -> None:
    if as_json:
        print_json(board_json(board, ranked=ranked))
    elif ranked:
        print_ranked(board)
    else:
        print_sections(board)
