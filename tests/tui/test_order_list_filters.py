"""Filters reach the API as its query parameters and narrow the table; `/` narrows locally."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from textual.widget import Widget
from textual.widgets import Input, Static

from porting_tui.client import OrderListItem
from porting_tui.emulator.demo_world import DEMO_ORDERS
from porting_tui.listing.filters import OrderFilters
from porting_tui.tui.app import PortingApp
from tests.tui.conftest import RecordingTransport, list_screen, settle

Running = tuple[PortingApp, object]


async def apply(app: PortingApp, pilot: object, filters: OrderFilters) -> list[OrderListItem]:
    list_screen(app).set_filters(filters)
    await settle(pilot)  # type: ignore[arg-type]
    return list(list_screen(app).table.visible_orders)


async def test_the_first_view_is_pending_orders(
    running: Running, transport: RecordingTransport
) -> None:
    app, _ = running
    rows = list_screen(app).table.visible_orders
    assert rows and all(order.status == "PENDING" for order in rows)
    assert transport.list_queries()[0] == {"orderStatus": "PENDING", "pageSize": "100"}


async def test_status_filter(running: Running, transport: RecordingTransport) -> None:
    app, pilot = running
    rows = await apply(app, pilot, OrderFilters(status="CONFIRMED"))
    assert transport.list_queries()[-1] == {"orderStatus": "CONFIRMED", "pageSize": "100"}
    assert rows and all(order.status == "CONFIRMED" for order in rows)


async def test_created_range_with_relative_dates(
    running: Running, transport: RecordingTransport
) -> None:
    app, pilot = running
    rows = await apply(app, pilot, OrderFilters(created_from="-7d", created_to="-2d"))
    assert transport.list_queries()[-1] == {
        "createdDateStart": "2026-11-20T00:00:00Z",
        "createdDateEnd": "2026-11-25T23:59:59Z",
        "pageSize": "100",
    }
    assert 0 < len(rows) < DEMO_ORDERS
    assert all(
        date(2026, 11, 20) <= o.created_date <= date(2026, 11, 25) for o in rows if o.created_date
    )


async def test_foc_range(running: Running, transport: RecordingTransport) -> None:
    app, pilot = running
    rows = await apply(app, pilot, OrderFilters(foc_from="today", foc_to="2026-11-30"))
    assert transport.list_queries()[-1] == {
        "focStartDate": "2026-11-27T00:00:00Z",
        "focEndDate": "2026-11-30T23:59:59Z",
        "pageSize": "100",
    }
    assert 0 < len(rows) < DEMO_ORDERS
    client = app.session.client
    for row in rows[:3]:
        order = await client.orders.get(row.id)
        focs = [n.foc_date.date() for n in order.phone_numbers if n.foc_date]
        assert any(date(2026, 11, 27) <= foc <= date(2026, 11, 30) for foc in focs)


async def test_customer_reference(running: Running, transport: RecordingTransport) -> None:
    app, pilot = running
    everything = await apply(app, pilot, OrderFilters())
    reference = next(o.customer_order_reference for o in everything if o.customer_order_reference)
    assert reference
    rows = await apply(app, pilot, OrderFilters(reference=reference))
    assert transport.list_queries()[-1] == {"customerOrderReference": reference, "pageSize": "100"}
    assert [o.customer_order_reference for o in rows] == [reference]


async def test_phone_number_typed_as_people_write_it(
    running: Running, transport: RecordingTransport
) -> None:
    app, pilot = running
    everything = await apply(app, pilot, OrderFilters())
    order = await app.session.client.orders.get(everything[10].id)
    e164 = order.phone_numbers[0].phone_number
    typed = f"({e164[2:5]}) {e164[5:8]}-{e164[8:]}"
    rows = await apply(app, pilot, OrderFilters(phone=typed))
    assert transport.list_queries()[-1] == {"phoneNumber": e164, "pageSize": "100"}
    assert order.id in [o.id for o in rows]


async def test_order_id(running: Running, transport: RecordingTransport) -> None:
    app, pilot = running
    rows = await apply(app, pilot, OrderFilters(order_id="#700123"))
    assert transport.list_queries()[-1] == {"orderId": "700123", "pageSize": "100"}
    assert [o.id for o in rows] == [700123]


async def test_the_filter_dialog_shows_errors_at_the_field_and_sends_nothing(
    running: Running, transport: RecordingTransport
) -> None:
    app, pilot = running
    transport.forget()
    await pilot.press("f")
    await pilot.press("ctrl+r", *"conf", "tab", "tab")  # type: ignore[attr-defined]
    app.screen.query_one("#field-created_from", Input).value = "lastweek"
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    error = app.screen.query_one("#error-created_from", Static)
    assert "'lastweek' is not a date" in str(error.render())
    assert transport.list_queries() == []
    field = app.screen.query_one("#field-created_from", Input)
    assert app.focused is field
    field.value = "-30d"
    await pilot.pause()  # type: ignore[attr-defined]
    assert str(error.render()) == "", "a fixed field loses its error as soon as it is right"
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    screen = list_screen(app)
    assert screen.filters == OrderFilters(status="CONFIRMED", created_from="-30d")
    assert transport.list_queries()[-1]["orderStatus"] == "CONFIRMED"
    assert "status CONFIRMED · created -30d..…" in str(screen.query_one("#filter-summary").render())


async def test_find_narrows_loaded_rows_as_you_type_without_asking_the_api(
    running: Running, transport: RecordingTransport
) -> None:
    app, pilot = running
    await apply(app, pilot, OrderFilters())
    transport.forget()
    table = list_screen(app).table
    await pilot.press("slash", *"summit")  # type: ignore[attr-defined]
    rows = table.visible_orders
    assert rows and all("summit" in (o.customer_order_reference or "").lower() for o in rows)
    assert len(rows) < table.loaded_count
    assert transport.requests == []
    assert "match of 100 loaded" in str(list_screen(app).query_one("#list-status").render())
    await pilot.press("escape")  # type: ignore[attr-defined]
    assert len(table.visible_orders) == table.loaded_count
    assert app.focused is table


async def test_a_find_keystroke_never_lays_the_screen_out_for_the_status_line(
    running: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It did at each key: a layout redraws the whole screen (about 30 of a keystroke's 40 ms).
    app, pilot = running
    await apply(app, pilot, OrderFilters())
    laid_out: list[str] = []
    refresh = Widget.refresh

    def noted(widget: Widget, *regions: Any, **options: Any) -> Widget:
        if options.get("layout"):
            laid_out.append(type(widget).__name__)
        return refresh(widget, *regions, **options)

    monkeypatch.setattr(Widget, "refresh", noted)
    await pilot.press("slash", *"summit")  # type: ignore[attr-defined]
    status = str(list_screen(app).query_one("#list-status").render())
    assert "match of 100 loaded" in status
    assert "StatusLine" not in laid_out


async def test_filters_and_find_survive_opening_an_order_and_coming_back(
    running: Running, transport: RecordingTransport
) -> None:
    app, pilot = running
    await apply(app, pilot, OrderFilters(status="COMPLETED", created_from="-30d"))
    await pilot.press("slash", *"70", "enter")  # type: ignore[attr-defined]
    shown = [o.id for o in list_screen(app).table.visible_orders]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    assert type(app.screen).__name__ == "OrderDetailScreen"
    await pilot.press("escape")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    screen = list_screen(app)
    assert screen.filters == OrderFilters(status="COMPLETED", created_from="-30d")
    assert [o.id for o in screen.table.visible_orders] == shown
    assert screen.query_one("#find", Input).value == "70"


async def test_typed_text_echoed_in_an_error_is_not_read_as_markup(running: Running) -> None:
    app, pilot = running
    await pilot.press("f")  # type: ignore[attr-defined]
    app.screen.query_one("#field-created_from", Input).value = "[bold]x[/bold] [/oops]"
    await pilot.press("enter")  # type: ignore[attr-defined]
    error = app.screen.query_one("#error-created_from", Static)
    assert "'[bold]x[/bold] [/oops]' is not a date" in str(error.render())
