"""Command line: ``porting-tui`` opens the TUI; subcommands are the scripting twin.

Subcommands are registered by name in ``porting_tui.cli.root.SUBCOMMANDS`` and imported lazily.
"""

from porting_tui.cli.root import cli, main

__all__ = ["cli", "main"]
