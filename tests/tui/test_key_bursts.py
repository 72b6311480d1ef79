"""Keys that arrive in one burst after Tab (a paste, a laggy SSH link) land in the next field,
and those after "/" in the order list's find box."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input

from porting_tui.domain.order_edit import ORDER_EDIT_FORM
from porting_tui.tui.app import PortingApp
from porting_tui.tui.first_run import FirstRunApp
from porting_tui.tui.widgets.wizard_field_form import WizardFieldForm
from tests.tui.conftest import (
    RecordingTransport,
    list_screen,
    make_emulator,
    make_session,
    settle,
    wait_until,
)
from tests.tui.test_first_page import held_start


def emulator_transport() -> httpx.AsyncBaseTransport:
    return httpx.ASGITransport(app=make_emulator().app)


_CHARACTERS = {"tab": "\t", "shift+tab": None}


async def burst(pilot: Pilot[None], *keys: str) -> None:
    """Post every key before any is handled, as a terminal driver does with a burst of input."""
    for key in keys:
        pilot.app.post_message(events.Key(key, _CHARACTERS.get(key, key)))
    await pilot.pause()
    await pilot.pause()


class PlainForm(App[None]):
    """Textual's own behaviour, without our forms: the reproduction in the README."""

    def compose(self) -> ComposeResult:
        yield Input(id="first")
        yield Input(id="second")


class OneForm(App[None]):
    def compose(self) -> ComposeResult:
        yield WizardFieldForm([("Order", ORDER_EDIT_FORM)])


async def test_plain_textual_inputs_send_the_burst_to_the_previous_field() -> None:
    app = PlainForm()
    async with app.run_test() as pilot:
        await burst(pilot, "N", "tab", "E", "l", "m")
        first, second = app.query(Input).results(Input)
        # If this starts to fail, Textual fixed it and IMMEDIATE_FOCUS_KEYS can go.
        assert (first.value, second.value) == ("NElm", "")


async def test_a_burst_after_tab_lands_in_the_next_field_of_a_wizard_form() -> None:
    app = OneForm()
    async with app.run_test() as pilot:
        inputs = list(app.query(Input).results(Input))
        inputs[0].focus()
        await pilot.pause()
        await burst(pilot, "N", "tab", "E", "l", "m", "shift+tab", "x")
        # Back in the first field its text is selected on focus, as when typed slowly.
        assert (inputs[0].value, inputs[1].value) == ("x", "Elm")
        await pilot.press("tab", "tab", *"ok")
        assert inputs[2].value == "ok"


async def test_a_burst_after_tab_lands_in_the_next_field_of_the_first_run_screen() -> None:
    app = FirstRunApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        name = app.screen.query_one("#field-name", Input)
        project = app.screen.query_one("#field-project_id", Input)
        await burst(pilot, "N", "tab", "E", "l", "m")
        assert (name.value, project.value) == ("N", "Elm")


async def test_a_burst_after_slash_lands_in_the_find_box(tmp_path: Path) -> None:
    app = PortingApp(make_session(RecordingTransport(emulator_transport()), tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = list_screen(app)
        view = screen.view_index
        await burst(pilot, "slash", "7", "0", "0", "/", "1")
        await settle(pilot)
        find = screen.query_one("#find", Input)
        # Without the priority binding "7", "0" and "0" went to the table (0: Needs attention).
        assert find.value == "700/1" and find.has_focus
        assert screen.view_index == view and screen.table.find_text == "700/1"


async def test_a_burst_after_slash_before_the_first_page_lands_in_the_find_box(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before the first page the find box is not there yet: "/" mounts it, then focuses it.
    async with held_start(tmp_path, monkeypatch) as (app, pilot, transport):
        await burst(pilot, "slash", "7", "0")
        await wait_until(pilot, lambda: bool(app.screen.query("#find")), "the find box")
        find = app.screen.query_one("#find", Input)
        await wait_until(pilot, lambda: find.value == "70", "the keys in the find box")
        transport.release.set()
