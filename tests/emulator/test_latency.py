"""--latency-ms: every API answer comes late by a round trip; the controls never wait."""

from __future__ import annotations

import httpx
import pytest
from click.testing import CliRunner

from porting_tui.cli.emulator_cmd import emulator as emulator_command
from porting_tui.emulator import DEMO_KEY_ID, DEMO_KEY_SECRET, EmulatorSettings, create_emulator
from porting_tui.emulator.latency import LatencyMiddleware
from tests.emulator.conftest import API, BASE_URL, START


async def waits_of(latency_ms: float, paths: list[str]) -> list[float]:
    """The emulator's sleeps while it answers GETs of ``paths`` (the clock never moves)."""
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    emulator = create_emulator(
        EmulatorSettings(speed=0, start=START, latency_ms=latency_ms), sleep=sleep
    )
    transport = httpx.ASGITransport(app=emulator.app)
    async with httpx.AsyncClient(
        transport=transport, base_url=BASE_URL, auth=(DEMO_KEY_ID, DEMO_KEY_SECRET)
    ) as http:
        for path in paths:
            response = await http.get(path)
            assert response.status_code in (200, 404), response.text
    await emulator.aclose()
    return waits


async def test_every_api_answer_waits_the_latency_and_the_controls_do_not() -> None:
    # An error answer (no configuration yet: 404) is late as well.
    waits = await waits_of(50, [f"{API}/orders/portIns", f"{API}/configuration", "/_emulator"])
    assert waits == [0.05, 0.05]


async def test_without_latency_nothing_waits() -> None:
    assert await waits_of(0, [f"{API}/orders/portIns", "/_emulator"]) == []


async def test_a_refused_request_takes_its_round_trip_too() -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    emulator = create_emulator(
        EmulatorSettings(speed=0, start=START, latency_ms=20, faults="429=1"), sleep=sleep
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=emulator.app),
        base_url=BASE_URL,
        auth=(DEMO_KEY_ID, DEMO_KEY_SECRET),
    ) as http:
        response = await http.get(f"{API}/orders/portIns")
    assert response.status_code == 429
    assert waits == [0.02]


def test_a_negative_latency_is_refused() -> None:
    async def app(scope: object, receive: object, send: object) -> None:
        return None

    with pytest.raises(ValueError, match="negative"):
        LatencyMiddleware(app, -0.1)  # type: ignore[arg-type]


def test_the_command_takes_a_latency_in_milliseconds() -> None:
    runner = CliRunner()
    help_text = runner.invoke(emulator_command, ["--help"]).output
    assert "--latency-ms MS" in help_text
    refused = runner.invoke(emulator_command, ["--latency-ms", "-5"])
    assert refused.exit_code == 2
    assert "--latency-ms" in refused.output
