"""Run by the SIGKILL test in a child process: fill the wizard, report the draft, then wait.

The draft store is the default one, under ``$XDG_DATA_HOME``; the parent kills this process
with SIGKILL once the draft is reported, and resumes the draft in a new app.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import httpx

from porting_tui.local.drafts import DraftStore
from porting_tui.local.store import LocalStore
from tests.support import demo_client
from tests.tui.create_order.wizard_helpers import (
    END_USER,
    WizardApp,
    WizardSession,
    choose_scope,
    fill,
    make_emulator,
    next_step,
    paste_numbers,
    settle,
    wizard,
)

TYPED_ROUTING = {
    "voiceConfiguration.type": "EST",
    "voiceConfiguration.id": "trunk-7",
    "smsConfiguration.smsAppId": "sms-7",
    "features.e911.name": "Acme Inc",
    "features.e911.streetNum": "233",
    "features.e911.streetInfo": "S Wacker Dr",
    "features.e911.city": "Chicago",
    "features.e911.state": "IL",
    "features.e911.postalCode": "60606",
}
TYPED_SCHEDULE = {
    "desiredPortSchedule.desiredPortTime": "11:15",
    "customerOrderReference": "KILL-ME-1",
    "loaUploadedBy": "Jane Doe",
    "loaAttachmentDate": "2026-11-26",
}


async def main() -> None:
    transport = httpx.ASGITransport(app=make_emulator().app)
    session = WizardSession(demo_client(transport), Path(sys.argv[1]))
    drafts = DraftStore(LocalStore.open())
    app = WizardApp(session, drafts)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await paste_numbers(pilot, "(312) 555-0100\n+1 212 555 0100")
        await next_step(pilot)
        await next_step(pilot)
        await fill(pilot, END_USER | {"endUser.streetPreDir": "S", "endUser.typeOfService": "R"})
        await choose_scope(pilot, "+12125550100")
        await fill(pilot, {"portOutInfo.existingPortOutPin": "8888", "newPortOutPin": "5555"})
        await next_step(pilot)
        await fill(pilot, TYPED_ROUTING)
        await next_step(pilot)
        await fill(pilot, TYPED_SCHEDULE)
        screen = wizard(pilot)
        saved = drafts.load(screen.draft_id)
        assert saved == screen.draft, "the draft on disk differs from the form"
        print(screen.draft_id, flush=True)
        print(screen.draft.model_dump_json(), flush=True)
        await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
