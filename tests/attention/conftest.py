"""Fixtures: an emulator on a frozen virtual clock, a client on it that counts its requests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from porting_tui.attention.board import AttentionBoard
from porting_tui.attention.settings import AttentionSettings
from porting_tui.client import NewOrder, PortingClient
from porting_tui.emulator import (
    DEMO_KEY_ID,
    DEMO_KEY_SECRET,
    DEMO_PROJECT_ID,
    Emulator,
    EmulatorSettings,
    create_emulator,
)
from porting_tui.emulator.carriers import number_facts
from porting_tui.local.audit_log import VIA_APP, audit_observer
from porting_tui.local.store import LocalStore
from tests.emulator.conftest import START, number_item, portable_number

PROFILE = "acme"


class CountingTransport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.requests: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(f"{request.method} {request.url.path}")
        return await self.inner.handle_async_request(request)


@dataclass
class World:
    emulator: Emulator
    client: PortingClient
    transport: CountingTransport
    store: LocalStore

    def board(self, **settings: Any) -> AttentionBoard:
        options = AttentionSettings(own_authors=frozenset({DEMO_KEY_ID}), **settings)
        return AttentionBoard(
            self.client, self.store, PROFILE, settings=options, clock=self.emulator.clock.now
        )


def same_carrier_numbers(
    count: int, *, wireless: bool = True, not_of: str | None = None
) -> list[str]:
    """Portable numbers of one losing carrier (not the carrier of ``not_of``), so that they
    form one activation group."""
    avoid = number_facts(not_of).carrier if not_of else None
    first = portable_number(wireless=wireless)
    while number_facts(first).carrier == avoid:
        first = portable_number(wireless=wireless)
    carrier = number_facts(first).carrier
    numbers = [first]
    while len(numbers) < count:
        candidate = portable_number(wireless=wireless)
        if number_facts(candidate).carrier == carrier:
            numbers.append(candidate)
    return numbers


def new_order(
    numbers: list[str], *, date: str, on_demand: bool = False, pins: dict[str, str] | None = None
) -> NewOrder:
    items = [number_item(n, existingPortOutPin=(pins or {}).get(n, "4821")) for n in numbers]
    return NewOrder.model_validate(
        {
            "customerOrderReference": "ACME-42",
            "onDemandActivation": on_demand,
            "desiredPortSchedule": {
                "desiredPortDate": date,
                "desiredPortTime": "09:00:00",
                "desiredPortTimeZone": "US/Eastern",
            },
            "phoneNumbers": items,
        }
    )


def make_world(tmp_path: Path, **settings: Any) -> World:
    emulator = create_emulator(EmulatorSettings(**{"speed": 0, "start": START, **settings}))
    transport = CountingTransport(httpx.ASGITransport(app=emulator.app))
    store = LocalStore.open(tmp_path / "state.sqlite3")
    client = PortingClient(
        DEMO_PROJECT_ID,
        key_id=DEMO_KEY_ID,
        key_secret=DEMO_KEY_SECRET,
        base_url="http://127.0.0.1:8787",
        transport=transport,
        max_retries=0,
        on_mutation=audit_observer(
            lambda: store,
            profile=PROFILE,
            project_id=DEMO_PROJECT_ID,
            via=VIA_APP,
            clock=emulator.clock.now,
        ),
    )
    return World(emulator, client, transport, store)


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    built = make_world(tmp_path)
    async with built.client:
        yield built
    await built.emulator.aclose()
