"""n writes a note: it appears in the thread; on an API error the dialog keeps the text."""

from __future__ import annotations

import pytest
from textual.widgets import Static, TextArea

from porting_tui.tui.app import PortingApp
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.dialogs.note_dialog import NoteDialog
from porting_tui.tui.widgets.notes_thread import NotesThread
from tests.tui.conftest import settle
from tests.tui.detail.conftest import (
    Detail,
    SessionFactory,
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


async def test_esc_keeps_a_typed_note_as_a_draft_of_the_order(detail: Detail) -> None:
    order = await make_order(detail.app.session.client, {"+13125550177": "1234"})
    screen = await detail.open(order.id)
    await type_note(detail, "half written")
    await detail.press("escape")
    assert detail.app.screen is screen
    assert any("kept as a draft" in message for message in detail.notifications())
    await detail.press("n")
    dialog = note_dialog(detail)
    assert dialog.text == "half written"
    assert "Your unsent note from" in str(dialog.query_one("#status", Static).render())
    await detail.press("f8")
    assert isinstance(detail.app.screen, ConfirmDialog)
    await detail.press("y")
    assert detail.app.screen is screen
    await detail.press("n")
    assert note_dialog(detail).text == ""


async def test_a_sent_note_leaves_no_draft_behind(detail: Detail) -> None:
    order = await make_order(detail.app.session.client, {"+13125550177": "1234"})
    screen = await detail.open(order.id)
    await type_note(detail, NOTE)
    await detail.press("ctrl+s")
    assert detail.app.screen is screen
    await detail.press("n")
    assert note_dialog(detail).text == ""


async def test_a_draft_belongs_to_its_order(detail: Detail) -> None:
    client = detail.app.session.client
    first = await make_order(client, {"+13125550177": "1234"})
    second = await make_order(client, {"+13125550178": "1234"}, reference="ACME-43")
    await detail.open(first.id)
    await type_note(detail, "about the first")
    await detail.press("escape", "escape")
    await detail.open(second.id)
    await detail.press("n")
    assert note_dialog(detail).text == ""


async def test_quit_asks_when_a_note_is_open_and_the_draft_outlives_the_app(
    detail: Detail, session_factory: SessionFactory
) -> None:
    order = await make_order(detail.app.session.client, {"+13125550177": "1234"})
    await detail.open(order.id)
    dialog = await type_note(detail, "half written")
    await detail.press("ctrl+q")
    confirm = detail.app.screen
    assert isinstance(confirm, ConfirmDialog), f"on {type(confirm).__name__}"
    question = str(confirm.query_one("#question", Static).render())
    assert f"The note on order {order.id} is kept as a draft" in question
    await detail.press("n")
    assert detail.app.screen is dialog and detail.app.is_running
    await detail.press("ctrl+q", "y")
    assert not detail.app.is_running

    again = PortingApp(session_factory(), close_client=False)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        again.open_order(order.id)
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        reopened = again.screen
        assert isinstance(reopened, NoteDialog) and reopened.text == "half written"


async def test_quit_with_nothing_typed_quits_at_once(detail: Detail) -> None:
    order = await make_order(detail.app.session.client, {"+13125550177": "1234"})
    await detail.open(order.id)
    await detail.press("n")
    await detail.press("ctrl+q")
    assert not detail.app.is_running


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


async def test_quit_in_the_demo_says_the_note_goes_with_the_demo(detail: Detail) -> None:
    order = await make_order(detail.app.session.client, {"+13125550177": "1234"})
    # The demo keeps drafts in a store thrown away with it: quitting must not promise otherwise.
    object.__setattr__(detail.app.session, "demo", True)
    await detail.open(order.id)
    await type_note(detail, "half written")
    await detail.press("ctrl+q")
    confirm = detail.app.screen
    assert isinstance(confirm, ConfirmDialog), f"on {type(confirm).__name__}"
    question = str(confirm.query_one("#question", Static).render())
    assert "what you typed is lost" in question
    assert "kept as a draft" not in question
