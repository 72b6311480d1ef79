"""Keys that arrive in one burst after Tab (a paste, a laggy SSH link) land in the next field."""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input

from porting_tui.domain.order_edit import ORDER_EDIT_FORM
from porting_tui.tui.first_run import FirstRunApp
from porting_tui.tui.widgets.wizard_field_form import WizardFieldForm

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
