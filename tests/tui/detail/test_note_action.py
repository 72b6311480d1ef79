"""n writes a note: it appears in the thread; on an API error the dialog keeps the text."""

from __future__ import annotations

import pytest
from textual.widgets import Static, TextArea

from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.dialogs.note_dialog import NoteDialog
from porting_tui.tui.widgets.notes_thread import NotesThread
from tests.tui.detail.conftest import (
    Detail,
    fail_requests,
    make_order,
    rejected_order,
    stop_intercepting,
)

NOTE = "New PINs requested from the end user.\nWill update the order [today]."


def note_dialog(detail: Detail) -> NoteDialog:
    dialog = detail.app.screen
    assert isinstance(dialog, NoteDialog), f"on {type(dialog).__name__}"
    return dialog


def error_text(detail: Detail) -> str:
    return str(detail.app.screen.query_one("#error", Static).render())


async def type_note(detail: Detail, text: str) -> NoteDialog:
    await detail.press("n")
    dialog = note_dialog(detail)
    dialog.query_one(TextArea).insert(text)
    return dialog


async def test_a_sent_note_shows_in_the_thread_as_typed(detail: Detail) -> None:
    order = await rejected_order(detail)
    screen = await detail.open(order.id)
    await type_note(detail, NOTE)
    await detail.press("ctrl+s")
    assert detail.app.screen is screen
    thread = screen.query_one(NotesThread)
    assert thread.notes[-1].note == NOTE
    assert thread.notes[-1].created_by == "demo-key"
    assert f"Note added to order {order.id}." in detail.notifications()


@pytest.mark.parametrize(
    ("status", "title"),
    [(422, "refused the request (HTTP 422)"), (503, "failed with HTTP 503")],
)
async def test_an_api_error_keeps_the_dialog_open_with_the_text(
    detail: Detail, status: int, title: str
) -> None:
    order = await rejected_order(detail)
    screen = await detail.open(order.id)
    await type_note(detail, NOTE)
    fail_requests(detail.transport, "POST", status, "/notes")
    await detail.press("ctrl+s")
    dialog = note_dialog(detail)
    assert dialog.text == NOTE
    error = error_text(detail)
    assert title in error and "What you typed is kept" in error
    assert ("may have been added" in error) == (status >= 500)
    assert not dialog.sending

    stop_intercepting(detail.transport, detail.emulator)
    await detail.press("ctrl+s")
    assert detail.app.screen is screen
    assert [note.note for note in screen.query_one(NotesThread).notes].count(NOTE) == 1


async def test_an_empty_note_is_not_sent(detail: Detail) -> None:
    order = await make_order(detail.app.session.client, {"+13125550177": "1234"})
    await detail.open(order.id)
    await detail.press("n")
    detail.transport.forget()
    await detail.press("ctrl+s")
    assert "cannot be empty" in error_text(detail)
    assert detail.transport.requests == []


async def test_esc_asks_before_dropping_a_typed_note(detail: Detail) -> None:
    order = await make_order(detail.app.session.client, {"+13125550177": "1234"})
    screen = await detail.open(order.id)
    await type_note(detail, "half written")
    await detail.press("escape")
    assert isinstance(detail.app.screen, ConfirmDialog)
    await detail.press("n")
    assert note_dialog(detail).text == "half written"
    await detail.press("escape", "y")
    assert detail.app.screen is screen


async def test_the_dialog_buttons_send_and_close_like_their_keys(detail: Detail) -> None:
    order = await rejected_order(detail)
    screen = await detail.open(order.id)
    await detail.press("n")
    note_dialog(detail)
    await detail.pilot.click("#close")
    await detail.settle()
    assert detail.app.screen is screen
    await type_note(detail, NOTE)
    await detail.pilot.click("#send")
    await detail.settle()
    assert detail.app.screen is screen
    assert screen.query_one(NotesThread).notes[-1].note == NOTE
