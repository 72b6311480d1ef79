"""The ``/_emulator`` controls: state, clock, event log and reset; the virtual clock itself."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from porting_tui.emulator import Emulator
from porting_tui.emulator.clock import VirtualClock
from tests.emulator.conftest import checked, order_body, portable_number


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


def test_clock_runs_at_its_speed_and_jumps_forward() -> None:
    real = FakeMonotonic()
    clock = VirtualClock(datetime(2025, 1, 1, tzinfo=UTC), speed=600, monotonic=real)
    real.now += 2
    assert clock.now() == datetime(2025, 1, 1, 0, 20, tzinfo=UTC)
    clock.advance(timedelta(hours=1))
    assert clock.now() == datetime(2025, 1, 1, 1, 20, tzinfo=UTC)
    clock.set_speed(0)
    real.now += 100
    assert clock.now() == datetime(2025, 1, 1, 1, 20, tzinfo=UTC), "speed 0 freezes time"
    with pytest.raises(ValueError):
        clock.advance(-1)


def test_emulator_clock_is_frozen_at_start_with_speed_zero(emulator: Emulator) -> None:
    assert emulator.clock.now() == datetime(2025, 3, 11, 15, 0, tzinfo=UTC)
    assert emulator.clock.now() == emulator.clock.now()


async def test_state_reports_the_virtual_time(control: httpx.AsyncClient) -> None:
    state = (await control.get("")).json()
    assert state["now"] == "2025-03-11T15:00:00.000Z"
    assert state["orders"] == 0 and state["speed"] == 0


async def test_advancing_the_clock_runs_the_lifecycle_and_logs_events(
    api: httpx.AsyncClient, control: httpx.AsyncClient
) -> None:
    order_id = checked(await api.post("/orders/portIns", json=order_body()), 201)["id"]
    state = (await control.post("/clock", json={"advance": "4h"})).json()
    assert state["now"] == "2025-03-11T19:00:00.000Z"
    assert state["ordersByStatus"] == {"CONFIRMED": 1}
    events = (await control.get("/events", params={"orderId": str(order_id)})).json()["events"]
    assert [e["type"] for e in events] == ["ORDER_UPDATED", "NUMBERS_CONFIRMED", "ORDER_UPDATED"]
    assert all(e["delivery"] == "not sent: no webhook URL is configured" for e in events)
    newer = (await control.get("/events", params={"since": str(events[1]["id"])})).json()
    assert [e["id"] for e in newer["events"]] == [events[2]["id"]]
    confirmed = (await control.get("/events", params={"type": "NUMBERS_CONFIRMED"})).json()
    assert len(confirmed["events"]) == 1


async def test_events_are_stamped_with_the_virtual_time_they_happened(
    api: httpx.AsyncClient, control: httpx.AsyncClient
) -> None:
    wireless = order_body(portable_number(wireless=True))
    checked(await api.post("/orders/portIns", json=wireless), 201)
    await control.post("/clock", json={"advance": 86400})
    events = (await control.get("/events", params={"type": "NUMBERS_CONFIRMED"})).json()
    assert events["events"][0]["time"] == "2025-03-11T16:00:00.000Z"


async def test_clock_can_move_to_a_time_and_change_speed(control: httpx.AsyncClient) -> None:
    state = (await control.post("/clock", json={"to": "2025-03-12T00:00:00Z", "speed": 60})).json()
    assert state["now"].startswith("2025-03-12T00:00") and state["speed"] == 60
    back = await control.post("/clock", json={"to": "2025-03-01T00:00:00Z"})
    assert back.status_code == 422
    bad = await control.post("/clock", json={"advance": "soon", "speed": -1})
    assert [v["field"] for v in bad.json()["details"]["fieldViolations"]] == ["advance", "speed"]


async def test_reset_restores_the_seeded_state(
    api: httpx.AsyncClient, control: httpx.AsyncClient, emulator: Emulator
) -> None:
    checked(await api.post("/orders/portIns", json=order_body()), 201)
    checked(await api.post("/configuration", json={"defaultPortTime": "10:00:00"}), 200)
    await control.post("/clock", json={"advance": "1d"})
    state = (await control.post("/reset")).json()
    assert state["orders"] == 0 and state["events"] == 0
    assert state["now"] == "2025-03-11T15:00:00.000Z"
    assert (await api.get("/configuration")).status_code == 404
    assert (await control.delete("/events")).json() == {"events": []}
