"""Helpers shared across test packages: settling the app, a client on loopback that never sleeps."""

from __future__ import annotations

from typing import Any

import httpx
from textual.pilot import Pilot

from porting_tui.client import PortingClient
from porting_tui.emulator import DEMO_KEY_ID, DEMO_KEY_SECRET, DEMO_PROJECT_ID

LOOPBACK_URL = "http://127.0.0.1:8787"


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until every worker is done and the screen has caught up with their results."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def no_sleep(_: float) -> None:
    """The client's retry sleep, made instant so that retries cost no wall-clock time."""
    return None


def demo_client(transport: httpx.AsyncBaseTransport, **options: Any) -> PortingClient:
    """A client of the demo project on ``transport`` that never sleeps; ``options`` win."""
    values: dict[str, Any] = {
        "key_id": DEMO_KEY_ID,
        "key_secret": DEMO_KEY_SECRET,
        "base_url": LOOPBACK_URL,
        "transport": transport,
        "sleep": no_sleep,
    }
    values.update(options)
    return PortingClient(DEMO_PROJECT_ID, **values)
