"""Insights of several projects as JSON and CSV: each project's figures, then all together.

JSON: ``{"projects": [{"name", "error"} or {"name", figures...}], "all": {figures...}}``, the
figures as ``export.insights_data`` writes them; in ``all`` order ids are ``project:id``
strings, since ids repeat across projects. CSV: ``export.render_csv``'s sections with a
``project`` column first (``All projects`` for the figures together).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from porting_tui.insights import export
from porting_tui.insights.combined import ALL_PROJECTS, CombinedInsights, ProjectReading

PROJECT_COLUMN = "project"
ORDER_IDS_COLUMN = "order_ids"


def projects_data(readings: Sequence[ProjectReading], combined: CombinedInsights) -> dict[str, Any]:
    projects: list[dict[str, Any]] = []
    for project in readings:
        if project.reading is None:
            projects.append({"name": project.name, "error": project.error})
            continue
        figures = export.insights_data(project.reading.insights, asdict(project.reading.counts))
        projects.append({"name": project.name, **figures})
    everything = combined.labelled_data(export.insights_data(combined.insights))
    return {"projects": projects, "all": {"projects": list(combined.projects), **everything}}


def render_projects_csv(readings: Sequence[ProjectReading], combined: CombinedInsights) -> str:
    """Every section once, its rows for each project read and then for all of them."""
    blocks: list[tuple[str, tuple[list[Sequence[object]], ...]]] = [
        (project.name, export.csv_sections(project.reading.insights))
        for project in readings
        if project.reading is not None
    ]
    everything = [_labelled(rows, combined) for rows in export.csv_sections(combined.insights)]
    blocks.append((ALL_PROJECTS, tuple(everything)))
    sections: list[list[Sequence[object]]] = []
    for index, header_and_rows in enumerate(blocks[0][1]):
        header = header_and_rows[0]
        rows: list[Sequence[object]] = [(PROJECT_COLUMN, *header)]
        for name, project_sections in blocks:
            rows += [(name, *row) for row in project_sections[index][1:]]
        sections.append(rows)
    return export.render_csv_sections(sections)


def _labelled(rows: list[Sequence[object]], combined: CombinedInsights) -> list[Sequence[object]]:
    """The rows with the stand-in ids of their ``order_ids`` cells named as ``project:id``."""
    header = list(rows[0])
    if ORDER_IDS_COLUMN not in header:
        return rows
    column = header.index(ORDER_IDS_COLUMN)
    labelled: list[Sequence[object]] = [rows[0]]
    for row in rows[1:]:
        cells = list(row)
        ids = str(cells[column] or "").split()
        cells[column] = " ".join(combined.label(int(i)) for i in ids if i.isdigit())
        labelled.append(cells)
    return labelled
