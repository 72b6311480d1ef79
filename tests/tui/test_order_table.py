"""OrderTable on its own: literal cells, find filter, sorting, cursor that follows its order."""

from __future__ import annotations

from datetime import date

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip

from porting_tui.client import OrderListItem
from porting_tui.tui.widgets.order_table import OrderTable
from tests.waiting import wait_until


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


def many_orders(count: int, start: int = 1000) -> list[OrderListItem]:
    """Orders with repeating statuses, references and counts, so that sorts have ties."""
    statuses = ["PENDING", "CONFIRMED", "COMPLETED", None, "CANCELED"]
    return [
        order(
            start + i,
            statuses[i % 5] or "PENDING",
            None if i % 7 == 0 else f"REF-{i % 13}",
            phone_number_quantity=i % 4,
        )
        for i in range(count)
    ]


def shown_ids(table: OrderTable) -> list[int]:
    return [o.id for o in table.visible_orders]


async def test_rows_appended_page_by_page_show_as_all_rows_at_once_would() -> None:
    """Find, narrowing and sort kept while pages are appended give what a table given every
    row at once gives; digits of wider ids widen the id column."""
    rows = many_orders(950, start=9500)
    keep_odd = lambda o, details: o.id % 2 == 1  # noqa: E731
    app = TableApp()
    async with app.run_test(size=(120, 12)):
        table = app.query_one(OrderTable)
        for sort, reverse, find, narrowing in [
            (None, False, "", None),
            (None, False, "ref-1", None),
            ("reference", False, "", None),
            ("reference", True, "", keep_odd),
            ("numbers", True, "ref", None),
            ("status", False, "00", keep_odd),
        ]:
            table.set_orders([])
            table.set_sort(sort, reverse)
            table.set_find(find)
            table.set_narrowing(narrowing)
            for end in (100, 101, 450, 950):
                table.set_orders(rows[:end])
            incremental = shown_ids(table)
            table.set_orders([])
            table.set_orders(rows)
            assert incremental == shown_ids(table), (sort, reverse, find)
            assert len(set(incremental)) == len(incremental)
        assert table.loaded_count == 950
        assert table._columns[0].width == 5
        table.set_orders([*rows, order(1_000_001)])
        assert table._columns[0].width == 7


async def test_appending_rows_keeps_the_cursor_on_its_order_in_a_sort() -> None:
    rows = many_orders(300)
    app = TableApp()
    async with app.run_test(size=(120, 12)):
        table = app.query_one(OrderTable)
        table.set_sort("reference", reverse=True)
        table.set_orders(rows[:100])
        assert table.move_to_order(1050)
        table.append_orders(rows[100:])
        assert table.current_order is not None and table.current_order.id == 1050
        assert table.loaded_count == 300


async def test_a_longer_find_text_narrows_as_a_new_search_would() -> None:
    rows = many_orders(500)
    app = TableApp()
    async with app.run_test(size=(120, 12)):
        table = app.query_one(OrderTable)
        table.set_orders(rows)
        table.set_sort("numbers")
        typed = ""
        for character in "ref-12":
            typed += character
            table.set_find(typed)
            narrowed = shown_ids(table)
            fresh = OrderTable()
            fresh._find = typed
            fresh._sort_column = "numbers"
            assert narrowed == [o.id for o in fresh.arrange_orders(rows)]
        assert narrowed and all(table.details(i) is None for i in narrowed)


async def test_the_row_count_changing_lays_out_nothing_but_the_table() -> None:
    app = TableApp()
    async with app.run_test(size=(120, 12)) as pilot:
        table = app.query_one(OrderTable)
        table.set_orders(many_orders(500))
        await pilot.pause()
        layouts = table._layout_updates
        table.set_find("ref-1")
        assert table.virtual_size.height == len(table.visible_orders) + 1
        table.set_find("")
        await pilot.pause()
        assert table._layout_updates == layouts
        assert table.max_scroll_y == 500 + 1 - table.scrollable_content_region.height


async def test_a_row_updated_by_a_webhook_is_drawn_again() -> None:
    app = TableApp()
    async with app.run_test(size=(120, 12)) as pilot:
        table = app.query_one(OrderTable)
        table.set_orders(ORDERS)
        await pilot.pause()
        assert "CONFIRMED" in table.render_line(2).text
        updated = order(12, "COMPLETED", "beta-7", phone_number_quantity=40)
        table.set_orders([ORDERS[0], updated, *ORDERS[2:]])
        await pilot.pause()
        redrawn = table.render_line(2)
        assert "COMPLETED" in redrawn.text
        assert "CONFIRMED" not in screen_text(app)
        # The row as drawn now is what is kept (and drawn again as it is).
        assert table.render_line(2) is redrawn


async def test_a_changed_mark_and_details_redraw_their_row() -> None:
    from porting_tui.attention.row_details import RowDetails

    app = TableApp()
    async with app.run_test(size=(120, 12)) as pilot:
        table = app.query_one(OrderTable)
        table.set_orders(ORDERS)
        await pilot.pause()
        plain = table.render_line(1)
        table.mark_changed(11)
        marked = table.render_line(1)
        assert marked.text == plain.text
        assert any(s.style and s.style.underline for s in marked) != any(
            s.style and s.style.underline for s in plain
        )
        details = RowDetails(
            desired_date=date(2026, 12, 15),
            foc_date=None,
            carriers=("Carrier Co",),
            age_days=3,
            attention="",
            urgency=0,
            note_to_answer=False,
        )
        assert "2026-12-15" not in table.render_line(1).text
        table.set_details({11: details})
        assert "2026-12-15" in table.render_line(1).text


async def test_lines_are_drawn_again_after_a_resize_and_a_theme_change() -> None:
    app = TableApp()
    async with app.run_test(size=(180, 12)) as pilot:
        table = app.query_one(OrderTable)
        table.set_orders(ORDERS)
        await pilot.pause()
        wide = table.render_line(1)
        await pilot.resize_terminal(60, 12)
        await pilot.pause()
        narrow = table.render_line(1)
        assert narrow.cell_length < wide.cell_length
        assert narrow.text != wide.text[: narrow.cell_length]
        before = [segment.style for segment in table.render_line(1)]
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        after = [segment.style for segment in table.render_line(1)]
        assert before != after


async def test_call_after_drawn_comes_once_the_new_rows_have_been_drawn() -> None:
    app = TableApp()
    async with app.run_test(size=(180, 12)) as pilot:
        table = app.query_one(OrderTable)
        await pilot.pause()
        drawn: list[str] = []
        draw_lines = table.render_lines

        def render_lines(crop: Region) -> list[Strip]:
            lines = draw_lines(crop)
            drawn.append(" ".join(line.text for line in lines))
            return lines

        table.render_lines = render_lines  # type: ignore[method-assign]
        seen_when_called: list[str] = []
        table.set_orders(ORDERS)
        table.call_after_drawn(lambda: seen_when_called.append(" ".join(drawn)))
        await wait_until(pilot, lambda: bool(seen_when_called), "the callback")
        assert "ACME-1" in seen_when_called[0]
        assert len(seen_when_called) == 1


async def test_call_after_drawn_on_a_table_not_on_screen_comes_after_the_next_refresh() -> None:
    app = TableApp()
    async with app.run_test(size=(180, 12)) as pilot:
        table = app.query_one(OrderTable)
        table.display = False
        await pilot.pause()
        called: list[bool] = []
        table.call_after_drawn(lambda: called.append(True))
        await wait_until(pilot, lambda: bool(called), "the callback")
