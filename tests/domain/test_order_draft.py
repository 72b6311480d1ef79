"""A draft's shared values, per-number overrides, and the exact body built from them."""

from __future__ import annotations

from porting_tui.domain.order_draft import OrderDraft, build_new_order, order_body

ADDRESS = {
    "endUser.name": "Acme Inc",
    "endUser.streetNum": "233",
    "endUser.streetName": "Wacker",
    "endUser.city": "Chicago",
    "endUser.state": "il",
    "endUser.zipCode": "60606",
    "portOutInfo.existingPortOutPin": "1111",
}


def draft_with(numbers: list[str]) -> OrderDraft:
    draft = OrderDraft(numbers=numbers)
    draft.common.update(ADDRESS)
    draft.order.update(
        {
            "desiredPortSchedule.desiredPortDate": "2026-11-30",
            "desiredPortSchedule.desiredPortTime": "9:30",
            "desiredPortSchedule.desiredPortTimeZone": "US/Central",
            "customerOrderReference": "ACME-1",
        }
    )
    return draft


def test_an_override_wins_for_its_number_only() -> None:
    draft = draft_with(["+13125550100", "+13125550101"])
    draft.set_value("+13125550101", "portOutInfo.existingPortOutPin", "2222")
    assert draft.values_for("+13125550100")["portOutInfo.existingPortOutPin"] == "1111"
    assert draft.values_for("+13125550101")["portOutInfo.existingPortOutPin"] == "2222"


def test_an_override_equal_to_the_shared_value_is_not_kept() -> None:
    draft = draft_with(["+13125550100"])
    draft.set_value("+13125550100", "endUser.city", "Chicago")
    assert draft.overrides == {}


def test_a_number_with_its_own_voice_route_does_not_mix_in_the_shared_one() -> None:
    draft = draft_with(["+13125550100", "+13125550101"])
    draft.common.update({"voiceConfiguration.type": "RTC", "voiceConfiguration.id": "app-1"})
    draft.set_value("+13125550101", "voiceConfiguration.type", "FAX")
    body = order_body(draft)
    assert body["phoneNumbers"][0]["voiceConfiguration"] == {"type": "RTC", "appId": "app-1"}
    assert body["phoneNumbers"][1]["voiceConfiguration"] == {"type": "FAX"}


def test_the_body_has_the_api_names_and_normalized_values() -> None:
    draft = draft_with(["+13125550100"])
    draft.common.update(
        {
            "smsConfiguration.smsAppId": "sms-1",
            "features.e911.city": "Chicago",
            "endUser.streetType": " ",
        }
    )
    draft.order["loaAttachmentDate"] = "2026-11-26"
    draft.order["resellerName"] = "Not needed for US numbers"
    body = order_body(draft)
    assert body["desiredPortSchedule"] == {
        "desiredPortDate": "2026-11-30",
        "desiredPortTime": "09:30:00",
        "desiredPortTimeZone": "US/Central",
    }
    assert body["loaAttachmentDate"] == "2026-11-26T00:00:00Z"
    assert "resellerName" not in body
    number = body["phoneNumbers"][0]
    assert number["endUser"]["state"] == "IL"
    assert "streetType" not in number["endUser"]
    assert number["smsConfiguration"] == {"smsAppId": "sms-1"}
    assert number["features"] == {"e911": {"city": "Chicago"}}
    assert build_new_order(draft).phone_numbers[0].end_user.zip_code == "60606"


def test_the_reseller_is_sent_for_canadian_numbers() -> None:
    draft = draft_with(["+14165550123"])
    draft.order["resellerName"] = "Maple Telecom"
    assert draft.needs_reseller
    assert order_body(draft)["resellerName"] == "Maple Telecom"


def test_removed_numbers_take_their_values_with_them() -> None:
    draft = draft_with(["+13125550100", "+13125550000"])
    draft.set_value("+13125550000", "endUser.city", "Evanston")
    draft.remove_numbers({"+13125550000"})
    assert draft.numbers == ["+13125550100"]
    assert draft.numbers_text == "+13125550100"
    assert draft.overrides == {}


def test_a_draft_survives_a_json_round_trip() -> None:
    draft = draft_with(["+13125550100"])
    draft.set_value("+13125550100", "endUser.city", "Evanston")
    assert OrderDraft.model_validate_json(draft.model_dump_json()) == draft
