"""Hand-built order pictures for the figures' tests: dates at noon UTC, so the day is the same
in every US port time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime

from porting_tui.local.order_state import NumberState, OrderState


def noon(day: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), UTC).replace(hour=12)


def number(
    phone: str,
    status: str = "PENDING",
    *,
    carrier: str | None = "Verizon Wireless",
    foc: str | None = None,
    at: str | None = None,
    confirmed: str | None = None,
    reason: str | None = None,
) -> NumberState:
    """A number of ``carrier``'s activation group; ``at`` is its status time."""
    return NumberState(
        phone_number=phone,
        status=status,
        group=f"GW {carrier} Grp1" if carrier else None,
        foc_date=noon(foc) if foc else None,
        reason=reason,
        status_time=noon(at) if at else None,
        confirmed_time=noon(confirmed) if confirmed else None,
    )


def order(order_id: int, status: str, created: str | None, *numbers: NumberState) -> OrderState:
    return OrderState(
        order_id=order_id,
        status=status,
        created_date=date.fromisoformat(created) if created else None,
        time_zone="US/Eastern",
        numbers=numbers,
    )
