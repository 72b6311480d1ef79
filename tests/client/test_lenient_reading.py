"""Liberal in what the client reads: every date field in every form, whole floats, missing and
unknown fields, unknown enum values, and entries that cannot be read; strict in what it sends."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from porting_tui.client import (
    TIME_ZONES,
    ActivationGroup,
    NewOrder,
    Order,
    OrderPage,
    PortingValidationError,
    WebhookEvent,
    WireText,
    check_order,
    date_text,
    day_of,
    is_unreadable,
    moment_of,
    order_request_body,
)
from tests.client.fake_api import FakeApi, body_of, make_client
from tests.client.samples import order_json
from tests.contract.validator import validate_request

# (wire value, the day it stands for, the moment it stands for)
VARIANTS: dict[str, tuple[str, date, datetime]] = {
    "date": ("2024-09-24", date(2024, 9, 24), datetime(2024, 9, 24, 12, tzinfo=UTC)),
    "date-time Z": (
        "2024-09-24T12:00:00Z",
        date(2024, 9, 24),
        datetime(2024, 9, 24, 12, tzinfo=UTC),
    ),
    "fraction": (
        "2024-09-24T12:00:00.123Z",
        date(2024, 9, 24),
        datetime(2024, 9, 24, 12, 0, 0, 123000, tzinfo=UTC),
    ),
    "seven-digit fraction": (
        "2024-09-24T12:00:00.1234567Z",
        date(2024, 9, 24),
        datetime(2024, 9, 24, 12, 0, 0, 123456, tzinfo=UTC),
    ),
    "offset": (
        "2024-09-24T23:30:00-05:00",
        date(2024, 9, 24),
        datetime(2024, 9, 24, 23, 30, tzinfo=timezone(timedelta(hours=-5))),
    ),
    "naive": ("2024-09-24T12:00:00", date(2024, 9, 24), datetime(2024, 9, 24, 12, tzinfo=UTC)),
}
GARBAGE = "next Tuesday-ish"
DAY_FIELDS = ("createdDate", "portOutInfo.authorizingDate", "desiredPortSchedule.desiredPortDate")
MOMENT_FIELDS = (
    "loaAttachmentDate",
    "focDate",
    "confirmedDate",
    "activatedDate",
    "exclusionDate",
    "notes.createdTime",
)


def _order_with(field: str, value: Any) -> dict[str, Any]:
    body = order_json(900001)
    number = body["phoneNumbers"][0]
    if field == "portOutInfo.authorizingDate":
        number["portOutInfo"]["authorizingDate"] = value
    elif field == "desiredPortSchedule.desiredPortDate":
        body["desiredPortSchedule"]["desiredPortDate"] = value
    elif field == "notes.createdTime":
        body["notes"] = [{"note": "hi", "createdTime": value, "createdBy": "Sinch"}]
    elif field in ("focDate", "confirmedDate", "activatedDate", "exclusionDate"):
        number[field] = value
    else:
        body[field] = value
    return body


def _read(order: Order, field: str) -> Any:
    number = order.phone_numbers[0]
    port_out = number.port_out_info
    return {
        "createdDate": order.created_date,
        "portOutInfo.authorizingDate": port_out.authorizing_date if port_out else None,
        "desiredPortSchedule.desiredPortDate": order.desired_port_schedule.desired_port_date,
        "loaAttachmentDate": order.loa_attachment_date,
        "focDate": number.foc_date,
        "confirmedDate": number.confirmed_date,
        "activatedDate": number.activated_date,
        "exclusionDate": number.exclusion_date,
        "notes.createdTime": order.notes[0].created_time if order.notes else None,
    }[field]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("field", DAY_FIELDS)
def test_a_day_field_reads_every_date_form_as_its_calendar_day(field: str, variant: str) -> None:
    wire, day, _moment = VARIANTS[variant]
    value = _read(Order.model_validate(_order_with(field, wire)), field)
    # The day as written, even when UTC would make it another day (the offset variant).
    assert value == day
    assert type(value) is date


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("field", MOMENT_FIELDS)
def test_a_moment_field_reads_every_date_form_as_an_aware_moment(field: str, variant: str) -> None:
    wire, _day, moment = VARIANTS[variant]
    value = _read(Order.model_validate(_order_with(field, wire)), field)
    assert value == moment
    assert isinstance(value, datetime)
    assert value.tzinfo is not None


@pytest.mark.parametrize("field", DAY_FIELDS + MOMENT_FIELDS)
def test_a_date_that_cannot_be_read_is_kept_as_sent(field: str) -> None:
    value = _read(Order.model_validate(_order_with(field, GARBAGE)), field)
    assert value == GARBAGE
    assert isinstance(value, WireText)
    assert is_unreadable(value)
    assert date_text(value) == GARBAGE
    assert day_of(value) is None
    assert moment_of(value) is None


@pytest.mark.parametrize("field", DAY_FIELDS[:2] + MOMENT_FIELDS)
def test_an_empty_or_null_date_reads_as_not_set(field: str) -> None:
    for value in ("", "  ", None):
        assert _read(Order.model_validate(_order_with(field, value)), field) is None


def test_a_number_where_a_date_belongs_is_kept_as_its_text() -> None:
    order = Order.model_validate(_order_with("createdDate", 20240924))
    assert order.created_date == "20240924"
    assert is_unreadable(order.created_date)


@pytest.mark.parametrize("variant", VARIANTS)
def test_date_fields_of_a_webhook_and_an_activation_group_read_every_form(variant: str) -> None:
    wire, _day, moment = VARIANTS[variant]
    event = WebhookEvent.model_validate(
        {
            "type": "NUMBERS_CONFIRMED",
            "orderId": 7,
            "phoneNumbers": [{"phoneNumber": "+12025550123", "confirmedDate": wire}],
        }
    )
    assert event.phone_numbers is not None
    assert event.phone_numbers[0].confirmed_date == moment
    group = ActivationGroup.model_validate({"phoneNumberGroup": "G1", "focDate": wire})
    assert group.foc_date == moment


def test_days_are_sent_as_dates_and_moments_in_utc_with_a_z() -> None:
    body = _order_with("portOutInfo.authorizingDate", "2024-09-24T23:30:00-05:00")
    body["desiredPortSchedule"]["desiredPortDate"] = "2025-01-31T00:00:00Z"
    body["loaAttachmentDate"] = "2024-09-24T23:30:00-05:00"
    sent = order_request_body(Order.model_validate(body))
    assert sent["phoneNumbers"][0]["portOutInfo"]["authorizingDate"] == "2024-09-24"
    assert sent["desiredPortSchedule"]["desiredPortDate"] == "2025-01-31"
    assert sent["loaAttachmentDate"] == "2024-09-25T04:30:00Z"
    validate_request("PUT", "/orders/portIns/900001", sent)


def test_an_unreadable_loa_date_is_left_out_of_a_request() -> None:
    sent = order_request_body(Order.model_validate(_order_with("loaAttachmentDate", GARBAGE)))
    assert "loaAttachmentDate" not in sent
    validate_request("PUT", "/orders/portIns/900001", sent)


@pytest.mark.parametrize(
    "field", ["portOutInfo.authorizingDate", "desiredPortSchedule.desiredPortDate"]
)
def test_an_unreadable_date_the_order_would_send_is_refused_before_sending(field: str) -> None:
    order = Order.model_validate(_order_with(field, GARBAGE))
    with pytest.raises(PortingValidationError) as caught:
        check_order(order, today=date(2026, 1, 1))
    assert any(v.field.endswith(field.split(".")[-1]) for v in caught.value.field_violations)


def test_whole_floats_read_as_ids_and_counts() -> None:
    page = OrderPage.model_validate(
        {
            "orders": [
                {"id": 890192331.0, "status": "PENDING", "phoneNumberQuantity": 3.0,
                 "focQuantity": "2.0", "activatedQuantity": 1, "rejectedQuantity": None}
            ],
            "page": 1.0, "totalPages": 2.0, "pageSize": 100.0, "totalItems": 101.0,
        }
    )  # fmt: skip
    row = page.orders[0]
    assert (row.id, row.phone_number_quantity, row.foc_quantity) == (890192331, 3, 2)
    assert row.rejected_quantity == 0
    assert (page.page, page.total_pages, page.page_size, page.total_items) == (1, 2, 100, 101)
    order = Order.model_validate({**order_json(1), "id": 890192331.0, "documents": [{"id": 12.0}]})
    assert order.id == 890192331
    assert order.documents[0].id == 12


def test_a_fractional_id_makes_only_its_row_unreadable() -> None:
    page = OrderPage.model_validate({"orders": [{"id": 1.5}, {"id": 2, "status": "PENDING"}]})
    assert page.orders[0].unreadable is not None
    assert page.orders[1].unreadable is None


def test_optional_fields_may_be_missing() -> None:
    order = Order.model_validate({"desiredPortSchedule": {"desiredPortDate": "2025-01-31"}})
    assert order.status is None
    assert order.phone_numbers == []
    number = Order.model_validate(
        {
            "id": 5,
            "desiredPortSchedule": {"desiredPortDate": "2025-01-31"},
            "phoneNumbers": [{"phoneNumber": "+12025550123"}],
        }
    ).phone_numbers[0]
    assert number.unreadable is None
    assert number.status == "PENDING"  # the API's documented default
    assert ActivationGroup.model_validate({}).phone_number_group is None
    row = OrderPage.model_validate({"orders": [{"id": 3}]}).orders[0]
    assert (row.status, row.created_date, row.phone_number_quantity) == (None, None, 0)


def test_null_lists_read_as_empty() -> None:
    order = Order.model_validate(
        {**order_json(1), "phoneNumbers": None, "notes": None, "documents": None}
    )
    assert (order.phone_numbers, order.notes, order.documents) == ([], [], [])
    assert OrderPage.model_validate({"orders": None}).orders == []


def test_unknown_enum_values_are_kept() -> None:
    body = order_json(1, status="ON_HOLD")
    body["phoneNumbers"][0]["status"] = "PORTING_IN_PROGRESS"
    body["desiredPortSchedule"]["desiredPortTimeZone"] = "US/Hawaii"
    body["phoneNumbers"][0]["voiceConfiguration"] = {"type": "SIP", "uri": "sip:x@y"}
    order = Order.model_validate(body)
    assert order.status == "ON_HOLD"
    assert order.phone_numbers[0].status == "PORTING_IN_PROGRESS"
    assert order.desired_port_schedule.desired_port_time_zone == "US/Hawaii"
    sent = order_request_body(order)
    assert sent["phoneNumbers"][0]["voiceConfiguration"] == {"type": "SIP", "uri": "sip:x@y"}


def test_unknown_fields_are_kept_at_every_level() -> None:
    body = order_json(1)
    body["portingRegion"] = "US"
    body["phoneNumbers"][0]["carrierTicket"] = "VZ-771"
    body["phoneNumbers"][0]["portOutInfo"]["pinHint"] = "last four"
    order = Order.model_validate(body)
    sent = order_request_body(order)
    assert sent["portingRegion"] == "US"
    assert sent["phoneNumbers"][0]["carrierTicket"] == "VZ-771"
    assert sent["phoneNumbers"][0]["portOutInfo"]["pinHint"] == "last four"


def test_a_number_that_cannot_be_read_degrades_alone() -> None:
    body = order_json(1)
    broken = {"phoneNumber": "+12025550124", "status": "CONFIRMED", "endUser": "Acme"}
    body["phoneNumbers"] = [body["phoneNumbers"][0], broken, "+12025550125"]
    order = Order.model_validate(body)
    good, odd, bare = order.phone_numbers
    assert good.unreadable is None
    assert odd.unreadable is not None and odd.unreadable.startswith("endUser:")
    assert (odd.phone_number, odd.status, odd.raw_entry) == ("+12025550124", "CONFIRMED", broken)
    assert bare.unreadable is not None
    assert (bare.phone_number, bare.status, bare.raw_entry) == ("", "UNREADABLE", "+12025550125")
    # Written back exactly as received: a full replace never drops it silently.
    dumped = order.model_dump(by_alias=True, mode="json", exclude_none=True)
    assert dumped["phoneNumbers"][1:] == [broken, "+12025550125"]
    assert order.model_copy(deep=True).phone_numbers[1].unreadable == odd.unreadable


def test_the_reason_of_an_unreadable_number_never_echoes_its_values() -> None:
    body = order_json(1)
    body["phoneNumbers"][0]["portOutInfo"] = {"existingPortOutPin": 86421357}
    number = Order.model_validate(body).phone_numbers[0]
    assert number.unreadable is not None
    assert "86421357" not in number.unreadable


def test_an_order_with_an_unreadable_number_is_not_sent_back() -> None:
    body = order_json(1)
    body["phoneNumbers"].append({"phoneNumber": "+12025550124", "endUser": ["x"]})
    with pytest.raises(PortingValidationError) as caught:
        check_order(Order.model_validate(body), today=date(2026, 1, 1))
    assert [v.field for v in caught.value.field_violations] == ["phoneNumbers[2]"]
    assert "could not be read" in caught.value.field_violations[0].description


def test_a_list_row_that_cannot_be_read_never_sinks_the_page() -> None:
    page = OrderPage.model_validate(
        {
            "orders": [
                {"id": 1, "status": "PENDING"},
                {"id": "abc", "status": "PENDING", "customerOrderReference": "R-2"},
                42,
                {"id": 4, "customerOrderReference": ["not", "text"]},
            ],
            "page": 1,
            "totalPages": 1,
        }
    )
    first, no_id, number, odd_reference = page.orders
    assert first.unreadable is None
    assert (no_id.id, no_id.status, no_id.customer_order_reference) == (0, "PENDING", "R-2")
    assert no_id.unreadable is not None and no_id.unreadable.startswith("id:")
    assert (number.id, number.status, number.raw_entry) == (0, "UNREADABLE", 42)
    assert (odd_reference.id, odd_reference.unreadable is not None) == (4, True)


def test_a_note_or_document_that_cannot_be_read_degrades_alone() -> None:
    body = order_json(1)
    body["notes"] = [{"note": ["?"]}, {"note": "fine"}]
    body["documents"] = [{"id": "x"}, {"id": 3}]
    order = Order.model_validate(body)
    assert [n.unreadable is None for n in order.notes] == [False, True]
    assert [d.unreadable is None for d in order.documents] == [False, True]


async def test_get_merge_put_keeps_unknown_fields_and_sends_normalised_dates() -> None:
    body = order_json(900001, status="PENDING")
    body["portingRegion"] = "US"
    body["createdDate"] = "2024-09-24T12:00:00Z"
    body["loaAttachmentDate"] = "2024-09-24T12:00:00Z"
    number = body["phoneNumbers"][0]
    number["status"] = "PENDING"
    number["carrierTicket"] = "VZ-771"
    number["portOutInfo"]["authorizingDate"] = "2024-09-24T12:00:00Z"
    api = FakeApi()
    api.add("GET", "/orders/portIns/900001", body, contract=False)
    api.add("PUT", "/orders/portIns/900001", order_json(900001, status="PENDING"))

    def change(order: Order) -> None:
        order.customer_order_reference = "NEW-REF"

    async with make_client(api) as client:
        await client.orders.edit(900001, change)
    (put,) = api.sent("PUT")
    sent = body_of(put)  # the fake API has validated it against the contract
    assert sent["customerOrderReference"] == "NEW-REF"
    assert sent["portingRegion"] == "US"
    assert sent["loaAttachmentDate"] == "2024-09-24T12:00:00Z"
    assert sent["phoneNumbers"][0]["carrierTicket"] == "VZ-771"
    assert sent["phoneNumbers"][0]["portOutInfo"]["authorizingDate"] == "2024-09-24"
    assert "createdDate" not in sent


async def test_an_order_answer_without_an_id_takes_the_id_of_its_path() -> None:
    body = order_json(900001)
    del body["id"]
    api = FakeApi()
    api.add("GET", "/orders/portIns/900001", body)
    async with make_client(api) as client:
        order = await client.orders.get(900001)
    assert order.id == 900001


async def test_a_page_with_a_bad_row_is_listed_whole_by_the_client() -> None:
    api = FakeApi()
    page = {
        "orders": [{"id": 1, "status": "PENDING"}, {"id": "abc"}, {"id": 3.0}],
        "page": 1,
        "totalPages": 1,
    }
    api.add("GET", "/orders/portIns", page, contract=False)
    async with make_client(api) as client:
        rows = [row async for row in client.orders.list()]
    assert [row.id for row in rows] == [1, 0, 3]
    assert [row.unreadable is None for row in rows] == [True, False, True]


def test_new_orders_still_serialise_dates_strictly() -> None:
    new = NewOrder.model_validate(
        {
            "desiredPortSchedule": {"desiredPortDate": date(2025, 1, 31)},
            "loaAttachmentDate": datetime(2024, 9, 24, 12, tzinfo=UTC),
        }
    )
    wire = json.loads(json.dumps(order_request_body(new)))
    assert wire["desiredPortSchedule"]["desiredPortDate"] == "2025-01-31"
    assert wire["loaAttachmentDate"] == "2024-09-24T12:00:00Z"


@pytest.mark.parametrize("zone", TIME_ZONES)
def test_a_bare_date_in_a_moment_field_stays_its_day_in_every_zone_of_the_api(zone: str) -> None:
    # A focDate of "2024-09-24" read as midnight UTC would fall on the 23rd in US zones, so an
    # operator would see the FOC a day early in Needs attention.
    order = Order.model_validate(_order_with("focDate", "2024-09-24"))
    moment = moment_of(order.phone_numbers[0].foc_date)
    assert moment is not None
    assert moment.astimezone(ZoneInfo(zone)).date() == date(2024, 9, 24)
