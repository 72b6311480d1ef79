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


def test_every_registered_subcommand_loads() -> None:
    from porting_tui.cli.root import SUBCOMMANDS

    for name in SUBCOMMANDS:
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)


def test_importing_the_command_line_loads_no_subcommand_or_ui() -> None:
    code = (
        "import sys, porting_tui.cli; "
        "print(sorted(m for m in sys.modules if m.startswith(('textual', 'httpx', "
        "'porting_tui.cli.', 'pydantic'))))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "['porting_tui.cli.root']"
