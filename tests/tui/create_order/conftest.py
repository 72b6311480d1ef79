"""Fixtures of the wizard tests: emulator on a frozen clock, recording transport, draft store."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from porting_tui.emulator import Emulator
from porting_tui.local.drafts import DraftStore
from porting_tui.local.store import LocalStore
from tests.support import demo_client
from tests.tui.create_order.wizard_helpers import (
    CREATE_PATH,
    WizardSession,
    make_emulator,
)

Fault = Callable[[httpx.Request], httpx.Response | Exception | None]


@dataclass
class WizardTransport(httpx.AsyncBaseTransport):
    """Forwards to the emulator and records requests; ``fault`` may answer or fail instead.

    ``fault`` returns a response to send instead of forwarding, an exception to raise *after*
    forwarding (the request reached the server, its answer is lost), or None to pass through.
    """

    inner: httpx.AsyncBaseTransport
    requests: list[httpx.Request] = field(default_factory=list)
    fault: Fault | None = None
    hold_creates: asyncio.Event | None = None
    """When set, a create waits for this event before it reaches the emulator."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.hold_creates is not None and request in self.creates():
            await self.hold_creates.wait()
        outcome = self.fault(request) if self.fault else None
        if isinstance(outcome, httpx.Response):
            return outcome
        response = await self.inner.handle_async_request(request)
        if isinstance(outcome, Exception):
            await response.aread()
            raise outcome
        return response

    def creates(self) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == "POST" and r.url.path == CREATE_PATH]


@pytest.fixture
def wizard_emulator() -> Emulator:
    return make_emulator()


@pytest.fixture
def wizard_transport(wizard_emulator: Emulator) -> WizardTransport:
    return WizardTransport(httpx.ASGITransport(app=wizard_emulator.app))


@pytest.fixture
def wizard_session(wizard_transport: WizardTransport, tmp_path: Path) -> WizardSession:
    return WizardSession(demo_client(wizard_transport), tmp_path / "downloads")


@pytest.fixture
def drafts(tmp_path: Path) -> DraftStore:
    return DraftStore(LocalStore.open(tmp_path / "data" / "state.sqlite3"))
