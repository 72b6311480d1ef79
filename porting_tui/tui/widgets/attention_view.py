"""AttentionView: the Needs attention tab — open orders ranked by urgency, each saying why.

The board lists the open orders and reads their details in the background; this widget shows
the progress of that as it goes and the ranking, rebuilt a few times a second at most (a
ranking over 2,000 orders takes tens of milliseconds, too much to redo for every order).
``z`` snoozes the highlighted order (``Z`` lists the snoozed ones, ``u`` undoes).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Static

from porting_tui.attention.board import AttentionBoard
from porting_tui.attention.fetcher import FetchProgress
from porting_tui.attention.known_reasons import KnownReasons, NewReason
from porting_tui.attention.ranking import AttentionItem
from porting_tui.client import PortingError
from porting_tui.listing.order_navigation import OrderSequence
from porting_tui.tui.status_looks import StatusPalette
from porting_tui.tui.widgets.attention_columns import item_cells, layout_columns
from porting_tui.tui.widgets.table_keys import KeyedDataTable

if TYPE_CHECKING:
    from porting_tui.listing.attention_context import AttentionContext
    from porting_tui.tui.dialogs.snooze_dialog import SnoozeChoice

REBUILD_SECONDS = 1.0
PROGRESS_SECONDS = 0.25
"""Redrawing the progress line for each of 2,000 orders would cost more than reading them."""


def known_reasons_of(context: AttentionContext) -> KnownReasons | None:
    """The reasons already told for the context's profile, in its local store."""
    store = context.local.store
    return KnownReasons(store, context.profile) if store is not None else None


class AttentionView(Vertical):
    """Progress line on top, ranked orders below; Enter opens the highlighted order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("z", "snooze", "Snooze"),
        Binding("Z", "toggle_snoozed", "Snoozed"),
        Binding("u", "undo_snooze", "Undo snooze", show=False),
    ]

    DEFAULT_CSS = """
    AttentionView {
        height: 1fr;
        #attention-progress { padding: 0 1; color: $text-muted; height: 1; }
        #attention-progress.-busy { color: $text-warning; }
        #attention-progress.-problem { color: $text-error; }
        #attention-table { height: 1fr; }
    }
    """

    class CountChanged(Message):
        """The number of orders needing attention changed (``complete``: fetch finished)."""

        def __init__(self, count: int, complete: bool) -> None:
            super().__init__()
            self.count = count
            self.complete = complete

    class NewReasonsFound(Message):
        """A refresh or a webhook brought attention reasons not known before (each once)."""

        def __init__(self, reasons: list[NewReason]) -> None:
            super().__init__()
            self.reasons = reasons

    class OrderSelected(Message):
        """The operator chose an order of the view; ``listed`` is the view as it was then."""

        def __init__(self, order_id: int, listed: OrderSequence) -> None:
            super().__init__()
            self.order_id = order_id
            self.listed = listed

    def __init__(
        self, board: AttentionBoard, *, known: KnownReasons | None = None, id: str | None = None
    ) -> None:
        """``known``: the reasons already told for the profile (None: nothing is told)."""
        super().__init__(id=id)
        self.board = board
        self.known = known
        self.items: list[AttentionItem] = []
        self.problem: str | None = None
        self._dirty = False
        self._last_rebuild = 0.0
        self._flush_timer: Timer | None = None
        self._layout_width = -1
        self._busy = False
        self._progress_dirty = False
        self._keys: list[str] = []
        self._rows_stale = False
        """The ranking changed while the view was hidden: its rows are filled when shown."""
        self.showing_snoozed = False
        """True while the view lists the snoozed orders instead of the ranking."""
        self.ranked_once = False
        """The ranking of a complete refresh is on screen (not merely what the store had)."""
        self._refreshed = False

    def compose(self) -> ComposeResult:
        yield Static(id="attention-progress")
        yield KeyedDataTable[Text](id="attention-table", cursor_type="row", zebra_stripes=True)

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#attention-table", DataTable)

    def on_mount(self) -> None:
        self.rebuild()

    def on_resize(self) -> None:
        if self._layout_width != self._table_width():
            self.rebuild()

    def _table_width(self) -> int:
        # The vertical scrollbar's cell is kept free so that it never pushes Why off screen.
        return max(0, self.size.width - 1)

    def start(self) -> None:
        """Read the open orders again (in the background); a refresh already running restarts."""
        self.refresh_board()

    @work(exclusive=True, group="attention", exit_on_error=False)
    async def refresh_board(self) -> None:
        self.problem = None
        self._show_progress(self.board.progress, busy=True, listing=True)
        self._flush_timer = self.set_interval(PROGRESS_SECONDS, self._flush)
        try:
            progress = await self.board.refresh(
                on_progress=self._on_progress, on_order=self._on_order
            )
        except PortingError as error:
            # str() names the HTTP status too ("HTTP 503: ..."), not just the server's words.
            self.problem = f"Open orders could not be read: {error} (r to retry)"
            self._show_problem()
            return
        finally:
            self._flush_timer.stop()
        self._busy = not progress.complete
        self._refreshed = True
        self.rebuild()
        self._tell_new_reasons(None)

    @work(group="attention-orders", exit_on_error=False)
    async def reread_order(self, order_id: int) -> None:
        """Read one order again (a webhook said it changed) and rank again."""
        try:
            await self.board.reread(order_id)
        except PortingError:
            return  # the next refresh tries again
        self.rebuild()
        self._tell_new_reasons([order_id])

    def _tell_new_reasons(self, order_ids: list[int] | None) -> None:
        """Post the reasons of ``order_ids`` (None: every open order) not known before."""
        if self.known is None:
            return
        found = self.known.detect(self.board, order_ids)
        if found:
            self.post_message(self.NewReasonsFound(found))

    def _on_progress(self, progress: FetchProgress) -> None:
        self._progress_dirty = True

    def _on_order(self, order_id: int) -> None:
        self._dirty = True

    def _flush(self) -> None:
        if self._dirty and time.monotonic() - self._last_rebuild >= REBUILD_SECONDS:
            self.rebuild()
        elif self._progress_dirty:
            self._show_progress(self.board.progress, busy=not self.board.progress.complete)

    def _show_progress(self, progress: FetchProgress, *, busy: bool, listing: bool = False) -> None:
        self._busy = busy
        self._progress_dirty = False
        label = self.query_one("#attention-progress", Static)
        label.remove_class("-problem")
        label.set_class(busy, "-busy")
        if listing:
            text = "listing open orders…"
        elif self.showing_snoozed:
            text = f"{len(self.items)} snoozed · z wakes one up · Z back to the ranking"
        else:
            snoozed = len(self.board.snoozes.all())
            text = f"{len(self.items)} need attention"
            text += f" · {snoozed} snoozed (Z)" if snoozed else ""
            text += f" · {progress.describe()}"
        # One line the view's width whatever it says: no layout (a redraw of the whole screen)
        # at each progress step.
        label.update(Text(text), layout=False)

    def _show_problem(self) -> None:
        label = self.query_one("#attention-progress", Static)
        label.remove_class("-busy")
        label.add_class("-problem")
        label.update(Text(self.problem or ""))

    def rebuild(self) -> None:
        """Rank again and redraw; the cursor stays on the same order when it is still listed.

        When the highlighted order leaves (fixed, snoozed), the cursor stays at its place, on
        the order that moved up into it, rather than jumping to the top.
        """
        self._dirty = False
        self._last_rebuild = time.monotonic()
        ranked = self.board.items()
        self.items = self.board.snoozed_items() if self.showing_snoozed else ranked
        if self.display:
            self.fill_rows()
        else:
            # The list is shown: refilling a thousand rows every second while the first refresh
            # reads the orders would slow it down (and lay out the screen) for nothing.
            self._rows_stale = True
        if self.problem is None:
            self._show_progress(self.board.progress, busy=self._busy)
        complete = self.board.progress.complete and not self._busy
        if complete and self._refreshed:
            self.ranked_once = True
        self.post_message(self.CountChanged(len(ranked), complete))

    def on_show(self) -> None:
        self.fill_rows_if_stale()

    def fill_rows_if_stale(self) -> None:
        """Fill the rows now if the ranking changed while the view was hidden."""
        if self._rows_stale:
            self.fill_rows()

    def fill_rows(self) -> None:
        """Show ``items`` in the table; the cursor stays on the same order (see rebuild)."""
        self._rows_stale = False
        table = self.table
        current = self.highlighted_order()
        place = table.cursor_row
        width = self._table_width()
        if width != self._layout_width:
            self._layout_width = width
            table.clear(columns=True)
            columns = layout_columns(width)
            self._keys = [key for key, _, _ in columns]
            for key, label, size in columns:
                table.add_column(Text(label), width=size, key=key)
        else:
            table.clear()
        palette = StatusPalette.of(self.app)
        for item in self.items:
            cells = item_cells(item, palette)
            table.add_row(*(cells[key] for key in self._keys), key=str(item.order_id))
        if current is not None and str(current) in table.rows:
            table.move_cursor(row=table.get_row_index(str(current)), animate=False)
        elif table.row_count:
            table.move_cursor(row=min(place, table.row_count - 1), animate=False)

    def highlighted_order(self) -> int | None:
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None

    def action_open_order(self) -> None:
        order_id = self.highlighted_order()
        if order_id is not None:
            self._open(order_id)

    def _open(self, order_id: int) -> None:
        source = "Snoozed" if self.showing_snoozed else "Needs attention"
        listed = OrderSequence(source, tuple(item.order_id for item in self.items))
        self.post_message(self.OrderSelected(order_id, listed))

    def item_of(self, order_id: int | None) -> AttentionItem | None:
        return next((item for item in self.items if item.order_id == order_id), None)

    def action_snooze(self) -> None:
        """Snooze the highlighted order (in the Snoozed list: wake it up now)."""
        item = self.item_of(self.highlighted_order())
        if item is None:
            return
        if item.snooze is not None:
            self.board.unsnooze(item.order_id)
            self.notify(
                f"Order {item.order_id} is back in Needs attention (u to undo)",
                timeout=5,
                markup=False,
            )
            self.rebuild()
            return
        today = item.state.local_date(self.board.now())

        def chosen(choice: SnoozeChoice | None) -> None:
            if choice is None:
                return
            snooze = self.board.snooze(item.order_id, choice.until)
            if snooze is not None:
                self.notify(
                    f"Order {item.order_id} snoozed {snooze.describe()} "
                    "(Z lists snoozed orders, u undoes)",
                    timeout=6,
                    markup=False,
                )
            self.rebuild()

        # Imported when asked, not at the app's start.
        from porting_tui.tui.dialogs.snooze_dialog import SnoozeDialog

        self.app.push_screen(SnoozeDialog(item.order_id, item.why, today), chosen)

    def action_toggle_snoozed(self) -> None:
        """Switch between the ranking and the snoozed orders."""
        self.showing_snoozed = not self.showing_snoozed
        self.table.move_cursor(row=0, animate=False)
        self.rebuild()

    def action_undo_snooze(self) -> None:
        order_id = self.board.undo_snooze()
        if order_id is None:
            self.notify("Nothing to undo", timeout=3)
            return
        self.notify(f"Undone: the snooze of order {order_id} is as it was", timeout=5)
        self.rebuild()

    @on(DataTable.RowSelected, "#attention-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self._open(int(event.row_key.value))
