"""``porting-tui csv-template``: an example order CSV with every documented column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from porting_tui.cli.files import write_file
from porting_tui.cli.output import info
from porting_tui.domain.csv_template import template_text


@click.command("csv-template")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace PATH if it already exists.")
def csv_template(path: Path | None, force: bool) -> None:
    """Write an example order CSV to PATH (standard output without PATH or with -).

    One row per number: phoneNumber plus any end-user, port-out, routing and E911 column,
    named like the API's fields (any letter case); order-level columns (reference, port date,
    time, zone...) on the first row. Edit it, then import it with ctrl+o in the new-order
    wizard or with 'porting-tui orders create --from-file PATH'.
    """
    text = template_text(date.today())
    if path is None or str(path) == "-":
        click.echo(text, nl=False)
        return
    write_file(path, text.encode("utf-8"), force=force)
    info(f"Wrote the order CSV template to {path}")
