"""Submitting: a 422 leads back to the field, a lost answer never files the order twice."""

from __future__ import annotations

import asyncio
import json

import httpx

from porting_tui.domain.draft_fields import Step
from porting_tui.domain.order_draft import build_new_order
from porting_tui.local.drafts import DraftStore
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from tests.tui.create_order.conftest import WizardTransport
from tests.tui.create_order.wizard_helpers import (
    CREATE_PATH,
    REFERENCE,
    WizardApp,
    WizardSession,
    choose_scope,
    error_of,
    ready_draft,
    settle,
    wizard,
)


def unprocessable(request: httpx.Request) -> httpx.Response | None:
    if request.method != "POST" or request.url.path != CREATE_PATH:
        return None
    body = {
        "code": "422",
        "error": "Invalid parameters",
        "message": "The order has invalid fields",
        "details": {
            "fieldViolations": [
                {
                    "field": "phoneNumbers[1].endUser.zipCode",
                    "description": "ZIP code does not match the losing carrier's records",
                }
            ]
        },
    }
    return httpx.Response(422, json=body, request=request)


def answer_lost(request: httpx.Request) -> Exception | None:
    if request.method == "POST" and request.url.path == CREATE_PATH:
        return httpx.ReadTimeout("timed out", request=request)
    return None


async def submit(pilot: object) -> None:
    await pilot.press("ctrl+right")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    await pilot.press("y")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]


async def test_a_server_422_leads_back_to_the_step_and_field_it_names(
    wizard_session: WizardSession, wizard_transport: WizardTransport, drafts: DraftStore
) -> None:
    wizard_transport.fault = unprocessable
    draft = ready_draft(Step.REVIEW)
    draft.set_value("+12125550100", "endUser.zipCode", "10001")
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await submit(pilot)
        screen = wizard(pilot)
        assert screen.draft.step == Step.END_USER
        # The ZIP of the second number is its own, so the form shows that number.
        assert "+12125550100" in str(screen.query_one(".step-problems").render())
        assert "does not match the losing carrier's records" in error_of(pilot, "endUser.zipCode")
        assert screen.focused is not None and screen.focused.id == "f-endUser-zipCode"
        assert app.created == []
        assert drafts.exists(screen.draft_id)
        await choose_scope(pilot, None)
        assert error_of(pilot, "endUser.zipCode") == ""


async def test_a_lost_create_response_does_not_produce_a_duplicate(
    wizard_session: WizardSession, wizard_transport: WizardTransport, drafts: DraftStore
) -> None:
    wizard_transport.fault = answer_lost
    app = WizardApp(wizard_session, drafts, draft=ready_draft(Step.REVIEW))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await submit(pilot)
        assert len(app.created) == 1
        assert drafts.summaries() == []
        wizard_transport.fault = None
        page = await wizard_session.client.orders.list_page(customer_order_reference=REFERENCE)
    assert len(wizard_transport.creates()) == 1
    assert [item.id for item in page.orders] == app.created
    # Pre-flight's open-order lookups (by phone number) are list requests too: not these.
    lookups = [
        r
        for r in wizard_transport.requests
        if r.method == "GET" and r.url.path == CREATE_PATH and "phoneNumber" not in r.url.params
    ]
    assert lookups[0].url.params["customerOrderReference"] == REFERENCE


async def test_when_nothing_answers_the_order_is_not_sent_again_blindly(
    wizard_session: WizardSession, wizard_transport: WizardTransport, drafts: DraftStore
) -> None:
    def everything_lost(request: httpx.Request) -> Exception | None:
        if request.url.path == CREATE_PATH:
            return httpx.ReadTimeout("timed out", request=request)
        return None

    wizard_transport.fault = everything_lost
    app = WizardApp(wizard_session, drafts, draft=ready_draft(Step.REVIEW))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await submit(pilot)
        status = str(wizard(pilot).query_one("#submit-status").render())
        assert f"Search for reference '{REFERENCE}'" in status
        assert len(wizard_transport.creates()) == 1
        # The network is back: the next submit looks first and finds the order.
        wizard_transport.fault = None
        await submit(pilot)
        assert len(app.created) == 1
    assert len(wizard_transport.creates()) == 1


async def test_the_exact_body_is_reviewed_and_sent(
    wizard_session: WizardSession, wizard_transport: WizardTransport, drafts: DraftStore
) -> None:
    app = WizardApp(wizard_session, drafts, draft=ready_draft(Step.REVIEW))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        shown = json.loads(str(wizard(pilot).query_one("#review-json").render()))
        await submit(pilot)
    assert json.loads(wizard_transport.creates()[0].content) == shown


async def test_a_failed_portability_check_says_so_and_r_checks_again(
    wizard_session: WizardSession, wizard_transport: WizardTransport, drafts: DraftStore
) -> None:
    def unavailable(request: httpx.Request) -> httpx.Response | None:
        if request.url.path.endswith("/portabilityChecks"):
            return httpx.Response(503, json={"message": "try later"}, request=request)
        return None

    wizard_transport.fault = unavailable
    draft = ready_draft(Step.PORTABILITY)
    draft.portability = {}
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        status = str(wizard(pilot).query_one("#portability-status").render())
        assert "The check stopped after 0 of 2 numbers" in status and "Press r" in status
        await pilot.press("ctrl+right")
        await settle(pilot)
        assert wizard(pilot).draft.step == Step.PORTABILITY
        wizard_transport.fault = None
        await pilot.press("r")
        await settle(pilot)
        assert set(wizard(pilot).draft.portability) == {"+13125550100", "+12125550100"}
        await pilot.press("ctrl+right")
        await settle(pilot)
        assert wizard(pilot).draft.step == Step.END_USER


async def test_a_second_submit_while_the_first_is_in_flight_is_refused(
    wizard_session: WizardSession, wizard_transport: WizardTransport, drafts: DraftStore
) -> None:
    wizard_transport.hold_creates = asyncio.Event()
    app = WizardApp(wizard_session, drafts, draft=ready_draft(Step.REVIEW))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+right", "y")
        await pilot.pause()
        assert len(wizard_transport.creates()) == 1
        await pilot.press("ctrl+right")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        wizard_transport.hold_creates.set()
        await settle(pilot)
        assert len(app.created) == 1
    assert len(wizard_transport.creates()) == 1


async def test_a_draft_whose_submit_was_cut_short_looks_the_order_up_first(
    wizard_session: WizardSession, wizard_transport: WizardTransport, drafts: DraftStore
) -> None:
    # As if the app was killed after sending the create: the order exists, the draft too.
    draft = ready_draft(Step.REVIEW)
    draft.submit_pending = True
    await wizard_session.client.orders.create(build_new_order(draft))
    wizard_transport.requests.clear()
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await submit(pilot)
        assert len(app.created) == 1
    assert wizard_transport.creates() == []
