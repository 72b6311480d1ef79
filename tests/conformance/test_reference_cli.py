"""The command line reads bodies shaped like the reference's samples: dates in every form, odd text,
a number or a row it cannot read, and every error shape."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner, Result

from porting_tui.cli import cli, orders_cmd
from tests.conformance.reference_server import (
    API,
    DATE_FORMS,
    GARBAGE,
    ORDER_ID,
    PROJECT,
    ReferenceServer,
    broken_number_order,
    load,
    reference_order,
    reference_page,
    sample_names,
)


@pytest.fixture
def cli_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
    monkeypatch.setenv("SINCH_PROJECT_ID", PROJECT)
    monkeypatch.setenv("SINCH_KEY_ID", "key-id")
    monkeypatch.setenv("SINCH_KEY_SECRET", "key-secret")
    monkeypatch.setenv("SINCH_PORTING_URL", API)
    monkeypatch.setattr(orders_cmd, "today", lambda: date(2026, 3, 2))
    monkeypatch.chdir(tmp_path)


def run_cli(server: ReferenceServer, *args: str) -> Result:
    obj = {"transport": server.transport, "client_options": {"max_retries": 0}}
    return CliRunner().invoke(cli, list(args), obj=obj)


def ok(result: Result) -> str:
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.usefixtures("cli_environment")
@pytest.mark.parametrize("form", DATE_FORMS)
def test_the_cli_reads_a_reference_shaped_list_and_order_with_dates_in_any_form(
    form: str,
) -> None:
    server = ReferenceServer(reference_order(DATE_FORMS[form]), reference_page(DATE_FORMS[form]))
    listing = ok(run_cli(server, "orders", "list"))
    assert "890192331" in listing
    assert "2024-09-24" in listing
    assert "ON_HOLD" in listing  # an order status the client does not know, shown as sent
    shown = ok(run_cli(server, "orders", "get", str(ORDER_ID)))
    assert "ON_HOLD" in shown  # the number's unknown status
    assert "Created          2024-09-24" in shown
    assert "GW Verizon Grp1" in shown
    assert "unreadable" not in shown


@pytest.mark.usefixtures("cli_environment")
def test_the_cli_reads_the_reference_samples_as_they_are() -> None:
    server = ReferenceServer(reference_order(), reference_page())
    rows = [
        json.loads(line) for line in ok(run_cli(server, "orders", "list", "--json")).splitlines()
    ]
    assert [row["id"] for row in rows] == [890192331, 897867]
    assert rows[0]["createdDate"] == "2024-09-24"
    assert rows[0]["salesChannel"] == "api"  # an unknown field, kept
    shown = ok(run_cli(server, "orders", "get", str(ORDER_ID)))
    assert "LOA attached     2024-09-24 12:00 UTC" in shown
    order = json.loads(ok(run_cli(server, "orders", "get", str(ORDER_ID), "--json")))
    assert order["portingRegion"] == "US"
    assert order["phoneNumbers"][0]["carrierTicket"] == "VZ-771"
    assert order["phoneNumbers"][0]["portOutInfo"]["authorizingDate"] == "2024-09-24"


@pytest.mark.usefixtures("cli_environment")
def test_the_cli_shows_dates_it_cannot_read_as_sent() -> None:
    server = ReferenceServer(reference_order(GARBAGE), reference_page(GARBAGE))
    # The CREATED column is ten wide: the text as sent, cut with an ellipsis.
    assert GARBAGE[:9] + "…" in ok(run_cli(server, "orders", "list"))
    listed = json.loads(ok(run_cli(server, "orders", "list", "--json")).splitlines()[0])
    assert listed["createdDate"] == GARBAGE
    shown = ok(run_cli(server, "orders", "get", str(ORDER_ID)))
    assert f"Created          {GARBAGE}" in shown
    assert f"LOA attached     {GARBAGE}" in shown
    assert GARBAGE in shown.split("Notes")[1]


@pytest.mark.usefixtures("cli_environment")
def test_the_cli_shows_a_number_it_cannot_read_as_unreadable_and_the_rest_of_the_order() -> None:
    server = ReferenceServer(broken_number_order(), reference_page())
    shown = ok(run_cli(server, "orders", "get", str(ORDER_ID)))
    (line,) = [line for line in shown.splitlines() if "+12345678902" in line]
    assert "unreadable: endUser: Input should be a valid dictionary" in line
    assert "+12345678901" in shown
    order = json.loads(ok(run_cli(server, "orders", "get", str(ORDER_ID), "--json")))
    assert order["phoneNumbers"][1] == {
        "phoneNumber": "+12345678902",
        "status": "CONFIRMED",
        "endUser": "Acme Corp",
    }


@pytest.mark.usefixtures("cli_environment")
def test_the_cli_lists_a_page_with_a_row_it_cannot_read() -> None:
    page = reference_page()
    page["orders"].insert(1, {"id": "not-a-number", "status": "PENDING"})
    server = ReferenceServer(reference_order(), page)
    listing = ok(run_cli(server, "orders", "list"))
    assert "unreadable: id: Input should be a valid integer" in listing
    assert "890192331" in listing and "897867" in listing


@pytest.mark.usefixtures("cli_environment")
@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("ORDER_BUILDING", "ORDER_BUILDING"),
        ("order_building", "ORDER_BUILDING"),
        ("PENDING_CANCELATION", "PENDING_CANCELATION"),
        ("pending cancellation", "PENDING_CANCELATION"),
        ("COMPLETED", "COMPLETED"),
    ],
)
def test_orders_list_status_takes_every_documented_status(typed: str, sent: str) -> None:
    server = ReferenceServer(reference_order(), reference_page())
    ok(run_cli(server, "orders", "list", "--status", typed))
    assert server.list_queries()[-1]["orderStatus"] == sent


@pytest.mark.usefixtures("cli_environment")
@pytest.mark.parametrize("name", sample_names("error"))
def test_the_cli_says_what_every_error_sample_says(name: str) -> None:
    sample = load(name)
    server = ReferenceServer(reference_order(), reference_page())
    content_type = sample.get("content_type", "application/json")
    server.failures["POST", f"/orders/portIns/{ORDER_ID}/notes"] = httpx.Response(
        sample["status"],
        content=json.dumps(sample["body"]).encode(),
        headers={"Content-Type": content_type},
    )
    result = run_cli(server, "orders", "add-note", str(ORDER_ID), "hello")
    assert result.exit_code != 0
    said = " ".join(result.output.split())
    # Before: a problem+json 422 said "the API refused the request (HTTP 422): 422".
    assert f"HTTP {sample['status']}): {sample['status']}" not in said
    assert " ".join(sample["expect"]["message"].split()).rstrip(".") in said
    for field, description in sample["expect"].get("field_violations", []):
        assert f"{field}: {description}" in said
