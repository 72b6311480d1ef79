"""``porting-tui documents``: upload and download an order's documents (LOA, bill copies)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from porting_tui.cli.context import CommandError, ExitCode, json_option, run_api
from porting_tui.cli.files import human_size, read_upload, safe_file_name, write_file
from porting_tui.cli.output import info, print_fields, print_json, to_json_data
from porting_tui.cli.params import ORDER_ID
from porting_tui.cli.progress import ProgressReport, stdout_is_terminal

if TYPE_CHECKING:
    from porting_tui.client import DocumentContent, OrderDocument, PortingClient

ORDER_NOT_FOUND = "check the order id with 'porting-tui orders list'"


@click.group("documents")
def documents() -> None:
    """Upload and download the documents of an order."""


@documents.command("upload")
@click.argument("order_id", type=ORDER_ID)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--description", default="", metavar="TEXT", help="What it is, e.g. 'LOA'.")
@click.option("--name", metavar="NAME", help="Document name to send (default: the file's name).")
@json_option
@click.pass_context
def upload(
    ctx: click.Context,
    order_id: int,
    file: Path,
    description: str,
    name: str | None,
    as_json: bool,
) -> None:
    """Attach FILE to an order (at most 10 MB; it travels base64-encoded)."""
    content = read_upload(file)
    document_name = (name or file.name).strip()
    if not document_name:
        raise click.UsageError("--name must not be empty")

    async def run(client: PortingClient) -> OrderDocument:
        with ProgressReport(f"Uploading {document_name} ({human_size(len(content))})"):
            return await client.orders.upload_document(
                order_id, document_name, content, description=description
            )

    document = run_api(
        ctx,
        run,
        mutates=True,
        not_found=ORDER_NOT_FOUND,
        unsure=f"it may have been uploaded: check with 'porting-tui orders get {order_id}'",
    )
    info(f"Uploaded {document_name} ({human_size(len(content))}) to order {order_id}.")
    if as_json:
        print_json(to_json_data(document))
    else:
        print_fields(
            [
                ("Document", document.id),
                ("Name", document.document_name),
                ("Description", document.description),
            ]
        )


def _target(output: str | None, document: DocumentContent, document_id: str) -> Path:
    fallback = f"document-{safe_file_name(document_id, 'download')}"
    name = safe_file_name(document.document_name, fallback)
    if output is None:
        return Path.cwd() / name
    chosen = Path(output).expanduser()
    if chosen.is_dir():
        return chosen / name
    if output.endswith(("/", os.sep)):
        raise CommandError(f"folder {output} does not exist; create it first", ExitCode.USAGE)
    return chosen


@documents.command("get")
@click.argument("order_id", type=ORDER_ID)
@click.argument("document_id")
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="A folder (keeps the document's name), a file name, or '-' for stdout.",
)
@click.option("--force", is_flag=True, help="Replace an existing file.")
@json_option
@click.pass_context
def get(
    ctx: click.Context,
    order_id: int,
    document_id: str,
    output: str | None,
    force: bool,
    as_json: bool,
) -> None:
    """Download a document into the current folder (or -o PATH), under a safe file name.

    The name sent by the server is reduced to a plain file name: no folders, no hidden
    files, no control characters. An existing file is never replaced without --force.
    With --json, prints the document's details and saves no file unless -o is given.
    """
    if not document_id.strip():
        raise click.UsageError("DOCUMENT_ID must not be empty")
    if output == "-" and as_json:
        raise click.UsageError("-o - writes the document to stdout, which --json needs")
    if output == "-" and stdout_is_terminal():
        raise CommandError(
            "refusing to write a document to the terminal; redirect stdout or use -o FILE",
            ExitCode.USAGE,
        )

    async def run(client: PortingClient) -> DocumentContent:
        return await client.orders.get_document(order_id, document_id)

    document = run_api(
        ctx, run, not_found="list the order's documents with 'porting-tui orders get ID'"
    )
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(document.content)
        sys.stdout.buffer.flush()
        return
    if as_json and output is None:
        print_json(to_json_data(document))
        return
    target = _target(output, document, document_id)
    write_file(target, document.content, force=force)
    info(f"Saved {human_size(len(document.content))} to {target}.")
    if as_json:
        print_json(to_json_data(document))
    else:
        click.echo(str(target))
