"""OrderTable on its own: literal cells, find filter, sorting, cursor that follows its order."""

from __future__ import annotations

from datetime import date

from textual.app import App, ComposeResult

from porting_tui.client import OrderListItem
from porting_tui.tui.widgets.order_table import OrderTable


def order(
    order_id: int, status: str = "PENDING", ref: str | None = None, **counts: int
) -> OrderListItem:
    return OrderListItem(
        id=order_id,
        status=status,
        customer_order_reference=ref,
        created_date=date(2026, 11, order_id % 28 + 1),
        **counts,
    )


ORDERS = [
    order(11, "PENDING", "ACME-1", phone_number_quantity=3),
    order(12, "CONFIRMED", "beta-7", phone_number_quantity=40),
    order(13, "SOMETHING_NEW", "[bold red]not markup[/]", phone_number_quantity=1),
    order(14, "COMPLETED", None, phone_number_quantity=12),
]


class TableApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.highlighted: list[int | None] = []
        self.selected: list[int] = []

    def compose(self) -> ComposeResult:
        yield OrderTable()

    def on_order_table_order_highlighted(self, event: OrderTable.OrderHighlighted) -> None:
        self.highlighted.append(event.order.id if event.order else None)

    def on_order_table_order_selected(self, event: OrderTable.OrderSelected) -> None:
        self.selected.append(event.order.id)


def screen_text(app: App[None]) -> str:
    table = app.query_one(OrderTable)
    return "\n".join(
        table.render_line(y).text for y in range(table.scrollable_content_region.height)
    )


async def test_server_text_is_shown_literally_including_markup_like_references() -> None:
    app = TableApp()
    async with app.run_test(size=(180, 12)) as pilot:
        app.query_one(OrderTable).set_orders(ORDERS)
        await pilot.pause()
        text = screen_text(app)
        assert "[bold red]not markup[/]" in text
        assert "? SOMETHING_NEW" in text


async def test_find_narrows_rows_and_keeps_the_cursor_on_its_order() -> None:
    app = TableApp()
    async with app.run_test(size=(120, 12)) as pilot:
        table = app.query_one(OrderTable)
        table.set_orders(ORDERS)
        table.focus()
        await pilot.press("down")
        assert table.current_order is not None and table.current_order.id == 12
        table.set_find("BETA")
        assert [o.id for o in table.visible_orders] == [12]
        table.set_find("")
        assert table.current_order is not None and table.current_order.id == 12


async def test_sorting_puts_missing_values_last_in_both_directions() -> None:
    app = TableApp()
    async with app.run_test(size=(120, 12)):
        table = app.query_one(OrderTable)
        table.set_orders(ORDERS)
        table.set_sort("reference")
        assert [o.id for o in table.visible_orders] == [13, 11, 12, 14]
        table.set_sort("reference", reverse=True)
        assert [o.id for o in table.visible_orders] == [12, 11, 13, 14]
        table.set_sort("numbers", reverse=True)
        assert [o.id for o in table.visible_orders] == [12, 14, 11, 13]


async def test_new_rows_keep_the_cursor_on_the_same_order() -> None:
    app = TableApp()
    async with app.run_test(size=(120, 12)) as pilot:
        table = app.query_one(OrderTable)
        table.set_orders(ORDERS)
        table.focus()
        await pilot.press("end")
        assert table.current_order is not None and table.current_order.id == 14
        table.set_orders([order(10), *ORDERS])
        assert table.cursor_row == 4 and table.current_order is not None
        assert table.current_order.id == 14


async def test_enter_and_a_click_on_the_highlighted_row_select_it() -> None:
    app = TableApp()
    async with app.run_test(size=(120, 12)) as pilot:
        table = app.query_one(OrderTable)
        table.set_orders(ORDERS)
        table.focus()
        await pilot.press("j", "enter")
        await pilot.click(OrderTable, offset=(3, 3))
        await pilot.click(OrderTable, offset=(3, 3))
        await pilot.pause()
        assert app.selected == [12, 13]


class SortApp(TableApp):
    def __init__(self) -> None:
        super().__init__()
        self.requested: list[str] = []

    def on_order_table_sort_requested(self, event: OrderTable.SortRequested) -> None:
        self.requested.append(event.column)


async def test_a_click_on_a_header_asks_for_that_sort() -> None:
    app = SortApp()
    async with app.run_test(size=(120, 12)) as pilot:
        app.query_one(OrderTable).set_orders(ORDERS)
        await pilot.click(OrderTable, offset=(2, 0))
        await pilot.click(OrderTable, offset=(10, 0))
        await pilot.pause()
    assert app.requested == ["id", "status"]


async def test_paging_keys_move_by_a_screen_and_scroll_with_the_cursor() -> None:
    many = [order(100 + i) for i in range(50)]
    app = TableApp()
    async with app.run_test(size=(100, 12)) as pilot:
        table = app.query_one(OrderTable)
        table.set_orders(many)
        table.focus()
        await pilot.press("pagedown")
        assert table.cursor_row == 11
        await pilot.press("G")
        assert table.cursor_row == 49
        assert int(table.scroll_y) == 50 - 11
        assert "149" in screen_text(app).splitlines()[-1]
