"""ViewTabs: the order list's views as tabs, each with its count, Needs attention first."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.widgets import Tab, Tabs

from porting_tui.client import PortingClient
from porting_tui.listing.filters import OrderFilters, describe
from porting_tui.listing.order_views import (
    BUILT_IN_NAMES,
    OrderView,
    all_views,
    count_views,
    views_profile,
)
from porting_tui.listing.session import Session
from porting_tui.local.saved_views import (
    DEMO_PROFILE,
    ProfileViews,
    SavedView,
    SavedViewsError,
    load_views,
    profile_label,
    remove_view,
    save_view,
)
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.screens.session_screen import SessionScreen

if TYPE_CHECKING:
    from porting_tui.tui.dialogs.save_view_dialog import ViewName

ATTENTION_TAB = "attention"
ADHOC_TAB = "adhoc"
ADHOC = -1
"""The index of the ad-hoc view: filters applied on top of a view, in a tab of their own."""


class ViewTabs(Tabs):
    """Owns the views (built in, and those of the session's profile saved in ``views_file``),
    the chosen one and the tab counts; posts which tab the user chose."""

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

    def __init__(
        self, views_file: Path | None, *, session: Session | None = None, id: str | None = None
    ) -> None:
        """``session`` says whose saved views to show; None: the session of the screen.

        The built-in views' tabs are there from the start, mounted with the screen; those
        saved in the file join them in ``load_saved_views``.
        """
        built_in = list(all_views([]))
        tabs = (Tab(_view_label(i, view, None), id=f"view-{i}") for i, view in enumerate(built_in))
        super().__init__(*tabs, id=id)
        self.views_file = views_file
        self._session = session
        self._used_elsewhere: frozenset[str] = frozenset()
        self.views: list[OrderView] = built_in
        self.index = 0
        self.attention_count = 0
        self.attention_active = False
        self._counts: dict[str, int] = {}
        self._rebuilding = False
        self.adhoc: OrderView | None = None
        """Filters applied on top of a view ("Pending + filters"); None when there are none."""

    @property
    def view(self) -> OrderView:
        if self.index == ADHOC and self.adhoc is not None:
            return self.adhoc
        return self.views[self.index]

    def show_adhoc(self, filters: OrderFilters) -> None:
        """Show ``filters``, applied on top of the chosen view, in the ad-hoc tab and choose it.

        A built-in or saved tab never shows other filters than its own, so its label always
        says what the list holds; the ad-hoc tab stays when another tab is chosen, so the
        filters are one key away until they are saved (``s``) or replaced.
        """
        if self.index == ADHOC and self.adhoc is not None:
            base = self.adhoc.name.removesuffix(" + filters")
        else:
            base = self.view.name
        self.adhoc = OrderView(f"{base} + filters", filters)
        self._counts.pop(self.adhoc.name, None)
        self.index = ADHOC
        self.call_next(self._place_adhoc_tab)

    async def _place_adhoc_tab(self) -> None:
        if self.adhoc is None:
            return
        tab = self.get_tab(ADHOC_TAB)
        if tab is None:
            await self.add_tab(Tab(self._adhoc_label(), id=ADHOC_TAB))
        else:
            tab.label = self._adhoc_label()
        if self.index == ADHOC:
            self.active = ADHOC_TAB

    def _adhoc_label(self) -> Content:
        if self.adhoc is None:
            return Content("")
        count = self._counts.get(self.adhoc.name)
        return Content(f"{self.adhoc.name}" + (f" ({count})" if count is not None else ""))

    @property
    def profile(self) -> str:
        """The profile whose saved views these are, as ``views.toml`` names it."""
        session = self._session
        if session is None:
            screen = self.screen
            if not isinstance(screen, SessionScreen):
                # Without a profile any view saved would be everyone's: the bug this prevents.
                raise RuntimeError("ViewTabs needs session= outside a SessionScreen")
            session = screen.session
        return views_profile(session)

    async def show_views(self, views: list[OrderView], index: int) -> None:
        """Replace the views (after saving or deleting one) and choose the one at ``index``."""
        self.views = views
        self.index = index
        self._rebuilding = True
        try:
            await self.clear()
            for position, view in enumerate(self.views):
                await self.add_tab(Tab(self._label(position, view), id=f"view-{position}"))
            if self.adhoc is not None:
                await self.add_tab(Tab(self._adhoc_label(), id=ADHOC_TAB))
            if self.attention_count:
                await self._add_attention_tab()
            self._set_attention_active(False)
            self.active = ADHOC_TAB if self.index == ADHOC else f"view-{self.index}"
        finally:
            self._rebuilding = False

    async def load_saved_views(self) -> None:
        """The built-in views and those saved in the file; the first one chosen."""
        try:
            saved = self._remember(load_views(self.profile, self.views_file))
        except SavedViewsError as error:
            self._saved_views_failed(error)
            saved = ProfileViews()
        if saved.problems:
            # The views that can be read are shown all the same; the file is left as it is.
            self._saved_views_failed(*saved.problems)
        views = all_views(saved.views)
        if views != self.views or self.index != 0:
            await self.show_views(views, 0)

    async def save_view(
        self, name: str, filters: OrderFilters, count: int | None, *, all_profiles: bool = False
    ) -> bool:
        """Save ``filters`` as the view ``name`` (``count`` orders) of this profile, or of
        every profile, and choose it."""
        view = SavedView(name, filters.to_mapping(), all_profiles)
        try:
            saved = self._remember(save_view(view, self.profile, self.views_file))
        except SavedViewsError as error:
            self._saved_views_failed(error)
            return False
        if self.adhoc is not None and self.adhoc.filters == filters:
            # Saved, the filters have a tab of their own: the ad-hoc one has done its job.
            self.adhoc = None
        views = all_views(saved.views)
        if count is not None:
            self._counts[name] = count
        await self.show_views(views, next(i for i, view in enumerate(views) if view.name == name))
        return True

    async def remove_view(self, name: str) -> bool:
        """Delete the saved view ``name`` this profile sees; the first view is chosen."""
        try:
            saved = self._remember(remove_view(name, self.profile, self.views_file))
        except SavedViewsError as error:
            self._saved_views_failed(error)
            return False
        await self.show_views(all_views(saved.views), 0)
        return True

    def ask_to_save(self, filters: OrderFilters, count: int | None) -> None:
        """Ask a name for ``filters`` (``count`` orders) and save them as a view and choose it."""
        # Imported when asked, not at the app's start.
        from porting_tui.tui.dialogs.save_view_dialog import SaveViewDialog

        taken = {view.name: view.all_profiles for view in self.views if view.saved}
        profile = self.profile
        dialog = SaveViewDialog(
            describe(filters),
            taken,
            BUILT_IN_NAMES,
            profile=profile,
            used_elsewhere=self._used_elsewhere,
        )

        async def named(answer: ViewName | None) -> None:
            if answer is None:
                return
            if await self.save_view(answer.name, filters, count, all_profiles=answer.all_profiles):
                where = "all profiles" if answer.all_profiles else profile_label(profile)
                self.notify(f"Saved view {answer.name!r} for {where}", timeout=3, markup=False)

        self.app.push_screen(dialog, named)

    def ask_to_delete(self) -> None:
        """Delete the chosen saved view once confirmed; the first view is then chosen."""
        view = self.view
        if not view.saved:
            self.notify(f"{view.name!r} is built in and cannot be deleted", markup=False)
            return
        if view.all_profiles and self.profile == DEMO_PROFILE:
            # The demo never changes what real profiles see.
            self.notify(
                f"{view.name!r} is shared by all profiles; delete it on a real profile, "
                "not in the demo",
                markup=False,
            )
            return
        shared = (
            " It is shared by all profiles: it goes from every one." if view.all_profiles else ""
        )
        question = f"Delete the saved view {view.name!r}?{shared} Orders are not affected."

        async def answered(yes: bool | None) -> None:
            if yes and await self.remove_view(view.name):
                self.post_message(self.ViewChosen(self.index))

        self.app.push_screen(ConfirmDialog("Delete view", question, "Delete"), answered)

    def _remember(self, saved: ProfileViews) -> ProfileViews:
        # The save dialog refuses an all-profiles name that another profile's view uses.
        self._used_elsewhere = saved.used_elsewhere
        return saved

    def _saved_views_failed(self, *errors: SavedViewsError) -> None:
        message = "\n".join(str(error) for error in errors)
        self.notify(message, title="Saved views", severity="error", markup=False)

    def choose(self, index: int) -> bool:
        """Make the view at ``index`` (or ``ADHOC``) the chosen one; False when there is no
        such view."""
        if index == ADHOC:
            if self.adhoc is None:
                return False
            self.index = ADHOC
            self.active = ADHOC_TAB
            return True
        if not 0 <= index < len(self.views):
            return False
        self.index = index
        self.active = f"view-{index}"
        return True

    def view_with(self, filters: OrderFilters) -> int | None:
        """The index of the built-in or saved view whose filters are ``filters``, if any."""
        return next((i for i, view in enumerate(self.views) if view.filters == filters), None)

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
        return _view_label(index, view, self._counts.get(view.name))

    def _relabel(self) -> None:
        # Tabs being rebuilt may not all exist yet; those get their label when added.
        for tab in self.query(Tab):
            if tab.id == ADHOC_TAB:
                tab.label = self._adhoc_label()
                continue
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
        if event.tab.id == ADHOC_TAB:
            index = ADHOC
        else:
            index = int((event.tab.id or "view-0").removeprefix("view-"))
        if index != self.index:
            self.post_message(self.ViewChosen(index))


def _view_label(index: int, view: OrderView, count: int | None) -> Content:
    """The tab's label: its key (1 to 9), its name and, once known, how many orders it has."""
    number = f"{index + 1} " if index < 9 else ""
    return Content(f"{number}{view.name}" + (f" ({count})" if count is not None else ""))
