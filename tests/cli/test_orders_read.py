"""``orders list`` and ``orders get``: JSON that matches the API, tables for people, filters."""

from __future__ import annotations

import json
import math
import re
from urllib.parse import parse_qs

from porting_tui.cli.output import MASK
from porting_tui.client import OrderStatus
from tests.cli.conftest import SEEDED_ORDERS, Cli, stdout_json, stdout_json_lines, wire
from tests.cli.helpers import order_id_with_status


def test_list_json_prints_one_api_order_summary_per_line(run: Cli) -> None:
    lines = stdout_json_lines(run("orders", "list", "--json"))
    page = run.api(lambda client: client.orders.list_page())
    assert lines == [wire(order) for order in page.orders]
    assert lines and set(lines[0]) >= {"id", "status", "phoneNumberQuantity"}


def test_list_all_fetches_every_page_and_streams_each_order(run: Cli) -> None:
    result = run("orders", "list", "--all", "--page-size", "7", "--json")
    lines = stdout_json_lines(result)
    total = run.api(lambda client: client.orders.list_page()).total_items
    assert total is not None and len(lines) == total
    assert len({line["id"] for line in lines}) == total
    assert len(run.transport.calls()) == math.ceil(total / 7)
    assert result.stderr == ""


def test_limit_stops_after_n_orders_with_a_single_small_request(run: Cli) -> None:
    lines = stdout_json_lines(run("orders", "list", "--limit", "3", "--json"))
    assert len(lines) == 3
    [request] = run.transport.requests
    assert parse_qs(request.url.query.decode())["pageSize"] == ["3"]


def test_the_table_is_for_people_and_says_on_stderr_how_many_more_exist(run: Cli) -> None:
    result = run("orders", "list", "--page-size", "5")
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header.split() == [
        "ID", "STATUS", "CREATED", "NUMBERS", "FOC", "ACTIVE", "REJECTED", "EXCLUDED", "REFERENCE",
    ]  # fmt: skip
    assert len(rows) == 5
    shown = f"Showing 5 of {SEEDED_ORDERS} orders; add --all or --limit N to see more."
    assert shown in result.stderr


def test_filters_become_the_api_query(run: Cli) -> None:
    result = run(
        "orders", "list", "--json", "--status", "pending", "--created-from", "-7d",
        "--created-to", "today", "--foc-to", "+2w", "--number", "(312) 555-0143",
        "--reference", "ACME", "--order-id", "12",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    query = parse_qs(run.transport.requests[0].url.query.decode())
    assert query == {
        "orderStatus": ["PENDING"],
        "createdDateStart": ["2026-02-23T00:00:00Z"],
        "createdDateEnd": ["2026-03-02T23:59:59Z"],
        "focEndDate": ["2026-03-16T23:59:59Z"],
        "phoneNumber": ["+13125550143"],
        "customerOrderReference": ["ACME"],
        "orderId": ["12"],
    }


def test_a_status_filter_lists_only_that_status(run: Cli) -> None:
    lines = stdout_json_lines(run("orders", "list", "--all", "--json", "--status", "PENDING"))
    expected = run.api(lambda c: c.orders.list_page(None, 1000, status=OrderStatus.PENDING))
    assert [line["id"] for line in lines] == [order.id for order in expected.orders]
    assert {line["status"] for line in lines} == {"PENDING"}


def test_bad_filters_are_usage_errors_naming_the_option_and_nothing_is_sent(run: Cli) -> None:
    result = run("orders", "list", "--created-from", "last week", "--number", "12", "--json")
    assert result.exit_code == 2
    assert "--created-from: 'last week' is not a date" in result.stderr
    assert "--number:" in result.stderr
    assert result.stdout == ""
    assert run.transport.requests == []
    assert run("orders", "list", "--all", "--limit", "3").exit_code == 2
    assert run("orders", "list", "--page-size", "0").exit_code == 2


def test_no_match_prints_nothing_on_stdout(run: Cli) -> None:
    result = run("orders", "list", "--reference", "no-such-reference")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "No orders match." in result.stderr


def test_get_json_is_the_api_order_with_secrets_masked_unless_revealed(run: Cli) -> None:
    order_id = order_id_with_status(run)
    truth = wire(run.api(lambda client: client.orders.get(order_id)))
    assert stdout_json(run("orders", "get", str(order_id), "--json", "--reveal")) == truth
    masked = stdout_json(run("orders", "get", f"#{order_id}", "--json"))
    for shown, real in zip(masked["phoneNumbers"], truth["phoneNumbers"], strict=True):
        pin = real.get("portOutInfo", {}).get("existingPortOutPin")
        if pin:
            assert shown["portOutInfo"]["existingPortOutPin"] == MASK
    masked_text = json.dumps(masked)
    assert all(
        n["portOutInfo"]["existingPortOutPin"] not in masked_text
        for n in truth["phoneNumbers"]
        if n.get("portOutInfo", {}).get("existingPortOutPin")
    )


def test_get_shows_the_order_for_people_without_its_pins(run: Cli) -> None:
    order_id = order_id_with_status(run)
    order = run.api(lambda client: client.orders.get(order_id))
    result = run("orders", "get", str(order_id))
    assert result.exit_code == 0, result.output
    assert re.search(rf"^Order +{order_id}$", result.stdout, re.MULTILINE)
    for number in order.phone_numbers:
        assert number.phone_number in result.stdout
        pin = number.port_out_info.existing_port_out_pin if number.port_out_info else None
        if pin and len(pin) > 2:
            assert f" {pin} " not in result.stdout


def test_an_unknown_order_exits_4_and_says_how_to_find_ids(run: Cli) -> None:
    result = run("orders", "get", "999999999", "--json")
    assert result.exit_code == 4
    assert result.stdout == ""
    assert "orders list" in result.stderr


def test_an_order_id_must_be_a_number(run: Cli) -> None:
    result = run("orders", "get", "12a")
    assert result.exit_code == 2
    assert "is not an order id" in result.stderr
