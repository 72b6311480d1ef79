"""Each step of the wizard at 80x24, on a frozen emulator clock and a fixed "today"."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from porting_tui.domain.draft_fields import Step
from porting_tui.domain.order_draft import OrderDraft, PortabilityRecord
from porting_tui.local.drafts import DraftStore
from tests.tui.create_order.wizard_helpers import (
    WizardApp,
    WizardSession,
    paste_numbers,
    ready_draft,
    settle,
)

SIZE = (80, 24)


async def settled(pilot: Pilot[None]) -> None:
    await settle(pilot)


def test_numbers_step(snap_compare: Any, wizard_session: WizardSession, drafts: DraftStore) -> None:
    async def paste(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await paste_numbers(pilot, "(312) 555-0100, +1 212 555 0100\n3125550100\n555-01")

    app = WizardApp(wizard_session, drafts)
    assert snap_compare(app, terminal_size=SIZE, run_before=paste)


def test_portability_step(
    snap_compare: Any, wizard_session: WizardSession, drafts: DraftStore
) -> None:
    draft = ready_draft(Step.PORTABILITY, ["+13125550100", "+13125550000", "+12125550100"])
    draft.portability["+13125550000"] = PortabilityRecord(
        portable=False, carrier="Bandwidth", reason="Number is not in service at the losing carrier"
    )
    app = WizardApp(wizard_session, drafts, draft=draft)
    assert snap_compare(app, terminal_size=SIZE, run_before=settled)


def test_end_user_step(
    snap_compare: Any, wizard_session: WizardSession, drafts: DraftStore
) -> None:
    draft = ready_draft(Step.END_USER)
    draft.common["endUser.zipCode"] = "6060"
    draft.set_value("+12125550100", "portOutInfo.existingPortOutPin", "9999")

    async def next_with_error(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("ctrl+right")
        await settle(pilot)

    app = WizardApp(wizard_session, drafts, draft=draft)
    assert snap_compare(app, terminal_size=SIZE, run_before=next_with_error)


def test_routing_step(snap_compare: Any, wizard_session: WizardSession, drafts: DraftStore) -> None:
    draft = ready_draft(Step.ROUTING)
    draft.common.update({"voiceConfiguration.type": "EST", "voiceConfiguration.id": "01G65Z755"})
    app = WizardApp(wizard_session, drafts, draft=draft)
    assert snap_compare(app, terminal_size=SIZE, run_before=settled)


def test_schedule_step(
    snap_compare: Any, wizard_session: WizardSession, drafts: DraftStore
) -> None:
    draft = ready_draft(Step.SCHEDULE, ["+13125550100", "+14165550123"])
    draft.order["desiredPortSchedule.desiredPortDate"] = "2026-12-25"
    app = WizardApp(wizard_session, drafts, draft=draft)
    assert snap_compare(app, terminal_size=SIZE, run_before=settled)


def test_review_step(snap_compare: Any, wizard_session: WizardSession, drafts: DraftStore) -> None:
    draft: OrderDraft = ready_draft(Step.REVIEW)
    draft.order["loaUploadedBy"] = "Jane Doe"
    draft.order["loaAttachmentDate"] = "2026-11-26"
    app = WizardApp(wizard_session, drafts, draft=draft)
    assert snap_compare(app, terminal_size=SIZE, run_before=settled)
