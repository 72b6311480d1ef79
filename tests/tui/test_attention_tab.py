"""The Needs attention tab in the app: first while it has anything, ranked with a Why column,
change markers in the list, orders opened from it, the audit log from the palette."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import Static, Tabs

from porting_tui.client import PortingClient
from porting_tui.domain.order_draft import OrderDraft
from porting_tui.emulator import DEMO_KEY_ID, DEMO_KEY_SECRET, DEMO_PROJECT_ID, Emulator
from porting_tui.listing.attention_context import LocalState
from porting_tui.listing.session import Session
from porting_tui.local.audit_log import AuditLog
from porting_tui.local.drafts import DraftStore
from porting_tui.local.store import LocalStore
from porting_tui.tui.app import PortingApp
from porting_tui.tui.screens.audit_log_screen import AuditLogScreen
from porting_tui.tui.screens.create_order.resume_draft_dialog import ResumeDraftDialog
from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen
from porting_tui.tui.screens.order_list.order_list_screen import ATTENTION_VIEW as VIEW_ID
from porting_tui.tui.screens.order_list.view_tabs import ATTENTION_TAB as TAB_ID
from porting_tui.tui.webhook_feed import WebhookEventReceived
from porting_tui.tui.widgets.attention_view import AttentionView
from porting_tui.tui.widgets.since_last_looked import SinceLastLookedBox
from porting_tui.webhooks.event_store import ReceivedEvent
from tests.tui.conftest import (
    START,
    RecordingTransport,
    list_screen,
    make_emulator,
    make_session,
    no_sleep,
    settle,
)

SnapCompare = Callable[..., bool]


def attention_session(
    tmp_path: Path,
    emulator: Emulator | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    **overrides: Any,
) -> Session:
    """A session with seen-state in tmp_path, on the emulator's frozen clock (``transport``:
    the client's, instead of one straight to ``emulator``)."""
    emulator = emulator or make_emulator()
    transport = transport or RecordingTransport(httpx.ASGITransport(app=emulator.app))
    local = LocalState.open(
        "acme-test", DEMO_PROJECT_ID, path=tmp_path / "state.sqlite3", clock=lambda: START
    )
    client = PortingClient(
        DEMO_PROJECT_ID,
        key_id=DEMO_KEY_ID,
        key_secret=DEMO_KEY_SECRET,
        base_url="http://127.0.0.1:8787",
        transport=transport,
        sleep=no_sleep,
        on_mutation=local.on_mutation(),
    )
    session = make_session(transport, tmp_path, client=client, **overrides)
    return dataclasses.replace(session, attention=local.attention(client, key_id=DEMO_KEY_ID))


async def found_in_palette(pilot: Pilot[None], title: str) -> None:
    """Wait until the palette lists ``title`` first (its providers search in workers)."""
    for _ in range(200):
        await pilot.pause()
        commands = pilot.app.screen.query(CommandList)
        if commands and commands.first().option_count:
            first = commands.first().get_option_at_index(0)
            if title in str(first.prompt):
                return
    raise AssertionError(f"{title!r} never showed in the command palette")


def attention_view(app: PortingApp) -> AttentionView:
    return app.screen.query_one(f"#{VIEW_ID}", AttentionView)


async def test_the_tab_comes_first_and_shows_the_ranking(tmp_path: Path) -> None:
    app = PortingApp(attention_session(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = list_screen(app)
        tabs = screen.query_one(Tabs)
        first = tabs.query("Tab").first()
        view = attention_view(app)
        assert view.items, "the seeded project has orders needing attention"
        assert first.id == TAB_ID
        assert str(first.label) == f"0 Needs attention ({len(view.items)})"
        # Once ranked, Needs attention opens by itself on the most urgent order.
        assert view.display and not screen.table.display
        assert view.highlighted_order() == view.items[0].order_id

        await pilot.press("1")
        await settle(pilot)
        assert screen.table.display and not view.display
        await pilot.press("0")
        await pilot.pause()
        assert tabs.active == TAB_ID
        assert view.display and not screen.table.display
        assert app.focused is view.table
        assert screen.check_action("filters", ()) is False

        top = view.items[0]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OrderDetailScreen)
        assert app.screen.order_id == top.order_id

        await pilot.press("escape")
        await pilot.press("1")
        await settle(pilot)
        assert tabs.active == "view-0"
        assert screen.table.display and not view.display
        assert screen.check_action("filters", ()) is True


async def test_the_app_can_start_on_the_list_and_stays_there(tmp_path: Path) -> None:
    session = attention_session(tmp_path)
    settings = dataclasses.replace(session.settings, start_on="list")
    session = dataclasses.replace(session, settings=settings)
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = attention_view(app)
        assert view.items and view.ranked_once
        assert not view.display and list_screen(app).table.display
        # Hidden, the view ranks without filling its table (a thousand rows, every second of
        # a first refresh); shown, the rows are there from its first frame.
        assert view.table.row_count == 0
        await pilot.press("0")
        assert view.display and view.table.row_count == len(view.items)
        assert view.highlighted_order() == view.items[0].order_id


async def test_an_operator_already_busy_in_the_list_is_not_taken_away(tmp_path: Path) -> None:
    app = PortingApp(attention_session(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = list_screen(app)
        # Chosen before the ranking is ready (it needs dozens of requests, the key none).
        await pilot.press("2")
        await settle(pilot)
        assert attention_view(app).ranked_once
        assert screen.table.display and screen.tabs.view.name == "Confirmed"


async def test_opening_an_order_marks_it_seen_and_u_undoes_that(tmp_path: Path) -> None:
    app = PortingApp(attention_session(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("0")
        await pilot.pause()
        view = attention_view(app)
        top = view.items[0]
        assert top.why.startswith("1 rejected · note ✉")
        assert not top.looked
        await pilot.press("enter")
        await settle(pilot)
        box = app.screen.query_one(SinceLastLookedBox)
        assert str(box.render()) == "First look at this order"

        # Looked at but not fixed: the row stays with its reasons, dimmed, the cursor on it.
        await pilot.press("escape")
        await pilot.pause()
        after = {item.order_id: item for item in view.items}
        assert after[top.order_id].why == top.why
        assert after[top.order_id].looked
        assert view.highlighted_order() == top.order_id
        assert app.focused is view.table
        label = str(app.screen.query_one("#attention-progress", Static).render())
        assert label.startswith(f"{len(view.items)} need attention")

        await pilot.press("enter")
        await settle(pilot)
        assert str(app.screen.query_one(SinceLastLookedBox).render()) == (
            "Nothing new since you last looked"
        )
        await pilot.press("U")
        await pilot.press("U")
        await pilot.press("escape")
        await pilot.pause()
        assert view.items[0].order_id == top.order_id
        assert view.items[0].why == top.why
        assert not view.items[0].looked


async def test_a_webhook_event_rereads_its_order_for_the_view(tmp_path: Path) -> None:
    emulator = make_emulator()
    app = PortingApp(attention_session(tmp_path, emulator=emulator))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = attention_view(app)
        ranked = {item.order_id for item in view.items}
        quiet = next(row for order_id, row in view.board.rows.items() if order_id not in ranked)
        record = emulator.store.get(quiet.id)
        assert record is not None
        emulator.lifecycle.add_note(record, "Call us", "Sinch Porting", emulator.clock.now())
        body = json.dumps({"type": "NEW_ORDER_NOTE", "orderId": str(quiet.id)})
        event = ReceivedEvent(1, START, "NEW_ORDER_NOTE", str(quiet.id), body)
        app.screen.post_message(WebhookEventReceived(event))
        await settle(pilot)
        assert {item.order_id: item.why for item in view.items}[quiet.id] == "note ✉"


async def test_list_rows_of_new_and_changed_orders_are_marked(tmp_path: Path) -> None:
    session = attention_session(tmp_path)
    assert session.attention is not None
    board = session.attention.board
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = list_screen(app).table
        shown = {order.id: order for order in table.visible_orders}
        expected = {i for i, row in shown.items() if board.marker(row) is not None}
        assert expected, "orders created today count as new"
        assert expected <= table.changed_ids


async def test_the_audit_log_opens_from_the_palette_and_lists_app_changes(
    tmp_path: Path,
) -> None:
    session = attention_session(tmp_path)
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        order_id = list_screen(app).table.visible_orders[0].id
        await session.client.orders.add_note(order_id, "Bill uploaded")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"audit log")
        await found_in_palette(pilot, "Audit log")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AuditLogScreen)
        rows = [[str(c) for c in screen.table.get_row_at(i)] for i in range(screen.table.row_count)]
        assert [row[2:6] for row in rows] == [["app", "acme-test", str(order_id), "note"]]
    # The app closed its store on the way out; the log is in the file for the next run.
    entries = AuditLog(LocalStore.open(tmp_path / "state.sqlite3")).entries()
    assert [entry.action for entry in entries] == ["note"]


async def test_without_a_store_the_app_runs_as_before(tmp_path: Path) -> None:
    transport = RecordingTransport(httpx.ASGITransport(app=make_emulator().app))
    app = PortingApp(make_session(transport, tmp_path))
    async with app.run_test() as pilot:
        await settle(pilot)
        assert not app.screen.query(f"#{VIEW_ID}")
        assert list_screen(app).query_one(Tabs).query("Tab").first().id == "view-0"


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_snapshot_of_the_attention_view(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = PortingApp(attention_session(tmp_path))

    async def on_attention(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("0")
        await settle(pilot)
        progress = app.screen.query_one("#attention-progress", Static)
        assert "need attention" in str(progress.render())

    assert snap_compare(app, terminal_size=size, run_before=on_attention)


async def test_the_wizard_keeps_its_drafts_in_the_runs_own_store(tmp_path: Path) -> None:
    session = attention_session(tmp_path)
    assert session.attention is not None and session.attention.local.store is not None
    drafts = DraftStore(session.attention.local.store)
    drafts.save("d1", profile="acme-test", project_id=session.project_id, draft=OrderDraft())
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # The offer at start reads the store the app run opened, not another one.
        assert isinstance(app.screen, ResumeDraftDialog), f"on {type(app.screen).__name__}"
