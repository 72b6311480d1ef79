"""AttentionView: the Needs attention tab — open orders ranked by urgency, each saying why.

The board lists the open orders and reads their details in the background; this widget shows
the progress of that as it goes and the ranking, rebuilt a few times a second at most (a
ranking over 2,000 orders takes tens of milliseconds, too much to redo for every order).
"""

from __future__ import annotations

import time

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Static

from porting_tui.attention.board import AttentionBoard
from porting_tui.attention.fetcher import FetchProgress
from porting_tui.attention.markers import MARKER_SYMBOLS
from porting_tui.attention.ranking import AttentionItem
from porting_tui.attention.rules import NOTE, REJECTED
from porting_tui.client import PortingError
from porting_tui.domain.inert_text import inert_text
from porting_tui.tui.status_looks import DEFAULT_PALETTE, StatusPalette, status_label

REBUILD_SECONDS = 1.0
PROGRESS_SECONDS = 0.25
"""Redrawing the progress line for each of 2,000 orders would cost more than reading them."""

# (key, label, width); the Why column takes the rest. Narrow terminals drop the counts and
# the created date first: the reason is what this view is for.
_COLUMNS = (
    ("marker", "", 1),
    ("id", "Order", 6),
    ("status", "Status", 11),
    ("reference", "Reference", 12),
    ("created", "Created", 10),
    ("numbers", "#", 3),
    ("foc", "FOC", 3),
    ("activated", "Act", 3),
    ("rejected", "Rej", 3),
    ("excluded", "Exc", 3),
)
_NARROW_DROPS = ("created", "numbers", "foc", "activated", "excluded", "rejected")
MIN_WHY_WIDTH = 36
_CELL_PADDING = 2


def layout_columns(width: int) -> list[tuple[str, str, int]]:
    """The columns that fit ``width`` cells, the Why column last with what is left."""
    columns = list(_COLUMNS)
    for dropped in _NARROW_DROPS:
        used = sum(w + _CELL_PADDING for _, _, w in columns) + _CELL_PADDING
        if width - used >= MIN_WHY_WIDTH:
            break
        columns = [column for column in columns if column[0] != dropped]
    used = sum(w + _CELL_PADDING for _, _, w in columns) + _CELL_PADDING
    return [*columns, ("why", "Why", max(MIN_WHY_WIDTH, width - used))]


def item_cells(item: AttentionItem, palette: StatusPalette = DEFAULT_PALETTE) -> dict[str, Text]:
    """The cells of a row by column key, as literal text (references come from the server)."""
    state, row = item.state, item.row
    if row is not None:
        counts = (
            row.phone_number_quantity,
            row.foc_quantity,
            row.activated_quantity,
            row.rejected_quantity,
            row.excluded_quantity,
        )
    else:
        counts = (
            len(state.numbers),
            state.count("CONFIRMED"),
            state.count("ACTIVATED"),
            state.count("REJECTED"),
            state.count("EXCLUDED"),
        )
    status = row.status if row is not None else state.status
    first = item.reasons[0].kind if item.reasons else ""
    reason_styles = {REJECTED: palette.number("REJECTED"), NOTE: "bold"}
    count_keys = ("numbers", "foc", "activated", "rejected", "excluded")
    return {
        "marker": Text(MARKER_SYMBOLS.get(item.marker or "", " "), style="bold"),
        "id": Text(str(item.order_id)),
        "status": Text(status_label(inert_text(status)), style=palette.order(status)),
        "reference": Text(inert_text(state.reference)),
        "created": Text(state.created_date.isoformat() if state.created_date else "—"),
        **{
            key: Text(str(count), justify="right", style="" if count else "dim")
            for key, count in zip(count_keys, counts, strict=True)
        },
        "why": Text(inert_text(item.why), style=reason_styles.get(first, "")),
    }


class AttentionView(Vertical):
    """Progress line on top, ranked orders below; Enter opens the highlighted order."""

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

    class OrderSelected(Message):
        """The operator chose an order of the view."""

        def __init__(self, order_id: int) -> None:
            super().__init__()
            self.order_id = order_id

    def __init__(self, board: AttentionBoard, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.board = board
        self.items: list[AttentionItem] = []
        self.problem: str | None = None
        self._dirty = False
        self._last_rebuild = 0.0
        self._flush_timer: Timer | None = None
        self._layout_width = -1
        self._busy = False
        self._progress_dirty = False
        self._keys: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(id="attention-progress")
        yield DataTable[Text](id="attention-table", cursor_type="row", zebra_stripes=True)

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
        self.rebuild()
        self._show_progress(progress, busy=False)

    @work(group="attention-orders", exit_on_error=False)
    async def reread_order(self, order_id: int) -> None:
        """Read one order again (a webhook said it changed) and rank again."""
        try:
            await self.board.reread(order_id)
        except PortingError:
            return  # the next refresh tries again
        self.rebuild()

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
        else:
            text = f"{len(self.items)} need attention · {progress.describe()}"
        label.update(Text(text))

    def _show_problem(self) -> None:
        label = self.query_one("#attention-progress", Static)
        label.remove_class("-busy")
        label.add_class("-problem")
        label.update(Text(self.problem or ""))

    def rebuild(self) -> None:
        """Rank again and redraw; the cursor stays on the same order when it is still listed."""
        self._dirty = False
        self._last_rebuild = time.monotonic()
        self.items = self.board.items()
        table = self.table
        current = self.highlighted_order()
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
            table.move_cursor(row=table.get_row_index(str(current)))
        if self.problem is None:
            self._show_progress(self.board.progress, busy=self._busy)
        self.post_message(self.CountChanged(len(self.items), self.board.progress.complete))

    def highlighted_order(self) -> int | None:
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None

    def action_open_order(self) -> None:
        order_id = self.highlighted_order()
        if order_id is not None:
            self.post_message(self.OrderSelected(order_id))

    @on(DataTable.RowSelected, "#attention-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.OrderSelected(int(event.row_key.value)))
