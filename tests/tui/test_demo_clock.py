"""The demo: a frozen clock shown in the header, + moves it a day on, and the command line's
--demo holds the same orders as the app's."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

from click.testing import CliRunner
from textual.widgets import Input, Static

from porting_tui.cli import cli
from porting_tui.client import OrderPage
from porting_tui.listing.session import ListSettings
from porting_tui.tui.app import PortingApp
from porting_tui.tui.launch import demo_session
from tests.tui.conftest import list_screen, settle


async def test_the_demo_clock_stands_still_and_the_header_shows_it() -> None:
    session = demo_session(ListSettings(), orders=5)
    assert session.advance_demo_clock is not None
    start = session.now()
    assert (start.hour, start.minute) == (12, 0)
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        badge = list_screen(app).query_one("#demo", Static)
        assert str(badge.render()) == f"DEMO {start:%Y-%m-%d} 12:00 UTC"
        assert session.now() == start, "nothing moves behind the user's back"
        await pilot.press("plus")
        await settle(pilot)
        later = start + timedelta(days=1)
        assert session.now() == later
        assert str(badge.render()) == f"DEMO {later:%Y-%m-%d} 12:00 UTC"
        assert any(
            f"Demo clock: {later:%Y-%m-%d} 12:00 UTC" in n.message for n in app._notifications
        )


async def test_plus_does_nothing_outside_the_demo(running: tuple[PortingApp, object]) -> None:
    app, pilot = running
    assert not app.session.demo
    await pilot.press("plus")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    assert not any("Demo clock" in n.message for n in app._notifications)


def test_the_command_line_demo_holds_the_apps_orders() -> None:
    session = demo_session(ListSettings())

    async def first_page() -> OrderPage:
        try:
            return await session.client.orders.list_page(None, 5)
        finally:
            await session.client.aclose()

    page = asyncio.run(first_page())
    result = CliRunner().invoke(cli, ["--demo", "orders", "list", "--limit", "5", "--json"])
    assert result.exit_code == 0, result.output
    listed = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["id"] for row in listed] == [order.id for order in page.orders]
    assert [row["customerOrderReference"] for row in listed] == [
        order.customer_order_reference for order in page.orders
    ]


async def test_plus_typed_into_a_field_stays_in_the_field() -> None:
    session = demo_session(ListSettings(), orders=5)
    start = session.now()
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        field = app.screen.query_one("#field-foc_to", Input)
        field.focus()
        await pilot.press(*"+7d")
        assert field.value == "+7d"
        assert session.now() == start
