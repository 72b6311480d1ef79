"""Command line: ``porting-tui`` opens the TUI; subcommands are the scripting twin."""

from porting_tui.cli.profile_cmd import profile_group
from porting_tui.cli.root import cli, main

cli.add_command(profile_group)

__all__ = ["cli", "main"]
