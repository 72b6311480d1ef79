"""``config get|set``: read, create (POST when none), update (PUT), validate before sending."""

from __future__ import annotations

from tests.cli.conftest import Cli, stdout_json, wire


def test_get_without_defaults_exits_4_and_says_how_to_create_them(run: Cli) -> None:
    result = run("config", "get", "--json")
    assert result.exit_code == 4
    assert result.stdout == ""
    assert "porting-tui config set" in result.stderr


def test_set_creates_the_defaults_when_there_are_none_then_updates_them(run: Cli) -> None:
    created = run(
        "config", "set", "--contact-email", "ops@example.com", "--contact-phone",
        "(312) 555-0143", "--default-time", "9:30", "--default-zone", "us/central", "--json",
    )  # fmt: skip
    assert stdout_json(created) == {
        "contact": {"email": "ops@example.com", "phone": "+13125550143"},
        "defaultPortTime": "09:30:00",
        "defaultPortTimeZone": "US/Central",
    }
    assert run.transport.calls() == ["GET /configuration", "POST /configuration"]
    run.transport.requests.clear()
    updated = run("config", "set", "--webhook-url", "https://hooks.example.com/p", "--json")
    assert stdout_json(updated)["contact"] == {"email": "ops@example.com", "phone": "+13125550143"}
    assert run.transport.calls() == ["GET /configuration", "PUT /configuration"]
    shown = stdout_json(run("config", "get", "--json"))
    assert shown == wire(run.api(lambda client: client.configuration.get()))
    assert shown["webhookUrl"] == "https://hooks.example.com/p"


def test_an_empty_value_removes_a_setting(run: Cli) -> None:
    assert (
        run(
            "config", "set", "--contact-name", "Ops", "--webhook-url", "https://a.example"
        ).exit_code
        == 0
    )
    result = run("config", "set", "--webhook-url", "", "--json")
    assert "webhookUrl" not in stdout_json(result)


def test_get_for_people_shows_labelled_values(run: Cli) -> None:
    run("config", "set", "--contact-name", "Ops Team")
    result = run("config", "get")
    assert result.exit_code == 0
    assert "Contact name  Ops Team" in result.stdout


def test_bad_values_are_refused_before_any_request(run: Cli) -> None:
    for option, value, message in [
        ("--contact-email", "ops@", "not an email address"),
        ("--contact-phone", "12", "not a valid phone number"),
        ("--webhook-url", "http://hooks.example.com", "uses plain http"),
        ("--default-time", "9am", "use HH:MM"),
        ("--default-zone", "CET", "use one of"),
    ]:
        result = run("config", "set", option, value)
        assert result.exit_code == 2, option
        assert message in result.stderr
    assert run("config", "set").exit_code == 2
    assert run.transport.requests == []
