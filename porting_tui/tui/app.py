"""PortingApp: the shell that hands the session (profile, client, clock) to its screens."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import ClassVar

from textual import work
from textual.binding import Binding, BindingType
from textual.reactive import var

from porting_tui.listing.order_navigation import OrderSequence
from porting_tui.listing.session import Session
from porting_tui.local.store_problems import add_problem_listener
from porting_tui.tui.commands import ProfileCommands, ScreenCommands
from porting_tui.tui.crash_safe_app import CrashSafeApp
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog, quit_asking_first
from porting_tui.tui.launch_projects import ALL_PROJECTS_CHOICE, several_projects
from porting_tui.tui.profile_switch import switch_problem
from porting_tui.tui.reason_alerts import ReasonAlerts
from porting_tui.tui.screens.audit_log_commands import AuditLogCommands
from porting_tui.tui.screens.order_list.order_list_screen import OrderListScreen
from porting_tui.tui.screens.session_screen import SessionScreen
from porting_tui.tui.webhook_feed import feed_for_session
from porting_tui.tui.widgets.attention_view import AttentionView
from porting_tui.tui.widgets.order_table import OrderTable
from porting_tui.tui.widgets.status_header import StatusHeader


class PortingApp(CrashSafeApp[str | None]):
    """Owns the session; screens get it passed in and report activity back with messages.

    The app's result is the name of a profile to switch to (the launcher starts the app
    again on it, so everything bound to a session is built afresh), or None.
    """

    TITLE = "porting-tui"
    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar = CrashSafeApp.COMMANDS | {ProfileCommands, ScreenCommands, AuditLogCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Keys"),
        Binding("S", "settings", "Project defaults", show=False),
        Binding("plus", "advance_demo_clock", "Demo: one day later", show=False),
        Binding("W", "events", "Webhook events", show=False),
        Binding("A", "all_projects", "All projects", show=False),
        Binding("I", "insights", "Insights", show=False),
    ]

    # Vars, not reactives: a change of an app's reactive repaints the whole screen, and the
    # activity changes with every request. The headers watch them and redraw their own line.
    busy: var[bool] = var(False)
    """Requests to the API are in flight (a worker merely waiting sends none)."""
    activity: var[str] = var("")
    """What the requests in flight do ("listing orders +2"); "" when none is."""
    refreshed_at: var[datetime | None] = var(None)
    """When data last arrived from the API, by the session's clock."""

    def __init__(self, session: Session, *, close_client: bool = True) -> None:
        super().__init__()
        self.session = session
        self._close_client = close_client
        self.webhook_feed = feed_for_session(session)
        self._forget_store_problems: Callable[[], None] = lambda: None
        self._forget_activity: Callable[[], None] = lambda: None
        self.reason_alerts = ReasonAlerts(self, lambda project: session.desktop_notifications)
        self.several_projects = False
        """More than one profile (or the demo): ``A`` opens the board across them."""
        if session.demo:
            self.sub_title = "demo"

    def on_load(self) -> None:
        # The first page is asked for before anything is mounted or styled: the server
        # answers while the list screen is built (bench/launch.py: about 50 ms sooner).
        self._first_screen = OrderListScreen(self.session)
        self._first_screen.ask_first_page()
        # Its .tcss is read with the app's own, before the stylesheet is first parsed: Textual
        # reads a pushed screen's CSS_PATH on the first push, and then parses every source
        # again and restyles every node (about 4 ms of the launch).
        for path in self._first_screen.css_path:
            self.stylesheet.read(path)

    def on_mount(self) -> None:
        # Pushed rather than returned from get_default_screen: only pushed screens get the
        # CSS_PATH (.tcss) beside them loaded. And pushed once the app's own mount is over:
        # Textual holds every frame back until then, so a list screen pushed from here would
        # keep its first page, which may be in before the screen is mounted, off the terminal
        # until the work that waits for the first page (see OrderListScreen) had run too.
        self.call_later(self.push_screen, self._first_screen)
        attention = self.session.attention
        if attention is not None and attention.local.problem:
            self.notify(attention.local.problem, title="Local store", severity="warning")
        # A store that breaks while the app runs goes on with a new file and says so here;
        # stores are used from worker threads too, so the message comes through the loop.
        loop = asyncio.get_running_loop()
        self._forget_store_problems = add_problem_listener(
            lambda message: loop.call_soon_threadsafe(self._store_problem, message)
        )

        # The client reports from whichever thread sent the request (the app's loop today),
        # so the header catches up through the loop, and never in the middle of a request.
        def activity_changed() -> None:
            loop.call_soon_threadsafe(self._show_activity)

        self._forget_activity = self.session.client.activity.add_listener(activity_changed)
        self._show_activity()  # the first page's request went out before anyone listened
        self._count_projects()

    def on_order_list_screen_started(self) -> None:
        # The receiver (a web server) and, in the demo, pointing the emulator's webhooks at it
        # (which loads the configuration model and pydantic) wait until the first rows show.
        self.webhook_feed.attach(self)

    @work(thread=True, group="count-projects")
    def _count_projects(self) -> None:
        several = several_projects(self.session.demo)
        self.call_from_thread(self._projects_counted, several)

    def _projects_counted(self, several: bool) -> None:
        self.several_projects = several
        self.screen.refresh_bindings()

    def action_all_projects(self) -> None:
        """Needs attention of every project at once: the app starts again as with ``--all``."""
        self.exit(ALL_PROJECTS_CHOICE)

    def on_attention_view_new_reasons_found(self, event: AttentionView.NewReasonsFound) -> None:
        self.reason_alerts.tell(event.reasons)

    def _store_problem(self, message: str) -> None:
        self.notify(message, title="Local store", severity="warning", markup=False)

    def _show_activity(self) -> None:
        activity = self.session.client.activity
        self.busy = activity.in_flight > 0
        self.activity = activity.summary()

    def on_session_screen_data_refreshed(self, event: SessionScreen.DataRefreshed) -> None:
        self.refreshed_at = event.at

    # The screens below are imported when first opened, not at start-up: the first page of
    # orders should not wait for screens the operator may never visit.

    def on_order_table_order_selected(self, event: OrderTable.OrderSelected) -> None:
        screen = event.table.screen
        source = screen.tabs.view.name if isinstance(screen, OrderListScreen) else "the list"
        ids = tuple(order.id for order in event.table.visible_orders)
        self.open_order(event.order.id, OrderSequence(source, ids))

    def on_attention_view_order_selected(self, event: AttentionView.OrderSelected) -> None:
        self.open_order(event.order_id, event.listed)

    def open_order(self, order_id: int, listed: OrderSequence | None = None) -> None:
        """Show the order; ``listed`` is the list it was chosen from (``]`` and ``[`` walk it)."""
        from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen

        self.push_screen(OrderDetailScreen(self.session, order_id, listed=listed))

    def action_switch_profile(self, name: str, project_id: str, read_only: bool) -> None:
        """Ask, showing the project and the read-only flag, then restart on profile ``name``."""
        flag = "read-only" if read_only else "read-write: changes are allowed"
        question = (
            f"Switch from {self.session.profile_name!r} to profile {name!r}?\n"
            f"Project {project_id}, {flag}."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._switch_when_usable(name)

        self.push_screen(ConfirmDialog("Switch profile", question, "Switch"), answered)

    @work(thread=True, exclusive=True, group="switch-profile")
    def _switch_when_usable(self, name: str) -> None:
        # Checked before stopping: a profile that cannot open (its secret variable unset)
        # would otherwise end the whole app instead of leaving the user where they were.
        problem = switch_problem(name)
        if problem is None:
            self.call_from_thread(self.exit, name)
            return
        self.call_from_thread(
            self.notify,
            f"{problem.rstrip('.')}. Still on profile {self.session.profile_name!r}.",
            title=f"Cannot switch to {name!r}",
            severity="error",
            markup=False,
        )

    async def action_quit(self) -> None:
        """Quit, after asking when an open dialog holds typed text (a note, an edit)."""
        quit_asking_first(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "advance_demo_clock":
            return self.session.advance_demo_clock is not None
        if action == "all_projects":
            return self.several_projects
        return super().check_action(action, parameters)

    async def action_advance_demo_clock(self) -> None:
        """The demo's clock stands still until ``+``: a day on, and what became due happens."""
        advance = self.session.advance_demo_clock
        if advance is None:
            return
        advance(timedelta(days=1))
        self.notify(
            f"Demo clock: {self.session.now():%Y-%m-%d %H:%M} UTC, a day later; carriers "
            "answered and dates passed as they would have.",
            timeout=6,
            markup=False,
        )
        for header in self.screen.query(StatusHeader):
            header.show_demo_clock()
        if callable(getattr(self.screen, "action_refresh", None)):
            await self.screen.run_action("refresh")

    def action_help(self) -> None:
        from porting_tui.tui.screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_settings(self) -> None:
        from porting_tui.tui.screens.settings_screen import SettingsScreen

        # From the app's own screens only, never over a dialog or a second copy of itself.
        if isinstance(self.screen, SessionScreen) and not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen(self.session))

    def action_events(self) -> None:
        from porting_tui.tui.screens.events_screen import EventsScreen

        if isinstance(self.screen, SessionScreen) and not isinstance(self.screen, EventsScreen):
            self.push_screen(EventsScreen(self.session, self.webhook_feed))

    def action_insights(self) -> None:
        from porting_tui.tui.screens.insights.insights_screen import InsightsScreen

        if isinstance(self.screen, SessionScreen) and not isinstance(self.screen, InsightsScreen):
            self.push_screen(InsightsScreen(self.session))

    async def on_unmount(self) -> None:
        self._forget_store_problems()
        self._forget_activity()
        await self.webhook_feed.stop()
        if self._close_client:
            await self.session.client.aclose()
        if self.session.attention is not None:
            self.session.attention.local.close()
