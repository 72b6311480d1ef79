"""The scenes of ``tools/screenshots.py``: the app driven by keys, one SVG per screen or dialog."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from textual.app import App
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import Input, TabbedContent, TextArea

from porting_tui.client import PortingClient, parse_webhook
from porting_tui.domain.draft_fields import Step
from porting_tui.domain.order_draft import OrderDraft, PortabilityRecord
from porting_tui.emulator import (
    DEMO_KEY_ID,
    DEMO_KEY_SECRET,
    DEMO_PROJECT_ID,
    Emulator,
    EmulatorSettings,
    create_emulator,
)
from porting_tui.emulator.carriers import number_facts
from porting_tui.listing.attention_context import LocalState
from porting_tui.listing.session import ListSettings, Session
from porting_tui.local.drafts import DraftStore
from porting_tui.local.store import LocalStore
from porting_tui.tui.app import PortingApp
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.first_run import FirstRunApp
from porting_tui.tui.screens.order_list.order_list_screen import OrderListScreen
from porting_tui.webhooks import WebhookEventStore
from tools.all_projects_screenshots import all_projects_scenes
from tools.insights_screenshots import insights_scenes

DRAFT_NUMBERS = ["+13125550100", "+13125550101", "+12125550100"]


class Camera:
    """Saves what ``app`` shows under a numbered name, once its work is done."""

    def __init__(self, app: App[Any], pilot: Pilot[Any], out: Path, names: list[str]) -> None:
        self.app, self.pilot, self.out, self.names = app, pilot, out, names

    async def settle(self) -> None:
        await self.pilot.pause()
        await self.app.workers.wait_for_complete()
        await self.pilot.pause()

    async def press(self, *keys: str) -> None:
        for key in keys:
            await self.pilot.press(key)
            await self.settle()

    async def shot(self, name: str) -> None:
        await self.settle()
        self.app.clear_notifications()
        for widget in self.app.screen.query("Input, TextArea"):
            # A blinking cursor would make two runs differ.
            widget.cursor_blink = False  # type: ignore[attr-defined]
        await self.pilot.pause()
        stem = f"{len(self.names) + 1:02d}-{name}"
        self.app.save_screenshot(filename=f"{stem}.svg", path=str(self.out))
        self.names.append(stem)

    async def close_dialog(self) -> None:
        """Esc, answering yes when the dialog asks whether to drop what was typed."""
        await self.press("escape")
        if isinstance(self.app.screen, ConfirmDialog):
            await self.press("y")

    async def back_to_list(self) -> None:
        while not isinstance(self.app.screen, OrderListScreen):
            await self.close_dialog()

    async def open_order(self, order_id: int) -> None:
        """The All view, f, the order id, ctrl+s, then Enter on the one row left."""
        await self.press("3", "f")
        self.app.screen.query_one("#field-order_id", Input).value = str(order_id)
        await self.press("ctrl+s", "enter")


async def pick_orders(emulator: Emulator, client: PortingClient) -> tuple[int, int | None]:
    """An order with rejected numbers and notes, and an on-demand order ready to activate."""
    orders = sorted(emulator.store.orders.values(), key=lambda o: o.id, reverse=True)
    rejected = next(
        o.id
        for o in orders
        if o.status == "PENDING" and o.notes and any(n.status == "REJECTED" for n in o.numbers)
    )
    for order in orders:
        ready = order.on_demand and order.status == "CONFIRMED"
        if ready and await client.activation.available(order.id):
            return rejected, order.id
    return rejected, None


def review_draft() -> OrderDraft:
    draft = OrderDraft(step=Step.REVIEW, numbers_text="\n".join(DRAFT_NUMBERS))
    draft.set_numbers(list(DRAFT_NUMBERS))
    for number in DRAFT_NUMBERS:
        carrier = number_facts(number).carrier
        draft.portability[number] = PortabilityRecord(
            portable=True, carrier=carrier.name if carrier else ""
        )
    draft.common.update(
        {
            "endUser.name": "Acme Dental LLC",
            "endUser.streetNum": "233",
            "endUser.streetName": "Wacker",
            "endUser.streetType": "Dr",
            "endUser.city": "Chicago",
            "endUser.state": "IL",
            "endUser.zipCode": "60606",
            "endUser.typeOfService": "B",
            "portOutInfo.existingPortOutPin": "4321",
            "portOutInfo.accountNum": "ACC-88120",
            "portOutInfo.authorizingName": "Dana Whitfield",
            "portOutInfo.authorizingDate": "2026-11-20",
            "voiceConfiguration.type": "EST",
            "voiceConfiguration.id": "01G65Z755AFWAKHE12NY0CQ9FH",
        }
    )
    # Typed in a hurry: the T-Mobile number's PIN left out, a New York ZIP code on one
    # number, so the review shows pre-flight's warnings.
    draft.set_value("+12125550100", "portOutInfo.existingPortOutPin", "")
    draft.set_value("+13125550101", "endUser.zipCode", "10001")
    draft.order.update(
        {
            "desiredPortSchedule.desiredPortDate": "2026-12-02",
            "desiredPortSchedule.desiredPortTime": "09:00:00",
            "desiredPortSchedule.desiredPortTimeZone": "US/Central",
            "customerOrderReference": "ACME-DENTAL-0412",
        }
    )
    return draft


def seed_local_state(store: LocalStore, start: datetime, order_id: int) -> None:
    """A draft left at its review step an hour ago, and webhook events a minute apart."""
    DraftStore(store).save(
        "screenshot-draft", profile="demo", project_id=DEMO_PROJECT_ID, draft=review_draft()
    )
    saved = (start - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    with store.transaction() as db:
        db.execute("UPDATE order_drafts SET created_at = ?, updated_at = ?", (saved, saved))
    times = iter(start - timedelta(minutes=30 - n) for n in range(10))
    events = WebhookEventStore(store, now=lambda: next(times))
    number = "+16027590029"
    bodies = [
        {
            "type": "ORDER_UPDATED",
            "orderId": order_id,
            "order": {
                "status": "PENDING",
                "desiredPortSchedule": {"desiredPortDate": "2026-12-14"},
            },
        },
        {
            "type": "NUMBERS_REJECTED",
            "orderId": order_id,
            "phoneNumbers": [
                {
                    "phoneNumber": number,
                    "status": "REJECTED",
                    "rejectReason": "Address mismatch: ZIP code does not match",
                }
            ],
        },
        {"type": "NEW_ORDER_NOTE", "orderId": order_id, "note": "Please send the latest bill."},
        {
            "type": "NUMBERS_CONFIRMED",
            "orderId": str(order_id + 1),
            "phoneNumbers": [{"phoneNumber": "+13125550143", "status": "CONFIRMED"}],
        },
    ]
    for body in bodies:
        raw = json.dumps(body)
        events.add(parse_webhook(raw), raw, profile="demo")


async def add_paperwork(client: PortingClient, order_id: int) -> None:
    """A customer note and a document on the rejected order, as an operator would add them."""
    await client.orders.add_note(
        order_id, "Customer confirmed the PIN by phone; updated LOA attached."
    )
    await client.orders.upload_document(
        order_id, "LOA-acme-signed.pdf", b"%PDF-1.4 signed", description="Signed LOA"
    )


def demo_session(emulator: Emulator, folder: Path, start: datetime) -> Session:
    local = LocalState.open("demo", DEMO_PROJECT_ID, clock=lambda: start)
    client = PortingClient(
        DEMO_PROJECT_ID,
        key_id=DEMO_KEY_ID,
        key_secret=DEMO_KEY_SECRET,
        base_url="http://127.0.0.1:8787",
        transport=httpx.ASGITransport(app=emulator.app),
        on_mutation=local.on_mutation(),
    )
    return Session(
        profile_name="demo",
        project_id=DEMO_PROJECT_ID,
        api_host="emulator",
        client=client,
        key_id=DEMO_KEY_ID,
        # Not demo=True: the demo's own webhook receiver would take a different port each run.
        now=lambda: start,
        settings=ListSettings(page_size=100),
        views_file=folder / "views.toml",
        downloads_dir=folder / "home" / "Downloads" / "porting-tui",
        attention=local.attention(client, key_id=DEMO_KEY_ID),
    )


async def palette(camera: Camera, query: str, name: str) -> None:
    """ctrl+p, the query typed, then the shot once the list shows what it found."""
    await camera.press("ctrl+p")
    await camera.pilot.press(*query)
    for _ in range(200):
        await camera.pilot.pause()
        found = camera.app.screen.query(CommandList)
        if found and found.first().option_count:
            break
    await camera.shot(name)


async def list_scenes(camera: Camera) -> None:
    await camera.shot("resume-draft-offered")
    await camera.press("l")
    await camera.shot("drafts")
    await camera.press("escape")
    await camera.press("1")
    await camera.shot("order-list")
    await camera.press("0")
    await camera.shot("needs-attention")
    await camera.press("1", "f")
    camera.app.screen.query_one("#field-created_from", Input).value = "-30d"
    camera.app.screen.query_one("#field-status", Input).value = "pend"
    await camera.shot("filter-dialog")
    await camera.press("escape", "slash")
    await camera.pilot.press(*"summit")
    await camera.shot("find-in-loaded-rows")
    await camera.press("escape", "e")
    await camera.shot("export-dialog")
    await camera.press("escape", "question_mark")
    await camera.shot("help")
    await camera.press("escape")
    await palette(camera, "switch", "profile-switcher")
    await camera.press("escape")
    await palette(camera, "audit", "audit-log-in-palette")
    await camera.press("enter")
    await camera.shot("audit-log")
    await camera.back_to_list()


async def detail_scenes(camera: Camera, order_id: int, ready: int | None, folder: Path) -> None:
    await camera.open_order(order_id)
    await camera.shot("order-detail")
    tabs = camera.app.screen.query_one(TabbedContent)
    for tab in ("documents", "groups", "timeline"):
        tabs.active = f"{tab}-tab"
        await camera.shot(f"order-detail-{tab}")
    tabs.active = "notes-tab"
    await camera.press("n")
    camera.app.screen.query_one("#note", TextArea).load_text(
        "The customer signed a new LOA this morning;\nplease retry with PIN 4821."
    )
    await camera.shot("note-dialog")
    await camera.close_dialog()
    scan = folder / "home" / "scans" / "LOA-acme.pdf"
    scan.parent.mkdir(parents=True, exist_ok=True)
    scan.write_bytes(b"%PDF-1.4 " + b"0" * 180_000)
    await camera.press("u")
    camera.app.screen.query_one("#path", Input).value = str(scan)
    camera.app.screen.query_one("#description", Input).value = "Signed LOA, page 1-2"
    await camera.shot("upload-dialog")
    await camera.close_dialog()
    for key, name in (("d", "download-dialog"), ("E", "edit-dialog"), ("C", "cancel-dialog")):
        await camera.press(key)
        await camera.shot(name)
        await camera.close_dialog()
    if ready is not None:
        await camera.back_to_list()
        await camera.open_order(ready)
    await camera.press("A")
    await camera.shot("activate-dialog")
    await camera.back_to_list()
    await camera.press("f", "ctrl+r", "ctrl+s")


async def wizard_scenes(camera: Camera) -> None:
    await camera.press("N", "enter")
    steps = ["review", "schedule", "routing", "end-user", "portability", "numbers"]
    for number, step in zip(range(6, 0, -1), steps, strict=True):
        await camera.shot(f"new-order-{number}-{step}")
        await camera.press("ctrl+left")
    await camera.press("ctrl+s")
    await camera.back_to_list()


async def other_screens(camera: Camera) -> None:
    await camera.press("S")
    await camera.shot("project-defaults")
    camera.app.screen.query_one("#field-contact-name", Input).value = "Dana Whitfield"
    camera.app.screen.query_one("#field-contact-email", Input).value = "porting@acme.example"
    await camera.press("ctrl+s")
    await camera.shot("project-defaults-changes")
    await camera.press("n")
    await camera.close_dialog()
    await camera.press("W")
    await camera.shot("webhook-events")
    await camera.back_to_list()


async def shoot_everything(
    out: Path, folder: Path, start: datetime, size: tuple[int, int]
) -> list[str]:
    names: list[str] = []
    emulator = create_emulator(
        EmulatorSettings(orders=300, seed=7, speed=0, start=start, webhook_delivery=False)
    )
    session = demo_session(emulator, folder, start)
    rejected, ready = await pick_orders(emulator, session.client)
    assert session.attention is not None and session.attention.local.store is not None
    seed_local_state(session.attention.local.store, start, rejected)
    await add_paperwork(session.client, rejected)
    app = PortingApp(session)
    async with app.run_test(size=size) as pilot:
        camera = Camera(app, pilot, out, names)
        await camera.settle()
        await list_scenes(camera)
        await detail_scenes(camera, rejected, ready, folder)
        await wizard_scenes(camera)
        await other_screens(camera)
        await insights_scenes(camera)
    first_run = FirstRunApp(transport=httpx.ASGITransport(app=emulator.app))
    async with first_run.run_test(size=size) as pilot:
        await Camera(first_run, pilot, out, names).shot("first-run")
    await all_projects_scenes(out, folder, start, size, names)
    return names
