"""OrderTable: a fast, keyed table of order summaries with sorting and a local find filter.

It renders only the rows on screen (Textual's line API), so narrowing 10,000 loaded orders
as the user types costs a list comprehension, not a rebuild of every row as a DataTable
would need (measured at over a second for 10,000 rows).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

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
        self._search: dict[int, str] = {}
        self._visible: list[OrderListItem] = []
        self._find = ""
        self._sort_column: str | None = None
        self._sort_reverse = False
        self._columns: list[Column] = layout_columns(80, 0)
        self._changed: set[int] = set()
        self._details: Mapping[int, RowDetails] = {}
        self._narrowing: Callable[[OrderListItem, RowDetails | None], bool] | None = None

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
        """Show ``orders`` (all loaded rows, in server order), keeping the cursor's order."""
        self._orders = list(orders)
        self._search = {order.id: search_text(order) for order in self._orders}
        self._rebuild()

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
        self._details = details
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
        self._find = text.strip().lower()
        self._rebuild()

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
        needle = self._find
        if needle:
            search = self._search
            rows = [
                order for order in orders if needle in (search.get(order.id) or search_text(order))
            ]
        else:
            rows = list(orders)
        keep, details = self._narrowing, self._details
        if keep is not None:
            rows = [order for order in rows if keep(order, details.get(order.id))]
        column = self._sort_column
        if column is None:
            return rows
        keyed = [(sort_value(order, column, details.get(order.id)), order) for order in rows]
        # Missing values sort last whatever the direction.
        present = [pair for pair in keyed if pair[0] is not None]
        missing = [order for value, order in keyed if value is None]
        present.sort(key=lambda pair: pair[0], reverse=self._sort_reverse)
        return [order for _, order in present] + missing

    def _rebuild(self) -> None:
        current = self.current_order
        rows = self.arrange_orders(self._orders)
        self._visible = rows
        self._relayout()
        index = 0
        if current is not None:
            index = next((i for i, o in enumerate(rows) if o.id == current.id), self.cursor_row)
        self.set_reactive(OrderTable.cursor_row, -1)
        self.cursor_row = max(0, min(index, len(rows) - 1))
        self.refresh()

    def _relayout(self) -> None:
        widest_id = max((order.id for order in self._orders), default=0)
        # The vertical scrollbar's cell is always reserved, so that its appearing never
        # pushes the last column off screen (and a horizontal scrollbar on).
        available = self.size.width - self.styles.scrollbar_size_vertical
        self._columns = layout_columns(available, len(str(widest_id)))
        width = sum(column.width + 2 for column in self._columns)
        self.virtual_size = Size(width, len(self._visible) + 1)

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

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            line = self._header_line()
        else:
            row = int(self.scroll_y) + y - 1
            if row >= len(self._visible):
                return Strip.blank(width, base)
            line = self._row_line(self._visible[row], row == self.cursor_row)
        scroll_x = int(self.scroll_x)
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

    def _row_line(self, order: OrderListItem, highlighted: bool) -> Text:
        line = Text(style=self.rich_style, no_wrap=True, end="")
        details = self._details.get(order.id)
        for column in self._columns:
            cell = cell_text(order, column.key, details)
            cell.stylize(self._cell_style(order, column.key, cell.plain))
            line.append(" ")
            line.append(_fit(cell, column.width, column.justify))
            line.append(" ")
        if highlighted:
            line.stylize(self.get_component_rich_style("order-table--cursor", partial=True))
        return line

    def _cell_style(self, order: OrderListItem, key: str, plain: str) -> Style:
        # Full (not partial) styles: theme colours such as $text-muted carry transparency
        # that only blends into a real colour against the background.
        if key == "id" and order.id in self._changed:
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
