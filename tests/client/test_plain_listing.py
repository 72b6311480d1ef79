"""The order list's plain readers agree with pydantic models of the same fields, value for value.

``OrderListItem`` and ``OrderPage`` are read by hand so that the app's start and ``orders list``
need no pydantic. The reference models below are the pydantic models they replaced, on the
same base, dates and degrading lists as every other model of the client: for any page
(generated, with odd values in every field), both readings give the same rows, the same
unreadable rows with the same reasons, the same dumps, and refuse the same bodies.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BeforeValidator, Field, ValidationError

from porting_tui.client.models import OrderListItem, OrderPage
from porting_tui.client.models.base import PortingModel, WholeNumber
from porting_tui.client.models.dates import OptionalDay
from porting_tui.client.models.degrade import EMPTY_WHEN_NULL, DegradableModel, degrade_to
from porting_tui.client.models.lenient_values import UNREADABLE_STATUS, BodyUnreadable

Count = Annotated[WholeNumber, BeforeValidator(lambda value: 0 if value is None else value)]


class ReferenceRow(DegradableModel):
    id: WholeNumber
    status: str | None = None
    customer_order_reference: str | None = None
    created_date: OptionalDay = None
    phone_number_quantity: Count = 0
    foc_quantity: Count = 0
    activated_quantity: Count = 0
    rejected_quantity: Count = 0
    excluded_quantity: Count = 0

    @classmethod
    def _placeholders(cls) -> dict[str, Any]:
        return {"id": 0, "status": UNREADABLE_STATUS}


class ReferencePage(PortingModel):
    orders: Annotated[list[ReferenceRow], EMPTY_WHEN_NULL, degrade_to(ReferenceRow)] = Field(
        default_factory=list
    )
    page: WholeNumber | None = None
    page_size: WholeNumber | None = None
    total_pages: WholeNumber | None = None
    total_items: WholeNumber | None = None


ROW_KEYS = (
    "id",
    "status",
    "customerOrderReference",
    "createdDate",
    "phoneNumberQuantity",
    "focQuantity",
    "activatedQuantity",
    "rejectedQuantity",
    "excludedQuantity",
    "customer_order_reference",
    "focQuantityV2",
)
ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([1.0, 2.5, -0.0, 1e19, 9.2e18, 890192331.0]),
    st.sampled_from(
        [
            "12",
            " 12 ",
            "\u00a012\u2003",
            "\x0c7",
            "7\x00",
            "１２",
            "-0.000",
            "12.0",
            "12.00",
            "1_000",
            "1__0",
            "_1",
            "+5",
            "-3",
            "12.",
            "1e3",
            "0x10",
        ]
    ),
    st.sampled_from(["", "abc", "١٢", "2024-09-24", "2024-09-24T12:00:00Z", "2024-13-01"]),
    st.sampled_from(["PENDING", "ON_HOLD", "2024-09-24T12:00:00.123+02:00", "R-1"]),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(["a", "b"]), st.integers(), max_size=2),
    st.text(max_size=6),
)
ROWS = st.one_of(
    st.dictionaries(st.sampled_from(ROW_KEYS), ODD_VALUES, max_size=len(ROW_KEYS)),
    st.fixed_dictionaries({"id": st.integers(0, 10**12), "status": st.sampled_from(["PENDING"])}),
    ODD_VALUES,
)
PAGES = st.fixed_dictionaries(
    {"orders": st.one_of(st.none(), st.lists(ROWS, max_size=6))},
    optional={
        "page": ODD_VALUES,
        "pageSize": st.integers(1, 1000),
        "totalItems": st.one_of(st.none(), st.integers(0, 10**6), st.just(3.0)),
        "nextPageToken": st.text(max_size=4),
    },
)
DUMPS = [
    {},
    {"by_alias": True},
    {"mode": "json", "by_alias": True},
    {"mode": "json", "by_alias": True, "exclude_none": True},
]


def both_readings(body: Any) -> tuple[Any, Any]:
    """(reference page or "refused", plain page or "refused") of the JSON of ``body``."""
    text = json.dumps(body)
    try:
        reference: Any = ReferencePage.model_validate_json(text)
    except ValidationError:
        reference = "refused"
    try:
        plain: Any = OrderPage.model_validate_json(text)
    except BodyUnreadable:
        plain = "refused"
    return reference, plain


def assert_same_row(reference: ReferenceRow, plain: OrderListItem) -> None:
    for name in ReferenceRow.model_fields:
        assert getattr(plain, name) == getattr(reference, name), name
        assert type(getattr(plain, name)) is type(getattr(reference, name)), name
    # pydantic names the class in one message: the reference's name is not the plain one's.
    expected = reference.unreadable and reference.unreadable.replace(
        "ReferenceRow", "OrderListItem"
    )
    assert plain.unreadable == expected
    assert plain.raw_entry == reference.raw_entry
    for options in DUMPS:
        assert plain.model_dump(**options) == reference.model_dump(**options), options


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(PAGES)
def test_any_page_reads_as_the_pydantic_model_reads_it(body: dict[str, Any]) -> None:
    reference, plain = both_readings(body)
    if reference == "refused" or plain == "refused":
        assert reference == plain
        return
    assert len(plain.orders) == len(reference.orders)
    for reference_row, plain_row in zip(reference.orders, plain.orders, strict=True):
        assert_same_row(reference_row, plain_row)
    for name in ("page", "page_size", "total_pages", "total_items"):
        assert getattr(plain, name) == getattr(reference, name)
    for options in DUMPS:
        assert plain.model_dump(**options) == reference.model_dump(**options)


@pytest.mark.parametrize(
    "body", [[], "page", 42, None, {"orders": {}}, {"orders": 1}, {"orders": [], "page": 1.5}]
)
def test_a_body_that_is_not_a_page_is_refused_by_both(body: Any) -> None:
    assert both_readings(body) == ("refused", "refused")


def test_text_that_is_not_json_is_refused_as_not_json() -> None:
    with pytest.raises(BodyUnreadable) as caught:
        OrderPage.model_validate_json("{orders")
    assert caught.value.not_json


def test_a_row_read_alone_raises_on_what_it_cannot_read() -> None:
    assert OrderListItem.model_validate({"id": "7", "focQuantity": None}).id == 7
    with pytest.raises(ValueError, match=r"^id: Input should be a valid integer"):
        OrderListItem.model_validate({"id": 1.5})
