"""The days things happened to an order and its numbers, in the order's port time zone.

Each function answers None when the order does not say, so that a missing date leaves the
order out of that one figure only.
"""

from __future__ import annotations

from datetime import date

from porting_tui.domain.carriers import carrier_of_group
from porting_tui.local.order_state import NumberState, OrderState

UNKNOWN_CARRIER = "(unknown carrier)"
"""The losing carrier of a number without an activation group."""
NO_REASON = "(no reason given)"
"""The reason of a rejection the server gave no text for."""
NO_STATUS = "(no status)"
"""The status of an order or number the server sent none for."""

COMPLETED_ORDER = "COMPLETED"
CANCELLED_ORDER = "CANCELED"
PENDING_ORDER = "PENDING"
ACTIVATED = "ACTIVATED"
CONFIRMED = "CONFIRMED"
REJECTED = "REJECTED"
CANCELLED_NUMBER = "CANCELED"


def carrier_of(number: NumberState) -> str:
    """The number's losing carrier, as its activation group names it."""
    return carrier_of_group(number.group) if number.group else UNKNOWN_CARRIER


def confirmed_day(order: OrderState, number: NumberState) -> date | None:
    """When the carrier confirmed the number: its confirmation time, else its FOC date.

    Pictures cached before the confirmation time was kept know only the FOC date of an
    activated number; it is the best day left to place the confirmation on.
    """
    if number.status not in (CONFIRMED, ACTIVATED):
        return None
    if number.confirmed_time is not None:
        return order.local_date(number.confirmed_time)
    if number.status == CONFIRMED and number.status_time is not None:
        return order.local_date(number.status_time)
    return order.local_date(number.foc_date) if number.foc_date is not None else None


def activated_day(order: OrderState, number: NumberState) -> date | None:
    if number.status != ACTIVATED or number.status_time is None:
        return None
    return order.local_date(number.status_time)


def foc_day(order: OrderState, number: NumberState) -> date | None:
    return order.local_date(number.foc_date) if number.foc_date is not None else None


def last_status_day(order: OrderState) -> date | None:
    """The day of the order's last known activity (a number's status, a note, its creation)."""
    moment = order.last_activity()
    return order.local_date(moment) if moment is not None else None


def completed_day(order: OrderState) -> date | None:
    """When a COMPLETED order completed: its last activation, else its last activity."""
    if order.status != COMPLETED_ORDER:
        return None
    days = [day for number in order.numbers if (day := activated_day(order, number))]
    return max(days) if days else last_status_day(order)


def cancelled_day(order: OrderState) -> date | None:
    """When a CANCELED order was cancelled: the API gives no time, so its last activity."""
    return last_status_day(order) if order.status == CANCELLED_ORDER else None


def number_cancelled_day(order: OrderState, number: NumberState) -> date | None:
    """When a number was cancelled: its own status time, else the order's last activity."""
    if number.status != CANCELLED_NUMBER:
        return None
    if number.status_time is not None:
        return order.local_date(number.status_time)
    return last_status_day(order)
