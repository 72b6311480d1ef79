"""``porting-tui orders``: list and read port-in orders (changes are in ``orders_write_cmd``).

The write commands are imported only when one of them runs (or shows its own --help), so that
``orders list`` and ``orders get`` never load them, the order files, the audit log or the
local store.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import click

from porting_tui.cli.context import json_option, reveal_option, run_api
from porting_tui.cli.output import RowStream, info, print_json, print_json_line, to_json_data
from porting_tui.cli.params import ORDER_ID
from porting_tui.cli.progress import ProgressReport
from porting_tui.cli.root import LazyCommand, LazyGroup

if TYPE_CHECKING:
    from porting_tui.client import OrderListItem, PortingClient

DATE_HELP = "YYYY-MM-DD, today, yesterday, -7d, +2w"
# Option name of each field of the order list's filters, to name the culprit of an error.
FILTER_OPTIONS = {
    "status": "--status",
    "created_from": "--created-from",
    "created_to": "--created-to",
    "foc_from": "--foc-from",
    "foc_to": "--foc-to",
    "reference": "--reference",
    "phone": "--number",
    "order_id": "--order-id",
}
LIST_COLUMNS = (
    ("ID", 10),
    ("STATUS", 19),
    ("CREATED", 10),
    ("NUMBERS", 7),
    ("FOC", 5),
    ("ACTIVE", 6),
    ("REJECTED", 8),
    ("EXCLUDED", 8),
    ("REFERENCE", 0),
)


def today() -> date:
    """Today's date for relative dates (-7d); a function so tests can fix it."""
    return date.today()


_WRITE = "porting_tui.cli.orders_write_cmd"
WRITE_COMMANDS = {
    "create": LazyCommand(f"{_WRITE}:create", "Create a port-in order from a JSON or CSV file."),
    "update": LazyCommand(
        f"{_WRITE}:update",
        "Replace a PENDING order with the order in FILE (fields missing from FILE are cleared).",
    ),
    "edit": LazyCommand(
        f"{_WRITE}:edit", "Change some fields of a PENDING order, keeping everything else."
    ),
    "cancel": LazyCommand(f"{_WRITE}:cancel", "Cancel a PENDING order."),
    "add-note": LazyCommand(
        f"{_WRITE}:add_note",
        "Add a note to an order, e.g. to answer a question from Sinch ('-' reads stdin).",
    ),
}
"""The commands that change orders, by name, with their one-line help for ``orders --help``."""


@click.group("orders", cls=LazyGroup, lazy_commands=WRITE_COMMANDS)
def orders() -> None:
    """List, read, create, change and cancel port-in orders."""


def _query(filters: dict[str, str | None]) -> dict[str, Any]:
    from porting_tui.listing.filters import FilterErrors, OrderFilters, to_query

    try:
        return to_query(OrderFilters(**{k: v or "" for k, v in filters.items()}), today())
    except FilterErrors as error:
        lines = [f"{FILTER_OPTIONS[name]}: {message}" for name, message in error.errors.items()]
        raise click.UsageError("\n".join(lines)) from None


@orders.command("list")
@click.option(
    "--status",
    metavar="STATUS",
    help="PENDING, CONFIRMED, COMPLETED, CANCELED, PENDING_CANCELATION or ORDER_BUILDING.",
)
@click.option("--reference", metavar="TEXT", help="Customer order reference.")
@click.option("--created-from", metavar="DATE", help=f"Created on or after DATE ({DATE_HELP}).")
@click.option("--created-to", metavar="DATE", help="Created on or before DATE.")
@click.option("--foc-from", metavar="DATE", help="FOC date on or after DATE.")
@click.option("--foc-to", metavar="DATE", help="FOC date on or before DATE.")
@click.option("--number", metavar="NUMBER", help="Orders holding this number (any format).")
@click.option("--order-id", metavar="ID", help="The order with this id.")
@click.option(
    "--page-size", type=click.IntRange(1, 1000), help="Orders per request (API default 100)."
)
@click.option(
    "--limit", type=click.IntRange(min=1), help="Stop after N orders (fetching pages as needed)."
)
@click.option("--all", "all_pages", is_flag=True, help="Fetch every page.")
@json_option
@click.pass_context
def list_orders(
    ctx: click.Context,
    status: str | None,
    reference: str | None,
    created_from: str | None,
    created_to: str | None,
    foc_from: str | None,
    foc_to: str | None,
    number: str | None,
    order_id: str | None,
    page_size: int | None,
    limit: int | None,
    all_pages: bool,
    as_json: bool,
) -> None:
    """List orders, newest pages first as the API returns them; one page unless --all or --limit.

    With --json, prints JSON lines: one order summary per line, as each page arrives.
    """
    if all_pages and limit is not None:
        raise click.UsageError("use either --all or --limit N, not both")
    query = _query(
        {
            "status": status,
            "reference": reference,
            "created_from": created_from,
            "created_to": created_to,
            "foc_from": foc_from,
            "foc_to": foc_to,
            "phone": number,
            "order_id": order_id,
        }
    )
    table = RowStream(LIST_COLUMNS)

    def emit(order: OrderListItem) -> None:
        from porting_tui.client import date_text

        if as_json:
            print_json_line(to_json_data(order))
            return
        table.row(
            order.id,
            order.status,
            date_text(order.created_date),
            order.phone_number_quantity,
            order.foc_quantity,
            order.activated_quantity,
            order.rejected_quantity,
            order.excluded_quantity,
            # A row that could not be read says why where its reference would be.
            f"unreadable: {order.unreadable}"
            if order.unreadable is not None
            else order.customer_order_reference or "",
        )

    async def run(client: PortingClient) -> tuple[int, int | None]:
        if not all_pages and limit is None:
            page = await client.orders.list_page(None, page_size, **query)
            for order in page.orders:
                emit(order)
            return len(page.orders), page.total_items
        size = page_size or (min(limit, 1000) if limit is not None else 1000)
        shown = 0
        with ProgressReport("Fetching orders", streams_stdout=True) as progress:
            if progress.enabled:
                # One tiny request for the total, so the bar can say how far along it is.
                first = await client.orders.list_page(None, 1, **query)
                total = first.total_items or 0
                progress.set_total(min(total, limit) if limit is not None else total)
            async for order in client.orders.list(page_size=size, **query):
                emit(order)
                shown += 1
                progress.advance()
                if limit is not None and shown >= limit:
                    break
        return shown, None

    shown, total = run_api(ctx, run, not_found="check the filters")
    if shown == 0:
        info("No orders match.")
    elif total is not None and total > shown:
        info(f"Showing {shown} of {total} orders; add --all or --limit N to see more.")


@orders.command("get")
@click.argument("order_id", type=ORDER_ID)
@json_option
@reveal_option
@click.pass_context
def get(ctx: click.Context, order_id: int, as_json: bool, reveal: bool) -> None:
    """Show an order: schedule, every number with its status, notes and documents.

    Port-out PINs and account numbers are masked (also in --json) unless --reveal is given.
    """
    from porting_tui.cli.order_view import print_order

    async def run(client: PortingClient) -> Any:
        return await client.orders.get(order_id)

    order = run_api(ctx, run, not_found="find the id with 'porting-tui orders list'")
    if as_json:
        print_json(to_json_data(order, reveal=reveal))
    else:
        print_order(order, reveal=reveal)
