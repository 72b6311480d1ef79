"""Each class of failure has its exit code and a message saying what to do; stdout stays clean."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.cli.conftest import SEEDED_ORDERS, Cli
from tests.cli.helpers import order_id_with_status


def refusing(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


def answering(status: int, body: object = None) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        if body is None:
            return httpx.Response(status)
        return httpx.Response(status, json=body)

    return httpx.MockTransport(handler)


def test_a_wrong_secret_exits_3_and_names_the_variables_to_check(
    run: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SINCH_KEY_SECRET", "wrong")
    result = run("orders", "list", "--json")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "HTTP 401" in result.stderr
    assert "SINCH_KEY_SECRET" in result.stderr
    assert "wrong" not in result.stderr


def test_a_network_failure_exits_5_and_names_the_host(run: Cli) -> None:
    result = run("orders", "get", "1", "--json", transport=httpx.MockTransport(refusing))
    assert result.exit_code == 5
    assert result.stdout == ""
    assert "could not reach 127.0.0.1" in result.stderr


def test_a_lost_create_says_how_to_avoid_a_duplicate(run: Cli, tmp_path: Path) -> None:
    from tests.cli.helpers import new_order_body

    source = tmp_path / "o.json"
    source.write_text(__import__("json").dumps(new_order_body(["+13125550143"], "REF-9")))
    result = run(
        "orders", "create", "--from-file", str(source), transport=httpx.MockTransport(refusing)
    )
    assert result.exit_code == 5
    assert "orders list --reference REF-9' before retrying" in result.stderr


def test_a_422_exits_1_and_lists_the_field_violations(run: Cli) -> None:
    body = {
        "code": "422",
        "error": "Invalid parameters",
        "message": "Some fields are invalid",
        "details": {"fieldViolations": [{"field": "note", "description": "too long"}]},
    }
    result = run("orders", "add-note", "1", "hi", "--json", transport=answering(422, body))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "(HTTP 422): Some fields are invalid" in result.stderr
    assert "note: too long" in result.stderr


@pytest.mark.parametrize(
    ("status", "code", "advice"),
    [
        (403, 3, "give the key access to the project"),
        (429, 1, "wait"),
        (500, 1, "retry later"),
        (402, 1, "top up"),
    ],
)
def test_other_statuses_map_to_codes_with_advice(
    run: Cli, status: int, code: int, advice: str
) -> None:
    result = run("config", "get", "--json", transport=answering(status))
    assert result.exit_code == code
    assert advice in result.stderr
    assert result.stdout == ""


def test_server_text_in_errors_cannot_drive_the_terminal(run: Cli) -> None:
    body = {"code": "404", "error": "Not found", "message": "no \x1b[2Jorder"}
    result = run("orders", "get", "5", transport=answering(404, body))
    assert result.exit_code == 4
    assert "\x1b" not in result.stderr
    assert "no \\x1b[2Jorder" in result.stderr


def test_no_profile_at_all_is_a_usage_error_saying_how_to_make_one(
    run: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("SINCH_PROJECT_ID", "SINCH_KEY_ID", "SINCH_KEY_SECRET"):
        monkeypatch.delenv(name)
    result = run("orders", "list")
    assert result.exit_code == 2
    assert "profile add" in result.stderr
    assert "SINCH_PROJECT_ID" in result.stderr


def test_an_unknown_profile_is_a_usage_error(run: Cli) -> None:
    result = run("--profile", "nope", "orders", "list")
    assert result.exit_code == 2
    assert "unknown profile 'nope'" in result.stderr


def test_a_read_only_profile_refuses_changes_before_any_request(run: Cli, tmp_path: Path) -> None:
    config = tmp_path / "config" / "porting-tui" / "config.toml"
    config.parent.mkdir(parents=True, mode=0o700)
    config.write_text(
        '[profiles.audit]\nproject_id = "demo-project"\nkey_id = "demo-key"\n'
        'key_secret_env = "SINCH_KEY_SECRET"\napi_url = "http://127.0.0.1:8787"\n'
        "read_only = true\n",
        encoding="utf-8",
    )
    config.chmod(0o600)
    result = run("--profile", "audit", "orders", "cancel", "1", "--yes")
    assert result.exit_code == 2
    assert "profile 'audit' is read-only" in result.stderr
    assert run.transport.requests == []
    assert run("--profile", "audit", "orders", "list", "--json").exit_code == 0


def test_json_runs_print_nothing_but_json(run: Cli) -> None:
    for args in (
        ("orders", "list", "--json"),
        ("orders", "list", "--all", "--json"),
        ("check", "3125550143", "--json"),
    ):
        result = run(*args)
        assert result.exit_code == 0, result.output
        text = result.stdout.strip()
        assert text.startswith(("{", "[")) and text.endswith(("}", "]"))
        assert "Showing" not in text and "Error" not in text


def test_shell_completion_comes_from_click(environment: None) -> None:
    from click.testing import CliRunner

    from porting_tui.cli import cli

    result = CliRunner().invoke(
        cli, [], prog_name="porting-tui", env={"_PORTING_TUI_COMPLETE": "bash_source"}
    )
    assert result.exit_code == 0
    assert "_porting_tui_completion()" in result.stdout


def test_demo_runs_commands_on_a_built_in_emulator(environment: None) -> None:
    from click.testing import CliRunner

    from porting_tui.cli import cli

    result = CliRunner().invoke(cli, ["--demo", "orders", "list", "--limit", "3", "--json"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 3


def test_progress_on_a_terminal_keeps_stdout_clean(
    run: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from porting_tui.cli import progress

    monkeypatch.setattr(progress, "stderr_is_terminal", lambda: True)
    result = run("orders", "list", "--all", "--page-size", "10", "--json")
    lines = [__import__("json").loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == SEEDED_ORDERS
    assert run.transport.calls()[0] == "GET /orders/portIns"
    assert len(run.transport.calls()) == 1 + SEEDED_ORDERS // 10


def test_every_confirmation_without_a_terminal_or_yes_is_a_usage_error(
    run: Cli, tmp_path: Path
) -> None:
    """The README's table: a missing --yes is 2, whichever command asks; nothing is sent."""
    order_id = order_id_with_status(run)
    exported = run("orders", "get", str(order_id), "--json")
    assert exported.exit_code == 0, exported.output
    order_file = tmp_path / "order.json"
    order_file.write_text(exported.stdout, encoding="utf-8")
    run.transport.requests.clear()
    asking = [
        ("orders", "update", str(order_id), "--from-file", str(order_file)),
        ("orders", "cancel", str(order_id)),
        ("activation", "activate", str(order_id), "--group", "any"),
    ]
    for command in asking:
        result = run(*command, input="y\n")
        assert result.exit_code == 2, (command, result.output)
        assert "add --yes" in result.stderr, command
    assert not [r for r in run.transport.requests if r.method != "GET"]
