"""Needs attention across several projects: one board per profile, refreshed side by side.

Each project keeps its own client, board (and so its own adaptive detail concurrency, seen-state,
snoozes and detail cache) and known reasons; a project that fails carries its error and never
holds the others up.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from porting_tui.attention.board import AttentionBoard
from porting_tui.attention.fetcher import FetchProgress
from porting_tui.attention.known_reasons import KnownReasons, NewReason
from porting_tui.attention.ranking import AttentionItem
from porting_tui.client import PortingError
from porting_tui.local.store import StoreError

PROJECT_FAILURES = (PortingError, StoreError, sqlite3.Error, OSError)
"""What a project's refresh may fail with that is the project's own trouble (an API error, its
store); anything else is a bug and is not hidden in a section."""

Describe = Callable[[Exception], str]
"""Turns a failure of a project's refresh into the message its section shows."""


def plain_description(error: Exception) -> str:
    return str(error) or type(error).__name__


@dataclass
class Project:
    """One project of the board: a profile with its board, or why it could not be opened."""

    name: str
    board: AttentionBoard | None
    known: KnownReasons | None = None
    read_only: bool = False
    error: str | None = None
    """Why the project shows nothing now (for the user); None once a refresh succeeds."""
    describe: Describe = plain_description
    refreshed: bool = False
    """True once a refresh of the project has succeeded."""
    progress: FetchProgress = field(default_factory=FetchProgress)

    @property
    def usable(self) -> bool:
        return self.board is not None


@dataclass(frozen=True)
class ProjectSection:
    """A project as the board shows it: its name, its items (or its error) and its flags."""

    name: str
    items: list[AttentionItem]
    read_only: bool = False
    error: str | None = None
    loaded: bool = False

    @property
    def count(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class ProjectItem:
    """A row of the merged ranking: an item and the project it belongs to."""

    project: str
    item: AttentionItem
    read_only: bool = False


class AllProjectsBoard:
    """Needs attention for several projects at once, in sections or as one ranking."""

    def __init__(self, projects: Sequence[Project]) -> None:
        names = [project.name for project in projects]
        if len(set(names)) != len(names):
            raise ValueError(f"project names must differ: {', '.join(names)}")
        self.projects: list[Project] = list(projects)

    def project(self, name: str) -> Project:
        for project in self.projects:
            if project.name == name:
                return project
        raise KeyError(name)

    async def refresh(
        self,
        names: Iterable[str] | None = None,
        *,
        on_progress: Callable[[str, FetchProgress], None] | None = None,
    ) -> list[NewReason]:
        """Refresh the projects (``names``, or all usable ones) side by side; the new reasons
        they turned up, project by project in board order.

        A project that fails keeps what it showed before and gets its error; the others go on.
        """
        wanted = set(names) if names is not None else None
        chosen = [p for p in self.projects if p.usable and (wanted is None or p.name in wanted)]
        found = await asyncio.gather(*(self._refresh(p, on_progress) for p in chosen))
        return [reason for reasons in found for reason in reasons]

    async def _refresh(
        self, project: Project, on_progress: Callable[[str, FetchProgress], None] | None
    ) -> list[NewReason]:
        board = project.board
        assert board is not None

        def progress(value: FetchProgress) -> None:
            project.progress = value
            if on_progress is not None:
                on_progress(project.name, value)

        try:
            await board.refresh(on_progress=progress)
            found = project.known.detect(board) if project.known is not None else []
        except PROJECT_FAILURES as error:
            project.error = project.describe(error)
            return []
        project.error = None
        project.refreshed = True
        return found

    async def reread(self, name: str, order_id: int) -> list[NewReason]:
        """Read one order of a project again (a webhook named it); the new reasons it has.

        A failed read is the project's error, and the order is read at its next refresh.
        """
        project = self.project(name)
        board = project.board
        if board is None:
            return []
        try:
            await board.reread(order_id)
            return project.known.detect(board, [order_id]) if project.known is not None else []
        except PROJECT_FAILURES as error:
            project.error = project.describe(error)
            return []

    def sections(self) -> list[ProjectSection]:
        """Every project in board order, with its items (without snoozed ones) or its error."""
        return [
            ProjectSection(
                project.name,
                project.board.items() if project.board is not None else [],
                read_only=project.read_only,
                error=project.error,
                loaded=project.refreshed,
            )
            for project in self.projects
        ]

    def ranked(self) -> list[ProjectItem]:
        """The items of every project in one ranking, most urgent first (then by project)."""
        merged = [
            ProjectItem(section.name, item, section.read_only)
            for section in self.sections()
            for item in section.items
        ]
        order = {project.name: index for index, project in enumerate(self.projects)}
        return sorted(merged, key=lambda row: (row.item.sort_key(), order[row.project]))

    def count(self) -> int:
        """How many orders need attention across the projects."""
        return sum(section.count for section in self.sections())

    def failed(self) -> list[Project]:
        return [project for project in self.projects if project.error is not None]
