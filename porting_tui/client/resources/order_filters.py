"""Turn the keyword filters of the order list into the API's query parameters."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from porting_tui.client.errors import FieldViolation, PortingValidationError
from porting_tui.client.validation import order_id_path

DateLike = date | datetime | str
MAX_PAGE_SIZE = 1000


def _utc_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_bound(value: DateLike, *, end: bool, param: str) -> str:
    """An ISO date-time with Z for a filter bound.

    A plain date stands for the whole day: a start bound is its first second, an end bound
    its last, so that ``created_end=date(2024, 9, 30)`` still includes orders of the 30th.
    """
    if isinstance(value, str):
        text = value.strip()
        try:
            value = date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
        except ValueError:
            raise PortingValidationError(
                f"{param} is not a date",
                [FieldViolation(param, f"{value!r} is not an ISO date or date-time")],
            ) from None
    if isinstance(value, datetime):
        return _utc_text(value)
    return _utc_text(datetime.combine(value, time(23, 59, 59) if end else time(0, 0, 0)))


def order_list_params(
    *,
    page: int | str | None,
    page_size: int | None,
    order_id: int | str | None,
    status: str | None,
    customer_order_reference: str | None,
    created_start: DateLike | None,
    created_end: DateLike | None,
    phone_number: str | None,
    foc_start: DateLike | None,
    foc_end: DateLike | None,
) -> dict[str, str]:
    """The query string of ``GET /orders/portIns``; filters left as None are not sent."""
    params: dict[str, str] = {}
    if order_id is not None:
        params["orderId"] = order_id_path(order_id)
    if status:
        params["orderStatus"] = str(status)
    if customer_order_reference:
        params["customerOrderReference"] = customer_order_reference
    bounds = (
        ("createdDateStart", created_start, False),
        ("createdDateEnd", created_end, True),
        ("focStartDate", foc_start, False),
        ("focEndDate", foc_end, True),
    )
    for name, value, end in bounds:
        if value is not None:
            params[name] = iso_bound(value, end=end, param=name)
    if phone_number:
        params["phoneNumber"] = phone_number.strip()
    if page_size is not None:
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise PortingValidationError(
                "pageSize out of range",
                [FieldViolation("pageSize", f"must be between 1 and {MAX_PAGE_SIZE}")],
            )
        params["pageSize"] = str(page_size)
    if page is not None:
        params["page"] = str(page)
    return params
