"""Triage without going back to the list: ] and [ walk the list the order came from, J goes to
the next order needing attention, and the tabs have keys; escape still goes straight back."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TabbedContent

from porting_tui.listing.session import ListSettings
from porting_tui.tui.app import PortingApp
from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen
from porting_tui.tui.widgets.attention_view import AttentionView
from porting_tui.tui.widgets.status_header import StatusHeader
from tests.tui.conftest import list_screen, settle, wait_until
from tests.tui.test_attention_tab import attention_session

LIST_FIRST = ListSettings(page_size=100, start_on="list")


def detail_of(app: PortingApp) -> OrderDetailScreen:
    screen = app.screen
    assert isinstance(screen, OrderDetailScreen), f"on {type(screen).__name__}"
    return screen


def subtitle(app: PortingApp) -> str:
    return app.screen.query_one(StatusHeader).subtitle


async def test_brackets_walk_the_list_the_order_was_opened_from(tmp_path: Path) -> None:
    session = attention_session(tmp_path, settings=LIST_FIRST)
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = list_screen(app)
        shown = [order.id for order in screen.table.visible_orders]
        assert len(shown) >= 3
        await pilot.press("enter")
        await settle(pilot)
        assert detail_of(app).order_id == shown[0]
        assert subtitle(app) == f"order {shown[0]} · 1/{len(shown)} in Pending"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert detail_of(app).order_id == shown[1]
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert detail_of(app).order_id == shown[2]
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert detail_of(app).order_id == shown[1]
        # Replaced, never stacked: one escape and the list is back.
        await pilot.press("escape")
        await settle(pilot)
        assert list_screen(app) is screen


async def test_the_first_order_has_no_previous_one(tmp_path: Path) -> None:
    app = PortingApp(attention_session(tmp_path, settings=LIST_FIRST))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = list_screen(app).table.visible_orders[0].id
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert detail_of(app).order_id == first
        messages = [n.message for n in app._notifications]
        assert "This is the first order of Pending." in messages


async def test_j_goes_down_needs_attention_keeping_the_tab(tmp_path: Path) -> None:
    app = PortingApp(attention_session(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("0")
        view = app.screen.query_one(AttentionView)
        await wait_until(pilot, lambda: len(view.items) >= 3, "a ranking of three orders")
        ranked = [item.order_id for item in view.items]
        await pilot.press("enter")
        await settle(pilot)
        assert detail_of(app).order_id == ranked[0]
        await pilot.press("2")
        assert detail_of(app).query_one(TabbedContent).active == "documents-tab"
        await pilot.press("J")
        await settle(pilot)
        assert detail_of(app).order_id == ranked[1]
        assert subtitle(app) == f"order {ranked[1]} · 2/{len(ranked)} in Needs attention"
        assert detail_of(app).query_one(TabbedContent).active == "documents-tab"
        await pilot.press("J")
        await settle(pilot)
        assert detail_of(app).order_id == ranked[2]
        await pilot.press("escape")
        await settle(pilot)
        assert list_screen(app).tabs.attention_active


async def test_tabs_answer_to_numbers_and_ctrl_page_keys(tmp_path: Path) -> None:
    app = PortingApp(attention_session(tmp_path, settings=LIST_FIRST))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        tabs = detail_of(app).query_one(TabbedContent)
        assert tabs.active == "notes-tab"
        for key, tab in (("3", "groups-tab"), ("4", "timeline-tab"), ("1", "notes-tab")):
            await pilot.press(key)
            assert tabs.active == tab
        await pilot.press("ctrl+pagedown")
        assert tabs.active == "documents-tab"
        await pilot.press("ctrl+pageup", "ctrl+pageup")
        assert tabs.active == "timeline-tab"
