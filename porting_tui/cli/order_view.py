"""An order as people read it on a terminal: summary, numbers, notes and documents."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from porting_tui.cli.output import mask_account, mask_pin, print_fields, print_table, safe_text

if TYPE_CHECKING:
    from datetime import date, datetime

    from porting_tui.client import Order, PhoneNumber


def _when(value: datetime | str | None) -> str:
    from porting_tui.client import date_text

    # A moment the client could not read is shown as the server sent it.
    return date_text(value, "%Y-%m-%d %H:%M UTC")


def _day(value: date | str | None) -> str:
    from porting_tui.client import date_text

    return date_text(value)


def _schedule(order: Order) -> str:
    schedule = order.desired_port_schedule
    parts = [
        _day(schedule.desired_port_date),
        schedule.desired_port_time or "",
        schedule.desired_port_time_zone or "",
    ]
    return " ".join(part for part in parts if part)


def _end_user(number: PhoneNumber) -> tuple[str, str]:
    user = number.end_user
    place = ", ".join(part for part in (user.city, user.state) if part)
    return user.name or "", place


def _reason(number: PhoneNumber) -> str:
    if number.unreadable is not None:
        return f"unreadable: {number.unreadable}"
    return number.reject_reason or number.exclusion_reason or ""


def print_order(order: Order, *, reveal: bool = False) -> None:
    """Print ``order`` for people; PINs and account numbers masked unless ``reveal``."""
    print_fields(
        [
            ("Order", order.id),
            ("Status", order.status),
            ("Reference", order.customer_order_reference),
            ("Created", _day(order.created_date)),
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
                _day(number.foc_date),
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
    if any(number.unreadable is not None for number in order.phone_numbers):
        click.echo("Entries marked unreadable are shown as the server sent them by --json.")
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
