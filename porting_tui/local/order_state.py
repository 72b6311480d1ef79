"""A compact picture of an order (status, numbers, notes, documents) to remember and compare."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from porting_tui.client import day_of, moment_of
from porting_tui.domain.carriers import carrier_of_group

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from porting_tui.client import Order, OrderListItem, PhoneNumber

# The API names zones by their old "US/..." links; map them to canonical tz names.
_ZONES = {
    "US/Eastern": "America/New_York",
    "US/Central": "America/Chicago",
    "US/Mountain": "America/Denver",
    "US/Pacific": "America/Los_Angeles",
    "GMT": "UTC",
}
DEFAULT_ZONE = "US/Eastern"


def zone_info(name: str | None) -> ZoneInfo:
    """The zone of an order's schedule; an unknown or missing one reads as US/Eastern."""
    return ZoneInfo(_ZONES.get(name or DEFAULT_ZONE, _ZONES[DEFAULT_ZONE]))


@dataclass(frozen=True, slots=True)
class NumberState:
    phone_number: str
    status: str
    group: str | None = None
    foc_date: datetime | None = None
    reason: str | None = None
    """The reject reason (or exclusion reason) the server gave."""
    status_time: datetime | None = None
    """When the server says the number reached its status, when it says so."""
    confirmed_time: datetime | None = None
    """When the carrier confirmed the number (gave its FOC), kept after it is activated."""


@dataclass(frozen=True, slots=True)
class NoteState:
    digest: str
    """Identifies the note without keeping its text (notes may quote customer data)."""
    author: str
    created_time: datetime | None = None


@dataclass(frozen=True, slots=True)
class DocumentState:
    id: int | None
    name: str


@dataclass(frozen=True, slots=True)
class OrderState:
    """What matters of an order for "what changed" and "what needs attention"."""

    order_id: int
    status: str
    reference: str | None = None
    created_date: date | None = None
    on_demand: bool = False
    time_zone: str | None = None
    numbers: tuple[NumberState, ...] = ()
    notes: tuple[NoteState, ...] = ()
    documents: tuple[DocumentState, ...] = ()
    desired_port_date: date | None = None

    def foc_dates(self) -> list[date]:
        """The FOC days of the order's numbers, in its port time zone, earliest first."""
        return sorted({self.local_date(n.foc_date) for n in self.numbers if n.foc_date})

    def carriers(self) -> list[str]:
        """The losing carriers, as far as the activation groups name them."""
        return sorted({carrier_of_group(n.group) for n in self.numbers if n.group})

    def local_date(self, moment: datetime) -> date:
        """The calendar date of ``moment`` in the order's port time zone."""
        return moment.astimezone(zone_info(self.time_zone)).date()

    def count(self, status: str) -> int:
        return sum(1 for number in self.numbers if number.status == status)

    def last_activity(self) -> datetime | None:
        """The latest time the server reports anything happening on the order."""
        moments = [n.status_time for n in self.numbers if n.status_time is not None]
        moments += [note.created_time for note in self.notes if note.created_time is not None]
        if self.created_date is not None:
            moments.append(datetime(*self.created_date.timetuple()[:3], tzinfo=UTC))
        return max(moments, default=None)

    def to_json(self) -> str:
        return _adapter().dump_json(self).decode()

    @staticmethod
    def from_json(text: str) -> OrderState:
        return _adapter().validate_json(text)


@functools.cache
def _adapter() -> TypeAdapter[OrderState]:
    # Built on first use: building it (and importing pydantic's dataclass support) costs a few
    # milliseconds that the app's first page of orders should not wait for.
    from pydantic import TypeAdapter

    return TypeAdapter(OrderState)


def note_digest(text: str | None, author: str | None, created: datetime | None) -> str:
    stamp = created.isoformat() if created else ""
    material = f"{stamp}\x1f{author or ''}\x1f{text or ''}".encode()
    return hashlib.sha256(material).hexdigest()[:20]


def _status_time(number: PhoneNumber) -> datetime | None:
    # Server times the client could not read count as unknown here.
    if number.status == "ACTIVATED":
        return moment_of(number.activated_date)
    if number.status == "CONFIRMED":
        return moment_of(number.confirmed_date)
    if number.status in ("REJECTED", "EXCLUDED"):
        return moment_of(number.exclusion_date)
    return None


def order_state(order: Order) -> OrderState:
    """The picture of ``order`` as the API returned it."""
    schedule = order.desired_port_schedule
    return OrderState(
        order_id=order.id,
        status=order.status or "",
        reference=order.customer_order_reference,
        created_date=day_of(order.created_date),
        on_demand=bool(order.on_demand_activation),
        time_zone=schedule.desired_port_time_zone if schedule else None,
        numbers=tuple(
            NumberState(
                phone_number=number.phone_number,
                status=number.status,
                group=number.phone_number_group,
                foc_date=moment_of(number.foc_date),
                reason=number.reject_reason or number.exclusion_reason,
                status_time=_status_time(number),
                confirmed_time=moment_of(number.confirmed_date),
            )
            for number in order.phone_numbers
        ),
        notes=tuple(
            NoteState(
                digest=note_digest(note.note, note.created_by, moment_of(note.created_time)),
                author=note.created_by or "",
                created_time=moment_of(note.created_time),
            )
            for note in order.notes
        ),
        documents=tuple(
            DocumentState(id=document.id, name=document.document_name or "")
            for document in order.documents
        ),
        desired_port_date=day_of(schedule.desired_port_date) if schedule else None,
    )


def list_key(row: OrderListItem) -> str:
    """What an order-list row says of an order: when it differs, the details changed."""
    return "|".join(
        str(value)
        for value in (
            row.status,
            row.phone_number_quantity,
            row.foc_quantity,
            row.activated_quantity,
            row.rejected_quantity,
            row.excluded_quantity,
        )
    )
