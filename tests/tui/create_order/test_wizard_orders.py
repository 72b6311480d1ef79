"""The wizard walked end to end against the in-process emulator, one order per test."""

from __future__ import annotations

import json

from textual.widgets import Checkbox, Input, Static

from porting_tui.client import Configuration
from porting_tui.domain.draft_fields import Step
from porting_tui.local.drafts import DraftStore
from tests.tui.create_order.conftest import WizardTransport
from tests.tui.create_order.wizard_helpers import (
    END_USER,
    REFERENCE,
    WizardApp,
    WizardSession,
    choose_scope,
    error_of,
    fill,
    next_step,
    paste_numbers,
    ready_draft,
    settle,
    value_of,
    wizard,
)


def sent_body(transport: WizardTransport) -> dict[str, object]:
    [create] = transport.creates()
    body = json.loads(create.content)
    assert isinstance(body, dict)
    return body


async def submit(pilot: object) -> None:
    await pilot.press("ctrl+right")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    await pilot.press("y")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]


async def test_a_clean_order_is_created_and_its_draft_removed(
    wizard_session: WizardSession, wizard_transport: WizardTransport, drafts: DraftStore
) -> None:
    app = WizardApp(wizard_session, drafts)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await paste_numbers(pilot, "+13125550100\n+13125550101")
        assert await next_step(pilot) == Step.PORTABILITY
        assert await next_step(pilot) == Step.END_USER
        await fill(pilot, END_USER | {"endUser.typeOfService": "B"})
        assert await next_step(pilot) == Step.ROUTING
        await fill(pilot, {"voiceConfiguration.type": "RTC", "voiceConfiguration.id": "app-1"})
        await fill(pilot, {"smsConfiguration.smsAppId": "sms-1"})
        assert await next_step(pilot) == Step.SCHEDULE
        assert value_of(pilot, "desiredPortSchedule.desiredPortDate") == "2026-12-02"
        assert value_of(pilot, "desiredPortSchedule.desiredPortTime") == "09:00:00"
        assert value_of(pilot, "desiredPortSchedule.desiredPortTimeZone") == "US/Eastern"
        await fill(pilot, {"customerOrderReference": REFERENCE, "loaUploadedBy": "Jane Doe"})
        assert drafts.exists(wizard(pilot).draft_id)
        assert await next_step(pilot) == Step.REVIEW
        review = str(wizard(pilot).query_one("#review-json", Static).render())
        assert '"existingPortOutPin": "••••"' in review
        assert "4321" not in review
        await submit(pilot)
        assert len(app.created) == 1
        assert drafts.summaries() == []
    body = sent_body(wizard_transport)
    assert body["customerOrderReference"] == REFERENCE
    assert body["onDemandActivation"] is False
    numbers = body["phoneNumbers"]
    assert isinstance(numbers, list)
    assert [n["phoneNumber"] for n in numbers] == ["+13125550100", "+13125550101"]
    assert numbers[1]["endUser"]["typeOfService"] == "B"
    assert numbers[1]["portOutInfo"] == {"existingPortOutPin": "4321", "accountNum": "ACC-1"}
    assert numbers[1]["voiceConfiguration"] == {"type": "RTC", "appId": "app-1"}
    assert numbers[1]["smsConfiguration"] == {"smsAppId": "sms-1"}


async def test_numbers_pasted_in_mixed_formats_are_normalized_and_bad_ones_stop_the_step(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    app = WizardApp(wizard_session, drafts)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await paste_numbers(
            pilot, "(312) 555-0100, +1 312 555 0101; 312.555.0102\n13125550100 555-01\n"
        )
        screen = wizard(pilot)
        summary = str(screen.query_one("#numbers-summary", Static).render())
        assert summary == "3 numbers · 1 duplicate removed · 1 entry not a number"
        assert await next_step(pilot) == Step.NUMBERS
        problems = str(screen.query_one("#numbers-problems", Static).render())
        assert "line 2: '555-01' is not a valid North American number" in problems
        await paste_numbers(pilot, "")
        area = screen.query_one("#numbers-text")
        area.load_text("(312) 555-0100, +1 312 555 0101; 312.555.0102")  # type: ignore[attr-defined]
        await settle(pilot)
        assert screen.draft.numbers == ["+13125550100", "+13125550101", "+13125550102"]
        assert await next_step(pilot) == Step.PORTABILITY


async def test_a_non_portable_number_must_be_removed_with_one_key(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    app = WizardApp(wizard_session, drafts)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await paste_numbers(pilot, "+13125550100, +13125550000, +12125550100")
        assert await next_step(pilot) == Step.PORTABILITY
        screen = wizard(pilot)
        summary = str(screen.query_one("#carrier-summary", Static).render())
        assert "Bandwidth" in summary and "1 not portable" in summary
        # Pre-flight's advice on several carriers took the place of the tip.
        tip = str(screen.query_one("#carrier-tip").render())
        assert "2 losing carriers in one order: Bandwidth, T-Mobile" in tip
        assert "split it by carrier" in tip
        assert await next_step(pilot) == Step.PORTABILITY
        status = str(screen.query_one("#portability-status", Static).render())
        assert "remove them (x)" in status
        await pilot.press("x")
        await settle(pilot)
        assert screen.draft.numbers == ["+13125550100", "+12125550100"]
        assert await next_step(pilot) == Step.END_USER
        saved = drafts.load(screen.draft_id)
    assert saved is not None and saved.numbers == ["+13125550100", "+12125550100"]
    assert "+13125550000" not in saved.numbers_text


async def test_per_number_overrides_reach_only_their_number(
    wizard_session: WizardSession, wizard_transport: WizardTransport, drafts: DraftStore
) -> None:
    draft = ready_draft(Step.END_USER, ["+13125550100", "+13125550101"])
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await choose_scope(pilot, "+13125550101")
        assert value_of(pilot, "endUser.city") == "Chicago"
        await fill(pilot, {"portOutInfo.existingPortOutPin": "9999", "endUser.zipCode": "60601"})
        row = wizard(pilot).query_one("#row-f-portOutInfo-existingPortOutPin")
        assert row.has_class("-overridden")
        await choose_scope(pilot, None)
        assert value_of(pilot, "portOutInfo.existingPortOutPin") == "4321"
        assert await next_step(pilot) == Step.ROUTING
        await fill(pilot, {"voiceConfiguration.type": "EST", "voiceConfiguration.id": "T-1"})
        await choose_scope(pilot, "+13125550100")
        await fill(pilot, {"voiceConfiguration.type": "FAX", "voiceConfiguration.id": "F-9"})
        assert await next_step(pilot) == Step.SCHEDULE
        assert await next_step(pilot) == Step.REVIEW
        await submit(pilot)
        assert app.created
    first, second = sent_body(wizard_transport)["phoneNumbers"]  # type: ignore[misc]
    assert first["portOutInfo"]["existingPortOutPin"] == "4321"
    assert second["portOutInfo"]["existingPortOutPin"] == "9999"
    assert (first["endUser"]["zipCode"], second["endUser"]["zipCode"]) == ("60606", "60601")
    assert first["voiceConfiguration"] == {"type": "FAX", "serviceId": "F-9"}
    assert second["voiceConfiguration"] == {"type": "EST", "trunkId": "T-1"}


async def test_an_on_demand_order_uses_the_project_defaults(
    wizard_session: WizardSession, wizard_transport: WizardTransport, drafts: DraftStore
) -> None:
    await wizard_session.client.configuration.create(
        Configuration(default_port_time="10:30:00", default_port_time_zone="US/Central")
    )
    draft = ready_draft(Step.SCHEDULE)
    draft.order = {"desiredPortSchedule.desiredPortDate": "2026-11-28"}
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert value_of(pilot, "desiredPortSchedule.desiredPortTime") == "10:30:00"
        assert value_of(pilot, "desiredPortSchedule.desiredPortTimeZone") == "US/Central"
        assert not wizard(pilot).query_one("#row-f-resellerName").display
        assert await next_step(pilot) == Step.SCHEDULE
        assert "Saturday; try 2026-12-02" in error_of(pilot, "desiredPortSchedule.desiredPortDate")
        await pilot.press("ctrl+g")
        assert value_of(pilot, "desiredPortSchedule.desiredPortDate") == "2026-12-02"
        wizard(pilot).query_one("#on-demand", Checkbox).value = True
        await settle(pilot)
        assert await next_step(pilot) == Step.REVIEW
        assert wizard(pilot).draft.order["customerOrderReference"] == "PT-GENERATED-1"
        await submit(pilot)
        assert app.created
        order = await wizard_session.client.orders.get(app.created[0])
    assert order.on_demand_activation is True
    assert order.customer_order_reference == "PT-GENERATED-1"
    assert order.desired_port_schedule.desired_port_time == "10:30:00"


async def test_a_canadian_number_asks_for_the_reseller(
    wizard_session: WizardSession, wizard_transport: WizardTransport, drafts: DraftStore
) -> None:
    draft = ready_draft(Step.SCHEDULE, ["+13125550100", "+14165550123"])
    app = WizardApp(wizard_session, drafts, draft=draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert wizard(pilot).query_one("#row-f-resellerName").display
        assert await next_step(pilot) == Step.SCHEDULE
        assert "Canadian numbers" in error_of(pilot, "resellerName")
        await fill(pilot, {"resellerName": "Maple Telecom"})
        assert await next_step(pilot) == Step.REVIEW
        await submit(pilot)
        assert app.created
    assert sent_body(wizard_transport)["resellerName"] == "Maple Telecom"


async def test_pins_are_masked_while_typing_until_revealed(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    app = WizardApp(wizard_session, drafts, draft=ready_draft(Step.END_USER))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pin = wizard(pilot).query_one("#f-portOutInfo-existingPortOutPin", Input)
        account = wizard(pilot).query_one("#f-portOutInfo-accountNum", Input)
        assert pin.password and account.password
        await pilot.press("ctrl+r")
        assert not pin.password and not account.password
        await pilot.press("ctrl+r")
        assert pin.password


async def test_a_read_only_profile_cannot_create_orders(
    wizard_session: WizardSession, wizard_transport: WizardTransport, drafts: DraftStore
) -> None:
    wizard_session.read_only = True
    app = WizardApp(wizard_session, drafts)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        message = str(wizard(pilot).query_one("#read-only", Static).render())
        assert "read-only" in message
        await pilot.press("ctrl+right")
        await settle(pilot)
    assert wizard_transport.creates() == []
