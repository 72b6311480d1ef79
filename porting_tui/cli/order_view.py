"""An order as people read it on a terminal: summary, numbers, notes and documents."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from porting_tui.cli.output import mask_account, mask_pin, print_fields, print_table, safe_text

if TYPE_CHECKING:
    from datetime import datetime

    from porting_tui.client import Order, PhoneNumber


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else ""


def _schedule(order: Order) -> str:
    schedule = order.desired_port_schedule
    parts = [
        schedule.desired_port_date.isoformat(),
        schedule.desired_port_time or "",
        schedule.desired_port_time_zone or "",
    ]
    return " ".join(part for part in parts if part)


def _end_user(number: PhoneNumber) -> tuple[str, str]:
    user = number.end_user
    place = ", ".join(part for part in (user.city, user.state) if part)
    return user.name or "", place


def _reason(number: PhoneNumber) -> str:
    return number.reject_reason or number.exclusion_reason or ""


def print_order(order: Order, *, reveal: bool = False) -> None:
    """Print ``order`` for people; PINs and account numbers masked unless ``reveal``."""
    print_fields(
        [
            ("Order", order.id),
            ("Status", order.status),
            ("Reference", order.customer_order_reference),
            ("Created", order.created_date.isoformat() if order.created_date else ""),
            ("Port date", _schedule(order)),
            ("Activation", "on demand" if order.on_demand_activation else "on the port date"),
            ("Reseller", order.reseller_name),
            ("LOA uploaded by", order.loa_uploaded_by),
            ("LOA attached", _when(order.loa_attachment_date)),
        ]
    )
    rows = []
    for number in order.phone_numbers:
        name, place = _end_user(number)
        port_out = number.port_out_info
        rows.append(
            (
                number.phone_number,
                number.status,
                number.phone_number_group or "",
                number.foc_date.date().isoformat() if number.foc_date else "",
                name,
                place,
                mask_pin(port_out.existing_port_out_pin if port_out else None, reveal=reveal),
                mask_account(port_out.account_num if port_out else None, reveal=reveal),
                _reason(number),
            )
        )
    click.echo()
    print_table(
        ("Number", "Status", "Group", "FOC", "End user", "City", "PIN", "Account", "Reason"),
        rows,
        title=f"Numbers ({len(rows)})",
    )
    if order.notes:
        click.echo()
        click.echo(f"Notes ({len(order.notes)})")
        for note in order.notes:
            author = safe_text(note.created_by) or "unknown"
            click.echo(f"  {_when(note.created_time)}  {author}")
            for line in safe_text(note.note, multiline=True).splitlines() or [""]:
                click.echo(f"    {line}")
    if order.documents:
        click.echo()
        print_table(
            ("ID", "Name", "Description"),
            ((doc.id, doc.document_name or "", doc.description or "") for doc in order.documents),
            title=f"Documents ({len(order.documents)})",
        )
