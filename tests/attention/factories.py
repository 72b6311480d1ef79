"""Small builders of order pictures for the attention tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from porting_tui.local.order_state import DocumentState, NoteState, NumberState, OrderState

# Wednesday 2026-11-25, 15:00 UTC (10:00 in New York); Thanksgiving is the next day.
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def number(
    phone: str,
    status: str = "PENDING",
    *,
    foc: datetime | None = None,
    reason: str | None = None,
    at: datetime | None = None,
    group: str = "GW Verizon Wireless Grp1",
) -> NumberState:
    return NumberState(phone, status, group, foc, reason, at)


def note(digest: str, author: str = "Sinch Porting", at: datetime | None = None) -> NoteState:
    return NoteState(digest, author, at)


def state(
    *numbers: NumberState,
    order_id: int = 100,
    status: str = "PENDING",
    notes: tuple[NoteState, ...] = (),
    documents: tuple[DocumentState, ...] = (),
    on_demand: bool = False,
    created: date = date(2026, 11, 20),
) -> OrderState:
    return OrderState(
        order_id=order_id,
        status=status,
        reference="ACME-42",
        created_date=created,
        on_demand=on_demand,
        time_zone="US/Eastern",
        numbers=numbers,
        notes=notes,
        documents=documents,
    )
