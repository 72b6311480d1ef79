"""``porting-tui emulator`` over real loopback HTTP, with the README's requests."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator

import httpx
import pytest

from porting_tui.emulator import EmulatorSettings, create_emulator
from porting_tui.emulator.server import serving
from tests.contract.validator import validate_response
from tests.emulator.conftest import START

# The README's curl order: the contract's example, plus the account number that its T-Mobile
# number needs to be confirmed (wireless carriers require one).
SPEC_EXAMPLE_ORDER = {
    "desiredPortSchedule": {
        "desiredPortDate": "2030-01-31",
        "desiredPortTime": "10:00:00",
        "desiredPortTimeZone": "US/Eastern",
    },
    "phoneNumbers": [
        {
            "phoneNumber": "+12345678901",
            "voiceConfiguration": {"type": "EST", "trunkId": "123456"},
            "portOutInfo": {"existingPortOutPin": "1234", "accountNum": "123456789"},
            "endUser": {
                "name": "John Doe",
                "streetName": "Main St",
                "streetNum": "123",
                "city": "Anytown",
                "state": "NY",
                "zipCode": "12345",
            },
        }
    ],
}


@pytest.fixture
async def cli_server() -> AsyncIterator[tuple[str, list[str]]]:
    """``porting-tui emulator`` in a subprocess on a free port: (base URL, lines it printed)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "porting_tui",
        "emulator",
        "--port",
        "0",
        "--orders",
        "300",
        "--start",
        "2025-03-11T15:00:00Z",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    try:
        first = (await asyncio.wait_for(process.stdout.readline(), 30)).decode()
        second = (await asyncio.wait_for(process.stdout.readline(), 5)).decode()
        prefix = "Emulator listening on "
        assert first.startswith(prefix), first
        yield first[len(prefix) :].strip(), [first, second]
    finally:
        process.send_signal(signal.SIGINT)
        await asyncio.wait_for(process.wait(), 30)


async def test_the_command_announces_its_url_and_the_demo_credentials(
    cli_server: tuple[str, list[str]],
) -> None:
    base_url, lines = cli_server
    assert base_url.startswith("http://127.0.0.1:")
    assert lines[1].strip() == (
        "Demo credentials: project demo-project, key id demo-key, key secret demo-secret"
    )


async def test_the_readme_requests_work_over_loopback(cli_server: tuple[str, list[str]]) -> None:
    base_url, _ = cli_server
    api = base_url + "/v1/projects/demo-project"
    async with httpx.AsyncClient(auth=("demo-key", "demo-secret"), trust_env=False) as http:
        check = await http.post(f"{api}/portabilityChecks", json={"phoneNumbers": ["+12345678901"]})
        assert check.json()["phoneNumbers"][0]["portable"] is True
        created = await http.post(f"{api}/orders/portIns", json=SPEC_EXAMPLE_ORDER)
        assert created.status_code == 201 and created.json()["id"] == 700301
        validate_response("POST", "/orders/portIns", 201, created.json())
        listed = await http.get(f"{api}/orders/portIns", params={"orderStatus": "PENDING"})
        assert 700301 in [row["id"] for row in listed.json()["orders"]]
        fetched = await http.get(f"{api}/orders/portIns/700301")
        assert fetched.json()["phoneNumbers"][0]["phoneNumberGroup"] == "GW T-Mobile Grp1"
        note = await http.post(
            f"{api}/orders/portIns/700301/notes", json={"note": "LOA to follow."}
        )
        assert note.status_code == 200
        token = await http.post(
            f"{base_url}/oauth2/token", data={"grant_type": "client_credentials"}
        )
        bearer = {"Authorization": f"Bearer {token.json()['access_token']}"}
        config = await http.get(f"{api}/configuration", headers=bearer, auth=None)
        assert config.status_code == 404
        clock = await http.post(f"{base_url}/_emulator/clock", json={"advance": "1h"})
        assert clock.status_code == 200
        events = await http.get(f"{base_url}/_emulator/events", params={"orderId": "700301"})
        types = [event["type"] for event in events.json()["events"]]
        assert types[:2] == ["ORDER_UPDATED", "NEW_ORDER_NOTE"]
        assert "NUMBERS_CONFIRMED" in types


async def test_serving_in_process_gives_a_real_socket() -> None:
    emulator = create_emulator(EmulatorSettings(speed=0, start=START))
    async with (
        serving(emulator) as base_url,
        httpx.AsyncClient(base_url=base_url, trust_env=False) as http,
    ):
        assert base_url.startswith("http://127.0.0.1:")
        response = await http.get(
            "/v1/projects/demo-project/orders/portIns", auth=("demo-key", "demo-secret")
        )
        assert response.status_code == 200 and response.json()["totalItems"] == 0


async def test_a_dropped_connection_reaches_a_real_client_as_a_protocol_error() -> None:
    emulator = create_emulator(EmulatorSettings(speed=0, start=START, faults="drop=1"))
    async with (
        serving(emulator) as base_url,
        httpx.AsyncClient(base_url=base_url, trust_env=False) as http,
    ):
        with pytest.raises(httpx.RemoteProtocolError):
            await http.get(
                "/v1/projects/demo-project/orders/portIns", auth=("demo-key", "demo-secret")
            )
