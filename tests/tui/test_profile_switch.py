"""Switching to a profile that cannot open says why and stays on the current profile."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from textual.widgets import Static

from porting_tui.tui.app import PortingApp
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from tests.tui.conftest import list_screen, make_emulator, make_session, palette_runs_next, settle
from tests.waiting import wait_until

CONFIG = """
default_profile = "acme"

[profiles.acme]
project_id = "p-acme"
key_id = "key-1"
key_secret = "secret-1"

[profiles.beta]
project_id = "p-beta-42"
key_id = "key-2"
key_secret_env = "PORTING_TEST_UNSET_SECRET"
"""


@pytest.fixture
def config_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in ("SINCH_PROJECT_ID", "SINCH_KEY_ID", "SINCH_KEY_SECRET", "SINCH_PORTING_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("PORTING_TEST_UNSET_SECRET", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = tmp_path / "config" / "porting-tui"
    folder.mkdir(parents=True, mode=0o700)
    (folder / "config.toml").write_text(CONFIG)
    (folder / "config.toml").chmod(0o600)
    return folder


def toasts(app: PortingApp) -> str:
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)


async def test_a_profile_whose_secret_variable_is_unset_is_refused_in_the_app(
    config_home: Path, tmp_path: Path
) -> None:
    emulator = make_emulator(orders=10)
    session = make_session(httpx.ASGITransport(app=emulator.app), tmp_path, profile_name="acme")
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"switch")
        await palette_runs_next(pilot, "Switch profile: beta")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        assert "profile 'beta'" in str(app.screen.query_one("#question", Static).render())
        await pilot.press("y")
        await wait_until(pilot, lambda: "Cannot switch" in toasts(app), "the refusal")
        message = toasts(app)
        assert "PORTING_TEST_UNSET_SECRET" in message
        assert "Still on profile 'acme'" in message
        assert not app._exit
        # Still working on the same profile: the list answers keys.
        list_screen(app)
        await pilot.press("r")
        await settle(pilot)
        assert app.session.profile_name == "acme"
    assert app.return_value is None
    assert not app.return_code
