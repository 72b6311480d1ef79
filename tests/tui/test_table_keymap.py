"""The key map test walks every table: each one, opened the way a user opens it on the
in-process emulator, moves with the keys ROW_KEYS lists (j k, g G, home end, pgdn pgup)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, OptionList, TabbedContent

from porting_tui.client import (
    DesiredPortSchedule,
    NewOrder,
    NewPhoneNumber,
    Order,
    parse_webhook,
)
from porting_tui.domain.draft_fields import Step
from porting_tui.emulator import Emulator
from porting_tui.listing.session import ListSettings, Session
from porting_tui.local.drafts import DraftStore
from porting_tui.local.store import LocalStore
from porting_tui.tui.app import PortingApp
from porting_tui.tui.dialogs.activation_dialog import ActivationDialog
from porting_tui.tui.screens.audit_log_screen import AuditLogScreen
from porting_tui.tui.screens.create_order.create_order_screen import CreateOrderScreen
from porting_tui.tui.screens.create_order.drafts_dialog import DraftsDialog
from porting_tui.tui.screens.create_order.resume_draft_dialog import ResumeDraftDialog
from porting_tui.tui.screens.events_screen import EventsScreen
from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen
from porting_tui.tui.widgets.attention_view import AttentionView
from porting_tui.tui.widgets.documents_list import DocumentsList
from porting_tui.tui.widgets.number_groups_table import NumberGroupsTable
from porting_tui.tui.widgets.numbers_panel import NumbersPanel
from porting_tui.tui.widgets.order_table import OrderTable
from porting_tui.tui.widgets.table_keys import ROW_KEYS
from porting_tui.tui.widgets.timeline_view import TimelineView
from porting_tui.webhooks import WebhookEventStore
from tests.tui.conftest import (
    RecordingTransport,
    list_screen,
    make_emulator,
    make_session,
    new_number,
    palette_prompts,
    settle,
)
from tests.tui.create_order.wizard_helpers import next_step, paste_numbers, ready_draft
from tests.tui.test_attention_tab import attention_session
from tests.waiting import wait_until
from tests.webhooks.samples import event_body

SIZE = (120, 40)
MOVEMENT_KEYS = {"j", "k", "g", "G", "home", "end", "pagedown", "pageup"}
LIST_FIRST = ListSettings(page_size=100, start_on="list")

# Two numbers on each of 16 losing carriers: 16 activation groups, more than the Groups tab
# shows at once, and a (disabled) heading before each group's numbers in the numbers list.
# The carrier is a pure function of the NPA-NXX (porting_tui/emulator/carriers.py).
CARRIER_EXCHANGES = (
    "312200",  # US Cellular
    "312201",  # AT&T Wireline
    "312203",  # Verizon Wireless
    "312205",  # Bandwidth
    "312206",  # Cox Business
    "312207",  # T-Mobile
    "312208",  # Comcast Business
    "312209",  # AT&T Mobility
    "312212",  # Verizon Business
    "312227",  # Charter Spectrum
    "312228",  # Lumen
    "312244",  # Frontier Communications
    "312251",  # Windstream
    "416200",  # Bell Mobility
    "416201",  # Cogeco
    "416202",  # Telus Mobility
)
GROUPED_NUMBERS = tuple(
    f"+1{exchange}{line}" for exchange in CARRIER_EXCHANGES for line in ("0143", "0144")
)
GROUPS = len(CARRIER_EXCHANGES)
DOCUMENTS = 20
NOTES = 40
FOC_DAY_COME = timedelta(days=13, hours=22)
"""From the start (Friday 14:00 UTC) to Friday 12:00 UTC two weeks later: the FOC day of every
group, the slowest carrier's too (Frontier commits up to 7 business days after the date asked,
carrier_profiles.py)."""
EVENTS = 60
DRAFTS = 40
CHECKED_NUMBERS = 40

AnyPilot = Pilot[Any]
"""A pilot of the app (whose result type is str | None) or of a host app."""


# ----------------------------------------------------------------------------------------------
# The walk.


@dataclass(frozen=True)
class Walkable:
    """A table as the walk sees it: the widget taking the keys and how to read its cursor."""

    name: str
    widget: Widget
    cursor: Callable[[], int | None]
    stops: Callable[[], Sequence[int]]
    """The rows the cursor may rest on, top to bottom (an option list's headings are not)."""


def data_table(name: str, table: DataTable[Any]) -> Walkable:
    return Walkable(name, table, lambda: table.cursor_row, lambda: range(table.row_count))


def option_list(
    name: str, options: OptionList, is_row: Callable[[str | None], bool] = bool
) -> Walkable:
    """``is_row`` tells a row from the option's id (enabled options without one are not)."""

    def stops() -> list[int]:
        listed = [options.get_option_at_index(i) for i in range(options.option_count)]
        return [i for i, option in enumerate(listed) if not option.disabled and is_row(option.id)]

    return Walkable(name, options, lambda: options.highlighted, stops)


def order_table(table: OrderTable) -> Walkable:
    return Walkable(
        "order list", table, lambda: table.cursor_row, lambda: range(len(table.visible_orders))
    )


def rows_text(stops: Sequence[int]) -> str:
    if list(stops) == list(range(stops[0], stops[-1] + 1)):
        return f"rows {stops[0]}-{stops[-1]}"
    return f"rows {list(stops)}"


async def lands(pilot: AnyPilot, table: Walkable, key: str, expected: int) -> None:
    """Press ``key`` and wait until the cursor is on row ``expected``."""
    before = table.cursor()
    await pilot.press(key)
    try:
        await wait_until(pilot, lambda: table.cursor() == expected, f"{key} to reach {expected}")
    except AssertionError:
        raise AssertionError(
            f"{table.name}: {key!r} on row {before} left the cursor on row {table.cursor()}, "
            f"not on row {expected} ({rows_text(table.stops())} may hold it)"
        ) from None


async def walk(pilot: AnyPilot, table: Walkable) -> None:
    """Every movement key of ROW_KEYS, from rows where each one shows what it does."""
    table.widget.focus()
    await wait_until(pilot, lambda: pilot.app.focused is table.widget, f"{table.name} focused")
    await settle(pilot)
    stops = list(table.stops())
    assert len(stops) >= 6, f"{table.name}: only {len(stops)} rows to walk"
    assert table.widget.max_scroll_y > 0, f"{table.name}: every row fits, pgdn shows no new page"
    first, last = stops[0], stops[-1]
    home, end = ROW_KEYS["first_row"][0], ROW_KEYS["last_row"][0]

    for to_last, to_first in zip(ROW_KEYS["last_row"], ROW_KEYS["first_row"], strict=True):
        await lands(pilot, table, to_last, last)
        await lands(pilot, table, to_first, first)

    # At the ends the cursor stops, in every table alike (an OptionList on its own wraps).
    for down, up in zip(ROW_KEYS["cursor_down"], ROW_KEYS["cursor_up"], strict=True):
        await lands(pilot, table, end, last)
        await pilot.press(down)
        await settle(pilot)
        assert table.cursor() == last, f"{table.name}: {down!r} on the last row moved it"
        await lands(pilot, table, home, first)
        await pilot.press(up)
        await settle(pilot)
        assert table.cursor() == first, f"{table.name}: {up!r} on the first row moved it"

    for down, up in zip(ROW_KEYS["cursor_down"], ROW_KEYS["cursor_up"], strict=True):
        # Two rows each way, at the top and at the bottom: in the numbers list, the second step
        # of each crosses the heading of a group, which the cursor passes over.
        for row in (stops[1], stops[2]):
            await lands(pilot, table, down, row)
        for row in (stops[1], stops[0]):
            await lands(pilot, table, up, row)
        await lands(pilot, table, end, last)
        for row in (stops[-2], stops[-3]):
            await lands(pilot, table, up, row)
        for row in (stops[-2], stops[-1]):
            await lands(pilot, table, down, row)
        await lands(pilot, table, home, first)

    for page_down, page_up in zip(ROW_KEYS["page_down"], ROW_KEYS["page_up"], strict=True):
        await pilot.press(page_down)
        try:
            await wait_until(
                pilot, lambda: table.cursor() in stops[2:], f"{page_down} to pass row {stops[1]}"
            )
        except AssertionError:
            raise AssertionError(
                f"{table.name}: {page_down!r} on row {first} left the cursor on row "
                f"{table.cursor()}, not further than one row down ({rows_text(stops)})"
            ) from None
        await lands(pilot, table, page_up, first)


def test_the_key_map_binds_every_movement_key() -> None:
    bound = {key for keys in ROW_KEYS.values() for key in keys}
    assert bound >= MOVEMENT_KEYS


# ----------------------------------------------------------------------------------------------
# Each table, reached the way a user reaches it; each yields the pilot and the table.

Reach = Callable[[Path], AbstractAsyncContextManager[tuple[AnyPilot, Walkable]]]


def app_on(emulator: Emulator, tmp_path: Path) -> PortingApp:
    transport = RecordingTransport(httpx.ASGITransport(app=emulator.app))
    return PortingApp(make_session(transport, tmp_path))


@asynccontextmanager
async def order_list(tmp_path: Path) -> AsyncIterator[tuple[AnyPilot, Walkable]]:
    app = app_on(make_emulator(orders=300), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = list_screen(app)
        # Confirmed: 47 of the 300 orders, more than fit and less than a page (a cursor near
        # the end of a longer view loads the next page, which moves the last row).
        await pilot.press("2")
        await wait_until(
            pilot,
            lambda: (
                screen.tabs.view.name == "Confirmed"
                and screen.listing is not None
                and screen.listing.loaded
                and len(screen.table.visible_orders) == screen.listing.total_items
            ),
            "the Confirmed view, loaded",
        )
        await settle(pilot)
        assert screen.listing is not None and not screen.listing.has_more
        yield pilot, order_table(screen.table)


@asynccontextmanager
async def needs_attention(tmp_path: Path) -> AsyncIterator[tuple[AnyPilot, Walkable]]:
    # More orders than the demo's, so the board is taller than a screen.
    busy = make_emulator(orders=600)
    app = PortingApp(attention_session(tmp_path, emulator=busy, settings=LIST_FIRST))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("0")
        view = app.screen.query_one(AttentionView)
        await wait_until(
            pilot,
            lambda: view.ranked_once and view.table.row_count == len(view.items) > 0,
            "the first ranking of Needs attention",
        )
        await settle(pilot)
        yield pilot, data_table("Needs attention", view.table)


def busy_number(phone: str) -> NewPhoneNumber:
    """A number of the busy order. The Toronto (416) ones get a Toronto address and their
    own account: the carriers reject a Canadian number with an Illinois address."""
    number = new_number(phone)
    if not phone.startswith("+1416"):
        return number
    toronto = {"city": "Toronto", "state": "ON", "zip_code": "M5V 2T6"}
    return number.model_copy(
        update={
            "end_user": number.end_user.model_copy(update=toronto),
            "port_out_info": number.port_out_info.model_copy(update={"account_num": "B1"}),
        }
    )


async def busy_order(session: Session, emulator: Emulator) -> Order:
    """An on-demand order of 32 numbers in 16 groups, all CONFIRMED and on their FOC day, with
    documents and notes (each of them in the audit log and on the order's timeline too)."""
    client = session.client
    order = await client.orders.create(
        NewOrder(
            customer_order_reference="KEYMAP-1",
            on_demand_activation=True,
            desired_port_schedule=DesiredPortSchedule(
                desired_port_date=date(2026, 12, 2),
                desired_port_time="09:00:00",
                desired_port_time_zone="US/Eastern",
            ),
            phone_numbers=[busy_number(phone) for phone in GROUPED_NUMBERS],
        )
    )
    for index in range(DOCUMENTS):
        await client.orders.upload_document(order.id, f"bill-{index}.pdf", b"%PDF", f"Bill {index}")
    for index in range(NOTES):
        await client.orders.add_note(order.id, f"Note {index}")
    emulator.advance(FOC_DAY_COME)
    return order


async def busy_app(tmp_path: Path) -> tuple[PortingApp, Order]:
    """The app with its local store (audit log, timeline) on the busy order's project."""
    emulator = make_emulator(orders=0)
    session = attention_session(tmp_path, emulator=emulator, settings=LIST_FIRST)
    return PortingApp(session), await busy_order(session, emulator)


def detail_of(pilot: AnyPilot) -> OrderDetailScreen:
    screen = pilot.app.screen
    assert isinstance(screen, OrderDetailScreen), f"on {type(screen).__name__}"
    return screen


@asynccontextmanager
async def order_detail(tmp_path: Path) -> AsyncIterator[AnyPilot]:
    """The busy order's screen, opened with Enter in the Confirmed view of the list."""
    app, order = await busy_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = list_screen(app).table
        await pilot.press("2")
        await wait_until(
            pilot,
            lambda: (current := table.current_order) is not None and current.id == order.id,
            "the busy order in the Confirmed view",
        )
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, OrderDetailScreen) and app.screen.order is not None,
            "the order's screen, loaded",
        )
        await settle(pilot)
        yield pilot


@asynccontextmanager
async def detail_numbers(tmp_path: Path) -> AsyncIterator[tuple[AnyPilot, Walkable]]:
    async with order_detail(tmp_path) as pilot:
        options = detail_of(pilot).query_one(NumbersPanel).option_list
        headings = [
            i for i in range(options.option_count) if options.get_option_at_index(i).disabled
        ]
        assert len(headings) == GROUPS, "a heading before each group's numbers"
        # The cursor rests on numbers only: an option whose id is one of the order's numbers.
        yield pilot, option_list("numbers list", options, lambda id_: id_ in GROUPED_NUMBERS)


async def detail_tab(pilot: AnyPilot, key: str, tab: str) -> None:
    await pilot.press(key)
    tabs = detail_of(pilot).query_one("#tabs", TabbedContent)
    await wait_until(pilot, lambda: tabs.active == tab, f"the {tab}")


@asynccontextmanager
async def detail_documents(tmp_path: Path) -> AsyncIterator[tuple[AnyPilot, Walkable]]:
    async with order_detail(tmp_path) as pilot:
        await detail_tab(pilot, "2", "documents-tab")
        table = detail_of(pilot).query_one(DocumentsList)
        assert table.row_count == DOCUMENTS
        yield pilot, data_table("documents list", table)


@asynccontextmanager
async def detail_groups(tmp_path: Path) -> AsyncIterator[tuple[AnyPilot, Walkable]]:
    async with order_detail(tmp_path) as pilot:
        await detail_tab(pilot, "3", "groups-tab")
        table = detail_of(pilot).query_one(NumberGroupsTable)
        assert table.row_count == GROUPS
        yield pilot, data_table("groups table", table)


@asynccontextmanager
async def detail_timeline(tmp_path: Path) -> AsyncIterator[tuple[AnyPilot, Walkable]]:
    async with order_detail(tmp_path) as pilot:
        await detail_tab(pilot, "4", "timeline-tab")
        table = detail_of(pilot).query_one(TimelineView)
        assert table.row_count > DOCUMENTS + NOTES, "your own actions are on the timeline"
        yield pilot, data_table("timeline", table)


@asynccontextmanager
async def activation_dialog(tmp_path: Path) -> AsyncIterator[tuple[AnyPilot, Walkable]]:
    async with order_detail(tmp_path) as pilot:
        await pilot.press("A")
        await wait_until(
            pilot,
            lambda: (
                isinstance(dialog := pilot.app.screen, ActivationDialog)
                and len(dialog.groups) == GROUPS
            ),
            "the activation dialog to list every group",
        )
        await settle(pilot)
        options = pilot.app.screen.query_one("#groups", OptionList)
        assert options.option_count == GROUPS + 1, "all groups first, then one per group"
        yield pilot, option_list("activation groups", options)


@asynccontextmanager
async def events_screen(tmp_path: Path) -> AsyncIterator[tuple[AnyPilot, Walkable]]:
    # The app's own store (under the test's XDG_DATA_HOME), as its webhook receiver fills it.
    store = LocalStore.open()
    first = datetime(2026, 11, 27, 13, 0, tzinfo=UTC)
    times = iter(first + timedelta(minutes=n) for n in range(EVENTS))
    events = WebhookEventStore(store, now=lambda: next(times))
    kinds = ("ORDER_UPDATED", "NUMBERS_CONFIRMED", "NUMBERS_REJECTED", "NEW_ORDER_NOTE")
    for index in range(EVENTS):
        raw = json.dumps(event_body(kinds[index % len(kinds)], order_id=str(700000 + index)))
        events.add(parse_webhook(raw), raw, profile="acme-test")
    store.close()
    app = app_on(make_emulator(orders=5), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("W")
        await wait_until(
            pilot,
            lambda: isinstance(screen := app.screen, EventsScreen) and len(screen.shown) == EVENTS,
            "the events screen listing every event",
        )
        yield pilot, data_table("events", app.screen.query_one("#events", DataTable))


@asynccontextmanager
async def audit_log(tmp_path: Path) -> AsyncIterator[tuple[AnyPilot, Walkable]]:
    app, _ = await busy_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await pilot.press(*"audit log")
        await wait_until(
            pilot,
            lambda: "Audit log" in next(iter(palette_prompts(app)), ""),
            "the palette to offer the audit log first",
        )
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, AuditLogScreen), "the audit log")
        screen = app.screen
        assert isinstance(screen, AuditLogScreen)
        assert screen.table.row_count == 1 + DOCUMENTS + NOTES, "create, uploads and notes"
        yield pilot, data_table("audit log", screen.table)


@asynccontextmanager
async def drafts_dialog(tmp_path: Path) -> AsyncIterator[tuple[AnyPilot, Walkable]]:
    app = app_on(make_emulator(orders=0), tmp_path)
    drafts = DraftStore(LocalStore.open())
    for index in range(DRAFTS):
        draft = ready_draft(Step.SCHEDULE)
        draft.order["customerOrderReference"] = f"DRAFT-{index}"
        drafts.save(
            f"d{index}", profile="acme-test", project_id=app.session.project_id, draft=draft
        )
    async with app.run_test(size=SIZE) as pilot:
        # At start the app offers the newest draft; l lists them all.
        await wait_until(pilot, lambda: isinstance(app.screen, ResumeDraftDialog), "the offer")
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, DraftsDialog), "the drafts")
        table = app.screen.query_one("#drafts-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == DRAFTS, "every draft listed")
        yield pilot, data_table("order drafts", table)


@asynccontextmanager
async def portability_step(tmp_path: Path) -> AsyncIterator[tuple[AnyPilot, Walkable]]:
    app = app_on(make_emulator(orders=0), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, CreateOrderScreen), "the wizard")
        await settle(pilot)
        # The wizard's helpers are typed for their host app; this is the same wizard.
        wizard_pilot = cast(Pilot[None], pilot)
        numbers = "\n".join(f"31255501{i:02d}" for i in range(CHECKED_NUMBERS))
        await paste_numbers(wizard_pilot, numbers)
        assert await next_step(wizard_pilot) == Step.PORTABILITY
        table = app.screen.query_one("#portability-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == CHECKED_NUMBERS, "every number checked")
        await settle(pilot)
        yield pilot, data_table("portability check", table)


TABLES: dict[str, Reach] = {
    "order-list": order_list,
    "needs-attention": needs_attention,
    "detail-numbers": detail_numbers,
    "detail-documents": detail_documents,
    "detail-groups": detail_groups,
    "detail-timeline": detail_timeline,
    "activation-dialog": activation_dialog,
    "events": events_screen,
    "audit-log": audit_log,
    "order-drafts": drafts_dialog,
    "wizard-portability": portability_step,
}


@pytest.mark.parametrize("reach", TABLES.values(), ids=TABLES.keys())
async def test_the_key_map_walks_every_table(reach: Reach, tmp_path: Path) -> None:
    async with reach(tmp_path) as (pilot, table):
        await walk(pilot, table)
