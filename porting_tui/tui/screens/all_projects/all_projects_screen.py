"""AllProjectsScreen: Needs attention of every project at once, in sections or one ranking.

Each project is read in its own worker, so a slow or failing project never holds the others:
its section shows its own progress, or its error, while the rest fill in. The board is read
again on the refresh interval (a failing project waits longer after each failure) and an
order is read again when its project's webhook names it; what is new is told once.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ContentSwitcher, DataTable, OptionList, Static

from porting_tui.attention.all_projects_board import AllProjectsBoard
from porting_tui.attention.fetcher import FetchProgress
from porting_tui.attention.known_reasons import NewReason
from porting_tui.attention.projects_watch import backoff
from porting_tui.listing.project_sessions import ProjectSessions
from porting_tui.tui.screens.all_projects.board_header import BoardHeader
from porting_tui.tui.screens.all_projects.board_rows import column_labels, error_line, heading
from porting_tui.tui.screens.all_projects.ranked_table import RankedTable
from porting_tui.tui.screens.all_projects.sections_list import ChosenRow, SectionsList
from porting_tui.tui.screens.session_screen import SessionScreen
from porting_tui.tui.status_looks import StatusPalette
from porting_tui.tui.webhook_feed import WebhookEventReceived
from porting_tui.tui.widgets.attention_columns import layout_columns
from porting_tui.tui.widgets.key_footer import KeyFooter

SECTIONS = "sections"
RANKED = "ranked"
REDRAW_SECONDS = 1.0
"""While projects are read, the board is redrawn at most this often (a ranking is not free)."""
FLUSH_SECONDS = 0.25


class AllProjectsScreen(Screen[None]):
    """The board across projects; Enter opens the order in its own project's session."""

    HELP_TITLE = "All projects"
    CSS_PATH = "all_projects_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "show_layout('ranked')", "One ranking"),
        Binding("l", "show_layout('sections')", "By project"),
        Binding("r", "refresh", "Refresh"),
        Binding("I", "insights", "Insights"),
        Binding("q", "app.quit", "Quit"),
    ]

    class OrderChosen(Message):
        """The operator chose an order of ``project``; ``listed``: that project's orders as
        the board lists them (``]`` and ``[`` walk them)."""

        def __init__(self, project: str, order_id: int, listed: tuple[int, ...]) -> None:
            super().__init__()
            self.project = project
            self.order_id = order_id
            self.listed = listed

    class InsightsChosen(Message):
        """The operator asked for the Insights of ``project``."""

        def __init__(self, project: str) -> None:
            super().__init__()
            self.project = project

    class NewReasonsFound(Message):
        """A refresh or a webhook brought reasons not known before (each is told once)."""

        def __init__(self, reasons: list[NewReason]) -> None:
            super().__init__()
            self.reasons = reasons

    def __init__(self, sessions: ProjectSessions, board: AllProjectsBoard) -> None:
        super().__init__()
        self.sessions = sessions
        self.board = board
        self.layout_name = SECTIONS
        self.refreshing: set[str] = set()
        """Projects being read now."""
        self._dirty = False
        self._last_redraw = 0.0
        self._failures: dict[str, int] = {}
        self._due: dict[str, float] = {}
        self._interval = self._refresh_seconds()

    def _refresh_seconds(self) -> float:
        for project in self.sessions.projects:
            if project.session is not None:
                return project.session.settings.refresh_seconds
        return 60.0

    def compose(self) -> ComposeResult:
        demo = next(
            (p.session for p in self.sessions.projects if p.session and p.session.demo), None
        )
        yield BoardHeader(
            [project.name for project in self.board.projects],
            demo_clock=demo.now if demo is not None else None,
        )
        yield Static(id="projects")
        yield Static(id="column-labels")
        with ContentSwitcher(initial=SECTIONS, id="layouts"):
            yield SectionsList(id=SECTIONS)
            yield RankedTable(id=RANKED)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(SectionsList).focus()
        self.redraw()
        self.refresh_projects()
        self.set_interval(FLUSH_SECONDS, self._flush)
        self.set_interval(self._interval / 6, self._refresh_due)

    def on_resize(self) -> None:
        self.call_after_refresh(self.redraw)

    def on_screen_resume(self) -> None:
        # Back from an order: it was looked at (quieter now) and may have changed.
        self.redraw()

    # Reading the projects

    def refresh_projects(self, names: Iterable[str] | None = None) -> None:
        """Read the projects (``names``, or every one that can be read) each in its own
        worker; one already being read goes on."""
        wanted = set(names) if names is not None else None
        for project in self.board.projects:
            name = project.name
            if not project.usable or name in self.refreshing:
                continue
            if wanted is not None and name not in wanted:
                continue
            self.refreshing.add(name)
            self.run_worker(self._refresh(name), group=f"refresh-{name}", name=f"read {name}")
        self._dirty = True

    async def _refresh(self, name: str) -> None:
        try:
            found = await self.board.refresh([name], on_progress=self._progressed)
        finally:
            self.refreshing.discard(name)
        project = self.board.project(name)
        failures = self._failures.get(name, 0) + 1 if project.error is not None else 0
        self._failures[name] = failures
        delay = backoff(self._interval, failures) if failures else self._interval
        self._due[name] = time.monotonic() + delay
        self.redraw()
        self._refreshed(name)
        if found:
            self.post_message(self.NewReasonsFound(found))

    def _refreshed(self, name: str) -> None:
        session = next(p.session for p in self.sessions.projects if p.name == name)
        if session is not None and self.board.project(name).error is None:
            self.post_message(SessionScreen.DataRefreshed(session.now()))

    def _progressed(self, name: str, progress: FetchProgress) -> None:
        self._dirty = True

    def _refresh_due(self) -> None:
        now = time.monotonic()
        self.refresh_projects(name for name, due in self._due.items() if due <= now)

    def action_refresh(self) -> None:
        self.refresh_projects()

    def on_webhook_event_received(self, message: WebhookEventReceived) -> None:
        """A project's webhook names an order: read it again now and tell what is new."""
        event = message.event
        order_id = event.numeric_order_id
        names = {project.name for project in self.board.projects}
        if order_id is None or event.profile not in names:
            return
        self.run_worker(self._reread(event.profile, order_id), group="rereads")

    async def _reread(self, name: str, order_id: int) -> None:
        found = await self.board.reread(name, order_id)
        self.redraw()
        if found:
            self.post_message(self.NewReasonsFound(found))

    # Drawing

    def _flush(self) -> None:
        if self._dirty and time.monotonic() - self._last_redraw >= REDRAW_SECONDS:
            self.redraw()

    def redraw(self) -> None:
        if not self.is_mounted:
            return
        self._dirty = False
        self._last_redraw = time.monotonic()
        palette = StatusPalette.of(self.app)
        sections = self.query_one(SectionsList)
        # The scrollbar's cells are kept free, as in the ranking, so that Why never moves.
        width = sections.size.width - sections.styles.scrollbar_size_vertical
        columns = layout_columns(max(0, width))
        self.query_one("#column-labels", Static).update(column_labels(columns))
        if self.layout_name == SECTIONS:
            sections.show(self.board, columns, self.refreshing, palette)
            return
        self.query_one("#projects", Static).update(self._project_lines(palette))
        table = self.query_one(RankedTable)
        table.show(self.board, max(0, table.size.width - 1), palette)

    def _project_lines(self, palette: StatusPalette) -> Text:
        """Every project's heading, and its error, for the ranking (it has no sections)."""
        lines = []
        for section, project in zip(self.board.sections(), self.board.projects, strict=True):
            refreshing = project.name in self.refreshing
            lines.append(heading(section, project, refreshing=refreshing, palette=palette))
            if section.error is not None:
                lines.append(error_line(section.error, palette))
        return Text("\n").join(lines)

    # Layouts and choosing

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_layout":
            return parameters[0] != self.layout_name
        return True

    def chosen(self) -> ChosenRow | None:
        if self.layout_name == SECTIONS:
            return self.query_one(SectionsList).chosen()
        return self.query_one(RankedTable).chosen()

    def action_show_layout(self, name: str) -> None:
        """Sections (one per project) or one ranking with a project column; the cursor stays
        on the same order."""
        chosen = self.chosen()
        self.layout_name = name
        self.set_class(name == RANKED, "-ranked")
        self.query_one(ContentSwitcher).current = name
        self.refresh_bindings()
        # Drawn once laid out: the table hidden until now has no width yet.
        self.call_after_refresh(self._shown, chosen)

    def _shown(self, chosen: ChosenRow | None) -> None:
        self.redraw()
        shown = self.query_one(SectionsList) if self.layout_name == SECTIONS else self.ranked
        if chosen is not None:
            shown.select_row(chosen.project, chosen.order_id)
        shown.focus()

    @property
    def ranked(self) -> RankedTable:
        return self.query_one(RankedTable)

    def _open(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.post_message(self.OrderChosen(chosen.project, chosen.order_id, chosen.listed))

    def action_insights(self) -> None:
        """Insights of the highlighted order's project (the first that can be read when no
        order is highlighted: a project with none needing attention has no row)."""
        chosen = self.chosen()
        if chosen is not None:
            project = chosen.project
        else:
            usable = [p.name for p in self.sessions.projects if p.session is not None]
            if not usable:
                self.notify("No project can be opened.", severity="error", markup=False)
                return
            project = usable[0]
        self.post_message(self.InsightsChosen(project))

    @on(OptionList.OptionSelected, f"#{SECTIONS}")
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open()

    @on(DataTable.RowSelected, f"#{RANKED}")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open()
