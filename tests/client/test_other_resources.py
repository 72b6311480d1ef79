"""Portability checks, activation and configuration send the documented requests."""

from __future__ import annotations

import pytest

from porting_tui.client import (
    ActivationGroup,
    Configuration,
    Contact,
    EstVoice,
    GroupActivation,
    NotFoundError,
    PortabilityResult,
    PortingValidationError,
    RtcVoice,
)
from tests.client.fake_api import FakeApi, body_of, make_client

CONFIG = {
    "contact": {"name": "Ann Smith", "email": "ann@example.com", "phone": "+12025550100"},
    "webhookUrl": "https://hooks.example/porting",
    "defaultPortTime": "09:00:00",
    "defaultPortTimeZone": "US/Central",
}


async def test_portability_check_posts_the_numbers_and_reads_the_results() -> None:
    api = FakeApi()
    api.add(
        "POST",
        "/portabilityChecks",
        {
            "phoneNumbers": [
                {"phoneNumber": "+12025550123", "portable": True, "carrier": "T-Mobile",
                 "reason": ""},
                {"phoneNumber": "+13125550199", "portable": False, "carrier": "Verizon",
                 "reason": "Toll-free numbers are not portable"},
            ]
        },
    )  # fmt: skip
    async with make_client(api) as client:
        results = await client.portability.check(["+12025550123", "+13125550199"])
    assert api.requests[0].url.path == "/v1/projects/proj-1/portabilityChecks"
    assert body_of(api.requests[0]) == {"phoneNumbers": ["+12025550123", "+13125550199"]}
    assert results[0] == PortabilityResult(
        phone_number="+12025550123", portable=True, carrier="T-Mobile", reason=""
    )
    assert results[1].portable is False
    assert results[1].reason == "Toll-free numbers are not portable"


@pytest.mark.parametrize("numbers", [[], ["2025550123"], ["+442071234567"], "+12025550123"])
async def test_portability_check_refuses_bad_numbers_before_sending(numbers: list[str]) -> None:
    api = FakeApi()
    async with make_client(api) as client:
        with pytest.raises(PortingValidationError):
            await client.portability.check(numbers)
    assert api.requests == []


async def test_available_activations_lists_groups() -> None:
    api = FakeApi()
    api.add(
        "GET",
        "/orders/portIns/897867/availableActivations",
        [
            {
                "phoneNumberGroup": "GW Verizon Grp1",
                "focDate": "2024-10-01T14:00:00Z",
                "phoneNumbers": [
                    {"phoneNumber": "+12025550123",
                     "voiceConfiguration": {"type": "RTC", "appId": "app-1"},
                     "smsConfiguration": {"smsAppId": "sms-1"}},
                ],
            }
        ],
    )  # fmt: skip
    async with make_client(api) as client:
        groups = await client.activation.available(897867)
    assert api.requests[0].method == "GET"
    (group,) = groups
    assert isinstance(group, ActivationGroup)
    assert group.phone_number_group == "GW Verizon Grp1"
    assert group.foc_date is not None and group.foc_date.day == 1
    assert group.phone_numbers[0].voice_configuration == RtcVoice(app_id="app-1")


async def test_activate_without_groups_sends_no_body() -> None:
    api = FakeApi()
    api.add(
        "POST",
        "/orders/portIns/897867/activate",
        {"phoneNumberGroups": [{"phoneNumberGroup": "GW Verizon Grp1", "status": "ACTIVATED"}]},
    )
    async with make_client(api) as client:
        result = await client.activation.activate(897867)
    assert api.requests[0].content == b""
    assert result == [GroupActivation(phone_number_group="GW Verizon Grp1", status="ACTIVATED")]


async def test_activate_named_groups_sends_their_names() -> None:
    api = FakeApi()
    api.add("POST", "/orders/portIns/897867/activate", {"phoneNumberGroups": []})
    async with make_client(api) as client:
        await client.activation.activate("897867", ["GW Verizon Grp1", "GW AT&T Grp2"])
    assert body_of(api.requests[0]) == {"phoneNumberGroups": ["GW Verizon Grp1", "GW AT&T Grp2"]}


async def test_activate_with_an_empty_group_list_is_refused() -> None:
    api = FakeApi()
    async with make_client(api) as client:
        with pytest.raises(PortingValidationError):
            await client.activation.activate(897867, [])
    assert api.requests == []


async def test_configuration_get_reads_the_defaults() -> None:
    api = FakeApi()
    api.add("GET", "/configuration", CONFIG)
    async with make_client(api) as client:
        config = await client.configuration.get()
    assert api.requests[0].url.path == "/v1/projects/proj-1/configuration"
    assert config.contact == Contact(name="Ann Smith", email="ann@example.com",
                                     phone="+12025550100")  # fmt: skip
    assert config.default_port_time_zone == "US/Central"


async def test_configuration_get_before_any_exists_raises_not_found() -> None:
    api = FakeApi()
    api.add("GET", "/configuration", {"code": "404", "error": "Not found", "message": "none"},
            status=404)  # fmt: skip
    async with make_client(api) as client:
        with pytest.raises(NotFoundError):
            await client.configuration.get()


@pytest.mark.parametrize("method", ["POST", "PUT"])
async def test_configuration_create_and_update_send_the_whole_configuration(method: str) -> None:
    api = FakeApi()
    api.add(method, "/configuration", CONFIG)
    config = Configuration.model_validate(CONFIG)
    async with make_client(api) as client:
        action = client.configuration.create if method == "POST" else client.configuration.update
        result = await action(config)
    assert api.requests[0].method == method
    assert body_of(api.requests[0]) == CONFIG
    assert result == config


async def test_configuration_with_an_unknown_time_zone_is_refused() -> None:
    api = FakeApi()
    async with make_client(api) as client:
        with pytest.raises(PortingValidationError) as caught:
            await client.configuration.update(Configuration(default_port_time_zone="US/Centra"))
        with pytest.raises(PortingValidationError):
            await client.configuration.update(Configuration(default_port_time="9am"))
    assert caught.value.field_violations[0].field == "defaultPortTimeZone"
    assert api.requests == []


def test_voice_models_have_their_type_preset() -> None:
    assert EstVoice(trunk_id="t").to_wire() == {"type": "EST", "trunkId": "t"}
