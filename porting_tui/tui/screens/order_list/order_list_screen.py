"""OrderListScreen: triage at a glance — views as tabs, filters, paging, refresh, export."""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import ContentSwitcher

from porting_tui import start_collector
from porting_tui.attention.markers import CHANGED, NEW
from porting_tui.client import OrderListItem, PortingError, RateLimitError
from porting_tui.listing.changed_rows import ChangedRows
from porting_tui.listing.filters import FilterErrors, OrderFilters, describe, to_query
from porting_tui.listing.order_listing import LOAD_ALL_PAGE_SIZE, OrderListing
from porting_tui.listing.order_views import OrderView, all_views
from porting_tui.listing.problems import Problem, describe_problem
from porting_tui.listing.session import Session
from porting_tui.tui.clipboard import copy_text
from porting_tui.tui.screens.order_list.find_bar import FindBar
from porting_tui.tui.screens.order_list.quick_toggles import QuickToggles
from porting_tui.tui.screens.order_list.rate_limit_retry import RateLimitRetry
from porting_tui.tui.screens.order_list.status_line import StatusLine
from porting_tui.tui.screens.order_list.view_tabs import ADHOC, ViewTabs
from porting_tui.tui.screens.session_screen import SessionScreen
from porting_tui.tui.webhook_feed import WebhookEventReceived
from porting_tui.tui.widgets.attention_view import AttentionView, known_reasons_of
from porting_tui.tui.widgets.key_footer import KeyFooter
from porting_tui.tui.widgets.order_table import OrderTable
from porting_tui.tui.widgets.problem_banner import ProblemBanner
from porting_tui.tui.widgets.status_header import StatusHeader

if TYPE_CHECKING:
    from porting_tui.local.drafts import DraftStore
    from porting_tui.local.export import ExportFormat

# Drafts, the wizard, export and the filter dialog are imported when first used: the first
# page of orders should not wait for them (with pre-flight and phonenumbers, ~40 ms).

LoadKind = Literal["first", "next", "all", "reload"]
SHOW_EVERY_S = 0.25
"""While ``L`` loads, new rows are shown at most this often (and once at the end)."""
START_AT_MOST_S = 1.0
"""What waits for the first page (see _after_first_page) waits no longer than this: a slow or
hung first request does not keep the footer's keys or Needs attention away."""
ATTENTION_VIEW = "attention-view"
LIST_ACTIONS = frozenset(
    {
        "filters",
        "find",
        "clear_find",
        "save_view",
        "delete_view",
        "cycle_sort",
        "reverse_sort",
        "load_all",
        "copy_id",
        "export",
        "toggle_rejected",
        "toggle_note",
        "next_carrier",
    }
)
"""Actions on the order table, off (and out of the footer) while the attention view shows."""


class OrderListScreen(SessionScreen):
    """The first screen: which orders need attention, narrowed in a few keys."""

    HELP_TITLE = "Order list"
    CSS_PATH = "order_list_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit"),
        Binding("f", "filters", "Filters"),
        # A priority binding runs as the app takes the key, before it routes the next one:
        # "/7003" typed in one burst finds 7003 (see porting_tui/tui/widgets/form_keys.py).
        Binding("slash", "find", "Find", priority=True),
        Binding("r", "refresh", "Refresh"),
        Binding("p", "toggle_pause", "Pause refresh", show=False),
        Binding("s", "save_view", "Save view"),
        Binding("D", "delete_view", "Delete view", show=False),
        Binding("left_square_bracket", "previous_view", "Previous view", show=False),
        Binding("right_square_bracket", "next_view", "Next view", show=False),
        Binding("o", "cycle_sort", "Sort column", show=False),
        Binding("O", "reverse_sort", "Reverse sort", show=False),
        Binding("L", "load_all", "Load all pages", show=False),
        Binding("y", "copy_id", "Copy id", show=False),
        Binding("e", "export", "Export"),
        Binding("x", "toggle_rejected", "Rejected only", show=False),
        Binding("m", "toggle_note", "Note to answer only", show=False),
        Binding("c", "next_carrier", "By losing carrier", show=False),
        Binding("n", "new_order", "New order"),
        Binding("N", "order_drafts", "Order drafts", show=False),
        Binding("escape", "clear_find", "Clear find", show=False),
        Binding("0", "attention", "Needs attention", show=False),
        # Described once in HELP_EXTRA rather than nine times in the help and the palette.
        *(Binding(str(n), f"view({n - 1})", "", show=False) for n in range(1, 10)),
    ]
    HELP_EXTRA = (("1…9", "Go to view 1 to 9"),)

    class Started(Message):
        """The first page of orders (or why it could not be read) is on screen, or the start
        has taken START_AT_MOST_S: work that could wait (the webhook feed) may begin."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._filters = all_views([])[0].filters
        self._listing: OrderListing | None = None
        self._early_listing: OrderListing | None = None
        """The first page asked for before the screen was mounted (ask_first_page)."""
        self._started = False
        self._counted = False
        self._loads_running = 0
        self._retry = RateLimitRetry(self.set_timer)
        self._changed_rows = ChangedRows(session.client)
        self._toggles = QuickToggles()
        self._told_adhoc_stays = False
        self._looked_around = False
        """The operator moved or chose something here: Needs attention no longer opens itself."""

    def compose(self) -> ComposeResult:
        yield StatusHeader(self.session)
        yield ViewTabs(self.session.views_file, id="views")
        yield FindBar(id="filter-bar")
        yield ProblemBanner(id="problem")
        with ContentSwitcher(initial="orders", id="list-or-attention"):
            # Needs attention's view joins after the first page (_mount_attention_and_start).
            yield OrderTable(id="orders")
        yield StatusLine(self.session.settings, id="list-status")
        # Its keys come after the first page (see _after_first_page).
        yield KeyFooter(hold_keys=True)

    @property
    def table(self) -> OrderTable:
        return self.query_one(OrderTable)

    @property
    def filters(self) -> OrderFilters:
        return self._filters

    @property
    def listing(self) -> OrderListing | None:
        return self._listing

    @property
    def tabs(self) -> ViewTabs:
        return self.query_one(ViewTabs)

    @property
    def views(self) -> list[OrderView]:
        return list(self.tabs.views)

    @property
    def view_index(self) -> int:
        return self.tabs.index

    @property
    def attention(self) -> AttentionView | None:
        """The Needs attention view; None without a local store, or before it is mounted."""
        views = self.query(f"#{ATTENTION_VIEW}").results(AttentionView)
        return next(views, None)

    async def _mount_attention_and_start(self) -> None:
        """Mount the Needs attention view and start its first refresh (at most once).

        It comes after the first page: hidden until it has ranked something, it would only be
        styled (its table and the table's parts, twice) before the first rows are drawn, about
        a tenth of the start's styling.
        """
        attention = self.session.attention
        if attention is None or self.attention is not None:
            return
        view = AttentionView(attention.board, known=known_reasons_of(attention), id=ATTENTION_VIEW)
        # Hidden as the switcher hides what it does not show: it does so only to what it held
        # when it was mounted.
        view.display = False
        await self.query_one(ContentSwitcher).mount(view)
        view.start()

    async def on_mount(self) -> None:
        await self.tabs.load_saved_views()
        self._refresh_timer = self.set_interval(
            self.session.settings.refresh_seconds, self.refresh_on_timer
        )
        self.table.focus()
        # Needs attention starts once the first page is drawn (see _after_first_page).
        self._start_load()
        self.set_timer(START_AT_MOST_S, self._after_first_page)

    def on_screen_resume(self) -> None:
        self.table.focus()
        view = self.attention
        if view is not None:
            # Back from an order: rank again (it may be seen now) and keep the view's focus.
            view.rebuild()
            if self.tabs.attention_active:
                view.table.focus()

    def _after_drawn(self) -> None:
        """At start, the first page (or its error) is about to be shown: once the table has
        been drawn with it, not before, the rest may start (see _after_first_page)."""
        if self._started:
            return
        table = next(self.query(OrderTable).results(OrderTable), None)
        if table is not None:  # None: the app quit while the first page loaded
            table.call_after_drawn(self._after_first_page)

    def _after_first_page(self) -> None:
        """At start, once the first page was tried and drawn (or START_AT_MOST_S after the
        start, whichever comes first): the start is over. The garbage collector runs as usual
        again, the footer shows its keys, Needs attention starts reading the open orders, the
        app is told (``Started``), and the newest draft is offered for resuming.

        Needs attention waits for this: reading its first order details loads pydantic and
        builds the order models, about 80 ms that would otherwise come before the first rows.
        """
        if self._started:
            return
        self._started = True
        start_collector.release()
        self.query_one(KeyFooter).show_keys()
        self.query_one(FindBar).prepare_find()
        self.call_later(self._mount_attention_and_start)
        self.post_message(self.Started())
        self._offer_draft_resume()

    def _offer_draft_resume(self) -> None:
        """Offer the newest draft of this project, if there is one."""
        drafts = self._drafts()
        if drafts is not None and not drafts.summaries(self.session.project_id):
            return  # nothing to offer: the wizard's modules (about 100 ms) stay unloaded
        from porting_tui.tui.screens.create_order.launch import offer_draft_resume

        offer_draft_resume(self, self.session, drafts=drafts)

    def action_new_order(self) -> None:
        from porting_tui.tui.screens.create_order.launch import start_new_order

        start_new_order(self, self.session, drafts=self._drafts())

    def action_order_drafts(self) -> None:
        from porting_tui.tui.screens.create_order.launch import show_drafts

        show_drafts(self, self.session, drafts=self._drafts())

    def _drafts(self) -> DraftStore | None:
        """The drafts in the run's local store; None lets the wizard open the user's own."""
        from porting_tui.local.drafts import DraftStore

        attention = self.session.attention
        if attention is None or attention.local.store is None:
            return None
        return DraftStore(attention.local.store)

    @on(ViewTabs.ViewChosen)
    def _view_chosen(self, event: ViewTabs.ViewChosen) -> None:
        self.select_view(event.index)

    @on(ViewTabs.AttentionShown)
    def _attention_shown(self, event: ViewTabs.AttentionShown) -> None:
        # (The tab is there once the view has counted what needs attention.)
        view = self.attention
        if view is None:
            return
        if event.active:
            view.fill_rows_if_stale()  # now, not a frame after it shows
        self.set_class(event.active, "-attention")
        switcher = self.query_one(ContentSwitcher)
        switcher.current = ATTENTION_VIEW if event.active else "orders"
        (view.table if event.active else self.table).focus()
        self.refresh_bindings()

    def select_view(self, index: int) -> None:
        """Show the view at ``index`` (or ``ADHOC``): its filters replace the current ones."""
        self._looked_around = True
        tabs = self.tabs
        leaving_adhoc = tabs.index == ADHOC and index != ADHOC
        if not tabs.choose(index):
            return
        if leaving_adhoc and tabs.adhoc is not None and not self._told_adhoc_stays:
            self._told_adhoc_stays = True
            self.notify(
                f"Your filters stay in the tab {tabs.adhoc.name!r}; s saves them as a view.",
                timeout=4,
                markup=False,
            )
        self._filters = tabs.view.filters
        self._clear_find()
        self._start_load()

    def action_view(self, index: int) -> None:
        self.select_view(index)

    def action_attention(self) -> None:
        self._looked_around = True
        self.tabs.show_attention()

    async def on_attention_view_count_changed(self, event: AttentionView.CountChanged) -> None:
        await self.tabs.set_attention_count(event.count)
        if self._listing is not None:
            self._show_details(self._listing.orders)
        if event.complete and self._listing is not None:
            self._mark_changed_rows(self._listing.orders)
        if event.complete and event.count:
            self._open_attention_first()

    def _open_attention_first(self) -> None:
        """Show Needs attention once its first ranking is ready, unless told not to, or the
        operator already got going in the list (their cursor is not taken away)."""
        if self._looked_around or self.session.settings.start_on != "attention":
            return
        self._looked_around = True
        if self.is_current and not self.tabs.attention_active:
            self.tabs.show_attention()
            view = self.attention
            if view is not None:
                view.table.move_cursor(row=0, animate=False)

    def _show_details(self, rows: list[OrderListItem]) -> None:
        """Give the table what the orders' details add to their rows (dates, carrier, why)."""
        if self.session.attention is None:
            return
        board = self.session.attention.board
        details = {row.id: found for row in rows if (found := board.row_details(row))}
        self.table.set_details(details)
        self._update_status_line()

    def _start_attention(self) -> None:
        """List the open orders and read their details again, in the background."""
        view = self.attention
        if view is not None:
            view.start()

    def _mark_changed_rows(self, rows: list[OrderListItem]) -> None:
        """Mark the rows of orders that changed (or are new) since the operator last looked."""
        if self.session.attention is None:
            return
        board = self.session.attention.board
        for row in rows:
            if board.marker(row) in (CHANGED, NEW):
                self.table.mark_changed(row.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "find" and self.focused is not None and self.focused.id == "find":
            return False  # "/" is typed into the find box, as any other character
        return not (self.tabs.attention_active and action in LIST_ACTIONS)

    def action_previous_view(self) -> None:
        self.select_view(self._neighbour_view(-1))

    def action_next_view(self) -> None:
        self.select_view(self._neighbour_view(+1))

    def _neighbour_view(self, step: int) -> int:
        """The view ``step`` tabs away, in tab order: the views, then the ad-hoc tab if any."""
        tabs = self.tabs
        order = list(range(len(tabs.views))) + ([ADHOC] if tabs.adhoc is not None else [])
        return order[(order.index(tabs.index) + step) % len(order)]

    def _query(self) -> dict[str, Any] | None:
        try:
            return to_query(self._filters, self.session.now().date())
        except FilterErrors as errors:
            self._show_problem(Problem("A filter is not valid", str(errors), can_retry=False))
            return None

    def ask_first_page(self) -> None:
        """Send the first page's request now, before this screen is mounted (the app does at
        its start): the server answers while the screen is built, and mounting takes the
        answer, or its error, as if it had asked then."""
        try:
            query = to_query(self._filters, self.session.now().date())
        except FilterErrors:
            return  # mounting asks again, and shows what is wrong with the filter
        listing = OrderListing(self.session.client, query, self.session.settings.page_size)
        listing.ask_first_page()
        self._early_listing = listing

    def _start_load(self) -> None:
        """Start over with the current filters: the first page shows as soon as it arrives."""
        self._retry.cancel()
        self.query_one(FindBar).show_filters(self._filters, self._toggles.describe())
        early, self._early_listing = self._early_listing, None
        query = self._query()
        page_size = self.session.settings.page_size
        if early is not None and (query != early.query or page_size != early.page_size):
            early.abandon()
            early = None
        if query is None:
            self._listing = None
            self.table.set_orders([])
            self._update_status_line()
            self._after_drawn()
            return
        self._listing = early or OrderListing(self.session.client, query, page_size)
        self._update_status_line()
        self._load(self._listing, "first")

    @work(exclusive=True, group="orders")
    async def _load(self, listing: OrderListing, kind: LoadKind) -> None:
        self._loads_running += 1
        try:
            if kind == "first":
                await listing.load_first()
            elif kind == "reload":
                await listing.reload()
            elif kind == "next":
                await listing.load_next()
            else:
                await self._load_all(listing)
        except PortingError as error:
            if listing is self._listing:
                self._failed(error, kind)
            return
        finally:
            self._loads_running -= 1
            self._after_drawn()
        if listing is not self._listing:
            return
        self._retry.succeeded()
        self._show_problem(None)
        self._show_listing(listing, keep_position=kind != "first")
        if kind in ("first", "reload"):
            self.refreshed()
        if not self._counted:
            self._counted = True
            self._load_counts()

    async def _load_all(self, listing: OrderListing) -> None:
        """``L``: every page left, in pages of 1,000 whatever the list's page size; the rows
        show as they arrive, at most every SHOW_EVERY_S (each show costs only the new rows)."""
        shown_at = time.monotonic()
        while listing.has_more:
            await listing.load_next(LOAD_ALL_PAGE_SIZE)
            if listing is self._listing and time.monotonic() - shown_at >= SHOW_EVERY_S:
                self._show_more_rows(listing)
                shown_at = time.monotonic()

    def _show_more_rows(self, listing: OrderListing) -> None:
        """Show the rows ``listing`` has beyond those in the table, with their details and
        change markers; the rest is left to the ``_show_listing`` that ends the load."""
        table = self.table
        screen_row = table.cursor_row - int(table.scroll_y)
        new = listing.orders[table.loaded_count :]
        attention = self.session.attention
        if attention is not None:
            board = attention.board
            table.add_details({row.id: found for row in new if (found := board.row_details(row))})
        table.set_orders(listing.orders)
        if attention is not None:
            for row in new:
                if attention.board.marker(row) in (CHANGED, NEW):
                    table.mark_changed(row.id)
        table.scroll_to(y=max(0, table.cursor_row - screen_row), animate=False, immediate=True)
        self._update_status_line()

    def _show_listing(self, listing: OrderListing, *, keep_position: bool) -> None:
        table = self.table
        screen_row = table.cursor_row - int(table.scroll_y)
        table.set_orders(listing.orders)
        self._show_details(listing.orders)
        self._mark_changed_rows(listing.orders)
        if keep_position:
            # The cursor's order keeps its place on screen, so a refresh does not jump.
            table.scroll_to(y=max(0, table.cursor_row - screen_row), animate=False, immediate=True)
        view = self.tabs.view
        # Filters changed after choosing the view no longer count as that view.
        if listing.total_items is not None and self._filters == view.filters:
            self.tabs.set_count(view.name, listing.total_items)
        self._update_status_line()

    def _failed(self, error: PortingError, kind: LoadKind) -> None:
        attempt = self._retry.in_a_row + 1 if isinstance(error, RateLimitError) else 1
        problem = describe_problem(error, self.session, attempt)
        self._show_problem(problem)
        if isinstance(error, RateLimitError) and problem.retry_after is not None:
            retry_kind: LoadKind = kind if kind != "all" else "next"
            self._retry.schedule(problem.retry_after, lambda: self._load_again(retry_kind))

    @property
    def retry_scheduled(self) -> bool:
        """A retry after a rate limit is waiting for its time."""
        return self._retry.scheduled

    def _load_again(self, kind: LoadKind) -> None:
        if self._listing is None or not self._listing.loaded:
            self._start_load()
        else:
            self._load(self._listing, kind)

    def _show_problem(self, problem: Problem | None) -> None:
        self.query_one(ProblemBanner).show(problem)

    def _load_counts(self) -> None:
        self.tabs.count_orders(self.session.client, self.session.now().date())

    def _loading(self) -> bool:
        return self._loads_running > 0

    @on(OrderTable.OrderHighlighted)
    def _highlighted(self, event: OrderTable.OrderHighlighted) -> None:
        if event.row > 0:
            self._looked_around = True
        self._update_status_line()
        listing = self._listing
        if listing is None or not listing.loaded or not listing.has_more or self._loading():
            return
        if self.table.find_text:
            # Find narrows what is loaded; it never fetches more behind the user's back.
            return
        margin = max(10, self.table.size.height)
        if event.row >= len(self.table.visible_orders) - margin:
            self._load(listing, "next")

    def action_load_all(self) -> None:
        if self._listing is not None and self._listing.has_more:
            self._load(self._listing, "all")

    def action_refresh(self) -> None:
        """Fetch again what is loaded; the cursor stays on its order."""
        self._retry.cancel()
        if self._listing is None or not self._listing.loaded:
            self._start_load()
        else:
            self._load(self._listing, "reload")
        self._load_counts()
        self._start_attention()

    def on_webhook_event_received(self, message: WebhookEventReceived) -> None:
        """A webhook says an order changed: mark its row and fetch it again, if it is shown."""
        order_id, listing = message.event.numeric_order_id, self._listing
        view = self.attention
        if order_id is not None and view is not None:
            # Read it again now, not at the next refresh.
            view.reread_order(order_id)
        elif order_id is not None and self.session.attention is not None:
            # The view is not mounted yet: its first refresh, about to start, reads it.
            self.session.attention.board.order_named(order_id)
        if order_id is None or listing is None:
            return
        if self._changed_rows.queue(listing, order_id):
            show = partial(self._show_listing, keep_position=True)
            drain = self._changed_rows.drain(lambda: self._listing, show, self._row_left)
            self.run_worker(drain, group="rows")
        if any(order.id == order_id for order in listing.orders):
            self.table.mark_changed(order_id)

    def _row_left(self, row: OrderListItem) -> None:
        """A webhook moved an order out of the shown view: say where it went."""
        tabs = self.tabs
        status = row.status or "in no known status"
        home = tabs.view_with(OrderFilters(status=status))
        where = f"moved to {tabs.views[home].name}" if home is not None else f"is now {status}"
        self.notify(f"Order {row.id} {where}: it left this view", timeout=6, markup=False)

    def refresh_on_timer(self) -> None:
        """The auto-refresh timer: reload unless paused, busy, backing off or out of sight."""
        if self.query_one(StatusLine).paused or self._retry.scheduled or self._loading():
            return
        if not self.is_current or self._listing is None:
            return
        if self._listing.loaded:
            self._load(self._listing, "reload")
        else:
            self._start_load()
        self._start_attention()

    def action_toggle_pause(self) -> None:
        status = self.query_one(StatusLine)
        status.paused = not status.paused
        state = "paused" if status.paused else "resumed"
        self.notify(f"Auto-refresh {state}", timeout=3)
        self._update_status_line()

    def action_toggle_rejected(self) -> None:
        self._set_toggles(self._toggles.toggled_rejected())

    def action_toggle_note(self) -> None:
        if self.session.attention is None:
            self.notify("Notes to answer need the local store, which is off", timeout=5)
            return
        self._set_toggles(self._toggles.toggled_note())

    def action_next_carrier(self) -> None:
        """Narrow to the next losing carrier of the loaded orders, then to none again."""
        carriers = sorted(
            {
                carrier
                for order in self.table.loaded_orders
                if (details := self.table.details(order.id)) is not None
                for carrier in details.carriers
            }
        )
        if not carriers and self._toggles.carrier is None:
            self.notify(
                "No losing carrier known yet for the loaded orders (details are read for "
                "open orders in the background)",
                timeout=6,
            )
            return
        self._set_toggles(self._toggles.next_carrier(carriers))

    def _set_toggles(self, toggles: QuickToggles) -> None:
        self._looked_around = True
        self._toggles = toggles
        self.table.set_narrowing(toggles.matches if toggles.active else None)
        self.query_one(FindBar).show_filters(self._filters, toggles.describe())
        self._update_status_line()

    def action_filters(self) -> None:
        self._looked_around = True
        from porting_tui.tui.dialogs.filter_dialog import FilterDialog

        self.app.push_screen(
            FilterDialog(self._filters, self.session.now().date()), self._filters_chosen
        )

    def _filters_chosen(self, filters: OrderFilters | None) -> None:
        if filters is None or filters == self._filters:
            return
        tabs = self.tabs
        matching = tabs.view_with(filters)
        if matching is not None:
            # The filters are a view's own: show that view, under its own label.
            self.select_view(matching)
            return
        # A view's tab only ever shows the view's own filters, so its label stays true:
        # other filters get the ad-hoc tab ("Pending + filters").
        self._looked_around = True
        tabs.show_adhoc(filters)
        self._told_adhoc_stays = False
        self._filters = filters
        self._start_load()

    def set_filters(self, filters: OrderFilters) -> None:
        """Apply ``filters`` as if typed in the filter dialog."""
        self._filters_chosen(filters)

    async def action_find(self) -> None:
        self._looked_around = True
        await self.query_one(FindBar).open_find()

    @on(FindBar.FindChanged)
    def _find_changed(self, event: FindBar.FindChanged) -> None:
        self.table.set_find(event.text)
        self._update_status_line()

    @on(FindBar.FindDone)
    def _find_done(self) -> None:
        self.table.focus()

    def action_clear_find(self) -> None:
        self._clear_find()
        self.table.focus()

    def _clear_find(self) -> None:
        self.query_one(FindBar).clear_find()
        self.table.set_find("")

    def action_cycle_sort(self) -> None:
        current = self.table.sort_column
        # Through the columns on screen: sorting by one the terminal hides would puzzle.
        order: list[str | None] = [None, *self.table.column_keys]
        following = order[(order.index(current) + 1) % len(order)]
        self.table.set_sort(following, self.table.sort_reverse if following else False)
        self._update_status_line()

    def action_reverse_sort(self) -> None:
        column = self.table.sort_column or "id"
        self.table.set_sort(column, not self.table.sort_reverse)
        self._update_status_line()

    @on(OrderTable.SortRequested)
    def _sort_requested(self, event: OrderTable.SortRequested) -> None:
        table = self.table
        reverse = not table.sort_reverse if table.sort_column == event.column else False
        table.set_sort(event.column, reverse)
        self._update_status_line()

    def action_copy_id(self) -> None:
        order = self.table.current_order
        if order is None:
            return
        where = copy_text(self.app, str(order.id))
        self.notify(f"Copied order id {order.id} to {where}", timeout=6, markup=False)

    def action_save_view(self) -> None:
        count = self._listing.total_items if self._listing is not None else None
        self.tabs.ask_to_save(self._filters, count)

    def action_delete_view(self) -> None:
        self.tabs.ask_to_delete()

    def action_export(self) -> None:
        if self._query() is None:
            return
        total = self._listing.total_items if self._listing else None
        from porting_tui.listing.order_list_export import export_question
        from porting_tui.tui.dialogs.export_dialog import ExportDialog

        question = export_question(
            describe(self._filters), total, self.table.find_text, self.session.export_dir()
        )
        self.app.push_screen(ExportDialog(question), self._export_chosen)

    def _export_chosen(self, fmt: ExportFormat | None) -> None:
        if fmt is not None:
            self.export(fmt)

    @work(exclusive=True, group="export")
    async def export(self, fmt: ExportFormat) -> Path | None:
        """Write every order matching the filters (not only the loaded ones) to a file."""
        query = self._query()
        if query is None:
            return None
        from porting_tui.listing.order_list_export import export_orders

        self.notify("Exporting…", timeout=2)
        try:
            path, count = await export_orders(self.session, query, self.table.arrange_orders, fmt)
        except PortingError as error:
            problem = describe_problem(error, self.session)
            self.notify(problem.detail, title=problem.title, severity="error", markup=False)
            return None
        except OSError as error:
            self.notify(f"Cannot write the export: {error}", severity="error", markup=False)
            return None
        self.notify(f"Exported {count} orders to {path}", timeout=15, markup=False)
        return path

    def _update_status_line(self) -> None:
        self.query_one(StatusLine).show(self.table, self._listing)
