"""ViewTabs: the order list's views as tabs, each with its count, Needs attention first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.widgets import Tab, Tabs

from porting_tui.client import PortingClient
from porting_tui.listing.filters import OrderFilters, describe
from porting_tui.listing.order_views import BUILT_IN_NAMES, OrderView, all_views, count_views
from porting_tui.local.saved_views import (
    SavedView,
    SavedViewsError,
    load_views,
    remove_view,
    save_view,
)
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.dialogs.save_view_dialog import SaveViewDialog

ATTENTION_TAB = "attention"


class ViewTabs(Tabs):
    """Owns the views (built in, and saved in ``views_file``), the chosen one and the tab
    counts; posts which tab the user chose."""

    can_focus = False

    class ViewChosen(Message):
        """The view at ``index`` is to be shown: chosen by its tab, or left after a delete."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class AttentionShown(Message):
        """The Needs attention tab became active (``active``) or stopped being active."""

        def __init__(self, active: bool) -> None:
            super().__init__()
            self.active = active

    def __init__(self, views_file: Path | None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.views_file = views_file
        self.views: list[OrderView] = list(all_views([]))
        self.index = 0
        self.attention_count = 0
        self.attention_active = False
        self._counts: dict[str, int] = {}
        self._rebuilding = False

    @property
    def view(self) -> OrderView:
        return self.views[self.index]

    async def show_views(self, views: list[OrderView], index: int) -> None:
        """Replace the views (after saving or deleting one) and choose the one at ``index``."""
        self.views = views
        self.index = index
        self._rebuilding = True
        try:
            await self.clear()
            for position, view in enumerate(self.views):
                await self.add_tab(Tab(self._label(position, view), id=f"view-{position}"))
            if self.attention_count:
                await self._add_attention_tab()
            self._set_attention_active(False)
            self.active = f"view-{self.index}"
        finally:
            self._rebuilding = False

    async def load_saved_views(self) -> None:
        """The built-in views and those saved in the file; the first one chosen."""
        try:
            saved = load_views(self.views_file)
        except SavedViewsError as error:
            self._saved_views_failed(error)
            saved = []
        await self.show_views(all_views(saved), 0)

    async def save_view(self, name: str, filters: OrderFilters, count: int | None) -> bool:
        """Save ``filters`` as the view ``name`` (``count`` orders) and choose it."""
        try:
            saved = save_view(SavedView(name, filters.to_mapping()), self.views_file)
        except SavedViewsError as error:
            self._saved_views_failed(error)
            return False
        views = all_views(saved)
        if count is not None:
            self._counts[name] = count
        await self.show_views(views, next(i for i, view in enumerate(views) if view.name == name))
        return True

    async def remove_view(self, name: str) -> bool:
        """Delete the saved view ``name``; the first view is chosen."""
        try:
            saved = remove_view(name, self.views_file)
        except SavedViewsError as error:
            self._saved_views_failed(error)
            return False
        await self.show_views(all_views(saved), 0)
        return True

    def ask_to_save(self, filters: OrderFilters, count: int | None) -> None:
        """Ask a name for ``filters`` (``count`` orders) and save them as a view and choose it."""
        taken = [view.name for view in self.views if view.saved]
        dialog = SaveViewDialog(describe(filters), taken, BUILT_IN_NAMES)

        async def named(name: str | None) -> None:
            if name is not None and await self.save_view(name, filters, count):
                self.notify(f"Saved view {name!r}", timeout=3, markup=False)

        self.app.push_screen(dialog, named)

    def ask_to_delete(self) -> None:
        """Delete the chosen saved view once confirmed; the first view is then chosen."""
        view = self.view
        if not view.saved:
            self.notify(f"{view.name!r} is built in and cannot be deleted", markup=False)
            return
        question = f"Delete the saved view {view.name!r}? Orders are not affected."

        async def answered(yes: bool | None) -> None:
            if yes and await self.remove_view(view.name):
                self.post_message(self.ViewChosen(self.index))

        self.app.push_screen(ConfirmDialog("Delete view", question, "Delete"), answered)

    def _saved_views_failed(self, error: SavedViewsError) -> None:
        self.notify(str(error), title="Saved views", severity="error", markup=False)

    def choose(self, index: int) -> bool:
        """Make the view at ``index`` the chosen one; False when there is no such view."""
        if not 0 <= index < len(self.views):
            return False
        self.index = index
        self.active = f"view-{index}"
        return True

    def set_count(self, name: str, count: int) -> None:
        self._counts[name] = count
        self._relabel()

    @work(exclusive=True, group="counts")
    async def count_orders(self, client: PortingClient, today: date) -> None:
        """Ask for the number of orders in each view but the chosen one (which its listing
        counts), for the tab labels."""
        views = list(self.views)
        self._counts.update(await count_views(client, views, self.index, today))
        self._relabel()

    async def set_attention_count(self, count: int) -> None:
        """Show the attention tab (first) while anything needs attention, drop it otherwise."""
        self.attention_count = count
        tab = self.get_tab(ATTENTION_TAB)
        if count and tab is None:
            await self._add_attention_tab()
        elif count and tab is not None:
            tab.label = self._attention_label()
        elif not count and tab is not None:
            self._set_attention_active(False)
            await self.remove_tab(tab)

    def show_attention(self) -> None:
        """Go to the attention tab when it is there."""
        if self.attention_count:
            self.active = ATTENTION_TAB

    async def _add_attention_tab(self) -> None:
        first = next(iter(self.query(Tab)), None)
        await self.add_tab(Tab(self._attention_label(), id=ATTENTION_TAB), before=first)

    def _attention_label(self) -> Content:
        return Content(f"0 Needs attention ({self.attention_count})")

    def _label(self, index: int, view: OrderView) -> Content:
        count = self._counts.get(view.name)
        number = f"{index + 1} " if index < 9 else ""
        return Content(f"{number}{view.name}" + (f" ({count})" if count is not None else ""))

    def _relabel(self) -> None:
        # Tabs being rebuilt may not all exist yet; those get their label when added.
        for tab in self.query(Tab):
            if not (tab.id or "").startswith("view-"):
                continue
            index = int((tab.id or "view-0").removeprefix("view-"))
            if index < len(self.views):
                tab.label = self._label(index, self.views[index])

    def _set_attention_active(self, active: bool) -> None:
        if active != self.attention_active:
            self.attention_active = active
            self.post_message(self.AttentionShown(active))

    @on(Tabs.TabActivated)
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        if event.tabs is not self:
            return
        event.stop()
        if self._rebuilding or event.tab.id != self.active:
            # Left behind while the tabs were rebuilt (the first tab added activates itself).
            return
        chosen = event.tab.id == ATTENTION_TAB
        self._set_attention_active(chosen)
        if chosen:
            return
        index = int((event.tab.id or "view-0").removeprefix("view-"))
        if index != self.index:
            self.post_message(self.ViewChosen(index))
