"""``orders create|update|edit|cancel|add-note`` against the emulator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from porting_tui.cli import context
from porting_tui.cli.output import MASK
from porting_tui.client import OrderStatus
from tests.cli.conftest import Cli, stdout_json, wire
from tests.cli.helpers import new_order_body, order_id_with_status, portable_numbers


def write_json(path: Path, body: object) -> str:
    path.write_text(json.dumps(body), encoding="utf-8")
    return str(path)


def test_create_from_json_prints_the_created_order(run: Cli, tmp_path: Path) -> None:
    numbers = portable_numbers(run, 2)
    source = write_json(tmp_path / "order.json", new_order_body(numbers, "CLI-JSON"))
    result = run("orders", "create", "--from-file", source, "--json", "--reveal")
    created = stdout_json(result)
    assert [n["phoneNumber"] for n in created["phoneNumbers"]] == numbers
    assert created == wire(run.api(lambda client: client.orders.get(created["id"])))
    assert f"Created order {created['id']} with 2 numbers" in result.stderr


def test_create_from_csv_builds_one_number_per_row(run: Cli, tmp_path: Path) -> None:
    first, second = portable_numbers(run, 2)
    csv_file = tmp_path / "order.csv"
    csv_file.write_text(
        "phoneNumber;name;streetNum;streetName;city;state;zipCode;existingPortOutPin;"
        "desiredPortDate;customerOrderReference\n"
        f"{first};Acme;1;Main;Chicago;IL;60601;1111;2026-03-16;CLI-CSV\n"
        f"{second};Beta;2;Oak;Chicago;IL;60602;2222;;\n",
        encoding="utf-8",
    )
    created = stdout_json(run("orders", "create", "--from-file", str(csv_file), "--json"))
    order = run.api(lambda client: client.orders.get(created["id"]))
    assert order.customer_order_reference == "CLI-CSV"
    assert [n.end_user.name for n in order.phone_numbers] == ["Acme", "Beta"]
    assert [
        n.port_out_info.existing_port_out_pin for n in order.phone_numbers if n.port_out_info
    ] == [
        "1111",
        "2222",
    ]


def test_a_csv_with_errors_is_refused_row_by_row_before_any_request(
    run: Cli, tmp_path: Path
) -> None:
    csv_file = tmp_path / "order.csv"
    csv_file.write_text(
        "phoneNumber,name,streetNum,streetName,city,state,zipCode,desiredPortDate\n"
        "3125550143,Acme,1,Main,Chicago,IL,60601,2026-03-16\n"
        "555,Acme,1,Main,Chicago,IL,60601,\n"
        "3125550144,Acme,1,Main,,IL,60601,\n",
        encoding="utf-8",
    )
    result = run("orders", "create", "--from-file", str(csv_file), "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "line 3, column phoneNumber: '555' is not a valid phone number" in result.stderr
    assert "line 4, column city: is required" in result.stderr
    assert run.transport.requests == []


def test_non_utf8_and_binary_files_are_refused_clearly(run: Cli, tmp_path: Path) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes("phoneNumber,name\n3125550143,Café\n".encode("latin-1"))
    result = run("orders", "create", "--from-file", str(latin))
    assert result.exit_code == 1
    assert "is not UTF-8 text" in result.stderr
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF\x00\x01")
    assert "is a binary file" in run("orders", "create", "--from-file", str(binary)).stderr


def test_dry_run_prints_the_request_and_changes_nothing(run: Cli, tmp_path: Path) -> None:
    source = write_json(tmp_path / "o.json", new_order_body(["+13125550143"]))
    body = stdout_json(run("orders", "create", "--from-file", source, "--dry-run"))
    assert body["phoneNumbers"][0]["portOutInfo"]["existingPortOutPin"] == MASK
    # Pre-flight reads (the carrier, other open orders holding the number); nothing else.
    assert run.transport.calls() == ["POST /portabilityChecks", "GET /orders/portIns"]


def test_masked_values_are_never_sent_by_create(run: Cli, tmp_path: Path) -> None:
    body = new_order_body(["+13125550143"])
    body["phoneNumbers"][0]["portOutInfo"]["existingPortOutPin"] = MASK
    result = run("orders", "create", "--from-file", write_json(tmp_path / "o.json", body))
    assert result.exit_code == 1
    assert "field phoneNumbers[0].portOutInfo.existingPortOutPin: holds <masked>" in result.stderr
    assert run.transport.requests == []


def test_update_needs_yes_without_a_terminal_and_sends_nothing(run: Cli, tmp_path: Path) -> None:
    order_id = order_id_with_status(run)
    exported = stdout_json(run("orders", "get", str(order_id), "--json"))
    run.transport.requests.clear()
    result = run(
        "orders", "update", str(order_id), "--from-file", write_json(tmp_path / "o.json", exported)
    )
    assert result.exit_code == 2
    assert "add --yes" in result.stderr
    assert run.transport.requests == []


def test_an_exported_order_can_be_edited_and_put_back_keeping_masked_pins(
    run: Cli, tmp_path: Path
) -> None:
    order_id = order_id_with_status(run)
    before = run.api(lambda client: client.orders.get(order_id))
    exported = stdout_json(run("orders", "get", str(order_id), "--json"))
    exported["customerOrderReference"] = "CHANGED-BY-FILE"
    source = write_json(tmp_path / "o.json", exported)
    result = run("orders", "update", str(order_id), "--from-file", source, "--yes", "--json")
    assert stdout_json(result)["customerOrderReference"] == "CHANGED-BY-FILE"
    after = run.api(lambda client: client.orders.get(order_id))
    assert after.customer_order_reference == "CHANGED-BY-FILE"
    assert [n.port_out_info for n in after.phone_numbers] == [
        n.port_out_info for n in before.phone_numbers
    ]


def test_edit_changes_only_the_named_fields(run: Cli) -> None:
    order_id = order_id_with_status(run)
    before = run.api(lambda client: client.orders.get(order_id))
    target = before.phone_numbers[0].phone_number
    result = run(
        "orders", "edit", str(order_id),
        "--set", "customerOrderReference=EDITED",
        "--set", "endUser.city=Springfield",
        "--set", "portOutInfo.existingPortOutPin=7777",
        "--number", target, "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "7777" not in result.output
    after = run.api(lambda client: client.orders.get(order_id))
    assert after.customer_order_reference == "EDITED"
    assert after.phone_numbers[0].end_user.city == "Springfield"
    assert after.phone_numbers[0].port_out_info is not None
    assert after.phone_numbers[0].port_out_info.existing_port_out_pin == "7777"
    for old, new in zip(before.phone_numbers[1:], after.phone_numbers[1:], strict=True):
        assert new.end_user == old.end_user
    assert after.desired_port_schedule == before.desired_port_schedule


def test_edit_refuses_unknown_fields_and_bad_values_before_any_request(run: Cli) -> None:
    result = run("orders", "edit", "1", "--set", "colour=red")
    assert result.exit_code == 2
    assert "unknown field 'colour'" in result.stderr
    assert "desiredPortSchedule.desiredPortDate" in result.stderr
    assert "endUser.zipCode" in result.stderr
    bad = run("orders", "edit", "1", "--set", "desiredPortSchedule.desiredPortTimeZone=Mars")
    assert bad.exit_code == 2
    assert "use one of US/Eastern" in bad.stderr
    assert run("orders", "edit", "1", "--set", "nothing").exit_code == 2
    assert run.transport.requests == []


def test_edit_of_a_number_not_on_the_order_is_refused(run: Cli) -> None:
    order_id = order_id_with_status(run)
    result = run("orders", "edit", str(order_id), "--set", "city=X", "--number", "+12025550199")
    assert result.exit_code == 1
    assert "has no number +12025550199" in result.stderr


def test_cancel_needs_yes_without_a_terminal(run: Cli) -> None:
    order_id = order_id_with_status(run)
    result = run("orders", "cancel", str(order_id))
    assert result.exit_code == 2
    assert "add --yes" in result.stderr
    assert run.transport.requests == []
    cancelled = stdout_json(run("orders", "cancel", str(order_id), "--yes", "--json"))
    assert cancelled["id"] == order_id
    assert cancelled["status"] in (OrderStatus.PENDING_CANCELATION, OrderStatus.CANCELED)


def test_cancel_asks_on_a_terminal_and_a_no_changes_nothing(
    run: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context, "stdin_is_interactive", lambda: True)
    order_id = order_id_with_status(run)
    declined = run("orders", "cancel", str(order_id), input="n\n")
    assert declined.exit_code == 1
    assert f"Cancel order {order_id}?" in declined.stderr
    assert run.transport.requests == []
    accepted = run("orders", "cancel", str(order_id), input="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert f"DELETE /orders/portIns/{order_id}" in run.transport.calls()


def test_add_note_from_an_argument_or_stdin(run: Cli) -> None:
    order_id = order_id_with_status(run)
    created = stdout_json(run("orders", "add-note", str(order_id), "PIN sent by mail", "--json"))
    assert created["note"] == "PIN sent by mail"
    from_stdin = run("orders", "add-note", str(order_id), "-", input="Line one\nLine two\n")
    assert from_stdin.exit_code == 0, from_stdin.output
    notes = [n.note for n in run.api(lambda client: client.orders.get(order_id)).notes]
    assert "PIN sent by mail" in notes and "Line one\nLine two" in notes
    assert run("orders", "add-note", str(order_id), "-", input="  \n").exit_code == 2


def test_a_422_from_the_api_points_at_the_csv_line_and_column(run: Cli, tmp_path: Path) -> None:
    [number] = portable_numbers(run, 1)
    csv_file = tmp_path / "order.csv"
    csv_file.write_text(
        "phoneNumber,name,streetNum,streetName,city,state,zipCode,desiredPortDate\n"
        f"{number},Acme,1,Main,Chicago,IL,60601,2026-02-02\n",
        encoding="utf-8",
    )
    result = run("orders", "create", "--from-file", str(csv_file), "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "(HTTP 422)" in result.stderr
    assert (
        "line 2, column desiredPortDate: desiredPortDate 2026-02-02 is in the past" in result.stderr
    )


def test_a_state_conflict_exits_1_with_the_api_reason(run: Cli) -> None:
    order_id = order_id_with_status(run, OrderStatus.COMPLETED)
    result = run("orders", "cancel", str(order_id), "--yes")
    assert result.exit_code == 1
    assert "only PENDING orders can be cancelled" in result.stderr
