"""Snapshots of the detail screen (rejections, notes, a document) and of each of its dialogs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

import httpx
import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from porting_tui.emulator import Emulator
from porting_tui.tui.app import PortingApp
from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen
from tests.tui.conftest import RecordingTransport, make_emulator, make_session, settle
from tests.tui.detail.conftest import CARRIER_ANSWERS, NUMBERS, make_order
from tests.tui.detail.test_cancel_activate import FOC_DAY_COME

SnapCompare = Callable[..., bool]
Steps = Callable[[Pilot[None]], Awaitable[None]]
DOWNLOADS = Path("/home/operator/Downloads/porting-tui")


def snapshot_app(tmp_path: Path) -> tuple[PortingApp, Emulator]:
    emulator = make_emulator(orders=0)
    transport = RecordingTransport(httpx.ASGITransport(app=emulator.app))
    session = make_session(transport, tmp_path, downloads_dir=DOWNLOADS)
    return PortingApp(session), emulator


def opened(emulator: Emulator, then: Steps | None = None, *, on_demand: bool = False) -> Steps:
    """Make the order (rejected numbers, notes, a document), open it, then run ``then``."""

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        app = pilot.app
        assert isinstance(app, PortingApp)
        client = app.session.client
        if on_demand:
            pins = {NUMBERS[0]: "1234", NUMBERS[2]: "1234"}
            order = await make_order(client, pins, on_demand=True, port_date=date(2026, 12, 2))
            emulator.advance(FOC_DAY_COME)
        else:
            pins = {NUMBERS[0]: "0000", NUMBERS[1]: "0000", NUMBERS[2]: "1234"}
            order = await make_order(client, pins)
            emulator.advance(CARRIER_ANSWERS)
            await client.orders.add_note(order.id, "New PINs asked for [today].\nWill update.")
            await client.orders.upload_document(order.id, "LOA-acme.pdf", b"%PDF", "signed LOA")
        app.push_screen(OrderDetailScreen(app.session, order.id))
        await settle(pilot)
        if then is not None:
            await then(pilot)
            await settle(pilot)

    return run


def keys(*pressed: str) -> Steps:
    async def run(pilot: Pilot[None]) -> None:
        await pilot.press(*pressed)
        await settle(pilot)

    return run


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_detail_of_a_rejected_order(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    app, emulator = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=opened(emulator))


def test_attention_only_at_80x24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app, emulator = snapshot_app(tmp_path)
    steps = opened(emulator, keys("a"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps)


def test_note_dialog(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app, emulator = snapshot_app(tmp_path)

    async def typed(pilot: Pilot[None]) -> None:
        await pilot.press("n")
        await settle(pilot)
        pilot.app.screen.query_one(TextArea).insert("PINs [requested] from the end user.")

    assert snap_compare(app, terminal_size=(80, 24), run_before=opened(emulator, typed))


def test_upload_dialog_with_an_error(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app, emulator = snapshot_app(tmp_path)

    async def missing(pilot: Pilot[None]) -> None:
        await pilot.press("u")
        await settle(pilot)
        pilot.app.screen.query_one("#path", Input).value = "/nonexistent/LOA.pdf"
        await pilot.press("ctrl+s")

    assert snap_compare(app, terminal_size=(80, 24), run_before=opened(emulator, missing))


def test_download_dialog(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app, emulator = snapshot_app(tmp_path)
    steps = opened(emulator, keys("d"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_edit_dialog(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    app, emulator = snapshot_app(tmp_path)
    steps = opened(emulator, keys("E"))
    assert snap_compare(app, terminal_size=size, run_before=steps)


def test_edit_preview(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app, emulator = snapshot_app(tmp_path)

    async def changed(pilot: Pilot[None]) -> None:
        await pilot.press("E")
        await settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#f-portOutInfo-existingPortOutPin", Input).value = "4321"
        screen.query_one("#f-customerOrderReference", Input).value = "ACME-43"
        await pilot.press("ctrl+s")

    assert snap_compare(app, terminal_size=(80, 24), run_before=opened(emulator, changed))


def test_cancel_confirmation(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app, emulator = snapshot_app(tmp_path)
    steps = opened(emulator, keys("C"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps)


def test_activation_dialog(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app, emulator = snapshot_app(tmp_path)
    steps = opened(emulator, keys("A"), on_demand=True)
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps)


def test_activation_results(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app, emulator = snapshot_app(tmp_path)
    steps = opened(emulator, keys("A", "ctrl+s", "y"), on_demand=True)
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps)


def test_copied_numbers(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app, emulator = snapshot_app(tmp_path)
    steps = opened(emulator, keys("Y"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps)
