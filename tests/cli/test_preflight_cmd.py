"""Pre-flight headless: `check --preflight FILE` and `orders create --dry-run` run the wizard's
rules on an order file, print them (or JSON), create nothing, and exit 7 while warnings remain."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from porting_tui.emulator.carriers import number_facts
from tests.cli.conftest import Cli
from tests.cli.helpers import new_order_body

WARNINGS_EXIT = 7


def write_json(path: Path, body: object) -> str:
    path.write_text(json.dumps(body), encoding="utf-8")
    return str(path)


def wireless_number() -> str:
    """A portable Chicago number of a wireless carrier (by the emulator's number plan)."""
    for exchange in range(200, 999):
        candidate = f"+1312{exchange:03d}0143"
        facts = number_facts(candidate)
        if facts.portable and facts.carrier is not None and facts.carrier.wireless:
            return candidate
    raise AssertionError("no wireless exchange in 312")


def hurried_body() -> dict[str, Any]:
    """A wireless number without its PIN, and a Toronto number with the Chicago address."""
    body = new_order_body([wireless_number(), "+14165550143"])
    del body["phoneNumbers"][0]["portOutInfo"]["existingPortOutPin"]
    body["phoneNumbers"][1]["portOutInfo"]["accountNum"] = "ACCT-2"
    return body


def created(run: Cli) -> list[str]:
    return [call for call in run.transport.calls() if call == "POST /orders/portIns"]


def test_check_preflight_names_each_warning_and_exits_7(run: Cli, tmp_path: Path) -> None:
    source = write_json(tmp_path / "order.json", hurried_body())
    result = run("check", "--preflight", source)
    assert result.exit_code == WARNINGS_EXIT, result.output
    assert "wireless-pin" in result.stdout
    assert "address-country" in result.stdout
    assert "Pre-flight: 2 warning(s)" in result.stderr
    assert created(run) == []


def test_check_preflight_json_and_a_clean_order(run: Cli, tmp_path: Path) -> None:
    source = write_json(tmp_path / "order.json", hurried_body())
    report = json.loads(run("check", "--preflight", source, "--json").stdout)
    assert report["warnings"] == 2
    assert {f["rule"] for f in report["findings"] if f["severity"] == "warning"} == {
        "wireless-pin",
        "address-country",
    }
    assert all(f["fix"] for f in report["findings"])

    clean = write_json(tmp_path / "clean.json", new_order_body([wireless_number()]))
    result = run("check", "--preflight", clean, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["warnings"] == 0
    assert "clean, no known risk" in result.stderr


def test_dry_run_prints_the_request_and_its_preflight_and_creates_nothing(
    run: Cli, tmp_path: Path
) -> None:
    source = write_json(tmp_path / "order.json", hurried_body())
    result = run("orders", "create", "--from-file", source, "--dry-run", "--json")
    assert result.exit_code == WARNINGS_EXIT, result.output
    answer = json.loads(result.stdout)
    assert answer["request"]["phoneNumbers"][1]["phoneNumber"] == "+14165550143"
    assert answer["preflight"]["warnings"] == 2
    assert created(run) == []


def test_a_number_in_another_open_order_is_named(run: Cli, tmp_path: Path) -> None:
    number = wireless_number()
    first = write_json(tmp_path / "first.json", new_order_body([number], reference="CLI-A"))
    made = run("orders", "create", "--from-file", first, "--json")
    assert made.exit_code == 0, made.output
    other = json.loads(made.stdout)["id"]
    again = write_json(tmp_path / "again.json", new_order_body([number], reference="CLI-B"))
    report = json.loads(run("check", "--preflight", again, "--json").stdout)
    [finding] = [f for f in report["findings"] if f["rule"] == "open-order"]
    assert str(other) in finding["text"]


def test_an_invalid_file_is_an_error_not_a_warning(run: Cli, tmp_path: Path) -> None:
    body = hurried_body()
    body["phoneNumbers"][0]["phoneNumber"] = "555"
    result = run("check", "--preflight", write_json(tmp_path / "bad.json", body))
    assert result.exit_code == 1
    assert "phoneNumbers[0].phoneNumber" in result.stderr
