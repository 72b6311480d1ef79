"""test_profile against the in-process emulator with the demo credentials."""

from __future__ import annotations

import httpx

from porting_tui.emulator import (
    DEMO_KEY_ID,
    DEMO_KEY_SECRET,
    DEMO_PROJECT_ID,
    EmulatorSettings,
    create_emulator,
)
from porting_tui.local import profiles
from porting_tui.local.profiles import Profile

BASE = "http://127.0.0.1:8787"


def demo_profile(**changes: object) -> Profile:
    settings: dict[str, object] = {
        "name": "demo",
        "project_id": DEMO_PROJECT_ID,
        "key_id": DEMO_KEY_ID,
        "key_secret": DEMO_KEY_SECRET,
        "api_url": BASE,
        "auth_url": f"{BASE}/oauth2/token",
        **changes,
    }
    return Profile(**settings)  # type: ignore[arg-type]


def emulator_transport(orders: int = 3) -> httpx.ASGITransport:
    emulator = create_emulator(EmulatorSettings(orders=orders, seed=1, speed=0))
    return httpx.ASGITransport(app=emulator.app)


async def test_demo_credentials_work_with_basic_auth() -> None:
    result = await profiles.test_profile(demo_profile(), transport=emulator_transport())
    assert (result.ok, result.kind) == (True, "ok"), result.message
    assert f"project {DEMO_PROJECT_ID}" in result.message


async def test_demo_credentials_work_with_oauth() -> None:
    profile = demo_profile(auth="oauth")
    result = await profiles.test_profile(profile, transport=emulator_transport())
    assert (result.ok, result.kind) == (True, "ok"), result.message


async def test_wrong_secret_is_an_auth_failure() -> None:
    profile = demo_profile(key_secret="not-the-secret")
    result = await profiles.test_profile(profile, transport=emulator_transport())
    assert (result.ok, result.kind) == (False, "auth")
    assert "not-the-secret" not in result.message


async def test_wrong_project_is_not_a_success() -> None:
    profile = demo_profile(project_id="someone-else")
    result = await profiles.test_profile(profile, transport=emulator_transport())
    assert not result.ok
    assert "someone-else" in result.message
