"""``porting-tui check``: can these numbers be ported to Sinch?"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

import click

from porting_tui.cli.context import CommandError, ExitCode, json_option, run_api
from porting_tui.cli.files import read_text_input
from porting_tui.cli.output import info, print_json, print_table, to_json_data
from porting_tui.cli.progress import ProgressReport
from porting_tui.domain.text_files import csv_delimiter

if TYPE_CHECKING:
    from porting_tui.cli.preflight_report import PreflightReport
    from porting_tui.client import PortabilityResult, PortingClient

CHECK_BATCH_SIZE = 100
NUMBER_COLUMNS = ("phonenumber", "phone_number", "phone number", "phone", "number", "tn")


def numbers_in_text(text: str, column: str | None) -> list[tuple[int, str]]:
    """(line number, number as written) for one number per line, or a CSV column.

    A file whose first line has a comma or semicolon (or any file with ``column``) is a CSV
    with a header row; otherwise each non-blank line not starting with ``#`` is a number.
    """
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if column is None and "," not in first and ";" not in first:
        return [
            (index, line.strip())
            for index, line in enumerate(lines, start=1)
            if line.strip() and not line.lstrip().startswith("#")
        ]
    reader = csv.reader(io.StringIO(text), delimiter=csv_delimiter(first))
    header = [cell.strip().lower() for cell in next(reader, [])]
    wanted = (column.strip().lower(),) if column else NUMBER_COLUMNS
    position = next((header.index(name) for name in wanted if name in header), None)
    if position is None:
        expected = f"a column named {column!r}" if column else "a phoneNumber column"
        raise CommandError(
            f"line 1: the header has no {expected} (it has: {', '.join(header)}); "
            "name the column with --column NAME"
        )
    found: list[tuple[int, str]] = []
    for row in reader:
        if position < len(row) and row[position].strip():
            found.append((reader.line_num, row[position].strip()))
    return found


def _normalised(entries: list[tuple[str, str]]) -> list[str]:
    """E.164 numbers without duplicates; every bad entry is reported at once."""
    from porting_tui.cli.field_checks import check_phone

    numbers: list[str] = []
    problems: list[str] = []
    for where, raw in entries:
        try:
            number = check_phone(raw, nanp_only=True)
        except ValueError as error:
            problems.append(f"{where}: {error}")
            continue
        if number not in numbers:
            numbers.append(number)
    if problems:
        raise CommandError(
            "\n".join(["some numbers are not valid; nothing was checked:", *problems])
        )
    duplicates = len(entries) - len(numbers)
    if duplicates:
        info(f"{duplicates} duplicate number(s) checked once.")
    return numbers


@click.command("check")
@click.argument("numbers", nargs=-1, metavar="NUMBER...")
@click.option(
    "--file",
    "-f",
    "source",
    metavar="FILE",
    help="Read numbers from FILE ('-' is stdin): one per line, or a CSV with a phoneNumber column.",
)
@click.option("--column", metavar="NAME", help="The CSV column holding the numbers.")
@click.option(
    "--preflight",
    "order_source",
    metavar="FILE",
    help="Run pre-flight on an order file (order.json or order.csv, as 'orders create' reads).",
)
@json_option
@click.pass_context
def check(
    ctx: click.Context,
    numbers: tuple[str, ...],
    source: str | None,
    column: str | None,
    order_source: str | None,
    as_json: bool,
) -> None:
    """Check whether numbers can be ported to Sinch, and from which carrier.

    Numbers may be written in any common format: +1 312 555 0143, (312) 555-0143, 3125550143.
    The exit status is 0 even when some numbers are not portable; read the 'portable' field.

    With --preflight FILE, check a whole order instead: what its losing carriers are likely
    to reject (a wireless number without PIN, an address outside the number's state, a
    number in another open order, ...). Exit status 0 when clean, 7 when warnings remain.
    """
    if order_source is not None:
        if numbers or source is not None or column is not None:
            raise click.UsageError("--preflight takes an order file; give no numbers with it")
        _preflight(ctx, order_source, as_json=as_json)
        return
    if not numbers and source is None:
        raise click.UsageError("give one or more numbers, or --file FILE")
    entries = [(f"argument {raw!r}", raw) for raw in numbers]
    if source is not None:
        text = read_text_input(source, "numbers file")
        name = "stdin" if source == "-" else source
        entries += [(f"{name} line {line}", raw) for line, raw in numbers_in_text(text, column)]
    elif column is not None:
        raise click.UsageError("--column applies to --file only")
    if not entries:
        raise CommandError(f"{source} holds no numbers", ExitCode.USAGE)
    wanted = _normalised(entries)

    async def run(client: PortingClient) -> list[PortabilityResult]:
        results: list[PortabilityResult] = []
        with ProgressReport("Checking portability", total=len(wanted)) as progress:
            for start in range(0, len(wanted), CHECK_BATCH_SIZE):
                batch = wanted[start : start + CHECK_BATCH_SIZE]
                results.extend(await client.portability.check(batch))
                progress.advance(len(batch))
        return results

    results = run_api(ctx, run)
    if as_json:
        print_json({"phoneNumbers": [to_json_data(result) for result in results]})
        return
    print_table(
        ("Number", "Portable", "Carrier", "Reason"),
        (
            (r.phone_number, _portable_word(r.portable), r.carrier or "", r.reason or "")
            for r in results
        ),
    )


def _preflight(ctx: click.Context, source: str, *, as_json: bool) -> None:
    from porting_tui.cli.context import today
    from porting_tui.cli.order_file import checked_order, load_order_file
    from porting_tui.cli.preflight_report import preflight_order, print_report, verdict
    from porting_tui.client.models import order_request_body
    from porting_tui.domain.order_csv import OrderFileError

    try:
        body = order_request_body(checked_order(load_order_file(source)))
    except OrderFileError as error:
        raise CommandError(str(error)) from None
    day = today(ctx)

    async def run(client: PortingClient) -> PreflightReport:
        return await preflight_order(client, body, day)

    report = run_api(ctx, run)
    if as_json:
        print_json(report.to_json())
        info(verdict(report))
    else:
        print_report(report)
    if report.warnings:
        ctx.exit(ExitCode.WARNINGS)


def _portable_word(portable: bool | None) -> str:
    if portable is None:
        return "unknown"
    return "yes" if portable else "NO"
