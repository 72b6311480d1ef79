"""Orders are checked before any I/O, and every problem is reported as a field violation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from porting_tui.client import (
    DesiredPortSchedule,
    EndUser,
    NewPhoneNumber,
    PortingValidationError,
    PortOutInfo,
    check_order,
    is_nanp_e164,
    normalize_phone_number,
    order_violations,
)
from tests.client.samples import new_order

TODAY = date(2024, 9, 24)


def _fields(order: object) -> list[str]:
    return [v.field for v in order_violations(order, today=TODAY)]  # type: ignore[arg-type]


def test_a_complete_order_has_no_violations() -> None:
    assert order_violations(new_order(), today=TODAY) == []


@pytest.mark.parametrize("number", ["+12025550123", "+19999999999", "+12342342345"])
def test_nanp_numbers_pass(number: str) -> None:
    assert is_nanp_e164(number)


@pytest.mark.parametrize(
    "number",
    ["2025550123", "+1202555012", "+120255501234", "+11025550123", "+12021550123",
     "+442071234567", "+1 202 555 0123", "+12025550123\n"],
)  # fmt: skip
def test_other_numbers_fail(number: str) -> None:
    assert not is_nanp_e164(number)
    assert _fields(new_order(number)) == ["phoneNumbers[0].phoneNumber"]


def test_duplicate_numbers_are_reported() -> None:
    assert _fields(new_order("+12025550123", "+12025550123")) == ["phoneNumbers[1].phoneNumber"]


def test_more_than_500_numbers_are_refused() -> None:
    phones = [f"+1202555{i:04d}" for i in range(501)]
    assert _fields(new_order(*phones)) == ["phoneNumbers"]
    assert _fields(new_order(*phones[:500])) == []


def test_customer_order_reference_is_at_most_100_characters() -> None:
    assert _fields(new_order(customer_order_reference="r" * 100)) == []
    assert _fields(new_order(customer_order_reference="r" * 101)) == ["customerOrderReference"]


def test_an_order_without_numbers_is_refused() -> None:
    assert _fields(new_order(phone_numbers=[])) == ["phoneNumbers"]


def test_every_missing_end_user_field_is_reported() -> None:
    order = new_order(phone_numbers=[NewPhoneNumber(phone_number="+12025550123")])
    assert _fields(order) == [
        "phoneNumbers[0].endUser.name",
        "phoneNumbers[0].endUser.streetNum",
        "phoneNumbers[0].endUser.streetName",
        "phoneNumbers[0].endUser.city",
        "phoneNumbers[0].endUser.state",
        "phoneNumbers[0].endUser.zipCode",
    ]


def test_blank_end_user_fields_count_as_missing() -> None:
    order = new_order()
    order.phone_numbers[0].end_user.city = "   "
    assert _fields(order) == ["phoneNumbers[0].endUser.city"]


@pytest.mark.parametrize("state", ["Illinois", "I", "1L"])
def test_state_must_be_two_letters(state: str) -> None:
    order = new_order()
    order.phone_numbers[0].end_user = EndUser(
        name="A", street_num="1", street_name="Main", city="X", state=state, zip_code="1"
    )
    assert _fields(order) == ["phoneNumbers[0].endUser.state"]


def test_type_of_service_must_be_b_or_r() -> None:
    order = new_order()
    order.phone_numbers[0].end_user.type_of_service = "X"
    assert _fields(order) == ["phoneNumbers[0].endUser.typeOfService"]


def test_time_zone_must_be_documented() -> None:
    order = new_order(
        desired_port_schedule=DesiredPortSchedule(
            desired_port_date=date(2025, 1, 31), desired_port_time_zone="US/Centra"
        )
    )
    assert _fields(order) == ["desiredPortSchedule.desiredPortTimeZone"]


@pytest.mark.parametrize("zone", ["US/Eastern", "US/Central", "US/Mountain", "US/Pacific", "GMT"])
def test_every_documented_time_zone_passes(zone: str) -> None:
    order = new_order(
        desired_port_schedule=DesiredPortSchedule(
            desired_port_date=date(2025, 1, 31), desired_port_time_zone=zone
        )
    )
    assert _fields(order) == []


def test_desired_port_time_must_be_hh_mm_ss() -> None:
    order = new_order(
        desired_port_schedule=DesiredPortSchedule(
            desired_port_date=date(2025, 1, 31), desired_port_time="9:00"
        )
    )
    assert _fields(order) == ["desiredPortSchedule.desiredPortTime"]


def test_desired_port_date_is_required() -> None:
    assert _fields(new_order(desired_port_schedule=None)) == ["desiredPortSchedule.desiredPortDate"]


def test_authorizing_date_may_be_today_but_not_later() -> None:
    order = new_order()
    order.phone_numbers[0].port_out_info = PortOutInfo(authorizing_date=TODAY)
    assert _fields(order) == []
    order.phone_numbers[0].port_out_info = PortOutInfo(authorizing_date=TODAY + timedelta(days=1))
    assert _fields(order) == ["phoneNumbers[0].portOutInfo.authorizingDate"]


def test_check_order_raises_with_every_violation() -> None:
    order = new_order("bad", desired_port_schedule=None)
    with pytest.raises(PortingValidationError) as caught:
        check_order(order)
    assert len(caught.value.field_violations) == 2
    assert "phoneNumbers[0].phoneNumber" in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("(202) 555-0123", "+12025550123"), ("1-202-555-0123", "+12025550123"),
     ("+1 312 555 0199", "+13125550199")],
)  # fmt: skip
def test_typed_numbers_are_normalized_to_e164(typed: str, expected: str) -> None:
    assert normalize_phone_number(typed) == expected


@pytest.mark.parametrize("typed", ["hello", "+44 20 7123 4567", "555-0123"])
def test_numbers_that_are_not_nanp_cannot_be_normalized(typed: str) -> None:
    with pytest.raises(PortingValidationError):
        normalize_phone_number(typed)
