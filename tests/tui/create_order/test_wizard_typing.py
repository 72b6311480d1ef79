"""Typing in the wizard: examples that cannot pass for values, a wrong value selected to be
typed over, and relative dates (today, +3d) in every date field."""

from __future__ import annotations

from textual.widgets import Input

from porting_tui.domain.draft_fields import Step
from porting_tui.local.drafts import DraftStore
from porting_tui.tui.widgets.wizard_field_form import DATE_PLACEHOLDER
from tests.tui.create_order.wizard_helpers import (
    WizardApp,
    WizardSession,
    field_widget,
    next_step,
    ready_draft,
    settle,
    value_of,
    wizard,
)

PORT_DATE = "desiredPortSchedule.desiredPortDate"
AUTHORIZING_DATE = "portOutInfo.authorizingDate"


def input_of(pilot: object, path: str) -> Input:
    widget = field_widget(pilot, path)  # type: ignore[arg-type]
    assert isinstance(widget, Input)
    return widget


async def test_examples_say_e_g_and_descriptions_stay_as_they_are(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    draft = ready_draft(Step.END_USER)
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert input_of(pilot, "endUser.streetNum").placeholder == "e.g. 123"
        assert input_of(pilot, "endUser.zipCode").placeholder == "e.g. 60601 or K1A 0B1"
        assert input_of(pilot, "endUser.name").placeholder == "person or company, as on the bill"
        assert input_of(pilot, AUTHORIZING_DATE).placeholder == DATE_PLACEHOLDER


async def test_relative_dates_become_the_date_they_mean(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    draft = ready_draft(Step.END_USER)
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        authorizing = input_of(pilot, AUTHORIZING_DATE)
        authorizing.focus()
        authorizing.value = ""
        await pilot.press(*"yesterday")
        await settle(pilot)
        assert authorizing.value == "2026-11-26"
        assert wizard(pilot).draft.common[AUTHORIZING_DATE] == "2026-11-26"

    draft = ready_draft(Step.SCHEDULE)
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        port_date = input_of(pilot, PORT_DATE)
        port_date.focus()
        port_date.value = ""
        await pilot.press(*"+3d")
        await settle(pilot)
        assert port_date.value == "2026-11-30"
        assert wizard(pilot).draft.order[PORT_DATE] == "2026-11-30"
        port_date.value = ""
        await pilot.press(*"2026-12-15")
        assert port_date.value == "2026-12-15", "an absolute date is never rewritten halfway"


async def test_a_refused_value_is_selected_so_typing_replaces_it(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    draft = ready_draft(Step.SCHEDULE)
    draft.order[PORT_DATE] = "2026-11-28"  # a Saturday
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        port_date = input_of(pilot, PORT_DATE)
        assert pilot.app.focused is port_date
        assert await next_step(pilot) == Step.SCHEDULE
        assert pilot.app.focused is port_date
        await pilot.press(*"+1w")
        await settle(pilot)
        assert value_of(pilot, PORT_DATE) == "2026-12-04"


async def test_a_changed_field_loses_its_error_until_checked_again(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    draft = ready_draft(Step.END_USER)
    draft.common["endUser.zipCode"] = "6060"
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert await next_step(pilot) == Step.END_USER
        zip_code = input_of(pilot, "endUser.zipCode")
        error = wizard(pilot).current_step.query_one("#error-f-endUser-zipCode")
        assert error.has_class("-shown") and zip_code.has_class("-invalid")
        await pilot.press(*"60601")
        await settle(pilot)
        assert not error.has_class("-shown") and not zip_code.has_class("-invalid")
        assert await next_step(pilot) == Step.ROUTING
