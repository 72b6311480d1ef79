"""StatusLine: how many orders of how many, sort, page size and auto-refresh, under the list."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from porting_tui.listing.order_listing import OrderListing
from porting_tui.listing.session import ListSettings
from porting_tui.tui.widgets.order_columns import COLUMN_TITLES
from porting_tui.tui.widgets.order_table import OrderTable


def list_status(
    table: OrderTable, listing: OrderListing | None, settings: ListSettings, *, paused: bool
) -> str:
    """E.g. ``20 of 41 orders · sorted by Created ▼ · page size 100 · auto-refresh 60s``."""
    loaded = table.loaded_count
    total = listing.total_items if listing else None
    parts = []
    if table.narrowed:
        parts.append(f"{len(table.visible_orders)} match of {loaded} loaded")
        if listing is not None and listing.has_more:
            parts.append("L loads all")
    if listing is not None and listing.loaded:
        parts.append(f"{loaded} of {total if total is not None else '?'} orders")
    elif listing is not None:
        parts.append("loading…")
    if table.sort_column:
        arrow = "▼" if table.sort_reverse else "▲"
        parts.append(f"sorted by {COLUMN_TITLES[table.sort_column]} {arrow}")
    parts.append(f"page size {settings.page_size}")
    seconds = settings.refresh_seconds
    parts.append("auto-refresh paused" if paused else f"auto-refresh {seconds:.0f}s")
    return " · ".join(parts)


class StatusLine(Static):
    """The list's one-line state; it owns whether auto-refresh is paused."""

    def __init__(self, settings: ListSettings, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.settings = settings
        self.paused = False

    def show(self, table: OrderTable, listing: OrderListing | None) -> None:
        text = list_status(table, listing, self.settings, paused=self.paused)
        # One line the screen's width whatever it says (the screen's CSS): no layout needed,
        # and one would redraw the whole screen at each change (each row highlighted).
        self.update(Content(text), layout=False)
