"""``porting-tui activation``: on-demand activation of an order's number groups."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from porting_tui.cli.context import confirm, json_option, run_api, yes_option
from porting_tui.cli.output import info, print_json, print_table, to_json_data
from porting_tui.cli.params import ORDER_ID

if TYPE_CHECKING:
    from porting_tui.client import ActivationGroup, GroupActivation, PortingClient

ORDER_NOT_FOUND = "check the order id with 'porting-tui orders list'"


@click.group("activation")
def activation() -> None:
    """See and activate the number groups of on-demand orders."""


@activation.command("list")
@click.argument("order_id", type=ORDER_ID)
@json_option
@click.pass_context
def list_groups(ctx: click.Context, order_id: int, as_json: bool) -> None:
    """List the groups of an order that can be activated now (FOC reached, numbers routing)."""

    async def run(client: PortingClient) -> list[ActivationGroup]:
        return await client.activation.available(order_id)

    groups = run_api(ctx, run, not_found=ORDER_NOT_FOUND)
    if as_json:
        print_json([to_json_data(group) for group in groups])
        return
    if not groups:
        info(
            f"Nothing of order {order_id} can be activated yet: activation needs a confirmed "
            "FOC date of today or earlier, and numbers already routing to Sinch."
        )
        return
    from porting_tui.client import date_text

    print_table(
        ("Group", "FOC", "Numbers"),
        (
            (
                group.phone_number_group or "",
                date_text(group.foc_date),
                " ".join(number.phone_number for number in group.phone_numbers),
            )
            for group in groups
        ),
    )


@activation.command("activate")
@click.argument("order_id", type=ORDER_ID)
@click.option(
    "--group",
    "groups",
    multiple=True,
    metavar="GROUP",
    help="Activate this group only (repeatable); default: every available group.",
)
@yes_option
@json_option
@click.pass_context
def activate(
    ctx: click.Context, order_id: int, groups: tuple[str, ...], yes: bool, as_json: bool
) -> None:
    """Activate an on-demand order's numbers now, all groups or the ones named.

    Numbers are activated by group (one per losing carrier), never one by one; see the
    groups with 'porting-tui activation list ID'.
    """
    what = f"group(s) {', '.join(groups)}" if groups else "every available group"
    confirm(f"Activate {what} of order {order_id}? Calls will route to Sinch.", yes=yes)

    async def run(client: PortingClient) -> list[GroupActivation]:
        return await client.activation.activate(order_id, list(groups) or None)

    results = run_api(
        ctx,
        run,
        mutates=True,
        not_found=ORDER_NOT_FOUND,
        unsure=f"activation may have started: check with 'porting-tui orders get {order_id}'",
    )
    info(f"Activation of order {order_id} requested for {len(results)} group(s).")
    if as_json:
        print_json({"phoneNumberGroups": [to_json_data(result) for result in results]})
        return
    print_table(
        ("Group", "Status"),
        ((result.phone_number_group or "", result.status or "") for result in results),
    )
