"""OrdersDialog: the orders behind a figure, with their status; enter opens one."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from porting_tui.attention.detail_cache import DetailCache
from porting_tui.attention.fetcher import DetailFetcher
from porting_tui.client import Order, PortingClient, PortingError
from porting_tui.tui.dialogs.dialog import Dialog
from porting_tui.tui.screens.insights.figure_tables import FigureRow
from porting_tui.tui.widgets.table_keys import KeyedDataTable

READING = "…"
CONCURRENCY = 4
"""Statuses read at once for orders the local store does not know (a list is short)."""


class OrdersDialog(Dialog[int | None]):
    """Returns the id of the order chosen, or None. Statuses come from the order list read
    with the figures, else from the local store's pictures, else from each order's details,
    read here."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Close")]
    DEFAULT_CSS = """
    OrdersDialog {
        & > #dialog { width: 70; height: 80%; }
        & #orders { height: 1fr; }
        & #keys { color: $text-muted; }
    }
    """

    def __init__(
        self,
        row: FigureRow,
        client: PortingClient,
        cache: DetailCache | None,
        listed: Mapping[int, str] | None = None,
    ) -> None:
        """``listed``: the statuses the order list gave when the figures were read."""
        super().__init__()
        self.row = row
        self._client = client
        self._cache = cache
        self.order_ids = tuple(dict.fromkeys(order_id for order_id, _ in row.orders))
        self.statuses: dict[int, str] = {}
        for order_id in self.order_ids:
            known = cache.get(order_id) if cache is not None else None
            # The list row is as new as the figures; a cached picture may be older.
            if listed is not None and order_id in listed:
                self.statuses[order_id] = listed[order_id]
            elif known is not None:
                self.statuses[order_id] = known.state.status

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            count = len(self.order_ids)
            dialog.border_title = f"{count} order{'' if count == 1 else 's'}"
            yield Static(Text(self.row.title), id="what")
            yield KeyedDataTable[Text](id="orders", cursor_type="row", zebra_stripes=True)
            yield Static("enter opens the order · esc closes", id="keys", markup=False)

    def on_mount(self) -> None:
        table = self.query_one("#orders", KeyedDataTable)
        table.add_column("Order", key="order")
        table.add_column("Status", key="status")
        table.add_column("In this figure", key="what")
        for order_id, what in self.row.orders:
            status = self.statuses.get(order_id, READING)
            table.add_row(Text(str(order_id)), Text(status), Text(what), key=f"{order_id}:{what}")
        table.focus()
        missing = [order_id for order_id in self.order_ids if order_id not in self.statuses]
        if missing:
            self._read_statuses(missing)

    @work(exclusive=True)
    async def _read_statuses(self, order_ids: list[int]) -> None:
        def read(order_id: int, order: Order) -> None:
            self._show_status(order_id, order.status or "?")

        fetcher: DetailFetcher[Order] = DetailFetcher(
            self._client.orders.get, concurrency=CONCURRENCY
        )
        # Refused altogether (the key, say): the Insights screen says so when it reads.
        with contextlib.suppress(PortingError):
            await fetcher.run(order_ids, read)
        for order_id in order_ids:
            if self.statuses.get(order_id, READING) == READING:
                self._show_status(order_id, "not read")

    def _show_status(self, order_id: int, status: str) -> None:
        self.statuses[order_id] = status
        table = self.query_one("#orders", KeyedDataTable)
        for placed, what in self.row.orders:
            if placed == order_id:
                table.update_cell(f"{order_id}:{what}", "status", Text(status))

    @on(DataTable.RowSelected, "#orders")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if 0 <= event.cursor_row < len(self.row.orders):
            self.dismiss(self.row.orders[event.cursor_row][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
