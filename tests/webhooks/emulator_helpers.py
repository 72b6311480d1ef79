"""The emulator served over loopback, with a receiver of this package as its webhook URL."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx

from porting_tui.emulator import (
    DEMO_KEY_ID,
    DEMO_KEY_SECRET,
    DEMO_PROJECT_ID,
    Emulator,
    EmulatorSettings,
    create_emulator,
)
from porting_tui.emulator.carriers import number_facts
from porting_tui.emulator.server import serving

# A Tuesday morning in New York, with business days around it.
START = datetime(2025, 3, 11, 15, 0, tzinfo=UTC)
_lines = itertools.count(2001)


def portable_number() -> str:
    while True:
        line = next(_lines)
        candidate = f"+1212{200 + line % 700:03d}{line:04d}"
        if number_facts(candidate).portable and not candidate.endswith("9999"):
            return candidate


def number_item(phone: str, pin: str) -> dict[str, Any]:
    return {
        "phoneNumber": phone,
        "voiceConfiguration": {"type": "EST", "trunkId": "01G65Z755AFWAKHE12NY0CQ9FH"},
        # An account number too: wireless carriers reject a number without one.
        "portOutInfo": {"existingPortOutPin": pin, "accountNum": phone[2:]},
        "endUser": {
            "name": "Harbor Dental",
            "streetNum": "123",
            "streetName": "Main",
            "city": "New York",
            "state": "NY",
            "zipCode": "10001",
            "typeOfService": "B",
        },
    }


def order_body(port_date: str = "2025-03-18") -> dict[str, Any]:
    """Two numbers: one the carrier confirms, one it rejects (PIN 0000)."""
    return {
        "customerOrderReference": "ACME-42",
        "desiredPortSchedule": {
            "desiredPortDate": port_date,
            "desiredPortTime": "09:00:00",
            "desiredPortTimeZone": "US/Eastern",
        },
        "phoneNumbers": [
            number_item(portable_number(), "4821"),
            number_item(portable_number(), "0000"),
        ],
    }


@dataclass
class RunningEmulator:
    emulator: Emulator
    api: httpx.AsyncClient
    control: httpx.AsyncClient


async def _no_wait(seconds: float) -> None:
    """The emulator's pause between delivery retries, skipped so refusals are quick."""


@asynccontextmanager
async def running_emulator() -> AsyncIterator[RunningEmulator]:
    emulator = create_emulator(EmulatorSettings(speed=0, start=START), sleep=_no_wait)
    async with (
        serving(emulator) as base_url,
        httpx.AsyncClient(
            base_url=f"{base_url}/v1/projects/{DEMO_PROJECT_ID}",
            auth=(DEMO_KEY_ID, DEMO_KEY_SECRET),
            trust_env=False,
        ) as api,
        httpx.AsyncClient(base_url=f"{base_url}/_emulator", trust_env=False) as control,
    ):
        yield RunningEmulator(emulator, api, control)


async def drive_lifecycle(running: RunningEmulator, webhook_url: str) -> int:
    """Configure the webhook URL, create an order, let ten virtual days pass; the order id."""
    configured = await running.api.post("/configuration", json={"webhookUrl": webhook_url})
    assert configured.status_code == 200, configured.text
    created = await running.api.post("/orders/portIns", json=order_body())
    assert created.is_success, created.text
    advanced = await running.control.post("/clock", json={"advance": "10d"})
    assert advanced.status_code == 200, advanced.text
    await running.emulator.wait_webhooks()
    return int(created.json()["id"])


async def emulator_log(running: RunningEmulator) -> list[dict[str, Any]]:
    response = await running.control.get("/events")
    events: list[dict[str, Any]] = response.json()["events"]
    return events
