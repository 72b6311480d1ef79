"""Order summaries and pages of the order list."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from porting_tui.client.models.base import OptionalDay, PortingModel


def _none_as_zero(value: Any) -> Any:
    return 0 if value is None else value


Count = Annotated[int, BeforeValidator(_none_as_zero)]


class OrderListItem(PortingModel):
    """One row of the order list: a summary with counts of numbers per status."""

    id: int
    status: str
    """An ``OrderStatus`` value, or a newer one this client does not know."""
    customer_order_reference: str | None = None
    created_date: OptionalDay = None
    phone_number_quantity: Count = 0
    foc_quantity: Count = 0
    """Numbers with a Firm Order Commitment (status ``CONFIRMED``)."""
    activated_quantity: Count = 0
    rejected_quantity: Count = 0
    excluded_quantity: Count = 0


class OrderPage(PortingModel):
    """One page of the order list with the server's paging figures."""

    orders: list[OrderListItem] = Field(default_factory=list)
    page: int | None = None
    page_size: int | None = None
    total_pages: int | None = None
    total_items: int | None = None
