"""Default port time and zone: the project's settings, else the API's 09:00 US/Eastern."""

from __future__ import annotations

import httpx

from porting_tui.client import Configuration
from porting_tui.domain.port_defaults import port_defaults
from tests.domain.test_safe_create import make_client, make_emulator


async def test_a_project_without_defaults_gets_the_api_default() -> None:
    async with make_client(httpx.ASGITransport(app=make_emulator().app)) as client:
        defaults = await port_defaults(client)
    assert (defaults.time, defaults.zone) == ("09:00:00", "US/Eastern")
    assert "no porting defaults" in defaults.note


async def test_the_project_settings_win() -> None:
    async with make_client(httpx.ASGITransport(app=make_emulator().app)) as client:
        await client.configuration.create(
            Configuration(default_port_time="10:30:00", default_port_time_zone="US/Pacific")
        )
        defaults = await port_defaults(client)
    assert (defaults.time, defaults.zone) == ("10:30:00", "US/Pacific")


async def test_an_error_falls_back_and_says_why() -> None:
    def broken(request: httpx.Request) -> httpx.Response:
        return httpx.Response(403, json={"message": "no access"}, request=request)

    async with make_client(httpx.MockTransport(broken)) as client:
        defaults = await port_defaults(client)
    assert defaults.zone == "US/Eastern" and "unavailable" in defaults.note
