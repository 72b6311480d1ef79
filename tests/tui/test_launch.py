"""Starting the app: the default profile, --profile, --demo, and one-line profile errors."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from porting_tui.cli import cli
from porting_tui.cli.root import LAUNCH_APP
from porting_tui.command import launch_app
from porting_tui.emulator.demo_world import DEMO_ORDERS
from porting_tui.listing.session import ListSettings, Session
from porting_tui.tui.launch import run_tui


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in ("SINCH_PROJECT_ID", "SINCH_KEY_ID", "SINCH_KEY_SECRET", "SINCH_PORTING_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    # Not a terminal, even under "pytest -s": no first-run screen here.
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    return tmp_path


def write_config(tmp_path: Path, text: str) -> None:
    directory = tmp_path / "config" / "porting-tui"
    directory.mkdir(parents=True, mode=0o700)
    (directory / "config.toml").write_text(text)
    (directory / "config.toml").chmod(0o600)


CONFIG = """
default_profile = "acme"

[profiles.acme]
project_id = "1f2e3d4c-0000-4000-8000-00000000009a"
key_id = "key-1"
key_secret = "secret-1"
read_only = true
color = "magenta"

[profiles.test]
project_id = "p-test"
key_id = "key-2"
key_secret = "secret-2"
api_url = "http://127.0.0.1:8787"
"""


def start(profile: str | None = None, demo: bool = False) -> tuple[int, str, list[Session]]:
    err = io.StringIO()
    sessions: list[Session] = []
    status = run_tui(profile, demo, ListSettings(page_size=250), err=err, run=sessions.append)
    return status, err.getvalue(), sessions


def test_without_any_profile_it_says_how_to_make_one_in_one_line() -> None:
    status, err, sessions = start()
    assert status == 2 and not sessions
    assert err.count("\n") == 1
    assert "porting-tui profile add NAME" in err and "--demo" in err


def test_the_default_profile_opens_with_its_flags(isolated: Path) -> None:
    write_config(isolated, CONFIG)
    status, _, sessions = start()
    assert status == 0
    session = sessions[0]
    assert (session.profile_name, session.project_id, session.api_host) == (
        "acme",
        "1f2e3d4c-0000-4000-8000-00000000009a",
        "porting.api.sinch.com",
    )
    assert session.read_only and session.color == "magenta" and not session.demo
    assert session.settings.page_size == 250


def test_profile_picks_another_one(isolated: Path) -> None:
    write_config(isolated, CONFIG)
    _, _, sessions = start("test")
    assert sessions[0].profile_name == "test" and sessions[0].api_host == "127.0.0.1"


def test_an_unknown_profile_lists_the_known_ones(isolated: Path) -> None:
    write_config(isolated, CONFIG)
    status, err, _ = start("nope")
    assert status == 2 and "unknown profile 'nope'" in err and "acme, test" in err


def test_a_broken_config_file_is_one_line_with_its_line_number(isolated: Path) -> None:
    write_config(isolated, "[profiles.acme\n")
    status, err, _ = start()
    assert status == 2 and "line 1" in err and err.count("\n") == 1


async def test_demo_runs_on_an_in_process_emulator_with_seeded_orders() -> None:
    status, _, sessions = start(demo=True)
    assert status == 0
    session = sessions[0]
    assert session.demo and session.profile_name == "demo" and session.api_host == "emulator"
    page = await session.client.orders.list_page(None, 1)
    assert page.total_items == DEMO_ORDERS
    await session.client.aclose()


def test_the_command_exits_2_with_the_message_and_no_traceback() -> None:
    result = CliRunner().invoke(cli, ["--profile", "nope"], obj={LAUNCH_APP: launch_app})
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stderr == "porting-tui: unknown profile 'nope'; there are no profiles yet\n"


def test_the_command_line_alone_asks_for_a_command() -> None:
    result = CliRunner().invoke(cli, [])
    assert result.exit_code == 2 and "Missing command" in result.output


def test_help_does_not_import_textual() -> None:
    code = (
        "import sys; import porting_tui.cli.root, porting_tui.tui.launch; "
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
