"""The Needs attention tab of the order list: first of the tabs while it has anything in it.

The order list owns the tabs and its table; this keeps the attention view beside them, adds
or drops the tab as the count changes, swaps the view in when its tab is chosen, and marks
the list rows of orders that changed since the operator last looked.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Tab, Tabs

from porting_tui.attention.markers import CHANGED, NEW
from porting_tui.client import OrderListItem
from porting_tui.listing.attention_context import AttentionContext
from porting_tui.tui.widgets.attention_view import AttentionView
from porting_tui.tui.widgets.order_table import OrderTable

TAB_ID = "attention"
VIEW_ID = "attention-view"
LIST_PARTS = ("#filter-bar", "#orders", "#list-status")
"""What the attention view stands in for while its tab is active."""
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
    }
)
"""Actions on the order table, off (and out of the footer) while the attention view shows."""


class AttentionTab:
    """Glue between the order list screen and its Needs attention view (absent: no store)."""

    def __init__(self, screen: Screen[None], context: AttentionContext | None) -> None:
        self.screen = screen
        self.context = context
        self.count = 0
        self.active = False

    @property
    def view(self) -> AttentionView | None:
        if self.context is None:
            return None
        return self.screen.query_one(f"#{VIEW_ID}", AttentionView)

    def compose(self) -> Iterator[Widget]:
        if self.context is not None:
            view = AttentionView(self.context.board, id=VIEW_ID)
            view.display = False
            yield view

    def start(self) -> None:
        """List the open orders and read their details again, in the background."""
        if self.view is not None:
            self.view.start()

    def label(self) -> Content:
        return Content(f"0 Needs attention ({self.count})")

    async def restore(self, tabs: Tabs) -> None:
        """Put the tab back first after the order list rebuilt its tabs."""
        if self.count and tabs.get_tab(TAB_ID) is None:
            first = next(iter(tabs.query(Tab)), None)
            await tabs.add_tab(Tab(self.label(), id=TAB_ID), before=first)
        if self.active:
            self.show(False)

    async def count_changed(self, count: int) -> None:
        """Show the tab (first) while anything needs attention, drop it when nothing does."""
        self.count = count
        tabs = self.screen.query_one(Tabs)
        tab = tabs.get_tab(TAB_ID)
        if count and tab is None:
            await self.restore(tabs)
        elif count and tab is not None:
            tab.label = self.label()
        elif not count and tab is not None:
            if self.active:
                self.show(False)
            await tabs.remove_tab(tab)

    def tab_activated(self, tab_id: str | None) -> bool:
        """Swap the view in or out for the tab chosen; True when it is the attention tab."""
        chosen = tab_id == TAB_ID
        if chosen != self.active:
            self.show(chosen)
        return chosen

    def show(self, active: bool) -> None:
        self.active = active
        view = self.view
        if view is None:
            return
        view.display = active
        for selector in LIST_PARTS:
            for part in self.screen.query(selector):
                part.display = not active
        if active:
            view.table.focus()
        else:
            self.screen.query_one(OrderTable).focus()

    def order_changed(self, order_id: int) -> None:
        """A webhook event says ``order_id`` changed: read it again now, not at the next refresh."""
        if self.view is not None:
            self.view.reread_order(order_id)

    def resumed(self) -> None:
        """Back from an order: rank again (it may be seen now) and keep the view's focus."""
        view = self.view
        if view is None:
            return
        view.rebuild()
        if self.active:
            view.table.focus()

    def allows(self, action: str) -> bool:
        return not (self.active and action in LIST_ACTIONS)

    def activate(self) -> None:
        """Go to the attention tab (key 0) when it is there."""
        if self.count:
            self.screen.query_one(Tabs).active = TAB_ID

    def mark_rows(self, table: OrderTable, rows: Iterable[OrderListItem]) -> None:
        """Mark the rows of orders that changed (or are new) since the operator last looked."""
        if self.context is None:
            return
        board = self.context.board
        for row in rows:
            if board.marker(row) in (CHANGED, NEW):
                table.mark_changed(row.id)
