"""The app reads bodies shaped like the reference's samples: the list, the detail, a number it
cannot read (its raw entry one key away) and a page with rows it cannot read."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
import textual.constants
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from porting_tui.client import (
    PortingClient,
)
from porting_tui.tui.app import PortingApp
from porting_tui.tui.dialogs.copied_text_dialog import CopiedTextDialog
from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen
from porting_tui.tui.widgets.numbers_panel import NumbersPanel
from porting_tui.tui.widgets.order_table import OrderTable
from tests.conformance.reference_server import (
    API,
    DATE_FORMS,
    GARBAGE,
    PROJECT,
    ReferenceServer,
    broken_number_order,
    reference_order,
    reference_page,
)
from tests.tui.conftest import make_session, settle
from tests.waiting import wait_until


@pytest.fixture
async def app_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Callable[[ReferenceServer], Any]]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")

    def start(server: ReferenceServer) -> Any:
        client = PortingClient(
            PROJECT, key_id="key-id", key_secret="key-secret", base_url=API,
            transport=server.transport, max_retries=0,
        )  # fmt: skip
        session = make_session(server.transport, tmp_path, client=client, project_id=PROJECT)
        return PortingApp(session).run_test(size=(140, 40))

    yield start


async def open_first_order(pilot: Pilot[None]) -> OrderDetailScreen:
    await settle(pilot)
    table = pilot.app.screen.query_one(OrderTable)
    await wait_until(pilot, lambda: len(table.visible_orders) > 0, "the order list to show rows")
    await pilot.press("enter")
    await wait_until(
        pilot, lambda: isinstance(pilot.app.screen, OrderDetailScreen), "the order detail"
    )
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, OrderDetailScreen)
    return screen


def table_text(pilot: Pilot[None]) -> str:
    table = pilot.app.screen.query_one(OrderTable)
    return "\n".join(
        table.render_line(y).text for y in range(table.scrollable_content_region.height)
    )


def number_rows(screen: OrderDetailScreen) -> list[str]:
    rows = []
    for option in screen.query_one(NumbersPanel).option_list.options:
        if option.disabled:  # the heading of an activation group
            continue
        console = Console(width=130, record=True, color_system=None, file=io.StringIO())
        console.print(option.prompt)
        # The reason column wraps: one line per row reads more simply.
        rows.append(" ".join(console.export_text().split()))
    return rows


@pytest.mark.parametrize("form", ["date-time Z", "offset", "garbage"])
async def test_the_app_opens_the_reference_list_and_detail(
    app_on: Callable[[ReferenceServer], Any], form: str
) -> None:
    value = GARBAGE if form == "garbage" else DATE_FORMS[form]
    server = ReferenceServer(reference_order(value), reference_page(value))
    async with app_on(server) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: "890192331" in table_text(pilot), "the reference rows")
        listed = table_text(pilot)
        assert "ON_HOLD" in listed
        assert (GARBAGE[:8] if form == "garbage" else "2024-09-24") in listed
        screen = await open_first_order(pilot)
        summary = str(screen.query_one("#summary", Static).render())
        assert f"created {GARBAGE if form == 'garbage' else '2024-09-24'}" in summary
        (row,) = number_rows(screen)
        assert "+12345678901" in row and "ON_HOLD" in row
        assert "unreadable" not in row


async def test_the_app_shows_a_number_it_cannot_read_and_its_raw_entry_one_key_away(
    app_on: Callable[[ReferenceServer], Any],
) -> None:
    server = ReferenceServer(broken_number_order(), reference_page())
    async with app_on(server) as pilot:
        screen = await open_first_order(pilot)
        good, odd = number_rows(screen)
        assert "+12345678901" in good and "unreadable" not in good
        assert "+12345678902" in odd
        assert "unreadable: endUser: Input should be a valid dictionary" in odd
        panel = screen.query_one(NumbersPanel)
        panel.option_list.focus()
        panel.option_list.highlighted = panel.option_list.get_option_index("+12345678902")
        await pilot.press("w")
        await wait_until(
            pilot, lambda: isinstance(pilot.app.screen, CopiedTextDialog), "the raw entry"
        )
        shown = pilot.app.screen.query_one("TextArea").text  # type: ignore[attr-defined]
        assert json.loads(shown) == {
            "phoneNumber": "+12345678902",
            "status": "CONFIRMED",
            "endUser": "Acme Corp",
        }
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        messages = [n.message for n in pilot.app._notifications]
        assert any("could not read" in message for message in messages), messages
        assert isinstance(pilot.app.screen, OrderDetailScreen)


async def test_the_app_lists_a_page_with_rows_it_cannot_read(
    app_on: Callable[[ReferenceServer], Any],
) -> None:
    page = reference_page()
    page["orders"][1:1] = [{"id": "not-a-number", "status": "PENDING"}, 42]
    server = ReferenceServer(reference_order(), page)
    async with app_on(server) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: "897867" in table_text(pilot), "the readable rows")
        listed = table_text(pilot)
        assert "890192331" in listed
        assert "unreadable: id:" in listed  # the reference column says why, as far as it fits
        assert "UNREADABLE" in listed  # the row that carried no status either
        table = pilot.app.screen.query_one(OrderTable)
        assert len(table.visible_orders) == 4
