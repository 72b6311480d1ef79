"""Command line: ``porting-tui`` opens the TUI; subcommands are the scripting twin."""

from porting_tui.cli.root import cli, main

__all__ = ["cli", "main"]
