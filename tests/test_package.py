"""The package installs, reports its version and exposes its entry point."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from porting_tui import __version__
from porting_tui.cli import cli


def test_version_option_prints_the_package_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_module_entry_point_shows_help() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "porting_tui", "--help"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0
    assert "porting-tui" in proc.stdout or "Usage" in proc.stdout
