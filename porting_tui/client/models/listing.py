"""Order summaries and pages of the order list."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from porting_tui.client.models.base import PortingModel, WholeNumber
from porting_tui.client.models.dates import OptionalDay
from porting_tui.client.models.degrade import (
    EMPTY_WHEN_NULL,
    UNREADABLE_STATUS,
    DegradableModel,
    degrade_to,
)


def _none_as_zero(value: Any) -> Any:
    return 0 if value is None else value


Count = Annotated[WholeNumber, BeforeValidator(_none_as_zero)]
"""A count typed ``number`` on the wire: whole floats read, a missing one is 0."""


class OrderListItem(DegradableModel):
    """One row of the order list: a summary with counts of numbers per status.

    A row the client cannot read stays on the page as an unreadable row (``unreadable`` says
    why, ``raw_entry`` holds it as sent); its id is 0 when even that could not be read.
    """

    id: WholeNumber
    status: str | None = None
    """An ``OrderStatus`` value, a newer one this client does not know, or None when unsent."""
    customer_order_reference: str | None = None
    created_date: OptionalDay = None
    phone_number_quantity: Count = 0
    foc_quantity: Count = 0
    """Numbers with a Firm Order Commitment (status ``CONFIRMED``)."""
    activated_quantity: Count = 0
    rejected_quantity: Count = 0
    excluded_quantity: Count = 0

    @classmethod
    def _placeholders(cls) -> dict[str, Any]:
        return {"id": 0, "status": UNREADABLE_STATUS}


OrderRows = Annotated[list[OrderListItem], EMPTY_WHEN_NULL, degrade_to(OrderListItem)]


class OrderPage(PortingModel):
    """One page of the order list with the server's paging figures."""

    orders: OrderRows = Field(default_factory=list)
    page: WholeNumber | None = None
    page_size: WholeNumber | None = None
    total_pages: WholeNumber | None = None
    total_items: WholeNumber | None = None
