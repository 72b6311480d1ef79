"""Secrets off the command line: --set-stdin, @FILE, env:VAR, a warning for argv, masked URLs."""

from __future__ import annotations

from pathlib import Path

import pytest

from porting_tui.client import PortingClient
from tests.cli.conftest import Cli, stdout_json
from tests.cli.helpers import order_id_with_status

PIN_FIELD = "portOutInfo.existingPortOutPin"
HOOK = "https://hooks.example.com/p?secret=hook-s3cret-value"


def _pins(run: Cli, order_id: int) -> set[str | None]:
    async def read(client: PortingClient) -> set[str | None]:
        order = await client.orders.get(order_id)
        return {
            n.port_out_info.existing_port_out_pin for n in order.phone_numbers if n.port_out_info
        }

    return run.api(read)


def test_a_pin_given_in_argv_works_but_warns_with_the_other_forms(run: Cli) -> None:
    order_id = order_id_with_status(run)
    result = run("orders", "edit", str(order_id), "--set", f"{PIN_FIELD}=7391")
    assert result.exit_code == 0, result.output
    assert "given on the command line" in result.stderr
    assert "--set-stdin" in result.stderr and "@FILE" in result.stderr
    assert "7391" not in result.stderr
    assert _pins(run, order_id) == {"7391"}


def test_a_pin_from_stdin_from_a_file_or_from_the_environment_is_not_warned_about(
    run: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    order_id = order_id_with_status(run)
    from_stdin = run("orders", "edit", str(order_id), "--set-stdin", PIN_FIELD, input="5512\n")
    assert from_stdin.exit_code == 0, from_stdin.output
    assert _pins(run, order_id) == {"5512"}
    pin_file = tmp_path / "pin"
    pin_file.write_text("6623\n")
    from_file = run("orders", "edit", str(order_id), "--set", f"{PIN_FIELD}=@{pin_file}")
    assert from_file.exit_code == 0, from_file.output
    assert _pins(run, order_id) == {"6623"}
    monkeypatch.setenv("PORT_PIN", "7734")
    from_env = run("orders", "edit", str(order_id), "--set", f"{PIN_FIELD}=env:PORT_PIN")
    assert from_env.exit_code == 0, from_env.output
    assert _pins(run, order_id) == {"7734"}
    for result in (from_stdin, from_file, from_env):
        assert "warning" not in result.stderr


def test_two_values_from_stdin_are_read_one_line_each(run: Cli) -> None:
    order_id = order_id_with_status(run)
    result = run(
        "orders", "edit", str(order_id), "--set-stdin", PIN_FIELD,
        "--set-stdin", "portOutInfo.accountNum", input="1188\nACCT-55\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert _pins(run, order_id) == {"1188"}
    short = run(
        "orders", "edit", str(order_id), "--set-stdin", PIN_FIELD,
        "--set-stdin", "portOutInfo.accountNum", input="1188\n",
    )  # fmt: skip
    assert short.exit_code == 2
    assert "1 line(s) for 2 value(s)" in short.stderr


def test_a_missing_variable_or_file_is_a_usage_error_before_any_request(
    run: Cli, tmp_path: Path
) -> None:
    missing_env = run("orders", "edit", "1", "--set", f"{PIN_FIELD}=env:NOT_SET_ANYWHERE")
    assert missing_env.exit_code == 2
    assert "NOT_SET_ANYWHERE is not set" in missing_env.stderr
    missing_file = run("orders", "edit", "1", "--set", f"{PIN_FIELD}=@{tmp_path / 'none'}")
    assert missing_file.exit_code == 2
    assert run.transport.requests == []


def test_a_non_secret_field_keeps_a_leading_at_sign(run: Cli) -> None:
    order_id = order_id_with_status(run)
    result = run("orders", "edit", str(order_id), "--set", "customerOrderReference=@acme", "--json")
    assert stdout_json(result)["customerOrderReference"] == "@acme"


def test_a_webhook_secret_in_argv_is_warned_about_and_masked_when_shown(run: Cli) -> None:
    result = run("config", "set", "--webhook-url", HOOK)
    assert result.exit_code == 0, result.output
    assert "given on the command line" in result.stderr
    assert "hook-s3cret-value" not in result.output
    shown = run("config", "get")
    assert "secret=••••" in shown.stdout and "hook-s3cret-value" not in shown.stdout
    as_json = stdout_json(run("config", "get", "--json"))
    assert as_json["webhookUrl"] == "https://hooks.example.com/p?secret=••••"
    revealed = stdout_json(run("config", "get", "--json", "--reveal"))
    assert revealed["webhookUrl"] == HOOK


def test_a_webhook_url_from_stdin_a_file_or_the_environment(
    run: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_stdin = run("config", "set", "--set-stdin", "webhook-url", input=f"{HOOK}\n")
    assert from_stdin.exit_code == 0, from_stdin.output
    url_file = tmp_path / "hook-url"
    url_file.write_text(HOOK + "2\n")
    from_file = run("config", "set", "--webhook-url", f"@{url_file}")
    assert from_file.exit_code == 0, from_file.output
    monkeypatch.setenv("HOOK_URL", HOOK + "3")
    from_env = run("config", "set", "--webhook-url", "env:HOOK_URL")
    assert from_env.exit_code == 0, from_env.output
    for result in (from_stdin, from_file, from_env):
        assert "warning" not in result.stderr
        assert "hook-s3cret-value" not in result.output
    current = run.api(lambda client: client.configuration.get())
    assert current.webhook_url == HOOK + "3"
    bad = run("config", "set", "--set-stdin", "webhook-url", input="http://hooks.example.com\n")
    assert bad.exit_code == 2
