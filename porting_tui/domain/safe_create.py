"""Create an order at most once, even when the answer to the create request is lost.

A create that times out or loses its connection may still have reached the API. Sending it
again could file the same port twice, so the order is first looked up by its customer order
reference among the orders created in the last minutes; only when none is found is it sent
again, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from porting_tui.client import (
    InvalidResponseError,
    NewOrder,
    Order,
    PortingClient,
    PortingConnectionError,
    PortingError,
)

LOOKUP_WINDOW = timedelta(minutes=30)
"""How far back an order with the same reference counts as "the one just sent"."""


class CreateUnconfirmedError(Exception):
    """The create may or may not have reached the API, and the lookup failed too.

    Nothing is sent again; the user should look for the reference before retrying.
    """

    def __init__(self, reference: str, cause: Exception) -> None:
        self.reference = reference
        self.cause = cause
        super().__init__(
            f"The answer to the create request was lost and the order could not be looked up "
            f"({cause}). Search for reference {reference!r} before submitting again."
        )


@dataclass(frozen=True)
class CreateOutcome:
    order_id: int
    order: Order | None
    """The created order as returned, or None when it was found by its reference."""
    recovered: bool
    """True when the response was lost and the order was found by its reference instead."""
    attempts: int
    """How many create requests were sent (1, or 2 when the first surely did not land)."""


async def find_recent_order(client: PortingClient, reference: str, now: datetime) -> int | None:
    """The id of an order with exactly ``reference`` created within the lookup window."""
    page = await client.orders.list_page(
        customer_order_reference=reference, created_start=now - LOOKUP_WINDOW
    )
    matches = [item.id for item in page.orders if item.customer_order_reference == reference]
    return max(matches) if matches else None


async def create_once(
    client: PortingClient, new_order: NewOrder, now: datetime, *, look_first: bool = False
) -> CreateOutcome:
    """Create ``new_order`` (which must carry a customer order reference) without duplicates.

    ``look_first`` looks the reference up before sending anything: use it when an earlier
    attempt ended without knowing whether the order was created. Raises the client's errors
    for a rejected order (422 and the like), and ``CreateUnconfirmedError`` when it cannot
    tell whether the order exists.
    """
    reference = new_order.customer_order_reference or ""
    if not reference.strip():
        raise ValueError("a customer order reference is needed to create an order safely")
    if look_first:
        try:
            found = await find_recent_order(client, reference, now)
        except PortingError as lookup_error:
            raise CreateUnconfirmedError(reference, lookup_error) from None
        if found is not None:
            return CreateOutcome(found, None, recovered=True, attempts=0)
    for attempt in (1, 2):
        try:
            order = await client.orders.create(new_order)
        except (PortingConnectionError, InvalidResponseError) as lost:
            # Timeouts are connection errors too: either way the request may have arrived. An
            # unreadable answer came with a success status: the order exists.
            try:
                found = await find_recent_order(client, reference, now)
            except PortingError as lookup_error:
                raise CreateUnconfirmedError(reference, lookup_error) from lost
            if found is not None:
                return CreateOutcome(found, None, recovered=True, attempts=attempt)
            if isinstance(lost, InvalidResponseError):
                raise CreateUnconfirmedError(reference, lost) from lost
            if attempt == 2:
                raise
            continue
        return CreateOutcome(order.id, order, recovered=False, attempts=attempt)
    raise AssertionError("unreachable: the loop returns or raises")
