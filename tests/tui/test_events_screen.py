"""The Events screen and the app's receiver: events newest first, filters, raw JSON, live
updates of the screen, the order list and the order's screen, the demo."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Select, Static

from porting_tui.client import parse_webhook
from porting_tui.emulator import DEMO_KEY_ID, DEMO_KEY_SECRET, DEMO_PROJECT_ID, Emulator
from porting_tui.listing.session import Session
from porting_tui.local.store import LocalStore
from porting_tui.tui.app import PortingApp
from porting_tui.tui.screens.events_screen import EventsScreen
from porting_tui.webhooks import WebhookEventStore
from tests.tui.conftest import (
    RecordingTransport,
    make_emulator,
    make_session,
    settle,
    wait_until,
)
from tests.webhooks.emulator_helpers import order_body
from tests.webhooks.samples import event_body

FIRST_EVENT_AT = datetime(2026, 11, 27, 13, 0, tzinfo=UTC)


@pytest.fixture
def emulator() -> Emulator:
    return make_emulator(orders=5)


@pytest.fixture
def store_path(private_data_home: Path) -> Path:
    """Where the app keeps its local store in these tests (the data home is per test)."""
    return private_data_home / "porting-tui" / "state.sqlite3"


def fill_store(store_path: Path, profile: str = "acme-test") -> None:
    """Events a minute apart, of every kind, on two orders; one of another profile."""
    store = LocalStore.open(store_path)
    times = iter(FIRST_EVENT_AT + timedelta(minutes=n) for n in range(10))
    events = WebhookEventStore(store, now=lambda: next(times))
    rows = [
        ("ORDER_UPDATED", "700001", profile),
        ("NUMBERS_CONFIRMED", "700001", profile),
        ("NUMBERS_REJECTED", "700002", profile),
        ("NEW_ORDER_NOTE", "700002", None),
        ("NUMBERS_ACTIVATED", "700001", "other-profile"),
        ("NUMBERS_ACTIVATED", "700001", profile),
    ]
    for kind, order_id, owner in rows:
        raw = json.dumps(event_body(kind, order_id=order_id), indent=1)
        events.add(parse_webhook(raw), raw, profile=owner)
    store.close()


async def open_events(app: PortingApp, pilot: Pilot[None]) -> EventsScreen:
    await settle(pilot)
    await pilot.press("W")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, EventsScreen)
    return screen


def rows(screen: EventsScreen) -> list[tuple[str, str]]:
    return [(event.event_type, event.order_id) for event in screen.shown]


def shown(screen: EventsScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


@pytest.fixture
async def running(
    session: Session, store_path: Path
) -> AsyncIterator[tuple[PortingApp, Pilot[None]]]:
    fill_store(store_path)
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        yield app, pilot


def id_cell_style(table: Any, order_id: int) -> Any:
    """The style of the order id as drawn on screen (the row must be in view)."""
    row = next(i for i, o in enumerate(table.visible_orders) if o.id == order_id)
    strip = table.render_line(row - int(table.scroll_y) + 1)
    return next(seg.style for seg in strip if seg.text.strip() == str(order_id))


def listening_session(transport: Any, tmp_path: Path, **overrides: Any) -> Session:
    return make_session(transport, tmp_path, webhook_listen="127.0.0.1:0", **overrides)


def emulator_api(emulator: Emulator) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=emulator.app),
        base_url=f"http://127.0.0.1:8787/v1/projects/{DEMO_PROJECT_ID}",
        auth=(DEMO_KEY_ID, DEMO_KEY_SECRET),
    )


async def test_events_are_listed_newest_first_for_this_profile(running: Any) -> None:
    app, pilot = running
    screen = await open_events(app, pilot)
    assert rows(screen) == [
        ("NUMBERS_ACTIVATED", "700001"),
        ("NEW_ORDER_NOTE", "700002"),
        ("NUMBERS_REJECTED", "700002"),
        ("NUMBERS_CONFIRMED", "700001"),
        ("ORDER_UPDATED", "700001"),
    ]
    table = screen.query_one("#events", DataTable)
    assert [str(cell) for cell in table.get_row_at(2)] == [
        "11-27 13:02:00",
        "NUMBERS_REJECTED",
        "700002",
        "1 REJECTED: +13125550143 (Invalid port-out PIN)",
    ]
    assert "No receiver runs in this app" in shown(screen, "#receiver")


async def test_filters_by_type_and_order(running: Any) -> None:
    app, pilot = running
    screen = await open_events(app, pilot)
    screen.query_one("#type-filter", Select).value = "NUMBERS_ACTIVATED"
    await pilot.pause()
    assert rows(screen) == [("NUMBERS_ACTIVATED", "700001")]
    await pilot.press("x")
    await pilot.press("o", *"700002")
    await pilot.pause()
    assert rows(screen) == [("NEW_ORDER_NOTE", "700002"), ("NUMBERS_REJECTED", "700002")]
    assert shown(screen, "#event-count") == "2 events matching"
    await pilot.press("enter")
    assert screen.query_one("#events", DataTable).has_focus
    await pilot.press("o", "9")
    await pilot.pause()
    assert rows(screen) == []
    assert "No events match" in shown(screen, "#raw")
    await pilot.press("escape")
    assert screen.query_one("#events", DataTable).has_focus
    await pilot.press("escape")
    assert app.screen is not screen


async def test_raw_json_is_masked_and_shown_as_received_on_request(running: Any) -> None:
    app, pilot = running
    screen = await open_events(app, pilot)
    screen.query_one("#events", DataTable).move_cursor(row=4)
    await pilot.pause()
    assert json.loads(shown(screen, "#raw"))["order"]["phoneNumbers"][0]["portOutInfo"] == {
        "existingPortOutPin": "••••",
        "accountNum": "••••",
    }
    await pilot.press("u")
    assert shown(screen, "#raw") == json.dumps(
        event_body("ORDER_UPDATED", order_id="700001"), indent=1
    )
    assert screen.query_one("#raw-pane").border_subtitle == "as received"


async def test_server_text_in_events_is_shown_literally(session: Session, store_path: Path) -> None:
    store = LocalStore.open(store_path)
    body = event_body("NEW_ORDER_NOTE", order_id="700001")
    body["note"] = "[bold red]not markup[/] \u202eevil"
    raw = json.dumps(body, ensure_ascii=False)
    WebhookEventStore(store).add(parse_webhook(raw), raw, profile="acme-test")
    store.close()
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_events(app, pilot)
        what = str(screen.query_one("#events", DataTable).get_row_at(0)[3])
        assert what.startswith("note: [bold red]not markup[/]")
        raw_shown = shown(screen, "#raw")
        assert "[bold red]not markup[/]" in raw_shown and "\u202e" not in raw_shown


async def test_events_stored_by_another_process_appear(running: Any, store_path: Path) -> None:
    app, pilot = running
    screen = await open_events(app, pilot)
    store = LocalStore.open(store_path)
    raw = json.dumps(event_body("NEW_ORDER_NOTE", order_id="700003"))
    WebhookEventStore(store).add(parse_webhook(raw), raw)
    store.close()
    await pilot.press("r")
    await pilot.pause()
    assert rows(screen)[0] == ("NEW_ORDER_NOTE", "700003")


async def test_emulator_lifecycle_events_reach_the_apps_receiver_and_the_screen(
    transport: Any, emulator: Emulator, tmp_path: Path
) -> None:
    app = PortingApp(listening_session(transport, tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_events(app, pilot)
        url = app.webhook_feed.url
        assert url is not None and url.startswith("http://127.0.0.1:")
        assert f"Receiving at {url}" in shown(screen, "#receiver")
        assert rows(screen) == []
        async with emulator_api(emulator) as api:
            await api.post("/configuration", json={"webhookUrl": url})
            created = await api.post("/orders/portIns", json=order_body("2026-12-08"))
            assert created.is_success, created.text
        emulator.advance(timedelta(days=10))
        await emulator.wait_webhooks()
        await settle(pilot)
        sent = [(r.body["type"], r.body["orderId"]) for r in emulator.events.records]
        assert {r.delivery for r in emulator.events.records} == {"delivered (HTTP 200)"}
        assert rows(screen) == list(reversed(sent))
        assert {"NUMBERS_REJECTED", "NEW_ORDER_NOTE"} <= {kind for kind, _ in sent}
        assert {order for _, order in sent} == {str(created.json()["id"])}


async def test_an_event_marks_its_order_in_the_list_and_refreshes_its_row(
    tmp_path: Path,
) -> None:
    emulator = make_emulator(orders=100)
    transport = RecordingTransport(httpx.ASGITransport(app=emulator.app))
    app = PortingApp(listening_session(transport, tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#orders")
        pending = next(o for o in table.visible_orders if o.status == "PENDING")
        async with emulator_api(emulator) as api:
            await api.post("/configuration", json={"webhookUrl": app.webhook_feed.url})
            canceled = await api.delete(f"/orders/portIns/{pending.id}")
            assert canceled.is_success, canceled.text
        transport.forget()
        await emulator.wait_webhooks()
        await settle(pilot)
        # Cancelled, the order no longer belongs in Pending: it leaves the view, with a word.
        [query] = transport.list_queries()
        assert query["orderId"] == str(pending.id)
        assert all(o.id != pending.id for o in table.visible_orders)
        messages = [n.message for n in app._notifications]
        assert f"Order {pending.id} is now PENDING_CANCELATION: it left this view" in messages
        # In the All view the row is marked as changed, until it is opened.
        await pilot.press("3")
        await wait_until(
            pilot,
            lambda: any(o.id == pending.id for o in table.visible_orders),
            "the order in All",
        )
        assert pending.id in table.changed_ids
        assert id_cell_style(table, pending.id).underline
        row = next(o for o in table.visible_orders if o.id == pending.id)
        assert row.status == "PENDING_CANCELATION"
        table.move_to_order(pending.id)
        await pilot.press("enter")
        await settle(pilot)
        assert pending.id not in table.changed_ids


async def test_the_demo_points_the_emulators_webhooks_at_the_app(
    transport: Any, emulator: Emulator, tmp_path: Path
) -> None:
    app = PortingApp(make_session(transport, tmp_path, demo=True, profile_name="demo"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_events(app, pilot)
        url = app.webhook_feed.url
        assert url is not None
        assert emulator.store.configuration == {"webhookUrl": url}
        async with emulator_api(emulator) as api:
            note = await api.post("/orders/portIns/700001/notes", json={"note": "Hello"})
            assert note.is_success, note.text
        await emulator.wait_webhooks()
        await settle(pilot)
        assert rows(screen)[0] == ("NEW_ORDER_NOTE", "700001")
    assert app.webhook_feed.events is None
    own_store = tmp_path / "xdg-data" / "porting-tui" / "state.sqlite3"
    if own_store.exists():
        with sqlite3.connect(own_store) as db:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        assert "webhook_events" not in tables


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_snapshot_of_the_events_screen(
    snap_compare: Any, session: Session, store_path: Path, size: tuple[int, int]
) -> None:
    fill_store(store_path)
    app = PortingApp(session)

    async def run_before(pilot: Pilot[None]) -> None:
        screen = await open_events(app, pilot)
        screen.query_one("#events", DataTable).move_cursor(row=2)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)
