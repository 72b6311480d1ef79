"""Fixtures of the emulator tests: a fresh emulator on a frozen virtual clock, and clients."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from porting_tui.emulator import (
    DEMO_KEY_ID,
    DEMO_KEY_SECRET,
    DEMO_PROJECT_ID,
    Emulator,
    EmulatorSettings,
    create_emulator,
)
from porting_tui.emulator.carrier_profiles import profile_of
from porting_tui.emulator.carriers import number_facts
from tests.conftest import SEED_EVERY_WORLD
from tests.contract.validator import validate_response

# A Tuesday, 11:00 in New York: a business day with business days around it.
START = datetime(2025, 3, 11, 15, 0, tzinfo=UTC)
BASE_URL = "http://127.0.0.1:8787"
API = f"/v1/projects/{DEMO_PROJECT_ID}"

_lines = itertools.count(1001)


@pytest.fixture(autouse=True)
def every_world_seeded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Seeding is what these tests check: each emulator plays its history, none is a copy."""
    monkeypatch.setattr(Emulator, "_build_world", SEED_EVERY_WORLD)


def portable_number(
    *, wireless: bool | None = None, npa: str = "212", punctual: bool = False
) -> str:
    """A fresh portable number (of a wireless or wireline carrier when asked; ``punctual``:
    of a carrier whose FOC is always the date asked, see ``carrier_profiles.py``)."""
    while True:
        line = next(_lines)
        candidate = f"+1{npa}{200 + line % 700:03d}{line:04d}"
        facts = number_facts(candidate)
        if not facts.portable or candidate.endswith("9999") or facts.carrier is None:
            continue
        if punctual and profile_of(facts.carrier).foc_slip != (0,):
            continue
        if wireless is None or facts.carrier.wireless == wireless:
            return candidate


def number_item(phone: str, **port_out: str) -> dict[str, Any]:
    """A number every carrier confirms (a New York address: give a 212 number)."""
    return {
        "phoneNumber": phone,
        "voiceConfiguration": {"type": "EST", "trunkId": "01G65Z755AFWAKHE12NY0CQ9FH"},
        # Its own account (the line number), so numbers of one order need not agree.
        "portOutInfo": {"existingPortOutPin": "4821", "accountNum": phone[2:], **port_out},
        "endUser": {
            "name": "Harbor Dental",
            "streetNum": "123",
            "streetName": "Main",
            "streetType": "St",
            "city": "New York",
            "state": "NY",
            "zipCode": "10001",
            "typeOfService": "B",
        },
    }


def order_body(*phones: str, date: str = "2025-03-18", **fields: Any) -> dict[str, Any]:
    return {
        "customerOrderReference": "ACME-42",
        "desiredPortSchedule": {
            "desiredPortDate": date,
            "desiredPortTime": "09:00:00",
            "desiredPortTimeZone": "US/Eastern",
        },
        # A number of a carrier committing on the date asked, unless the test gives its own.
        "phoneNumbers": [
            number_item(phone) for phone in phones or (portable_number(punctual=True),)
        ],
        **fields,
    }


def make_emulator(**settings: Any) -> Emulator:
    options: dict[str, Any] = {"speed": 0, "start": START, **settings}
    return create_emulator(EmulatorSettings(**options))


@pytest.fixture
def emulator() -> Emulator:
    return make_emulator()


@pytest.fixture
async def api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """A plain httpx client on the emulator's API, with the demo credentials (Basic)."""
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=emulator.app),
        base_url=BASE_URL + API,
        auth=(DEMO_KEY_ID, DEMO_KEY_SECRET),
    ) as client:
        yield client
    await emulator.aclose()


@pytest.fixture
async def control(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """A client on the emulator's test controls (no credentials needed)."""
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=emulator.app), base_url=BASE_URL + "/_emulator"
    ) as client:
        yield client


def checked(response: httpx.Response, status: int) -> Any:
    """The JSON body, after asserting the status and validating the body against the contract."""
    assert response.status_code == status, response.text
    path = response.request.url.path
    body = response.json() if response.content else None
    validate_response(response.request.method, path, status, body)
    return body


@pytest.fixture
def event_types(emulator: Emulator) -> Iterator[Any]:
    def types(order_id: int | None = None) -> list[str]:
        return [
            record.body["type"]
            for record in emulator.events.records
            if order_id is None or record.body["orderId"] == str(order_id)
        ]

    yield types
