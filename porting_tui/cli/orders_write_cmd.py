"""``porting-tui orders create|update|edit|cancel|add-note``: the commands that change orders."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

import click

from porting_tui.cli.context import (
    CommandError,
    confirm,
    json_option,
    reveal_option,
    run_api,
    yes_option,
)
from porting_tui.cli.files import read_text_input
from porting_tui.cli.output import info, print_fields, print_json, to_json_data
from porting_tui.cli.params import ORDER_ID, PhoneNumberType

if TYPE_CHECKING:
    from porting_tui.cli.order_file import LoadedOrder
    from porting_tui.cli.preflight_report import PreflightReport
    from porting_tui.client import NewOrder, Order, PortingClient

FILE_HELP = "order.json (the API's order object) or order.csv (one row per number); '-' is stdin."
ORDER_NOT_FOUND = "find the id with 'porting-tui orders list'"


def _load(source: str) -> LoadedOrder:
    from porting_tui.cli.order_file import load_order_file
    from porting_tui.domain.order_csv import OrderFileError

    try:
        return load_order_file(source)
    except OrderFileError as error:
        raise CommandError(str(error)) from None


def _checked(loaded: LoadedOrder, *, allow_masked: bool = False) -> NewOrder:
    from porting_tui.cli.order_file import checked_order
    from porting_tui.domain.order_csv import OrderFileError

    try:
        return checked_order(loaded, allow_masked=allow_masked)
    except OrderFileError as error:
        raise CommandError(str(error)) from None


def _show(order: Order, *, as_json: bool, reveal: bool) -> None:
    from porting_tui.cli.order_view import print_order

    if as_json:
        print_json(to_json_data(order, reveal=reveal))
    else:
        print_order(order, reveal=reveal)


@click.command("create")
@click.option("--from-file", "source", required=True, metavar="FILE", help=FILE_HELP)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Check the file, print the request and its pre-flight warnings; create nothing.",
)
@json_option
@reveal_option
@click.pass_context
def create(ctx: click.Context, source: str, dry_run: bool, as_json: bool, reveal: bool) -> None:
    """Create a port-in order from a JSON or CSV file.

    Every problem in the file is reported (with line and column for CSV) before anything is
    sent. See the README for the CSV columns.
    """
    from porting_tui.client.models import order_request_body

    loaded = _load(source)
    new_order = _checked(loaded)
    if dry_run:
        _dry_run(ctx, order_request_body(new_order), as_json=as_json, reveal=reveal)
        return
    reference = new_order.customer_order_reference
    unsure = (
        f"the order may have been created: look for it with 'porting-tui orders list "
        f"--reference {reference}' before retrying"
        if reference
        else "the order may have been created: look for it with 'porting-tui orders list "
        "--created-from today' before retrying"
    )

    async def run(client: PortingClient) -> Order:
        return await client.orders.create(new_order)

    order = run_api(ctx, run, mutates=True, unsure=unsure, locate=loaded.locate)
    info(f"Created order {order.id} with {len(order.phone_numbers)} numbers ({order.status}).")
    _show(order, as_json=as_json, reveal=reveal)


def _dry_run(ctx: click.Context, body: dict[str, Any], *, as_json: bool, reveal: bool) -> None:
    """Print the request and what pre-flight finds in it; create nothing. Exits with
    ExitCode.WARNINGS when a losing carrier is likely to reject part of the order."""
    from porting_tui.cli.context import ExitCode, today
    from porting_tui.cli.output import mask_secrets
    from porting_tui.cli.preflight_report import preflight_order, print_report, verdict

    shown = body if reveal else mask_secrets(body)
    day = today(ctx)

    async def run(client: PortingClient) -> PreflightReport:
        return await preflight_order(client, body, day)

    report = run_api(ctx, run)
    count = len(body.get("phoneNumbers") or [])
    if as_json:
        print_json({"request": shown, "preflight": report.to_json()})
        info(verdict(report))
    else:
        print_json(shown)
        info(f"The order is valid ({count} numbers); nothing was created.")
        print_report(report)
    if report.warnings:
        ctx.exit(ExitCode.WARNINGS)


def _unmask(body: dict[str, Any], current: Order) -> None:
    """Put the current secret values back where the file holds the mask of 'orders get'."""
    from porting_tui.cli.order_file import masked_fields

    by_number = {number.phone_number: number for number in current.phone_numbers}
    numbers = body.get("phoneNumbers") or []
    for index, name in list(masked_fields(body)):
        entry = numbers[index]
        known = by_number.get(entry.get("phoneNumber"))
        if known is None:
            continue
        if name == "newPortOutPin":
            value = known.new_port_out_pin
        else:
            port_out = known.port_out_info
            attribute = "existing_port_out_pin" if name.endswith("Pin") else "account_num"
            value = getattr(port_out, attribute) if port_out else None
        if value:
            target = entry if name == "newPortOutPin" else entry["portOutInfo"]
            target[name.rsplit(".", 1)[-1]] = value


@click.command("update")
@click.argument("order_id", type=ORDER_ID)
@click.option("--from-file", "source", required=True, metavar="FILE", help=FILE_HELP)
@yes_option
@json_option
@reveal_option
@click.pass_context
def update(
    ctx: click.Context, order_id: int, source: str, yes: bool, as_json: bool, reveal: bool
) -> None:
    """Replace a PENDING order with the order in FILE (fields missing from FILE are cleared).

    The output of 'orders get ID --json' can be edited and given back: PINs and account
    numbers it masked keep their current values. To change a few fields, 'orders edit' is safer.
    """
    loaded = _load(source)
    _checked(loaded, allow_masked=True)
    confirm(
        f"Replace order {order_id} with {loaded.source}? Fields missing from the file are cleared.",
        yes=yes,
    )

    async def run(client: PortingClient) -> Order:
        from porting_tui.cli.order_file import masked_fields

        if any(masked_fields(loaded.body)):
            _unmask(loaded.body, await client.orders.get(order_id))
        return await client.orders.update(order_id, _checked(loaded))

    order = run_api(ctx, run, mutates=True, not_found=ORDER_NOT_FOUND, locate=loaded.locate)
    info(f"Replaced order {order.id} ({order.status}).")
    _show(order, as_json=as_json, reveal=reveal)


def _parse_assignments(
    assignments: tuple[str, ...], from_stdin: tuple[str, ...] = ()
) -> list[tuple[str, Any]]:
    from porting_tui.cli import secret_input
    from porting_tui.domain.masking import is_secret_path
    from porting_tui.domain.order_fields import NUMBER_PATHS, ORDER_PATHS, convert, resolve

    typed: list[tuple[str, str, bool]] = []
    for assignment in assignments:
        name, equals, text = assignment.partition("=")
        if not equals:
            raise click.UsageError(f"--set {assignment!r}: write FIELD=VALUE")
        typed.append((name, text, False))
    stdin_values = secret_input.read_stdin_values(from_stdin, "--set-stdin")
    typed += [(name, value, True) for name, value in stdin_values.items()]
    changes: list[tuple[str, Any]] = []
    for name, given, hidden in typed:
        path = resolve(name)
        text = given
        if not hidden and path is not None and is_secret_path(path):
            # Only secrets take @FILE and env:VAR, so a reference such as "@acme" stays text.
            if secret_input.indirect(given):
                text = secret_input.resolve(given, f"--set {name.strip()}")
            elif given.strip():
                secret_input.warn_secret_in_argv(f"the value of {path}")
        if path is None or path == "phoneNumber":
            order_fields = textwrap.fill(
                ", ".join(ORDER_PATHS), 96, initial_indent="  ", subsequent_indent="  "
            )
            number_fields = textwrap.fill(
                ", ".join(NUMBER_PATHS), 96, initial_indent="  ", subsequent_indent="  "
            )
            raise click.UsageError(
                f"--set: unknown field {name.strip()!r}. Order fields:\n{order_fields}\n"
                f"Fields of each number (all, or those given with --number):\n{number_fields}"
            )
        try:
            value = convert(path, text) if text.strip() else None
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint=f"--set {name.strip()}") from None
        changes.append((path, value))
    return changes


def _apply(order: Order, changes: list[tuple[str, Any]], numbers: tuple[str, ...]) -> Order:
    from pydantic import ValidationError

    from porting_tui.cli.order_file import path_text
    from porting_tui.domain.order_edit import OrderEdit, apply_edit
    from porting_tui.domain.order_fields import ORDER_PATHS

    on_order = {number.phone_number for number in order.phone_numbers}
    missing = [number for number in numbers if number not in on_order]
    if missing:
        raise CommandError(
            f"order {order.id} has no number {', '.join(missing)}; its numbers are "
            f"{', '.join(sorted(on_order))}"
        )
    # The same change the app's edit dialog makes: order fields, then the chosen numbers'.
    edit = OrderEdit(
        order_values={path: value for path, value in changes if path in ORDER_PATHS},
        number_values={path: value for path, value in changes if path not in ORDER_PATHS},
        numbers=frozenset(numbers or on_order),
    )
    try:
        return apply_edit(order, edit)
    except ValidationError as error:
        # Only where and what: the input values may be PINs.
        problems = "; ".join(
            f"{path_text(tuple(item['loc']))}: {item['msg']}" for item in error.errors()
        )
        raise CommandError(f"the change does not fit the order: {problems}") from None


@click.command("edit")
@click.argument("order_id", type=ORDER_ID)
@click.option(
    "--set",
    "assignments",
    multiple=True,
    metavar="FIELD=VALUE",
    help="A field to change, by API name (repeatable); 'FIELD=' clears it. For a PIN or "
    "account number, VALUE may be @FILE (its first line) or env:VAR.",
)
@click.option(
    "--set-stdin",
    "from_stdin",
    multiple=True,
    metavar="FIELD",
    help="Read FIELD's value from standard input, one line per --set-stdin (hidden prompt on "
    "a terminal): for PINs and account numbers.",
)
@click.option(
    "--number",
    "numbers",
    multiple=True,
    type=PhoneNumberType(),
    metavar="NUMBER",
    help="Change per-number fields on this number only (repeatable); default: every number.",
)
@json_option
@reveal_option
@click.pass_context
def edit(
    ctx: click.Context,
    order_id: int,
    assignments: tuple[str, ...],
    from_stdin: tuple[str, ...],
    numbers: tuple[str, ...],
    as_json: bool,
    reveal: bool,
) -> None:
    """Change some fields of a PENDING order, keeping everything else.

    Fetches the order, applies the changes and sends the whole order back (the API only
    replaces whole orders). FIELD is an API path or a CSV column name: order fields such as
    customerOrderReference or desiredPortSchedule.desiredPortDate; per-number fields such as
    endUser.city, portOutInfo.FIELD, voiceConfiguration.appId or features.e911.FIELD. An
    unknown FIELD lists them all.
    """
    from porting_tui.domain.order_fields import ORDER_PATHS

    if not assignments and not from_stdin:
        raise click.UsageError("name a field to change with --set FIELD=VALUE or --set-stdin")
    changes = _parse_assignments(assignments, from_stdin)
    if numbers and all(path in ORDER_PATHS for path, _ in changes):
        raise click.UsageError("--number applies to per-number fields only (endUser.x, ...)")

    async def run(client: PortingClient) -> Order:
        return await client.orders.edit(order_id, lambda order: _apply(order, changes, numbers))

    order = run_api(ctx, run, mutates=True, not_found=ORDER_NOT_FOUND)
    fields = ", ".join(dict.fromkeys(path for path, _ in changes))
    info(f"Updated order {order.id}: {fields}.")
    _show(order, as_json=as_json, reveal=reveal)


@click.command("cancel")
@click.argument("order_id", type=ORDER_ID)
@yes_option
@json_option
@click.pass_context
def cancel(ctx: click.Context, order_id: int, yes: bool, as_json: bool) -> None:
    """Cancel a PENDING order. It cannot be undone.

    Prints the order afterwards (status PENDING_CANCELATION, then CANCELED).
    """
    confirm(f"Cancel order {order_id}? This cannot be undone.", yes=yes)

    async def run(client: PortingClient) -> Order:
        await client.orders.cancel(order_id)
        return await client.orders.get(order_id)

    order = run_api(
        ctx,
        run,
        mutates=True,
        not_found=ORDER_NOT_FOUND,
        unsure=f"it may have been cancelled: check with 'porting-tui orders get {order_id}'",
    )
    info(f"Cancellation of order {order.id} requested.")
    if as_json:
        print_json(to_json_data(order))
    else:
        print_fields([("Order", order.id), ("Status", order.status)])


@click.command("add-note")
@click.argument("order_id", type=ORDER_ID)
@click.argument("text", metavar="TEXT|-")
@json_option
@click.pass_context
def add_note(ctx: click.Context, order_id: int, text: str, as_json: bool) -> None:
    """Add a note to an order, e.g. to answer a question from Sinch ('-' reads stdin)."""
    note = read_text_input("-", "note") if text == "-" else text
    note = note.strip()
    if not note:
        raise click.UsageError("the note is empty")

    async def run(client: PortingClient) -> Any:
        return await client.orders.add_note(order_id, note)

    created = run_api(
        ctx,
        run,
        mutates=True,
        not_found=ORDER_NOT_FOUND,
        unsure=f"the note may have been added: check with 'porting-tui orders get {order_id}'",
    )
    info(f"Added a note to order {order_id}.")
    if as_json:
        print_json(to_json_data(created))
    else:
        print_fields([("Note", created.id), ("Order", order_id)])
