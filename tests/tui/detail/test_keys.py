"""Copy, refresh, back, and every action of the detail screen in the help and the palette."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import httpx
import pytest
from textual.widgets import Static, TextArea

from porting_tui.emulator import Emulator
from porting_tui.tui import clipboard
from porting_tui.tui.app import PortingApp
from porting_tui.tui.clipboard import OSC52
from porting_tui.tui.dialogs.copied_text_dialog import CopiedTextDialog
from porting_tui.tui.dialogs.note_dialog import NoteDialog
from porting_tui.tui.screens.help_screen import HelpScreen, described_bindings
from porting_tui.tui.webhook_feed import WebhookEventReceived
from porting_tui.tui.widgets.since_last_looked import SinceLastLookedBox
from porting_tui.tui.widgets.timeline_view import TimelineView
from porting_tui.webhooks.event_store import ReceivedEvent
from tests.tui.conftest import START, RecordingTransport, list_screen, settle
from tests.tui.detail.conftest import NUMBERS, Detail, rejected_order
from tests.tui.test_attention_tab import attention_session

ACTIONS = {
    "back": "Back",
    "note": "Note",
    "upload": "Upload",
    "download": "Download",
    "edit": "Edit",
    "cancel_order": "Cancel order",
    "activate": "Activate",
    "copy_id": "Copy id",
    "copy_numbers": "Copy numbers",
    "attention_only": "Numbers needing attention only",
    "refresh": "Refresh",
    "mark_unseen": "Mark as not seen",
}


async def test_y_copies_the_id_and_shift_y_every_number_visibly(detail: Detail) -> None:
    order = await rejected_order(detail)
    await detail.open(order.id)
    await detail.press("y")
    assert detail.app.clipboard == str(order.id)
    assert f"Copied order id {order.id} to {OSC52}" in detail.notifications()
    await detail.press("Y")
    assert detail.app.clipboard == "\n".join(NUMBERS)
    dialog = detail.app.screen
    assert isinstance(dialog, CopiedTextDialog)
    assert dialog.query_one(TextArea).text == "\n".join(NUMBERS)


async def test_inside_tmux_copies_go_to_the_tmux_buffer_too(
    detail: Detail, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs: list[tuple[list[str], bytes]] = []

    def fake_tmux(argv: Sequence[str], data: bytes) -> int:
        runs.append((list(argv), data))
        return 0

    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,1234,0")
    monkeypatch.setattr(clipboard, "run_command", fake_tmux)
    order = await rejected_order(detail)
    await detail.open(order.id)
    await detail.press("y")
    assert runs == [(["tmux", "load-buffer", "-"], str(order.id).encode())]
    assert f"Copied order id {order.id} to the tmux buffer (prefix ] pastes it)" in (
        detail.notifications()
    )
    await detail.press("Y")
    assert runs[-1] == (["tmux", "load-buffer", "-"], "\n".join(NUMBERS).encode())
    intro = str(detail.app.screen.query_one("#intro", Static).render())
    assert intro.startswith("Copied to the tmux buffer (prefix ] pastes it).")


async def test_a_failing_tmux_says_the_copy_may_not_have_arrived(
    detail: Detail, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing_tmux(argv: Sequence[str], data: bytes) -> int:
        raise FileNotFoundError("tmux")

    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,1234,0")
    monkeypatch.setattr(clipboard, "run_command", missing_tmux)
    order = await rejected_order(detail)
    await detail.open(order.id)
    await detail.press("y")
    assert f"Copied order id {order.id} to {clipboard.TMUX_FAILED}" in detail.notifications()


async def test_r_reads_the_order_again_and_esc_goes_back(detail: Detail) -> None:
    order = await rejected_order(detail)
    await detail.open(order.id)
    detail.transport.forget()
    await detail.press("r")
    paths = [r.url.path for r in detail.transport.requests]
    assert paths == [f"/v1/projects/demo-project/orders/portIns/{order.id}"]
    await detail.press("escape")
    assert detail.app.screen is list_screen(detail.app)


async def test_every_action_is_in_the_help_and_the_palette(detail: Detail) -> None:
    order = await rejected_order(detail)
    screen = await detail.open(order.id)
    described = {entry.action: entry.description for entry in described_bindings(screen)}
    assert {action: described.get(action) for action in ACTIONS} == ACTIONS
    await detail.press("question_mark")
    assert isinstance(detail.app.screen, HelpScreen)
    await detail.press("escape")

    await detail.press("ctrl+p")
    await detail.pilot.press(*"Note")
    await detail.settle()
    await detail.press("enter")
    assert isinstance(detail.app.screen, NoteDialog)


async def test_a_webhook_about_the_order_reads_it_again(detail: Detail) -> None:
    order = await rejected_order(detail)
    screen = await detail.open(order.id)
    body = json.dumps({"type": "NEW_ORDER_NOTE", "orderId": str(order.id)})
    detail.transport.forget()
    other = ReceivedEvent(1, START, "NEW_ORDER_NOTE", str(order.id + 1), body)
    screen.post_message(WebhookEventReceived(other))
    await detail.settle()
    assert detail.transport.requests == []
    event = ReceivedEvent(2, START, "NEW_ORDER_NOTE", str(order.id), body)
    screen.post_message(WebhookEventReceived(event))
    await detail.settle()
    assert [r.url.path.rsplit("/", 1)[-1] for r in detail.transport.requests] == [str(order.id)]


async def test_with_the_local_store_the_since_box_and_the_timeline_show_your_actions(
    tmp_path: Path, emulator: Emulator
) -> None:
    app = PortingApp(attention_session(tmp_path, emulator=emulator))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # The session talks through its own transport; this one only completes the helper.
        spare = RecordingTransport(httpx.ASGITransport(app=emulator.app))
        detail = Detail(app, pilot, emulator, spare)
        order = await rejected_order(detail)
        screen = await detail.open(order.id)
        box = screen.query_one(SinceLastLookedBox)
        assert str(box.render()) == "First look at this order"
        await detail.press("n")
        note_dialog = app.screen
        assert isinstance(note_dialog, NoteDialog)
        note_dialog.query_one(TextArea).insert("PINs asked for.")
        await detail.press("ctrl+s")
        timeline = screen.query_one(TimelineView)
        whats = [str(timeline.get_row_at(row)[2]) for row in range(timeline.row_count)]
        assert "You added a note" in whats
