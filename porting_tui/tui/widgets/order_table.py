"""OrderTable: a fast, keyed table of order summaries with sorting and a local find filter.

It renders only the rows on screen (Textual's line API), so narrowing 10,000 loaded orders
as the user types costs a list comprehension, not a rebuild of every row as a DataTable
would need (measured at over a second for 10,000 rows).

Loading many pages stays linear: rows appended to those loaded (``set_orders`` with the same
rows first, or ``append_orders``) are indexed on their own (search text, widest id) and, when
a sort is set, merged into the sorted rows, never re-sorted from scratch. Typing a longer find
text narrows the rows shown, not all loaded ones. A drawn row is kept as a strip (keyed by its
order, the cursor on it, the scroll offset and width) until its order, details or changed mark,
the columns, the theme or the focus change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import is_, itemgetter
from typing import Any, ClassVar, NamedTuple

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from porting_tui.attention.row_details import RowDetails
from porting_tui.client import OrderListItem
from porting_tui.tui.widgets.order_columns import (
    COLUMN_KEYS,
    Column,
    cell_text,
    layout_columns,
    search_text,
    sort_value,
)

# Component classes by order status; anything else is shown as sent, in the "unknown" colour.
STATUS_COMPONENTS = {
    "PENDING": "order-table--pending",
    "CONFIRMED": "order-table--confirmed",
    "COMPLETED": "order-table--completed",
    "CANCELED": "order-table--canceled",
    "PENDING_CANCELATION": "order-table--pending-cancelation",
}
UNKNOWN_STATUS_COMPONENT = "order-table--unknown-status"

Row = tuple[Any, OrderListItem, str]
"""A shown row: its sort value (None without a sort, or when missing), order, search text."""
_ORDER = itemgetter(1)
_SORT_VALUE = itemgetter(0)
LINE_CACHE_SIZE = 1000
"""Drawn rows kept: a few screens' worth, with and without the cursor."""


class _Frame(NamedTuple):
    """What all lines of one frame share."""

    base: Style
    width: int
    scroll_x: int
    scroll_y: int


class _DrawnRow(NamedTuple):
    """A row as drawn, with what it was drawn from (checked on every use)."""

    order: OrderListItem
    details: RowDetails | None
    changed: bool
    strip: Strip


class OrderTable(ScrollView, can_focus=True):
    """Orders keyed by id; the cursor follows the order (not the row) across updates."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "order-table--header",
        "order-table--cursor",
        "order-table--muted",
        "order-table--rejected",
        "order-table--changed",
        "order-table--attention",
        UNKNOWN_STATUS_COMPONENT,
        *STATUS_COMPONENTS.values(),
    }
    DEFAULT_CSS = """
    OrderTable {
        background: $surface;
        scrollbar-size-vertical: 1;
        & > .order-table--header { text-style: bold; color: $text-accent; background: $panel; }
        & > .order-table--cursor { background: $block-cursor-blurred-background; }
        &:focus > .order-table--cursor {
            background: $block-cursor-background; color: $block-cursor-foreground;
        }
        & > .order-table--muted { color: $text-muted; }
        & > .order-table--rejected { color: $text-error; text-style: bold; }
        & > .order-table--pending { color: $text-warning; }
        & > .order-table--confirmed { color: $text-primary; }
        & > .order-table--completed { color: $text-success; }
        & > .order-table--canceled { color: $text-muted; }
        & > .order-table--pending-cancelation { color: $text-muted; text-style: italic; }
        & > .order-table--unknown-status { color: $text-secondary; }
        & > .order-table--changed { color: $text-accent; text-style: bold underline; }
        & > .order-table--attention { color: $text-warning; }
    }
    """

    cursor_row: reactive[int] = reactive(0, init=False)

    class OrderHighlighted(Message):
        """The cursor is on ``order`` (None when no row is shown)."""

        def __init__(self, table: OrderTable, order: OrderListItem | None, row: int) -> None:
            super().__init__()
            self.table = table
            self.order = order
            self.row = row

        @property
        def control(self) -> OrderTable:
            return self.table

    class OrderSelected(Message):
        """The user chose ``order`` (Enter or a click on the highlighted row)."""

        def __init__(self, table: OrderTable, order: OrderListItem) -> None:
            super().__init__()
            self.table = table
            self.order = order

        @property
        def control(self) -> OrderTable:
            return self.table

    class SortRequested(Message):
        """The user clicked the header of column ``column``."""

        def __init__(self, table: OrderTable, column: str) -> None:
            super().__init__()
            self.table = table
            self.column = column

        @property
        def control(self) -> OrderTable:
            return self.table

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._orders: list[OrderListItem] = []
        self._texts: list[str] = []
        """The search text of each loaded order, in the same order."""
        self._ids: set[int] = set()
        self._id_digits = 0
        self._rows: list[Row] = []
        """The rows shown, in display order; ``_visible`` has their orders."""
        self._visible: list[OrderListItem] = []
        self._find = ""
        self._sort_column: str | None = None
        self._sort_reverse = False
        self._columns: list[Column] = layout_columns(80, 0)
        self._layout_version = 0
        """Counts changes of ``_columns``: lines drawn for other columns are not reused."""
        self._changed: set[int] = set()
        self._details: dict[int, RowDetails] = {}
        self._narrowing: Callable[[OrderListItem, RowDetails | None], bool] | None = None
        self._lines: LRUCache[tuple[int, bool, int, int], _DrawnRow] = LRUCache(LINE_CACHE_SIZE)
        self._lines_drawn_for: tuple[Any, ...] = ()
        """What every cached line was drawn with: columns, base style, focus, theme."""
        self._header: tuple[tuple[Any, ...], Strip] | None = None
        self._frame: _Frame | None = None
        self._after_drawn: list[Callable[[], object]] = []

    def call_after_drawn(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once the table has next been drawn: its lines are on their way to
        the terminal, as they are written from another thread.

        ``call_after_refresh`` can come sooner: when the screen is idle before the table's new
        rows are laid out, its callbacks run first, and a slow one holds the rows back.
        A table that was not on screen at the last update calls back after the next refresh.
        """
        if not self.is_on_screen:
            self.call_after_refresh(callback)
            return
        self._after_drawn.append(callback)
        self.refresh()

    @property
    def visible_orders(self) -> Sequence[OrderListItem]:
        """The orders shown, in display order (after the find filter and sorting)."""
        return self._visible

    @property
    def loaded_orders(self) -> Sequence[OrderListItem]:
        """Every loaded row, in server order, before find and narrowing."""
        return self._orders

    @property
    def loaded_count(self) -> int:
        return len(self._orders)

    @property
    def current_order(self) -> OrderListItem | None:
        if 0 <= self.cursor_row < len(self._visible):
            return self._visible[self.cursor_row]
        return None

    @property
    def column_keys(self) -> list[str]:
        """The keys of the columns on screen, left to right."""
        return [column.key for column in self._columns]

    @property
    def sort_column(self) -> str | None:
        return self._sort_column

    @property
    def sort_reverse(self) -> bool:
        return self._sort_reverse

    @property
    def find_text(self) -> str:
        return self._find

    def set_orders(self, orders: Sequence[OrderListItem]) -> None:
        """Show ``orders`` (all loaded rows, in server order), keeping the cursor's order.

        When ``orders`` starts with the very rows already loaded (the next pages of the same
        list), only the rows after them are indexed and added.
        """
        loaded = self._orders
        count = len(loaded)
        if count and len(orders) >= count and all(map(is_, orders[:count], loaded)):
            self.append_orders(orders[count:])
            return
        self._orders = list(orders)
        self._texts = [search_text(order) for order in self._orders]
        self._ids = {order.id for order in self._orders}
        self._id_digits = len(str(max(self._ids, default=0)))
        self._rebuild()

    def append_orders(self, orders: Iterable[OrderListItem]) -> None:
        """Add ``orders`` after the loaded rows (the caller keeps out ones already loaded)."""
        new = list(orders)
        if not new:
            return
        texts = [search_text(order) for order in new]
        self._orders.extend(new)
        self._texts.extend(texts)
        ids = {order.id for order in new}
        self._ids.update(ids)
        self._id_digits = max(self._id_digits, len(str(max(ids))))
        current = self.current_order
        rows = self._arranged(new, texts)
        column = self._sort_column
        if column is None:
            self._rows.extend(rows)
        else:
            # Both runs are sorted already: the sort only merges them (and, being stable,
            # keeps earlier rows first among equal values, as a sort of all rows would).
            shown = self._rows
            split = _first_missing(shown)
            present = shown[:split] + [row for row in rows if row[0] is not None]
            present.sort(key=_SORT_VALUE, reverse=self._sort_reverse)
            present += shown[split:]
            present += [row for row in rows if row[0] is None]
            self._rows = present
        self._shown(current)

    @property
    def changed_ids(self) -> frozenset[int]:
        """Orders marked as changed (by a webhook event) and not opened since."""
        return frozenset(self._changed)

    def mark_changed(self, order_id: int) -> None:
        self._changed.add(order_id)
        self.refresh()

    def details(self, order_id: int) -> RowDetails | None:
        """What the order's details add to its row (None: not read, or not for this row)."""
        return self._details.get(order_id)

    def set_details(self, details: Mapping[int, RowDetails]) -> None:
        """The details of the rows' orders; rows are narrowed and sorted again by them."""
        self._details = dict(details)
        self._rebuild()

    def add_details(self, details: Mapping[int, RowDetails]) -> None:
        """More details, for orders that are not loaded yet or whose details are unknown."""
        self._details.update(details)
        if not self._ids.isdisjoint(details):
            self._rebuild()

    def set_narrowing(
        self, keep: Callable[[OrderListItem, RowDetails | None], bool] | None
    ) -> None:
        """Show only the loaded rows ``keep`` accepts (with find, both must match)."""
        self._narrowing = keep
        self._rebuild()

    @property
    def narrowed(self) -> bool:
        """Find or a narrowing hides some loaded rows."""
        return bool(self._find) or self._narrowing is not None

    def set_find(self, text: str) -> None:
        """Show only the loaded rows whose id, status, reference or date contain ``text``."""
        needle = text.strip().lower()
        if needle == self._find:
            return
        narrower = bool(self._find) and self._find in needle
        self._find = needle
        if not narrower:
            self._rebuild()
            return
        # Every row containing the longer text contains the shorter one: narrow what is shown
        # (already narrowed and sorted) rather than all loaded rows.
        current = self.current_order
        self._rows = [row for row in self._rows if needle in row[2]]
        self._shown(current)

    def set_sort(self, column: str | None, reverse: bool = False) -> None:
        """Sort by ``column`` (a key of COLUMN_KEYS), or keep the server's order with None."""
        if column is not None and column not in COLUMN_KEYS:
            raise ValueError(f"unknown column {column!r}")
        self._sort_column = column
        self._sort_reverse = reverse
        self._rebuild()

    def move_to_order(self, order_id: int) -> bool:
        """Put the cursor on ``order_id`` if it is shown; True when it is."""
        for index, order in enumerate(self._visible):
            if order.id == order_id:
                self.cursor_row = index
                return True
        return False

    def arrange_orders(self, orders: Sequence[OrderListItem]) -> list[OrderListItem]:
        """``orders`` narrowed by the find filter and sorted as this table shows its rows."""
        rows = self._arranged(orders, [search_text(order) for order in orders])
        return list(map(_ORDER, rows))

    def _arranged(self, orders: Sequence[OrderListItem], texts: Sequence[str]) -> list[Row]:
        """The rows of ``orders`` (whose search texts are ``texts``) this table shows, in
        the order it shows them."""
        needle, keep, details = self._find, self._narrowing, self._details
        pairs: Iterable[tuple[OrderListItem, str]] = zip(orders, texts, strict=True)
        if needle:
            pairs = [(order, text) for order, text in pairs if needle in text]
        if keep is not None:
            pairs = [(order, text) for order, text in pairs if keep(order, details.get(order.id))]
        column = self._sort_column
        if column is None:
            return [(None, order, text) for order, text in pairs]
        rows = [
            (sort_value(order, column, details.get(order.id)), order, text) for order, text in pairs
        ]
        # Missing values sort last whatever the direction.
        present = [row for row in rows if row[0] is not None]
        present.sort(key=_SORT_VALUE, reverse=self._sort_reverse)
        return present + [row for row in rows if row[0] is None]

    def _rebuild(self) -> None:
        current = self.current_order
        self._rows = self._arranged(self._orders, self._texts)
        self._shown(current)

    def _shown(self, current: OrderListItem | None) -> None:
        """``_rows`` changed: show them, the cursor on ``current`` if it is still shown."""
        rows = self._visible = list(map(_ORDER, self._rows))
        self._relayout()
        index = 0
        if current is not None:
            index = self.cursor_row
            if not (index < len(rows) and rows[index].id == current.id):
                wanted = current.id
                index = next((i for i, o in enumerate(rows) if o.id == wanted), index)
        self.set_reactive(OrderTable.cursor_row, -1)
        self.cursor_row = max(0, min(index, len(rows) - 1))
        self.refresh()

    def _relayout(self) -> None:
        # The vertical scrollbar's cell is always reserved, so that its appearing never
        # pushes the last column off screen (and a horizontal scrollbar on).
        available = self.size.width - self.styles.scrollbar_size_vertical
        columns = layout_columns(available, self._id_digits)
        if columns != self._columns:
            self._columns = columns
            self._layout_version += 1
        width = sum(column.width + 2 for column in self._columns)
        self._set_virtual_size(Size(width, len(self._visible) + 1))

    def _set_virtual_size(self, size: Size) -> None:
        """Set the scrollable size, only when it changes, and without a layout of the screen
        when the table's own size does not depend on it (its height is not ``auto``)."""
        if size == self.virtual_size:
            return
        styles = self.styles
        if not self.is_mounted or styles.width is None or styles.height is None:
            self.virtual_size = size
            return
        if styles.width.is_auto or styles.height.is_auto:
            self.virtual_size = size
            return
        # The reactive would lay out the whole screen (63 % of a find keystroke with 50,000
        # rows); only the scrollbars and the scroll range depend on the size here.
        self.set_reactive(Widget.virtual_size, size)
        self._scroll_update(size)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        self._scroll_cursor_into_view()

    def watch_cursor_row(self, row: int) -> None:
        self._scroll_cursor_into_view()
        self.refresh()
        self.post_message(self.OrderHighlighted(self, self.current_order, row))

    def _scroll_cursor_into_view(self) -> None:
        body_height = max(1, self.scrollable_content_region.height - 1)
        top = int(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + body_height:
            self.scroll_to(y=self.cursor_row - body_height + 1, animate=False, immediate=True)

    def _body_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_cursor_up(self) -> None:
        self.cursor_row = max(0, self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.cursor_row = max(0, min(len(self._visible) - 1, self.cursor_row + 1))

    def action_page_up(self) -> None:
        self.cursor_row = max(0, self.cursor_row - self._body_height())

    def action_page_down(self) -> None:
        last = max(0, len(self._visible) - 1)
        self.cursor_row = min(last, self.cursor_row + self._body_height())

    def action_first(self) -> None:
        self.cursor_row = 0

    def action_last(self) -> None:
        self.cursor_row = max(0, len(self._visible) - 1)

    def action_select_cursor(self) -> None:
        order = self.current_order
        if order is not None:
            # Opening an order is looking at its change.
            self._changed.discard(order.id)
            self.refresh()
            self.post_message(self.OrderSelected(self, order))

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            column = self._column_at(event.x + int(self.scroll_x))
            if column is not None:
                self.post_message(self.SortRequested(self, column))
            return
        row = int(self.scroll_y) + event.y - 1
        if 0 <= row < len(self._visible):
            if row == self.cursor_row or event.chain > 1:
                self.cursor_row = row
                self.action_select_cursor()
            else:
                self.cursor_row = row

    def _column_at(self, x: int) -> str | None:
        left = 0
        for column in self._columns:
            right = left + column.width + 2
            if left <= x < right:
                return column.key
            left = right
        return None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # The theme, the focus (the cursor's colours) or the CSS changed.
        self._lines.clear()
        self._header = None

    def render_lines(self, crop: Region) -> list[Strip]:
        # What every line of this frame shares, found once rather than once per line (the
        # base style alone costs about 80 µs).
        self._frame = self._frame_state()
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None
            if self._after_drawn:
                # Called from the message queue: after the screen has handed this frame on.
                waiting, self._after_drawn = self._after_drawn, []
                for callback in waiting:
                    self.call_later(callback)

    def _frame_state(self) -> _Frame:
        base = self.rich_style
        drawn_for = (self._layout_version, base, self.has_focus, self.app.theme)
        if drawn_for != self._lines_drawn_for:
            self._lines.clear()
            self._header = None
            self._lines_drawn_for = drawn_for
        region = self.scrollable_content_region
        return _Frame(base, region.width, int(self.scroll_x), int(self.scroll_y))

    def render_line(self, y: int) -> Strip:
        frame = self._frame or self._frame_state()
        base, width, scroll_x = frame.base, frame.width, frame.scroll_x
        if y == 0:
            header_key = (self._sort_column, self._sort_reverse, scroll_x, width)
            if self._header is None or self._header[0] != header_key:
                strip = self._cropped(self._header_line(), scroll_x, width, base)
                self._header = (header_key, strip)
            return self._header[1]
        row = frame.scroll_y + y - 1
        if row >= len(self._visible):
            return Strip.blank(width, base)
        order = self._visible[row]
        highlighted = row == self.cursor_row
        details = self._details.get(order.id)
        changed = order.id in self._changed
        key = (order.id, highlighted, scroll_x, width)
        drawn = self._lines.get(key)
        if drawn is not None:
            if (
                drawn.order is order
                and drawn.changed == changed
                and (drawn.details is details or drawn.details == details)
            ):
                return drawn.strip
            # Textual's LRUCache keeps the first value set for a key.
            self._lines.discard(key)
        line = self._row_line(order, highlighted, base, details, changed)
        strip = self._cropped(line, scroll_x, width, base)
        self._lines[key] = _DrawnRow(order, details, changed, strip)
        return strip

    def _cropped(self, line: Text, scroll_x: int, width: int, base: Style) -> Strip:
        strip = Strip(_styled_segments(line, self.app.console), line.cell_len)
        return strip.crop_extend(scroll_x, scroll_x + width, base).simplify()

    def _header_line(self) -> Text:
        style = self.get_component_rich_style("order-table--header")
        line = Text(style=style, no_wrap=True, end="")
        for column in self._columns:
            label = column.label
            if column.key == self._sort_column:
                label = f"{label}{'▼' if self._sort_reverse else '▲'}"
            line.append(" ")
            line.append(_fit(Text(label), column.width, column.justify))
            line.append(" ")
        return line

    def _row_line(
        self,
        order: OrderListItem,
        highlighted: bool,
        base: Style,
        details: RowDetails | None,
        changed: bool,
    ) -> Text:
        line = Text(style=base, no_wrap=True, end="")
        for column in self._columns:
            cell = cell_text(order, column.key, details)
            cell.stylize(self._cell_style(order, column.key, cell.plain, changed))
            line.append(" ")
            line.append(_fit(cell, column.width, column.justify))
            line.append(" ")
        if highlighted:
            line.stylize(self.get_component_rich_style("order-table--cursor", partial=True))
        return line

    def _cell_style(self, order: OrderListItem, key: str, plain: str, changed: bool) -> Style:
        # Full (not partial) styles: theme colours such as $text-muted carry transparency
        # that only blends into a real colour against the background.
        if key == "id" and changed:
            return self.get_component_rich_style("order-table--changed")
        if key == "status":
            component = STATUS_COMPONENTS.get(order.status or "", UNKNOWN_STATUS_COMPONENT)
            return self.get_component_rich_style(component)
        if key == "rejected" and order.rejected_quantity:
            return self.get_component_rich_style("order-table--rejected")
        if key == "attention" and plain:
            return self.get_component_rich_style("order-table--attention")
        if plain in ("0", "—"):
            return self.get_component_rich_style("order-table--muted")
        return Style()


def _first_missing(rows: Sequence[Row]) -> int:
    """Where the rows without a sort value begin (they follow all the others)."""
    low, high = 0, len(rows)
    while low < high:
        middle = (low + high) // 2
        if rows[middle][0] is None:
            high = middle
        else:
            low = middle + 1
    return low


def _styled_segments(line: Text, console: Console) -> list[Segment]:
    """``line`` as segments that all carry its own style, none without a style.

    Rich drops a Text's base style when it has no spans (the header), and Textual's line
    filters (NO_COLOR's monochrome) fail on a segment whose style is None.
    """
    base = line.style if isinstance(line.style, Style) else Style.parse(line.style)
    return [Segment(text, base + style, control) for text, style, control in line.render(console)]


def _fit(text: Text, width: int, justify: Any) -> Text:
    """``text`` cut with an ellipsis or padded to exactly ``width`` cells."""
    fitted = text.copy()
    fitted.truncate(width, overflow="ellipsis", pad=False)
    if justify == "right":
        fitted.pad_left(width - fitted.cell_len)
    else:
        fitted.pad_right(width - fitted.cell_len)
    return fitted
