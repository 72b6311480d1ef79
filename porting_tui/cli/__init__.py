"""Command line: ``porting-tui`` opens the TUI; subcommands are the scripting twin."""

from porting_tui.cli.activation_cmd import activation
from porting_tui.cli.check_cmd import check
from porting_tui.cli.config_cmd import config
from porting_tui.cli.csv_template_cmd import csv_template
from porting_tui.cli.documents_cmd import documents
from porting_tui.cli.emulator_cmd import emulator
from porting_tui.cli.orders_cmd import orders
from porting_tui.cli.profile_cmd import profile_group
from porting_tui.cli.root import cli, main
from porting_tui.cli.webhooks_cmd import webhooks

cli.add_command(profile_group)
cli.add_command(check)
cli.add_command(orders)
cli.add_command(documents)
cli.add_command(activation)
cli.add_command(config)
cli.add_command(webhooks)
cli.add_command(emulator)
cli.add_command(csv_template)

__all__ = ["cli", "main"]
