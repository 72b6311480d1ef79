"""Opening several profiles at once: a broken profile or an unobtainable secret is that
project's error, an unknown name is refused, and all projects share one local store."""

from __future__ import annotations

from pathlib import Path

import pytest

from porting_tui.listing.project_sessions import (
    demo_project_sessions,
    open_project_sessions,
    parse_profile_names,
    project_sessions_for,
)
from porting_tui.listing.session import ListSettings
from porting_tui.local.errors import ProfileError

CONFIG = """
[profiles.acme]
project_id = "p-acme"
key_id = "key-1"
key_secret = "secret-1"
read_only = true

[profiles.beta]
project_id = "p-beta"
key_id = "key-2"
key_secret_env = "PORTING_TEST_UNSET_SECRET"

[profiles.gamma]
project_id = "p-gamma"
key_id = "key-3"
api_url = "http://example.com"
key_secret = "secret-3"
"""


@pytest.fixture(autouse=True)
def config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("SINCH_PROJECT_ID", "SINCH_KEY_ID", "SINCH_KEY_SECRET", "SINCH_PORTING_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("PORTING_TEST_UNSET_SECRET", raising=False)
    folder = tmp_path / "xdg-config" / "porting-tui"
    folder.mkdir(parents=True, mode=0o700)
    (folder / "config.toml").write_text(CONFIG)
    (folder / "config.toml").chmod(0o600)


async def test_each_profile_is_a_project_and_a_broken_one_carries_its_error(
    tmp_path: Path,
) -> None:
    sessions = open_project_sessions(None, ListSettings(), store_path=tmp_path / "s.sqlite3")
    try:
        by_name = {project.name: project for project in sessions.projects}
        assert list(by_name) == ["acme", "beta", "gamma"]
        assert by_name["acme"].session is not None and by_name["acme"].read_only
        assert by_name["beta"].session is None
        assert "PORTING_TEST_UNSET_SECRET" in (by_name["beta"].error or "")
        assert by_name["gamma"].session is None and "api_url" in (by_name["gamma"].error or "")
        board = sessions.board()
        assert [(p.name, p.usable, p.error is not None) for p in board.projects] == [
            ("acme", True, False),
            ("beta", False, True),
            ("gamma", False, True),
        ]
        acme = by_name["acme"].session
        assert acme is not None and acme.attention is not None
        assert acme.attention.local.store is sessions.store
    finally:
        await sessions.aclose()


def test_an_unknown_profile_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(ProfileError, match="unknown profile 'umbrella'; known profiles: acme"):
        open_project_sessions(["acme", "umbrella"], ListSettings())


def test_profile_names_are_read_in_order_without_repeats_or_blanks() -> None:
    assert parse_profile_names(" acme, globex,,acme ") == ["acme", "globex"]
    with pytest.raises(ProfileError, match="--profiles needs profile names"):
        parse_profile_names(" , ")


async def test_the_demo_has_three_projects_one_read_only_and_one_with_a_wrong_secret() -> None:
    sessions = project_sessions_for(ListSettings(all_projects=True), demo=True)
    assert sessions is not None
    try:
        board = sessions.board()
        await board.refresh()
        sections = {section.name: section for section in board.sections()}
        assert list(sections) == ["acme", "globex", "initech"]
        assert sections["acme"].count > 0 and sections["acme"].error is None
        assert sections["globex"].read_only and sections["globex"].error is None
        assert (sections["initech"].error or "").startswith("Authentication failed")
    finally:
        await sessions.aclose()


def test_one_profile_needs_no_project_sessions() -> None:
    assert project_sessions_for(ListSettings(), demo=True) is None


async def test_the_demo_refuses_a_project_it_does_not_have() -> None:
    with pytest.raises(ProfileError, match="the demo has no project 'umbrella'"):
        demo_project_sessions(ListSettings(), names=["umbrella"], orders=1)
