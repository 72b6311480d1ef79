"""Pre-flight in the wizard: warnings next to their fields, never blocking; the review's risk."""

from __future__ import annotations

from datetime import date

import httpx
import pytest
from textual.pilot import Pilot

from porting_tui.client import DesiredPortSchedule, NewOrder
from porting_tui.domain.draft_fields import Step
from porting_tui.domain.order_draft import OrderDraft, PortabilityRecord
from porting_tui.domain.preflight import LearnedRejection
from porting_tui.local.drafts import DraftStore
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.screens.create_order import create_order_screen
from porting_tui.tui.widgets.wizard_field_form import field_dom_id
from tests.tui.conftest import new_number
from tests.tui.create_order.conftest import WizardTransport
from tests.tui.create_order.wizard_helpers import (
    CREATE_PATH,
    WizardApp,
    WizardSession,
    choose_scope,
    fill,
    next_step,
    ready_draft,
    settle,
    wizard,
)
from tests.waiting import wait_until

PIN = "portOutInfo.existingPortOutPin"
STATE = "endUser.state"
T_MOBILE = "+12125550100"
BANDWIDTH = "+13125550100"
TORONTO = "+14165550123"
CLEAN_DATE = "2026-12-02"
"""Three business days after the tests' Friday 2026-11-27: soon enough for every carrier."""


def warning_of(pilot: Pilot[None], path: str) -> str:
    """The pre-flight line under a field of the current step ("" when none is shown)."""
    line = wizard(pilot).current_step.query_one(f"#warning-{field_dom_id(path)}")
    return str(line.render()) if line.has_class("-shown") else ""


def step_warnings(pilot: Pilot[None]) -> str:
    line = wizard(pilot).query_one("#step-warnings")
    return str(line.render()) if line.display else ""


def review_risk(pilot: Pilot[None]) -> str:
    return str(wizard(pilot).current_step.query_one("#review-risk").render())


def clean(draft: OrderDraft) -> OrderDraft:
    draft.order["desiredPortSchedule.desiredPortDate"] = CLEAN_DATE
    return draft


async def test_a_wireless_number_without_pin_is_warned_on_the_pin_field_and_does_not_block(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    draft = clean(ready_draft(Step.END_USER))
    del draft.common[PIN]
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        warning = warning_of(pilot, PIN)
        assert "⚠ No port-out PIN for +1 212-555-0100 of T-Mobile (wireless)" in warning
        assert "ask the end user for it (they get it from T-Mobile)" in warning
        assert "1 warning at Port-out PIN (ctrl+→ goes on anyway)" in step_warnings(pilot)
        # The Bandwidth number, chosen alone, has nothing to be warned about.
        await choose_scope(pilot, BANDWIDTH)
        assert warning_of(pilot, PIN) == ""
        assert step_warnings(pilot) == ""
        await choose_scope(pilot, None)
        assert await next_step(pilot) == Step.ROUTING


async def test_the_warning_goes_once_the_pin_is_typed(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    draft = clean(ready_draft(Step.END_USER))
    del draft.common[PIN]
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert warning_of(pilot, PIN)
        await fill(pilot, {PIN: "4321"})
        assert warning_of(pilot, PIN) == ""
        assert step_warnings(pilot) == ""


async def test_a_field_with_an_error_shows_the_error_not_a_warning_too(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    draft = clean(ready_draft(Step.END_USER))
    draft.common["endUser.zipCode"] = "10001"  # a New York ZIP code with an IL address
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "ZIP code 10001 is not in IL" in warning_of(pilot, "endUser.zipCode")
        await fill(pilot, {"endUser.zipCode": "1000"})  # not a ZIP code at all: an error
        assert warning_of(pilot, "endUser.zipCode") == ""


async def test_a_toronto_number_with_an_illinois_address_is_warned_on_the_state(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    draft = clean(ready_draft(Step.END_USER, [BANDWIDTH, TORONTO]))
    draft.order["resellerName"] = "Acme Reseller"
    # Another account: its address may differ from the Chicago number's.
    draft.set_value(TORONTO, "portOutInfo.accountNum", "ACC-2")
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        warning = warning_of(pilot, STATE)
        assert "Address in the US for +1 416-555-0123 in Canada" in warning
        assert "Enter the service address Cogeco has on file" in warning
        # Per number: the Toronto number has it, the Chicago one does not.
        await choose_scope(pilot, TORONTO)
        assert "in Canada" in warning_of(pilot, STATE)
        await fill(pilot, {STATE: "ON", "endUser.zipCode": "M5V 2T6"})
        assert warning_of(pilot, STATE) == ""
        await choose_scope(pilot, None)
        assert warning_of(pilot, STATE) == ""


async def test_the_review_ranks_the_risk_of_each_carrier_group(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    draft = ready_draft(Step.REVIEW, [BANDWIDTH, T_MOBILE, "+12125550101"])
    draft.portability["+12125550101"] = draft.portability[T_MOBILE]
    for number in (T_MOBILE, "+12125550101"):
        draft.set_value(number, PIN, "")
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lines = review_risk(pilot).splitlines()
        assert lines[0] == "Risk · pre-flight found 2 warnings · 1 advice"
        # The riskiest group first; its warnings in the order they matter.
        assert lines[1].startswith("⚠ T-Mobile (2 numbers) · 1 warning: No port-out PIN")
        assert lines[2].startswith("⚠ Bandwidth (1 number) · 1 warning: Port date 2026-11-30")
        assert "ℹ 2 losing carriers in one order: Bandwidth, T-Mobile" in review_risk(pilot)
        assert "Open orders: none of this project's other open orders" in review_risk(pilot)
        # Warnings do not block: the order is submitted, after a question that names them.
        await pilot.press("ctrl+right")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConfirmDialog)
        question = str(pilot.app.screen.query_one("#question").render())
        assert "Pre-flight found 2 warnings · 1 advice" in question
        await pilot.press("y")
        await settle(pilot)
        assert len(app.created) == 1


async def test_a_clean_order_has_no_known_risk(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    app = WizardApp(wizard_session, drafts, draft=clean(ready_draft(Step.REVIEW, [BANDWIDTH])))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        risk = review_risk(pilot)
        assert risk.splitlines()[:2] == [
            "Risk · pre-flight found no known risk",
            "✓ Bandwidth (1 number) · no known risk",
        ]
        assert step_warnings(pilot) == ""


async def test_a_number_in_another_open_order_is_named_with_that_order(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    other = await wizard_session.client.orders.create(
        NewOrder(
            customer_order_reference="OTHER-1",
            desired_port_schedule=DesiredPortSchedule(
                desired_port_date=date(2026, 12, 3),
                desired_port_time="09:00:00",
                desired_port_time_zone="US/Eastern",
            ),
            phone_numbers=[new_number(BANDWIDTH)],
        )
    )
    draft = clean(ready_draft(Step.PORTABILITY, [BANDWIDTH, "+13125550101"]))
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tip = str(wizard(pilot).current_step.query_one("#carrier-tip").render())
        assert f"⚠ +1 312-555-0100 already in open order {other.id}" in tip
        assert f"Cancel order {other.id}, or take the numbers out" in tip
        assert step_warnings(pilot).startswith("⚠ 1 warning (ctrl+→ goes on anyway)")
        # Back on the numbers, where it is fixed, the finding is listed with its fix.
        await pilot.press("ctrl+left")
        await settle(pilot)
        assert f"already in open order {other.id} — Cancel order" in step_warnings(pilot)
        assert await next_step(pilot) == Step.PORTABILITY
        for step in (Step.END_USER, Step.ROUTING, Step.SCHEDULE, Step.REVIEW):
            assert await next_step(pilot) == step
        risk = review_risk(pilot)
        assert f"+1 312-555-0100 already in open order {other.id}" in risk


async def test_a_failed_open_order_lookup_says_not_checked_and_never_blocks(
    wizard_session: WizardSession, wizard_transport: WizardTransport, drafts: DraftStore
) -> None:
    def lookups_fail(request: httpx.Request) -> httpx.Response | None:
        if request.url.path == CREATE_PATH and "phoneNumber" in request.url.params:
            return httpx.Response(503, json={"message": "down"}, request=request)
        return None

    wizard_transport.fault = lookups_fail
    app = WizardApp(wizard_session, drafts, draft=clean(ready_draft(Step.REVIEW, [BANDWIDTH])))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        risk = review_risk(pilot)
        assert "Open orders: not checked for 1 of 1 numbers (the lookup failed" in risk
        assert "✓ Bandwidth (1 number) · no known risk" in risk
        # Back on the review, the lookup is tried again; it works this time.
        wizard_transport.fault = None
        await pilot.press("ctrl+left")
        await settle(pilot)
        assert await next_step(pilot) == Step.REVIEW
        await wait_until(
            pilot, lambda: "none of this project's" in review_risk(pilot), "the lookup again"
        )


async def test_what_carriers_rejected_before_is_advice_in_the_review(
    wizard_session: WizardSession, drafts: DraftStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    learned = LearnedRejection("T-Mobile", "Port-out PIN", 4, 10, PIN)

    def history(attention: object) -> tuple[LearnedRejection, ...]:
        return (learned,)

    monkeypatch.setattr(create_order_screen, "learned_rejections", history)
    draft = clean(ready_draft(Step.END_USER))
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # Where such a rejection is fixed: under the PIN, muted as advice.
        assert "ℹ T-Mobile rejected 4 of your last 10 orders: Port-out PIN" in warning_of(
            pilot, PIN
        )
        assert step_warnings(pilot).startswith("1 advice at Port-out PIN")
        for step in (Step.ROUTING, Step.SCHEDULE, Step.REVIEW):
            assert await next_step(pilot) == step
        advice = "ℹ T-Mobile rejected 4 of your last 10 orders: Port-out PIN — Check this for"
        assert advice in review_risk(pilot)


async def test_carrier_names_are_shown_as_sent_never_as_markup(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    draft = clean(ready_draft(Step.REVIEW, [T_MOBILE]))
    odd = "Evil [b]Wireless[/b]\x1b[31m"
    draft.portability[T_MOBILE] = PortabilityRecord(portable=True, carrier=odd)
    draft.set_value(T_MOBILE, PIN, "")
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown = "Evil [b]Wireless[/b]\\x1b[31m"
        assert f"⚠ {shown} (1 number) · 1 warning: No port-out PIN" in review_risk(pilot)
        await pilot.press("ctrl+left", "ctrl+left", "ctrl+left")
        await settle(pilot)
        assert f"of {shown} (wireless)" in warning_of(pilot, PIN)
