"""AllProjectsApp: the shell of ``--all`` and ``--profiles``: the board across projects, and
each order opened in its own project's session."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.reactive import var

from porting_tui import start_collector
from porting_tui.listing.order_navigation import OrderSequence
from porting_tui.listing.project_sessions import ProjectSessions
from porting_tui.listing.session import Session
from porting_tui.local.store_problems import add_problem_listener
from porting_tui.tui.commands import ScreenCommands
from porting_tui.tui.crash_safe_app import CrashSafeApp
from porting_tui.tui.dialogs.confirm_dialog import quit_asking_first
from porting_tui.tui.reason_alerts import ReasonAlerts
from porting_tui.tui.screens.all_projects.all_projects_screen import AllProjectsScreen
from porting_tui.tui.screens.session_screen import SessionScreen
from porting_tui.tui.webhook_feed import WebhookFeed, feed_for_session
from porting_tui.tui.widgets.attention_view import AttentionView

NEEDS_ATTENTION = "Needs attention"
"""The list an order opened from the board belongs to (``J`` on the order walks it)."""


class AllProjectsApp(CrashSafeApp[None]):
    """Owns the projects' sessions and their shared store; closes them when it ends."""

    TITLE = "porting-tui"
    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar = CrashSafeApp.COMMANDS | {ScreenCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Keys"),
        Binding("plus", "advance_demo_clock", "Demo: one day later", show=False),
    ]

    # Vars, not reactives: a change of an app's reactive repaints the whole screen, and the
    # activity changes with every request. The headers watch them and redraw their own line.
    busy: var[bool] = var(False)
    """Requests of any project are in flight."""
    activity: var[str] = var("")
    """What they do, with the project's name ("acme: listing orders")."""
    refreshed_at: var[datetime | None] = var(None)

    def __init__(self, sessions: ProjectSessions, *, close_sessions: bool = True) -> None:
        super().__init__()
        self.sessions = sessions
        self.board = sessions.board()
        self._close_sessions = close_sessions
        self.project_sessions: dict[str, Session] = {
            project.name: project.session
            for project in sessions.projects
            if project.session is not None
        }
        desktop = {name for name, s in self.project_sessions.items() if s.desktop_notifications}
        self.reason_alerts = ReasonAlerts(self, lambda project: project in desktop)
        self.webhook_feeds: list[WebhookFeed] = [
            feed_for_session(session) for session in self.project_sessions.values()
        ]
        self._forget: list[Callable[[], None]] = []
        if any(session.demo for session in self.project_sessions.values()):
            self.sub_title = "demo"

    def on_mount(self) -> None:
        self.push_screen(AllProjectsScreen(self.sessions, self.board))
        self.call_after_refresh(start_collector.release)
        for feed in self.webhook_feeds:
            feed.attach(self)
        if self.sessions.local is not None and self.sessions.local.problem:
            message = self.sessions.local.problem
            self.notify(message, title="Local store", severity="warning", markup=False)
        loop = asyncio.get_running_loop()
        self._forget.append(
            add_problem_listener(
                lambda message: loop.call_soon_threadsafe(self._store_problem, message)
            )
        )

        def activity_changed() -> None:
            loop.call_soon_threadsafe(self._show_activity)

        for session in self.project_sessions.values():
            self._forget.append(session.client.activity.add_listener(activity_changed))

    def _store_problem(self, message: str) -> None:
        self.notify(message, title="Local store", severity="warning", markup=False)

    def _show_activity(self) -> None:
        busy = [
            (name, session.client.activity)
            for name, session in self.project_sessions.items()
            if session.client.activity.in_flight > 0
        ]
        self.busy = bool(busy)
        self.activity = " · ".join(f"{name}: {activity.summary()}" for name, activity in busy)

    def on_session_screen_data_refreshed(self, event: SessionScreen.DataRefreshed) -> None:
        self.refreshed_at = event.at

    def on_all_projects_screen_new_reasons_found(
        self, event: AllProjectsScreen.NewReasonsFound
    ) -> None:
        self.reason_alerts.tell(event.reasons)

    def on_attention_view_new_reasons_found(self, event: AttentionView.NewReasonsFound) -> None:
        self.reason_alerts.tell(event.reasons)

    def on_all_projects_screen_order_chosen(self, event: AllProjectsScreen.OrderChosen) -> None:
        self.open_order(event.project, event.order_id, OrderSequence(NEEDS_ATTENTION, event.listed))

    def on_all_projects_screen_insights_chosen(
        self, event: AllProjectsScreen.InsightsChosen
    ) -> None:
        self.open_insights(event.project)

    def open_insights(self, project: str) -> None:
        """Insights of ``project`` in its own session: its header names the project."""
        from porting_tui.tui.screens.insights.insights_screen import InsightsScreen

        session = self.project_sessions.get(project)
        if session is None:
            self.notify(f"Project {project} cannot be opened.", severity="error", markup=False)
            return
        self.push_screen(InsightsScreen(session))

    def open_order(self, project: str, order_id: int, listed: OrderSequence | None = None) -> None:
        """Show the order in its project's session: its header names the project, its
        client and read-only flag are that project's."""
        from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen

        session = self.project_sessions.get(project)
        if session is None:
            self.notify(f"Project {project} cannot be opened.", severity="error", markup=False)
            return
        self.push_screen(OrderDetailScreen(session, order_id, listed=listed))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "advance_demo_clock":
            return any(s.advance_demo_clock for s in self.project_sessions.values())
        return super().check_action(action, parameters)

    async def action_advance_demo_clock(self) -> None:
        """The demo's clocks stand still until ``+``: every project a day on, then read."""
        moved = [s for s in self.project_sessions.values() if s.advance_demo_clock is not None]
        for session in moved:
            assert session.advance_demo_clock is not None
            session.advance_demo_clock(timedelta(days=1))
        if not moved:
            return
        self.notify(
            f"Demo clock: {moved[0].now():%Y-%m-%d %H:%M} UTC, a day later in every project.",
            timeout=6,
            markup=False,
        )
        if callable(getattr(self.screen, "action_refresh", None)):
            await self.screen.run_action("refresh")

    def action_help(self) -> None:
        from porting_tui.tui.screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    async def action_quit(self) -> None:
        """Quit, after asking when an open dialog holds typed text (a note, an edit)."""
        quit_asking_first(self)

    async def on_unmount(self) -> None:
        for forget in self._forget:
            forget()
        for feed in self.webhook_feeds:
            await feed.stop()
        if self._close_sessions:
            await self.sessions.aclose()
