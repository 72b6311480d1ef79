"""OrderDetailScreen: everything about one order (summary, numbers with hints, notes, documents,
groups, timeline) and every action on it, each key also in the palette and the help."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import TabbedContent, TabPane

from porting_tui.client import GroupActivation, NoteCreated, Order, OrderDocument, PortingError
from porting_tui.domain.inert_text import inert_text
from porting_tui.domain.order_actions import Action, refusal
from porting_tui.domain.preflight import Finding, OrderFacts, facts_from_order, preflight
from porting_tui.listing.order_navigation import OrderSequence, next_needing_attention
from porting_tui.listing.preflight_context import order_context
from porting_tui.listing.problems import describe_problem
from porting_tui.listing.session import Session
from porting_tui.tui.clipboard import copy_text
from porting_tui.tui.dialogs.activation_dialog import ActivationDialog
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.dialogs.download_dialog import DownloadDialog, SavedDocument, saved_message
from porting_tui.tui.dialogs.edit_order_dialog import EditOrderDialog
from porting_tui.tui.dialogs.note_dialog import NoteDialog
from porting_tui.tui.dialogs.preflight_dialog import PreflightDialog
from porting_tui.tui.dialogs.upload_dialog import UploadDialog
from porting_tui.tui.screens.session_screen import SessionScreen
from porting_tui.tui.webhook_feed import WebhookEventReceived
from porting_tui.tui.widgets.documents_list import DocumentsList
from porting_tui.tui.widgets.key_footer import KeyFooter
from porting_tui.tui.widgets.notes_thread import NotesThread
from porting_tui.tui.widgets.number_groups_table import NumberGroupsTable
from porting_tui.tui.widgets.numbers_panel import NumbersPanel
from porting_tui.tui.widgets.order_summary_panel import OrderSummaryPanel
from porting_tui.tui.widgets.preflight_panel import PreflightPanel
from porting_tui.tui.widgets.problem_banner import ProblemBanner
from porting_tui.tui.widgets.since_last_looked import SinceLastLookedBox
from porting_tui.tui.widgets.status_header import StatusHeader
from porting_tui.tui.widgets.timeline_view import TimelineView

PREFLIGHT_STATUS = "PENDING"
"""Pre-flight looks at pending orders: after that the carriers have answered."""
TAB_IDS = ("notes-tab", "documents-tab", "groups-tab", "timeline-tab")
TAB_NAMES = ("Notes", "Documents", "Groups", "Timeline")


def cancel_question(order: Order, profile: str) -> str:
    reference = inert_text(order.customer_order_reference) or "no reference"
    count = len(order.phone_numbers)
    return (
        f"Cancel order {order.id} ({reference}, {count} number{'s' if count != 1 else ''}) "
        f"on profile {profile!r}?\nThe order goes to PENDING_CANCELATION, then CANCELED; "
        "this cannot be undone."
    )


class OrderDetailScreen(SessionScreen):
    """GETs the order when shown, on ``r`` and when a webhook names it; server text is literal."""

    HELP_TITLE = "Order detail"
    CSS_PATH = "order_detail_screen.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall"), (50, "-very-tall")]  # noqa: RUF012
    # The footer shows the first of these that fit: triage keys first, copying last.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("J", "next_attention", "Next needing attention"),
        Binding("right_square_bracket", "step_order(1)", "Next order"),
        Binding("left_square_bracket", "step_order(-1)", "Previous order", show=False),
        Binding("n", "note", "Note"),
        Binding("u", "upload", "Upload"),
        Binding("E", "edit", "Edit"),
        Binding("A", "activate", "Activate"),
        Binding("C", "cancel_order", "Cancel order"),
        Binding("d", "download", "Download"),
        Binding("r", "refresh", "Refresh"),
        Binding("y", "copy_id", "Copy id"),
        Binding("Y", "copy_numbers", "Copy numbers"),
        Binding("a", "attention_only", "Numbers needing attention only", show=False),
        Binding("p", "preflight", "Pre-flight findings", show=False),
        Binding("U", "mark_unseen", "Mark as not seen", show=False),
        Binding("w", "as_sent", "Unreadable number as sent", show=False),
        # Described once in HELP_EXTRA; the tab labels show their numbers.
        *(
            Binding(str(n), f"show_tab({n - 1})", "", show=False)
            for n in range(1, len(TAB_IDS) + 1)
        ),
        # Before the focused list's own (sideways paging, which the numbers never need).
        Binding("ctrl+pagedown", "cycle_tab(1)", "Next tab", show=False, priority=True),
        Binding("ctrl+pageup", "cycle_tab(-1)", "Previous tab", show=False, priority=True),
    ]
    HELP_EXTRA = ((f"1…{len(TAB_IDS)}", "Go to tab " + ", ".join(TAB_NAMES)),)

    def __init__(
        self,
        session: Session,
        order_id: int,
        *,
        listed: OrderSequence | None = None,
        tab: str | None = None,
        ranked_before: tuple[int, ...] = (),
    ) -> None:
        """``listed``: the list the order was opened from (``]`` ``[`` walk it); ``tab``: the
        tab to show first; ``ranked_before``: the Needs attention ranking ``J`` walks down."""
        super().__init__(session)
        self.order_id = order_id
        self.order: Order | None = None
        self.listed = listed
        self._first_tab = tab
        self._ranked_before = ranked_before
        self._preflight: tuple[list[Finding], OrderFacts] | None = None

    def compose(self) -> ComposeResult:
        attention = self.session.attention
        zone = self.session.now().tzinfo
        where = f"order {self.order_id}"
        if self.listed is not None:
            where += f" · {self.listed.position(self.order_id)}"
        yield StatusHeader(self.session, subtitle=where)
        yield ProblemBanner()
        with Horizontal(id="top"):
            yield OrderSummaryPanel(self.order_id, id="summary")
            if attention is not None:
                yield SinceLastLookedBox(id="since-last-looked", zone=zone)
        yield PreflightPanel(id="preflight")
        yield NumbersPanel(id="numbers-panel")
        with TabbedContent(id="tabs", initial=self._first_tab or ""):
            with TabPane("1 Notes", id="notes-tab"):
                own = frozenset({self.session.key_id} - {""})
                yield NotesThread(own_authors=own, zone=zone, id="notes")
            with TabPane("2 Documents", id="documents-tab"):
                yield DocumentsList(id="documents")
            with TabPane("3 Groups", id="groups-tab"):
                yield NumberGroupsTable(id="groups")
            if attention is not None:
                with TabPane("4 Timeline", id="timeline-tab"):
                    yield TimelineView(attention.board.timeline(self.order_id), zone=zone)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(NumbersPanel).option_list.focus()
        self.load()

    @work(exclusive=True, group="order")
    async def load(self) -> None:
        try:
            order = await self.session.client.orders.get(self.order_id)
        except PortingError as error:
            self.query_one(ProblemBanner).show(describe_problem(error, self.session))
            return
        self.query_one(ProblemBanner).show(None)
        self.show_order(order)
        attention = self.session.attention
        if attention is not None:
            self.query_one(SinceLastLookedBox).record_look(attention.board, order)
            self.query_one(TimelineView).show(attention.board.timeline(self.order_id))
        self.refreshed()

    def show_order(self, order: Order) -> None:
        self.order = order
        self.query_one(OrderSummaryPanel).show(order)
        self.query_one(NumbersPanel).show(order.phone_numbers)
        self.query_one(NotesThread).show(order.notes)
        self.query_one(DocumentsList).show(order.documents)
        self.query_one(NumberGroupsTable).show(
            order.phone_numbers,
            on_demand=bool(order.on_demand_activation),
            today=self.session.now().date(),
        )
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("notes-tab").label = f"1 Notes ({len(order.notes)})"
        tabs.get_tab("documents-tab").label = f"2 Documents ({len(order.documents)})"
        groups = len(self.query_one(NumberGroupsTable).groups)
        tabs.get_tab("groups-tab").label = f"3 Groups ({groups})"
        self.check_preflight(order)

    @work(exclusive=True, group="preflight")
    async def check_preflight(self, order: Order) -> None:
        """What the losing carriers are likely to reject in a pending order, in one line."""
        panel = self.query_one(PreflightPanel)
        if order.status != PREFLIGHT_STATUS:
            self._preflight = None
            panel.show(None)
            return
        context = await order_context(self.session.attention, order, self.session.now().date())
        facts = facts_from_order(order)
        # In a thread: the numbering plan's first use takes most of a second.
        findings = await asyncio.to_thread(preflight, facts, context)
        self._preflight = (findings, facts)
        panel.show(findings)

    def show_tab(self, tab_id: str) -> None:
        self.query_one(TabbedContent).active = tab_id

    def _tab_ids(self) -> list[str]:
        """The tabs there are, in order (Timeline needs the local store)."""
        panes = self.query_one(TabbedContent).query(TabPane)
        return [pane.id for pane in panes if pane.id in TAB_IDS]

    def action_show_tab(self, index: int) -> None:
        tabs = self._tab_ids()
        if 0 <= index < len(tabs):
            self.show_tab(tabs[index])
        else:
            self.notify(f"There is no tab {index + 1} here.", timeout=3)

    def action_cycle_tab(self, step: int) -> None:
        tabs = self._tab_ids()
        active = self.query_one(TabbedContent).active
        place = tabs.index(active) if active in tabs else 0
        self.show_tab(tabs[(place + step) % len(tabs)])

    def action_step_order(self, step: int) -> None:
        """Show the next (``step`` 1) or previous (-1) order of the list it came from."""
        listed = self.listed
        if listed is None:
            self.notify("This order was not opened from a list.", timeout=3)
            return
        target = listed.step(self.order_id, step)
        if target is None:
            edge = "last" if step > 0 else "first"
            self.notify(f"This is the {edge} order of {listed.source}.", timeout=3)
            return
        self._show_instead(target, listed)

    def action_next_attention(self) -> None:
        """Show the next order needing attention, after this one in the ranking."""
        attention = self.session.attention
        if attention is None:
            self.notify("Needs attention is off: the local store is not available.", timeout=4)
            return
        ranked = tuple(item.order_id for item in attention.board.items())
        walk = self._ranked_before
        if not walk and self.listed is not None and self.listed.source == "Needs attention":
            walk = self.listed.ids
        if self.order_id not in walk:
            walk = ranked
        target = next_needing_attention(self.order_id, ranked, walk)
        if target is None:
            self.notify("No other order needs attention.", timeout=4)
            return
        self._show_instead(target, OrderSequence("Needs attention", walk), ranked_before=walk)

    def _show_instead(
        self, order_id: int, listed: OrderSequence, *, ranked_before: tuple[int, ...] = ()
    ) -> None:
        # Replaced, not stacked: escape still goes straight back to the list.
        active = self.query_one(TabbedContent).active or None
        screen = OrderDetailScreen(
            self.session, order_id, listed=listed, tab=active, ranked_before=ranked_before
        )
        self.app.switch_screen(screen)

    def on_webhook_event_received(self, message: WebhookEventReceived) -> None:
        if message.event.numeric_order_id == self.order_id:
            self.load()

    def action_back(self) -> None:
        self.dismiss()

    def action_refresh(self) -> None:
        self.load()

    def action_preflight(self) -> None:
        if self._preflight is None:
            why = "is being checked" if self.order is not None else "is not loaded yet"
            if self.order is not None and self.order.status != PREFLIGHT_STATUS:
                why = f"is {inert_text(self.order.status)}: pre-flight looks at pending orders"
            self.notify(f"Order {self.order_id} {why}.", markup=False, timeout=4)
            return
        findings, facts = self._preflight
        self.app.push_screen(PreflightDialog(self.order_id, findings, facts))

    def action_attention_only(self) -> None:
        panel = self.query_one(NumbersPanel)
        panel.attention_only = not panel.attention_only

    def _allowed(self, action: Action) -> Order | None:
        """The order when ``action`` applies to it; otherwise None after saying why."""
        session = self.session
        reason = refusal(
            action, self.order, read_only=session.read_only, profile=session.profile_name
        )
        if reason is not None:
            self.notify(reason, severity="warning", markup=False, timeout=6)
            return None
        return self.order

    def action_note(self) -> None:
        if self._allowed("note") is None:
            return

        def sent(created: NoteCreated | None) -> None:
            if created is not None:
                self.notify(f"Note added to order {self.order_id}.", timeout=4)
                self.show_tab("notes-tab")
                self.load()

        self.app.push_screen(NoteDialog(self.session, self.order_id), sent)

    def action_upload(self) -> None:
        if self._allowed("upload") is None:
            return

        def uploaded(document: OrderDocument | None) -> None:
            if document is not None:
                name = inert_text(document.document_name)
                self.notify(f"Uploaded {name} to order {self.order_id}.", markup=False)
                self.show_tab("documents-tab")
                self.load()

        self.app.push_screen(UploadDialog(self.session, self.order_id), uploaded)

    def action_download(self) -> None:
        order = self._allowed("download")
        if order is None:
            return
        row = self.query_one(DocumentsList).cursor_row
        chosen = row if 0 <= row < len(order.documents) else 0

        def saved(result: SavedDocument | None) -> None:
            if result is not None:
                self.notify(saved_message(result), markup=False, timeout=15)

        dialog = DownloadDialog(self.session, self.order_id, order.documents, chosen)
        self.app.push_screen(dialog, saved)

    def action_edit(self) -> None:
        order = self._allowed("edit")
        if order is None:
            return

        def saved(result: Order | None) -> None:
            if result is not None:
                status = inert_text(result.status)
                self.notify(f"Order {result.id} saved; it is {status}.", markup=False)
                self.show_order(result)
                self.load()

        self.app.push_screen(EditOrderDialog(self.session, order), saved)

    def action_cancel_order(self) -> None:
        order = self._allowed("cancel")
        if order is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.send_cancel()

        question = cancel_question(order, self.session.profile_name)
        self.app.push_screen(ConfirmDialog("Cancel order", question, "Cancel order"), answered)

    @work(exclusive=True, group="cancel")
    async def send_cancel(self) -> None:
        """Cancel, then read the order back so that its new status shows."""
        banner = self.query_one(ProblemBanner)
        client = self.session.client
        try:
            await client.orders.cancel(self.order_id)
            order = await client.orders.get(self.order_id)
        except PortingError as error:
            problem = describe_problem(error, self.session)
            banner.show(problem)
            message = f"Order {self.order_id} was not cancelled: {problem.title}"
            self.notify(message, severity="error", markup=False)
            return
        banner.show(None)
        self.show_order(order)
        status = inert_text(order.status)
        self.notify(f"Order {self.order_id} is now {status}.", markup=False, timeout=8)

    def action_activate(self) -> None:
        order = self._allowed("activate")
        if order is None:
            return

        def done(results: list[GroupActivation] | None) -> None:
            if results is not None:
                self.notify(f"Activation of order {self.order_id} requested.", timeout=4)
                self.load()

        dialog = ActivationDialog(self.session, self.order_id, order.customer_order_reference)
        self.app.push_screen(dialog, done)

    def action_copy_id(self) -> None:
        where = copy_text(self.app, str(self.order_id))
        self.notify(f"Copied order id {self.order_id} to {where}", timeout=6, markup=False)

    def action_copy_numbers(self) -> None:
        self.query_one(NumbersPanel).copy_numbers(self.order_id)

    def action_as_sent(self) -> None:
        self.query_one(NumbersPanel).show_as_sent()

    def action_mark_unseen(self) -> None:
        if self.session.attention is None:
            self.notify("Seen-state is off: the local store is not available.", timeout=4)
            return
        self.session.attention.board.undo_seen(self.order_id)
        self.notify(f"Order {self.order_id} is marked as not seen again", timeout=4)
