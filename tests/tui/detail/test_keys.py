"""Copy, refresh, back, and every action of the detail screen in the help and the palette."""

from __future__ import annotations

from textual.widgets import TextArea

from porting_tui.tui.dialogs.copied_text_dialog import CopiedTextDialog
from porting_tui.tui.dialogs.note_dialog import NoteDialog
from porting_tui.tui.screens.help_screen import HelpScreen, described_bindings
from tests.tui.conftest import list_screen
from tests.tui.detail.conftest import NUMBERS, Detail, rejected_order

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
    assert f"Copied order id {order.id}" in detail.notifications()
    await detail.press("Y")
    assert detail.app.clipboard == "\n".join(NUMBERS)
    dialog = detail.app.screen
    assert isinstance(dialog, CopiedTextDialog)
    assert dialog.query_one(TextArea).text == "\n".join(NUMBERS)


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
