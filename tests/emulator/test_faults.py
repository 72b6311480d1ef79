"""Injected faults: their spec, each kind, and that the controls never fail."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest

from porting_tui.emulator import Emulator, EmulatorSettings, create_emulator
from porting_tui.emulator.faults import FaultSpecError, parse_fault_spec
from tests.emulator.conftest import API, BASE_URL, START, order_body


class RecordedSleeps:
    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def sleeps() -> RecordedSleeps:
    return RecordedSleeps()


@pytest.fixture
def emulator(sleeps: RecordedSleeps) -> Emulator:
    return create_emulator(EmulatorSettings(speed=0, start=START, seed=3), sleep=sleeps)


@pytest.fixture
async def http(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=emulator.app),
        base_url=BASE_URL,
        auth=("demo-key", "demo-secret"),
    ) as client:
        yield client


async def set_faults(http: httpx.AsyncClient, spec: str) -> None:
    response = await http.post("/_emulator/faults", json={"spec": spec})
    assert response.status_code == 200, response.text


def test_spec_reads_shares_percentages_and_durations() -> None:
    plan = parse_fault_spec("429=0.1:3s, 500=5%, slow=0.2:1500ms, drop=0.01, malformed=0")
    assert plan.shares == {"429": 0.1, "500": 0.05, "slow": 0.2, "drop": 0.01, "malformed": 0.0}
    assert plan.params == {"429": 3.0, "slow": 1.5}
    assert plan.describe() == "429=0.1:3s,500=0.05,drop=0.01,malformed=0,slow=0.2:1.5s"
    assert parse_fault_spec("off").shares == {}


@pytest.mark.parametrize(
    "spec", ["teapot=0.1", "429", "500=2", "500=lots", "slow=0.1:soon", "500=0.6,503=0.6"]
)
def test_bad_specs_are_refused(spec: str) -> None:
    with pytest.raises(FaultSpecError):
        parse_fault_spec(spec)


async def test_429_carries_retry_after_and_the_error_shape(http: httpx.AsyncClient) -> None:
    await set_faults(http, "429=1:7s")
    response = await http.get(f"{API}/orders/portIns")
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "7"
    assert response.json()["code"] == "429"


@pytest.mark.parametrize("status", [500, 503])
async def test_server_errors(http: httpx.AsyncClient, status: int) -> None:
    await set_faults(http, f"{status}=1")
    response = await http.get(f"{API}/orders/portIns")
    assert response.status_code == status
    assert response.json()["code"] == str(status)


async def test_the_token_endpoint_fails_too(http: httpx.AsyncClient) -> None:
    await set_faults(http, "503=1")
    response = await http.post("/oauth2/token", data={"grant_type": "client_credentials"})
    assert response.status_code == 503


async def test_slow_waits_through_the_injected_sleep(
    http: httpx.AsyncClient, sleeps: RecordedSleeps
) -> None:
    await set_faults(http, "slow=1:5s")
    response = await http.get(f"{API}/orders/portIns")
    assert response.status_code == 200
    assert sleeps.calls == [5.0]


async def test_drop_processes_the_request_then_breaks_the_connection(
    http: httpx.AsyncClient, emulator: Emulator
) -> None:
    await set_faults(http, "drop=1")
    with pytest.raises(httpx.RemoteProtocolError):
        await http.post(f"{API}/orders/portIns", json=order_body())
    assert len(emulator.store) == 1, "the order was created; only its response was lost"


async def test_malformed_cuts_the_json_body(http: httpx.AsyncClient) -> None:
    await set_faults(http, "malformed=1")
    response = await http.get(f"{API}/orders/portIns")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    with pytest.raises(json.JSONDecodeError):
        response.json()


async def test_shares_pick_a_reproducible_subset_of_requests(sleeps: RecordedSleeps) -> None:
    async def statuses() -> list[int]:
        emulator = create_emulator(
            EmulatorSettings(speed=0, start=START, seed=11, faults="500=0.3"), sleep=sleeps
        )
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=emulator.app),
            base_url=BASE_URL,
            auth=("demo-key", "demo-secret"),
        ) as client:
            return [(await client.get(f"{API}/orders/portIns")).status_code for _ in range(60)]

    first, second = await statuses(), await statuses()
    assert first == second
    assert 5 <= first.count(500) <= 35 and first.count(200) == 60 - first.count(500)


async def test_controls_never_fail_and_faults_switch_off(http: httpx.AsyncClient) -> None:
    await set_faults(http, "500=1")
    assert (await http.get("/_emulator/faults")).json() == {"faults": "500=1"}
    assert (await http.get("/_emulator")).status_code == 200
    assert (await http.delete("/_emulator/faults")).status_code == 200
    assert (await http.get(f"{API}/orders/portIns")).status_code == 200


async def test_a_bad_spec_on_the_control_route_is_422(http: httpx.AsyncClient) -> None:
    response = await http.post("/_emulator/faults", json={"spec": "500=9"})
    assert response.status_code == 422
