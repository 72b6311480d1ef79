"""Checks of the porting defaults as typed, and the list of changes a save would make."""

from __future__ import annotations

import pytest

from porting_tui.domain.configuration_checks import (
    ConfigurationChange,
    check_configuration_input,
    check_email,
    check_webhook_url,
    configuration_changes,
)

CURRENT = {
    "contact": {"name": "Ops", "email": "ops@example.com"},
    "webhookUrl": "https://hooks.example.com/porting",
    "defaultPortTime": "09:00:00",
    "defaultPortTimeZone": "US/Eastern",
    "futureField": {"kept": True},
}


def test_values_are_normalized_into_the_api_body() -> None:
    checked = check_configuration_input(
        {
            "contact.name": " Porting desk ",
            "contact.email": "desk@example.com",
            "contact.phone": "(312) 555-0143",
            "webhookUrl": "http://127.0.0.1:8788/porting-events",
            "defaultPortTime": "7:30",
            "defaultPortTimeZone": "us/pacific",
        }
    )
    assert checked.problems == {}
    assert checked.body == {
        "contact": {"name": "Porting desk", "email": "desk@example.com", "phone": "+13125550143"},
        "webhookUrl": "http://127.0.0.1:8788/porting-events",
        "defaultPortTime": "07:30:00",
        "defaultPortTimeZone": "US/Pacific",
    }


@pytest.mark.parametrize(
    ("path", "typed", "message"),
    [
        ("contact.email", "ops@", "not an email address"),
        ("contact.email", "ops example.com", "not an email address"),
        ("contact.phone", "12345", "not a valid phone number"),
        ("webhookUrl", "my.callback.server", "not an absolute URL"),
        ("webhookUrl", "ftp://hooks.example.com/x", "not an absolute URL"),
        ("webhookUrl", "http://hooks.example.com/x", "uses plain http"),
        ("defaultPortTime", "25:00", "not a time"),
        ("defaultPortTime", "9am", "not a time"),
        ("defaultPortTimeZone", "Europe/Paris", "not a port time zone"),
    ],
)
def test_each_bad_value_is_reported_at_its_field(path: str, typed: str, message: str) -> None:
    checked = check_configuration_input({path: typed}, CURRENT)
    assert list(checked.problems) == [path]
    assert message in checked.problems[path]


def test_unedited_and_unknown_fields_are_kept_and_empty_values_clear() -> None:
    checked = check_configuration_input({"contact.email": "", "contact.name": ""}, CURRENT)
    assert checked.problems == {}
    assert "contact" not in checked.body
    assert checked.body["futureField"] == {"kept": True}
    assert checked.body["webhookUrl"] == CURRENT["webhookUrl"]
    assert CURRENT["contact"] == {"name": "Ops", "email": "ops@example.com"}


def test_changes_list_each_differing_field_in_form_order() -> None:
    after = check_configuration_input(
        {"defaultPortTimeZone": "GMT", "contact.phone": "+13125550143", "contact.name": "Ops"},
        CURRENT,
    ).body
    assert configuration_changes(CURRENT, after) == [
        ConfigurationChange("Contact phone", "", "+13125550143"),
        ConfigurationChange("Default time zone", "US/Eastern", "GMT"),
    ]
    assert configuration_changes(CURRENT, CURRENT) == []
    assert [c.label for c in configuration_changes(None, {"webhookUrl": "https://a.b/c"})] == [
        "Webhook URL"
    ]


def test_single_checks_return_the_cleaned_value() -> None:
    assert check_email(" a.b@example.co.uk ") == "a.b@example.co.uk"
    assert check_webhook_url("https://[::1]/x") == "https://[::1]/x"
    assert check_webhook_url("http://localhost:8788/p") == "http://localhost:8788/p"
