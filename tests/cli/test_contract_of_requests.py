"""What the commands send matches the official contract: bodies, and query parameters by name."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Cli
from tests.cli.helpers import new_order_body, order_id_with_status, portable_numbers
from tests.contract.validator import query_parameters, validate_request


def test_every_request_of_a_working_session_matches_the_contract(run: Cli, tmp_path: Path) -> None:
    order_id = order_id_with_status(run)
    numbers = portable_numbers(run, 2)
    csv_file = tmp_path / "order.csv"
    csv_file.write_text(
        "phoneNumber,name,streetNum,streetName,city,state,zipCode,desiredPortDate,trunkId,"
        "smsAppId,e911.city,authorizingDate,typeOfService\n"
        f"{numbers[0]},Acme,1,Main,Chicago,IL,60601,2026-03-16,T-1,S-1,Chicago,2026-01-05,R\n",
        encoding="utf-8",
    )
    (tmp_path / "order.json").write_text(json.dumps(new_order_body(numbers[1:])))
    (tmp_path / "loa.pdf").write_bytes(b"%PDF")
    commands = [
        ("check", *numbers),
        ("orders", "list", "--status", "PENDING", "--created-from", "-30d", "--foc-to", "+1w",
         "--number", numbers[0], "--reference", "X", "--order-id", "1", "--page-size", "5"),
        ("orders", "create", "--from-file", str(csv_file)),
        ("orders", "create", "--from-file", str(tmp_path / "order.json")),
        ("orders", "edit", str(order_id), "--set", "endUser.zipCode=60602",
         "--set", "desiredPortSchedule.desiredPortTime=11:00"),
        ("orders", "add-note", str(order_id), "hello"),
        ("documents", "upload", str(order_id), str(tmp_path / "loa.pdf")),
        ("config", "set", "--contact-name", "Ops", "--webhook-url", "https://h.example/p"),
        ("config", "set", "--default-zone", "GMT"),
        ("orders", "cancel", str(order_id), "--yes"),
    ]  # fmt: skip
    for command in commands:
        result = run(*command)
        assert result.exit_code == 0, (command, result.output)
    sent = [r for r in run.transport.requests if r.content]
    assert len(sent) >= 8
    for request in run.transport.requests:
        if request.content:
            validate_request(request.method, request.url.path, json.loads(request.content))
        known = query_parameters(request.method, request.url.path)
        assert set(request.url.params) <= set(known), request.url
