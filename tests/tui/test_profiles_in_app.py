"""Profiles in the app: the first-run screen and the profile switcher of the command palette."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import httpx
import pytest
from textual.widgets import Input, Static

from porting_tui.listing.session import ListSettings, Session
from porting_tui.local.profiles import load_config
from porting_tui.tui.app import PortingApp
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.first_run import DEMO, FirstRunApp
from porting_tui.tui.launch import run_tui
from tests.tui.conftest import make_emulator, make_session, palette_offers, settle
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
key_secret = "secret-2"
read_only = true
"""


@pytest.fixture
def config_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in ("SINCH_PROJECT_ID", "SINCH_KEY_ID", "SINCH_KEY_SECRET", "SINCH_PORTING_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "porting-tui"


def write_config(folder: Path) -> None:
    folder.mkdir(parents=True, mode=0o700)
    (folder / "config.toml").write_text(CONFIG)
    (folder / "config.toml").chmod(0o600)


async def test_the_palette_offers_the_other_profiles_and_switching_asks_first(
    config_home: Path, tmp_path: Path
) -> None:
    write_config(config_home)
    emulator = make_emulator(orders=10)
    session = make_session(httpx.ASGITransport(app=emulator.app), tmp_path, profile_name="acme")
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"switch")
        prompts = await palette_offers(pilot, "Switch profile: beta")
        assert any("Switch profile: beta" in p and "p-beta-42 · READ-ONLY" in p for p in prompts)
        assert not any("Switch profile: acme" in p for p in prompts)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        question = str(dialog.query_one("#question", Static).render())
        assert "profile 'beta'" in question and "p-beta-42" in question and "read-only" in question
        await pilot.press("y")
        # The profile is checked in a worker thread before the app stops.
        await app.workers.wait_for_complete()
    assert app.return_value == "beta"


def test_the_launcher_starts_again_on_the_chosen_profile(config_home: Path) -> None:
    write_config(config_home)
    seen: list[Session] = []

    def run(session: Session) -> str | None:
        seen.append(session)
        return "beta" if len(seen) == 1 else None

    assert run_tui(None, False, ListSettings(), err=io.StringIO(), run=run) == 0
    assert [(s.profile_name, s.read_only) for s in seen] == [("acme", False), ("beta", True)]


def test_without_profiles_the_first_run_screen_decides(config_home: Path) -> None:
    seen: list[Session] = []

    def run(session: Session) -> None:
        seen.append(session)

    assert run_tui(None, False, ListSettings(), run=run, first_run=lambda: None) == 0
    assert seen == []
    assert run_tui(None, False, ListSettings(), run=run, first_run=lambda: DEMO) == 0
    assert seen[0].demo


async def fill(app: FirstRunApp, **values: str) -> None:
    for name, value in values.items():
        app.screen.query_one(f"#field-{name}", Input).value = value


async def test_first_run_tests_and_saves_a_profile(config_home: Path) -> None:
    emulator = make_emulator(orders=3)
    app = FirstRunApp(transport=httpx.ASGITransport(app=emulator.app))
    async with app.run_test(size=(80, 24)) as pilot:
        await fill(
            app,
            name="acme-test",
            project_id="demo-project",
            key_id="demo-key",
            key_secret="wrong",
            api_url="http://127.0.0.1:8787",
        )
        await pilot.press("ctrl+t")
        await settle(pilot)
        result = str(app.screen.query_one("#result", Static).render())
        assert "rejected the credentials" in result and "wrong" not in result
        await fill(app, key_secret="demo-secret")
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert "works" in str(app.screen.query_one("#result", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.return_value == "acme-test"
    config = load_config()
    assert config.default_profile == "acme-test"
    assert config.profiles["acme-test"].project_id == "demo-project"
    assert stat.S_IMODE((config_home / "config.toml").stat().st_mode) == 0o600


async def test_first_run_shows_what_is_missing_at_each_field(config_home: Path) -> None:
    app = FirstRunApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await fill(app, name="bad name!", project_id="", key_id="k")
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = {
            name: str(app.screen.query_one(f"#error-{name}", Static).render())
            for name in ("name", "project_id", "key_secret")
        }
        assert all(errors.values()), errors
        assert "project_id is missing" in errors["project_id"]
        assert not (config_home / "config.toml").exists()
        await pilot.press("ctrl+o")
        await pilot.pause()
    assert app.return_value == DEMO


async def test_first_run_starts_on_the_profile_name_and_typing_replaces_the_default(
    config_home: Path,
) -> None:
    app = FirstRunApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        name = app.screen.query_one("#field-name", Input)
        assert app.focused is name
        await pilot.press(*"acme")
        assert name.value == "acme"


async def test_first_run_errors_go_once_the_field_changes(config_home: Path) -> None:
    app = FirstRunApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await fill(app, name="bad name!", project_id="", key_id="k")
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = app.screen.query_one("#error-project_id", Static)
        assert str(error.render())
        await fill(app, project_id="p-acme")
        await pilot.pause()
        assert str(error.render()) == "" and not error.has_class("-shown")
        assert str(app.screen.query_one("#error-name", Static).render()), "others stay"
