"""Models read leniently (unknown fields and values survive) and never send read-only fields."""

from __future__ import annotations

from datetime import date

from porting_tui.client import (
    EndUser,
    EstVoice,
    FaxVoice,
    NumberStatus,
    Order,
    OrderListItem,
    OrderStatus,
    PortOutInfo,
    RtcVoice,
    UnknownVoice,
    order_request_body,
)
from tests.client.fake_api import FakeApi, make_client
from tests.client.samples import ACCOUNT, PIN, number_json, order_json


async def test_an_unknown_order_status_is_kept_not_fatal() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns/1", order_json(1, status="ON_HOLD"), contract=False)
    async with make_client(api) as client:
        order = await client.orders.get(1)
    assert order.status == "ON_HOLD"
    assert order.status not in set(OrderStatus)


def test_known_statuses_compare_equal_to_the_enum() -> None:
    item = OrderListItem.model_validate({"id": 1, "status": "PENDING_CANCELATION"})
    assert item.status == OrderStatus.PENDING_CANCELATION
    assert item.phone_number_quantity == 0


def test_an_unknown_number_status_is_kept() -> None:
    body = order_json()
    body["phoneNumbers"][0]["status"] = "PORTING_HOLD"
    order = Order.model_validate(body)
    assert order.phone_numbers[0].status == "PORTING_HOLD"
    assert order.phone_numbers[1].status == NumberStatus.PENDING


def test_voice_configuration_is_chosen_by_type() -> None:
    def voice(config: dict[str, str]) -> object:
        body = number_json()
        body["voiceConfiguration"] = config
        return (
            Order.model_validate(order_json(phoneNumbers=[body]))
            .phone_numbers[0]
            .voice_configuration
        )

    assert voice({"type": "RTC", "appId": "a"}) == RtcVoice(app_id="a")
    assert voice({"type": "EST", "trunkId": "t"}) == EstVoice(trunk_id="t")
    assert voice({"type": "FAX", "serviceId": "s"}) == FaxVoice(service_id="s")


def test_an_unknown_voice_type_is_kept_with_its_fields_and_sent_back_unchanged() -> None:
    body = number_json()
    body["voiceConfiguration"] = {"type": "TEAMS", "tenantId": "t-9"}
    order = Order.model_validate(order_json(phoneNumbers=[body]))
    voice = order.phone_numbers[0].voice_configuration
    assert isinstance(voice, UnknownVoice)
    assert voice.type == "TEAMS"
    sent = order_request_body(order)["phoneNumbers"][0]["voiceConfiguration"]
    assert sent == {"type": "TEAMS", "tenantId": "t-9"}


def test_unknown_fields_survive_at_every_level() -> None:
    body = order_json(priority="HIGH")
    body["phoneNumbers"][0]["endUser"]["county"] = "Sangamon"
    body["desiredPortSchedule"]["window"] = "night"
    order = Order.model_validate(body)
    sent = order_request_body(order)
    assert sent["priority"] == "HIGH"
    assert sent["phoneNumbers"][0]["endUser"]["county"] == "Sangamon"
    assert sent["desiredPortSchedule"]["window"] == "night"


def test_empty_timestamps_read_as_none() -> None:
    body = number_json()
    body["focDate"] = ""
    body["activatedDate"] = ""
    order = Order.model_validate(order_json(phoneNumbers=[body]))
    assert order.phone_numbers[0].foc_date is None
    assert order.phone_numbers[0].activated_date is None


def test_round_trip_keeps_dates_in_the_api_format() -> None:
    order = Order.model_validate(order_json())
    sent = order_request_body(order)
    assert sent["desiredPortSchedule"]["desiredPortDate"] == "2025-01-31"
    assert sent["loaAttachmentDate"] == "2024-09-24T12:00:00Z"
    assert sent["phoneNumbers"][0]["portOutInfo"]["authorizingDate"] == "2024-09-01"


def test_snake_case_and_camel_case_both_populate_models() -> None:
    assert (
        EndUser(street_num="1").street_num == EndUser.model_validate({"streetNum": "1"}).street_num
    )


def test_port_out_secrets_stay_out_of_reprs() -> None:
    order = Order.model_validate(order_json())
    text = repr(order) + str(order)
    assert PIN not in text
    assert ACCOUNT not in text
    assert PIN not in repr(PortOutInfo(existing_port_out_pin=PIN))


def test_order_list_counts_default_to_zero_when_missing_or_null() -> None:
    item = OrderListItem.model_validate({"id": 3, "status": "PENDING", "focQuantity": None,
                                         "createdDate": "2024-09-24"})  # fmt: skip
    assert (item.foc_quantity, item.excluded_quantity) == (0, 0)
    assert item.created_date == date(2024, 9, 24)
