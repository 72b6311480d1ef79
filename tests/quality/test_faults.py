"""Every emulator fault on every screen: the app keeps running, says what happened, recovers on
the next refresh, and loses nothing typed.

Two tables: the faults (as the emulator injects them, on every API request while set) and the
screens (how to get there by keys, what makes them call the API, where they speak). Each
screen is one test that meets every fault in turn in the same running app, which is how an
operator meets them too: one after the other, without restarting.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from porting_tui.client import parse_webhook
from porting_tui.emulator import Emulator
from porting_tui.listing.session import Session
from porting_tui.local.drafts import DraftStore
from porting_tui.local.store import LocalStore
from porting_tui.tui.app import PortingApp
from porting_tui.tui.dialogs.changes_dialog import ChangesDialog
from porting_tui.tui.dialogs.note_dialog import NoteDialog
from porting_tui.tui.screens.create_order.create_order_screen import CreateOrderScreen
from porting_tui.tui.screens.events_screen import EventsScreen
from porting_tui.tui.screens.order_list.order_list_screen import OrderListScreen
from porting_tui.tui.screens.settings_screen import SettingsScreen, field_id
from porting_tui.webhooks import WebhookEventStore
from tests.quality.conftest import SLOW_ANSWER, QualityTransport, screen_text, settle
from tests.quality.wizard_data import WIZARD_NUMBERS, fresh_numbers, review_draft

Driver = Pilot[None]


@dataclass(frozen=True)
class Fault:
    spec: str
    says: tuple[str, ...] | None
    """What the message says (one of these); None: the answer is readable and is shown."""


FAULTS = {
    "429": Fault("429=1:3s", ("Rate limit",)),
    "500": Fault("500=1", ("HTTP 500",)),
    "503": Fault("503=1", ("HTTP 503",)),
    "slow": Fault(SLOW_ANSWER, ("did not answer in time", "Timed out")),
    "drop": Fault("drop=1", ("closed the connection",)),
    "malformed": Fault("malformed=1", ("cannot be read", "is not JSON")),
    "enum": Fault("enum=1", None),
    "sparse": Fault("sparse=1", None),
}


ANSWER_LOST = ("drop", "malformed")
"""Faults after which a change was made but its answer never arrived whole."""


@dataclass
class Visit:
    """One screen meeting one fault: the running app and what the case remembers."""

    app: PortingApp
    pilot: Driver
    emulator: Emulator
    fault: str
    notes: dict[str, str] = field(default_factory=dict)


Step = Callable[[Visit], Awaitable[None]]


async def nothing(visit: Visit) -> None:
    return None


def always(visit: Visit) -> bool:
    return True


@dataclass(frozen=True)
class ScreenCase:
    """``begin`` gets to the screen by keys (before the fault is set), ``act`` makes it call
    the API, ``message`` reads where it reports, ``recovered`` checks that the same action
    worked once the fault was gone, ``kept`` that nothing typed was lost, ``end`` tidies up."""

    act: Step
    message: Callable[[Visit], str]
    recovered: Callable[[Visit], bool]
    begin: Step = nothing
    kept: Callable[[Visit], bool] = always
    end: Step = nothing
    answer_lost_says: str | None = None
    """For a change: what the message adds when its answer was lost (it may have happened)."""


async def press(visit: Visit, *keys: str) -> None:
    """Press, then wait for the work the keys started (the press itself waits for idle)."""
    await visit.pilot.press(*keys)
    await visit.app.workers.wait_for_complete()
    await visit.pilot.pause()


async def paste(visit: Visit, text: str) -> None:
    await visit.pilot.pause()
    visit.app.post_message(events.Paste(text))
    await settle(visit.pilot)


def static_text(visit: Visit, selector: str) -> str:
    return str(visit.app.screen.query_one(selector, Static).render())


def shown_text(visit: Visit) -> str:
    return screen_text(visit.app)


def store_path_of(app: PortingApp) -> Path:
    attention = app.session.attention
    assert attention is not None and attention.local.store is not None
    return attention.local.store.path


def drafts_of(app: PortingApp) -> DraftStore:
    return DraftStore(LocalStore.open(store_path_of(app)))


async def refresh(visit: Visit) -> None:
    await press(visit, "r")


# The order list and Needs attention


def list_recovered(visit: Visit) -> bool:
    screen = visit.app.screen
    return isinstance(screen, OrderListScreen) and bool(screen.table.visible_orders)


async def to_attention(visit: Visit) -> None:
    await press(visit, "0")
    assert visit.app.screen.query_one("#attention-view").display, "nothing needs attention"


def attention_message(visit: Visit) -> str:
    return static_text(visit, "#attention-progress")


def attention_recovered(visit: Visit) -> bool:
    return "need attention" in attention_message(visit)


# The order's screen


async def open_order(visit: Visit) -> None:
    if isinstance(visit.app.screen, OrderListScreen):
        await press(visit, "enter")
    assert not isinstance(visit.app.screen, OrderListScreen)


def order_recovered(visit: Visit) -> bool:
    text = shown_text(visit)
    return "Loading" not in text and "+1" in text


# The wizard's portability check


def wizard(visit: Visit) -> CreateOrderScreen:
    screen = visit.app.screen
    assert isinstance(screen, CreateOrderScreen), type(screen).__name__
    return screen


async def wizard_with_numbers(visit: Visit) -> None:
    if isinstance(visit.app.screen, CreateOrderScreen):
        return
    await press(visit, "n")
    wizard(visit).query_one("#numbers-text").focus()
    await paste(visit, "\n".join(WIZARD_NUMBERS))


async def check_portability(visit: Visit) -> None:
    screen = wizard(visit)
    if screen.draft.step == 0:
        await press(visit, "ctrl+right")
    else:
        screen.current_step.query_one("#portability-table").focus()
        await press(visit, "r")


def portability_message(visit: Visit) -> str:
    return static_text(visit, "#portability-status")


def numbers_kept(visit: Visit) -> bool:
    screen = wizard(visit)
    saved = drafts_of(visit.app).load(screen.draft_id)
    return (
        screen.draft.numbers == WIZARD_NUMBERS
        and saved is not None
        and (saved.numbers == WIZARD_NUMBERS)
    )


def portability_recovered(visit: Visit) -> bool:
    return "all portable" in portability_message(visit)


# The wizard's submit: a finished draft per fault, resumed from the drafts list (N)


def reference_of(visit: Visit) -> str:
    return f"FAULT-{visit.fault.upper()}"


async def resume_a_finished_draft(visit: Visit) -> None:
    numbers = fresh_numbers(list(FAULTS).index(visit.fault))
    draft = review_draft(numbers, reference_of(visit))
    app = visit.app
    drafts_of(app).save(
        DraftStore.new_id(), profile="acme-test", project_id=app.session.project_id, draft=draft
    )
    await press(visit, "N")
    await press(visit, "enter")
    assert wizard(visit).draft.order["customerOrderReference"] == reference_of(visit)


async def submit(visit: Visit) -> None:
    if isinstance(visit.app.screen, CreateOrderScreen):
        await press(visit, "ctrl+right")
        await press(visit, "y")


def orders_with_reference(visit: Visit) -> int:
    reference = reference_of(visit)
    orders = visit.emulator.store.orders.values()
    return sum(1 for order in orders if order.customer_order_reference == reference)


def submit_recovered(visit: Visit) -> bool:
    return orders_with_reference(visit) == 1 and not isinstance(visit.app.screen, CreateOrderScreen)


def draft_kept(visit: Visit) -> bool:
    if not isinstance(visit.app.screen, CreateOrderScreen):
        # The answer was readable after all: the order exists once and its draft is gone.
        return orders_with_reference(visit) == 1
    screen = wizard(visit)
    saved = drafts_of(visit.app).load(screen.draft_id)
    return saved is not None and bool(saved.common) and saved.common == screen.draft.common


async def back_to_the_list(visit: Visit) -> None:
    while not isinstance(visit.app.screen, OrderListScreen):
        await press(visit, "escape")


# A note on the order: typed in the dialog (n), sent with ctrl+s


def note_of(visit: Visit) -> str:
    return f"Customer called about the {visit.fault} fault;\nPIN re-confirmed."


async def write_a_note(visit: Visit) -> None:
    if isinstance(visit.app.screen, OrderListScreen):
        await press(visit, "enter")
    await press(visit, "n")
    assert isinstance(visit.app.screen, NoteDialog)
    visit.app.screen.query_one("#note", TextArea).load_text(note_of(visit))


async def send_note(visit: Visit) -> None:
    if isinstance(visit.app.screen, NoteDialog):
        await press(visit, "ctrl+s")


def note_message(visit: Visit) -> str:
    if isinstance(visit.app.screen, NoteDialog):
        return static_text(visit, "#error")
    return shown_text(visit)


def notes_with_text(visit: Visit) -> int:
    text = note_of(visit)
    return sum(
        1 for order in visit.emulator.store.orders.values() for n in order.notes if n.note == text
    )


def note_kept(visit: Visit) -> bool:
    if isinstance(visit.app.screen, NoteDialog):
        return visit.app.screen.query_one("#note", TextArea).text == note_of(visit)
    return notes_with_text(visit) == 1


def note_recovered(visit: Visit) -> bool:
    return not isinstance(visit.app.screen, NoteDialog) and notes_with_text(visit) >= 1


# Project defaults: a contact name typed per fault, then ctrl+s and y


def contact_of(visit: Visit) -> str:
    return f"Dana Whitfield {visit.fault}"


def contact_editor(visit: Visit) -> Input:
    return visit.app.screen.query_one(f"#{field_id('contact.name')}", Input)


async def type_a_contact(visit: Visit) -> None:
    if not isinstance(visit.app.screen, SettingsScreen):
        await press(visit, "S")
    editor = contact_editor(visit)
    editor.value = ""
    editor.focus()
    await paste(visit, contact_of(visit))


async def save_settings(visit: Visit) -> None:
    await press(visit, "ctrl+s")
    if isinstance(visit.app.screen, ChangesDialog):
        await press(visit, "y")


def saved_contact(visit: Visit) -> object:
    return (visit.emulator.store.configuration or {}).get("contact", {}).get("name")


def contact_kept(visit: Visit) -> bool:
    """Still in the form, or saved (a sparse answer shows what the API sent back)."""
    return contact_of(visit) in (contact_editor(visit).value, saved_contact(visit))


def settings_recovered(visit: Visit) -> bool:
    return saved_contact(visit) == contact_of(visit)


# Webhook events: the screen reads the local store; the API behind it is what fails


async def open_events(visit: Visit) -> None:
    await press(visit, "W")
    assert isinstance(visit.app.screen, EventsScreen)


async def event_arrives_then_back_and_refresh(visit: Visit) -> None:
    """On the Events screen an event arrives and is listed; Esc; r refreshes the list."""
    app = visit.app
    screen = app.screen
    if isinstance(screen, EventsScreen):
        listed = app.screen_stack[1]
        assert isinstance(listed, OrderListScreen)
        order_id = str(listed.table.visible_orders[0].id)
        raw = json.dumps({"type": "ORDER_UPDATED", "orderId": order_id, "note": visit.fault})
        store = WebhookEventStore(LocalStore.open(store_path_of(app)))
        store.add(parse_webhook(raw), raw, profile=app.session.profile_name)
        app.webhook_feed.poll()
        await settle(visit.pilot)
        assert any(visit.fault in event.body for event in screen.shown), "listed meanwhile"
        await press(visit, "escape")
    await press(visit, "r")


SCREENS: dict[str, ScreenCase] = {
    "order list": ScreenCase(refresh, shown_text, list_recovered),
    "needs attention": ScreenCase(
        refresh, attention_message, attention_recovered, begin=to_attention
    ),
    "order": ScreenCase(refresh, shown_text, order_recovered, begin=open_order),
    "note": ScreenCase(
        send_note,
        note_message,
        note_recovered,
        begin=write_a_note,
        kept=note_kept,
        answer_lost_says="may have been added",
    ),
    "wizard portability": ScreenCase(
        check_portability,
        portability_message,
        portability_recovered,
        begin=wizard_with_numbers,
        kept=numbers_kept,
    ),
    "wizard submit": ScreenCase(
        submit,
        shown_text,
        submit_recovered,
        begin=resume_a_finished_draft,
        kept=draft_kept,
        end=back_to_the_list,
        answer_lost_says="was lost",
    ),
    "settings": ScreenCase(
        save_settings, shown_text, settings_recovered, begin=type_a_contact, kept=contact_kept
    ),
    "events": ScreenCase(
        event_arrives_then_back_and_refresh, shown_text, list_recovered, begin=open_events
    ),
}


def changes_sent(transport: QualityTransport) -> int:
    """POSTs that change something (a portability check changes nothing)."""
    return sum(
        1
        for call in transport.api_calls()
        if call.startswith("POST ") and not call.endswith("/portabilityChecks")
    )


def readable_answer_shown(message: str) -> bool:
    return not any(words in message for words in ("failed", "cannot be read", "could not"))


@pytest.mark.parametrize("screen_name", list(SCREENS))
async def test_every_fault_is_reported_and_the_next_refresh_recovers(
    emulator: Emulator, session: Session, transport: QualityTransport, screen_name: str
) -> None:
    case = SCREENS[screen_name]
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for name, fault in FAULTS.items():
            visit = Visit(app, pilot, emulator, name)
            app.clear_notifications()
            await case.begin(visit)
            emulator.faults.set(fault.spec)
            sent_before = changes_sent(transport)
            await case.act(visit)
            assert app.is_running
            if case.answer_lost_says is not None:
                # A change is sent once, whatever happens to its answer: a client that sent
                # it again would duplicate the note or the order.
                assert changes_sent(transport) - sent_before <= 1, f"{name}: sent again"
            message = case.message(visit)
            if fault.says is not None:
                assert any(words in message for words in fault.says), f"{name}: {message}"
            else:
                assert readable_answer_shown(message), f"{name}: {message}"
            if name in ANSWER_LOST and case.answer_lost_says is not None:
                assert case.answer_lost_says in message, f"{name}: {message}"
            assert case.kept(visit), f"{name}: what was typed is kept"
            emulator.faults.set(None)
            await case.act(visit)
            assert app.is_running
            assert case.recovered(visit), f"{name}: {case.message(visit)}"
            await case.end(visit)
