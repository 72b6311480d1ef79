"""Fixtures: a private config home per test and an environment without SINCH_* variables."""

from __future__ import annotations

from pathlib import Path

import pytest

SINCH_VARIABLES = ("SINCH_PROJECT_ID", "SINCH_KEY_ID", "SINCH_KEY_SECRET", "SINCH_PORTING_URL")


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    for variable in SINCH_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    return home


@pytest.fixture
def config_path(config_home: Path) -> Path:
    return config_home / "porting-tui" / "config.toml"
