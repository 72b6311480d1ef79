"""The reference's own samples, and bodies shaped like them, read and sent by the client, the
command line and the app.

``samples/`` holds the request and response bodies of the Porting API reference and the
examples of the official OpenAPI file, each with its source. Every response sample is read
through the client's real read path; every request sample is produced by the client from its
models and checked against the contract; where a sample itself departs from the OpenAPI file
(a date-time ``authorizingDate``), the client must send the normalised form.
"""

from __future__ import annotations

import base64
import io
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
import textual.constants
from click.testing import CliRunner, Result
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from porting_tui.cli import cli, orders_cmd
from porting_tui.client import (
    Configuration,
    NewOrder,
    Order,
    PortingClient,
    PortingStatusError,
    error_from_response,
    parse_webhook,
)
from porting_tui.tui.app import PortingApp
from porting_tui.tui.dialogs.copied_text_dialog import CopiedTextDialog
from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen
from porting_tui.tui.widgets.numbers_panel import NumbersPanel
from porting_tui.tui.widgets.order_table import OrderTable
from tests.client.fake_api import FakeApi, body_of, make_client
from tests.contract.validator import (
    ContractError,
    validate_request,
    validate_response,
    validate_schema,
)
from tests.tui.conftest import make_session, settle
from tests.waiting import wait_until

SAMPLES = Path(__file__).with_name("samples")
PROJECT = "proj-ref"
API = "http://127.0.0.1:8787"
ORDER_ID = 890192331


def load(name: str) -> dict[str, Any]:
    sample: dict[str, Any] = json.loads((SAMPLES / name).read_text(encoding="utf-8"))
    return sample


def sample_names(kind: str) -> list[str]:
    return sorted(path.name for path in SAMPLES.glob(f"*.{kind}.json"))


def test_every_sample_names_its_source() -> None:
    names = sorted(path.name for path in SAMPLES.glob("*.json"))
    assert len(names) >= 30
    for name in names:
        assert load(name)["source"], name
    kinds = {name.rsplit(".", 2)[1] for name in names}
    assert kinds == {"request", "response", "event", "error"}


# ---------------------------------------------------------------------------------- samples
# Which client call produces each request sample and reads each response sample.

Call = Callable[[PortingClient, dict[str, Any], int], Awaitable[Any]]
UPLOAD = "upload-document.response.json"

CALLS: dict[tuple[str, str], Call] = {
    ("POST", "/portabilityChecks"): lambda c, b, i: c.portability.check(b["phoneNumbers"]),
    ("POST", "/orders/portIns"): lambda c, b, i: c.orders.create(NewOrder.model_validate(b)),
    ("GET", "/orders/portIns"): lambda c, b, i: c.orders.list_page(),
    ("GET", "/orders/portIns/{id}"): lambda c, b, i: c.orders.get(i),
    ("PUT", "/orders/portIns/{id}"): lambda c, b, i: c.orders.update(
        i, Order.model_validate({**b, "id": i})
    ),
    ("POST", "/orders/portIns/{id}/notes"): lambda c, b, i: c.orders.add_note(i, b["note"]),
    ("POST", "/orders/portIns/{id}/documents"): lambda c, b, i: c.orders.upload_document(
        i, b["documentName"], base64.b64decode(b["fileContent"]), b["description"]
    ),
    ("GET", "/orders/{id}/documents/{doc}"): lambda c, b, i: c.orders.get_document(i, 5678),
    ("GET", "/orders/portIns/{id}/availableActivations"): lambda c, b, i: c.activation.available(i),
    ("POST", "/orders/portIns/{id}/activate"): lambda c, b, i: c.activation.activate(
        i, b["phoneNumberGroups"]
    ),
    ("GET", "/configuration"): lambda c, b, i: c.configuration.get(),
    ("PUT", "/configuration"): lambda c, b, i: c.configuration.update(
        Configuration.model_validate(b)
    ),
}


def _order_id(path: str) -> int:
    return next((int(part) for part in path.split("/") if part.isdigit()), 0)


def _template(path: str) -> str:
    parts = path.strip("/").split("/")
    named = []
    for index, part in enumerate(parts):
        if part.isdigit():
            named.append("{doc}" if index and parts[index - 1] == "documents" else "{id}")
        else:
            named.append(part)
    return "/" + "/".join(named)


def _answers(api: FakeApi) -> None:
    """Plausible answers for the calls whose answer a request sample does not test."""
    api.add("POST", "/portabilityChecks", load("portability-check.response.json")["body"])
    api.add("POST", "/orders/portIns", load("create-order.response.json")["body"], status=201)
    order = load("order-detail-openapi.response.json")["body"]
    api.add("PUT", "/orders/portIns/897867", order)
    api.add("POST", "/orders/portIns/897867/notes", load("add-note.response.json")["body"])
    api.add(
        "POST", "/orders/portIns/897867/documents", load("upload-document.response.json")["body"]
    )
    api.add("POST", "/orders/portIns/897867/activate", load("activate.response.json")["body"])
    api.add("PUT", "/configuration", load("configuration.response.json")["body"])


def _at(body: Any, path: str) -> Any:
    node = body
    for part in path.replace("]", "").replace("[", ".").split("."):
        node = node[int(part)] if part.isdigit() else node[part]
    return node


def _put_at(body: Any, path: str, value: Any) -> None:
    parts = path.replace("]", "").replace("[", ".").split(".")
    node = body
    for part in parts[:-1]:
        node = node[int(part)] if part.isdigit() else node[part]
    node[parts[-1]] = value


@pytest.mark.parametrize("name", sample_names("request"))
async def test_every_request_sample_is_sent_by_the_client_as_the_contract_wants(
    name: str,
) -> None:
    sample = load(name)
    method, path, body = sample["method"], sample["path"], sample["body"]
    if "invalid_against_openapi" in sample:
        with pytest.raises(ContractError):
            validate_request(method, path, body)
    api = FakeApi()  # validates every request body it receives against the contract
    _answers(api)
    async with make_client(api) as client:
        await CALLS[(method, _template(path))](client, body, _order_id(path))
    (sent,) = [r for r in api.sent(method, path) if r.content]
    wire = body_of(sent)
    validate_request(method, path, wire)
    expected = json.loads(json.dumps(body))
    for where, value in sample.get("normalised", {}).items():
        assert _at(wire, where) == value
        _put_at(expected, where, value)
    # Round trip: what the client sends is the sample itself (normalised where it must be).
    assert wire == expected


@pytest.mark.parametrize("name", sample_names("response"))
async def test_every_response_sample_is_read_by_the_client(name: str) -> None:
    sample = load(name)
    method, path, status, body = sample["method"], sample["path"], sample["status"], sample["body"]
    valid = "invalid_against_openapi" not in sample
    if valid:
        validate_response(method, path, status, body)
    else:
        with pytest.raises(ContractError):
            validate_response(method, path, status, body)
    api = FakeApi()
    api.add(method, path, body, status=status, contract=valid)
    request_sample = SAMPLES / name.replace(".response.", ".request.")
    request_body = load(request_sample.name)["body"] if request_sample.exists() else {}
    async with make_client(api) as client:
        result = await CALLS[(method, _template(path))](client, request_body, _order_id(path))
    _assert_nothing_unreadable(result)
    # Nothing the server sent is lost: every field comes back out of the model.
    if isinstance(body, dict) and hasattr(result, "model_dump") and "fileContent" not in body:
        dumped = result.model_dump(by_alias=True, mode="json")
        assert set(body) <= set(dumped)


def _assert_nothing_unreadable(result: Any) -> None:
    entries: list[Any] = [result] if not isinstance(result, list) else list(result)
    for entry in entries:
        for attribute in ("phone_numbers", "notes", "documents", "orders"):
            for item in getattr(entry, attribute, None) or []:
                assert getattr(item, "unreadable", None) is None, item


def test_the_reference_order_sample_is_read_field_by_field() -> None:
    order = Order.model_validate(load("order-detail-reference.response.json")["body"])
    (number,) = order.phone_numbers
    assert order.id == ORDER_ID
    assert order.created_date == date(2024, 9, 24)
    assert order.loa_attachment_date is not None
    assert str(order.loa_attachment_date) == "2024-09-24 12:00:00+00:00"
    assert number.port_out_info is not None
    assert number.port_out_info.authorizing_date == date(2024, 9, 24)
    assert number.status == "ON_HOLD"
    assert (number.model_extra or {})["carrierTicket"] == "VZ-771"
    assert (order.model_extra or {})["portingRegion"] == "US"


@pytest.mark.parametrize("name", sample_names("event"))
def test_every_webhook_sample_is_read(name: str) -> None:
    sample = load(name)
    validate_schema(sample["schema"], sample["body"])
    event = parse_webhook(json.dumps(sample["body"]))
    assert event.type == sample["body"]["type"]
    assert event.order_id == "897867"
    if event.order is not None:
        assert all(number.unreadable is None for number in event.order.phone_numbers)


@pytest.mark.parametrize("name", sample_names("error"))
def test_every_error_sample_is_read_with_all_its_details(name: str) -> None:
    sample = load(name)
    if "schema" in sample:
        validate_schema(sample["schema"], sample["body"])
    content_type = sample.get("content_type", "application/json")
    request = httpx.Request("GET", f"{API}/v1/projects/{PROJECT}/orders/portIns/1")
    response = httpx.Response(
        sample["status"],
        content=json.dumps(sample["body"]).encode(),
        headers={"Content-Type": content_type},
        request=request,
    )
    error = error_from_response(response)
    assert isinstance(error, PortingStatusError)
    assert error.status_code == sample["status"]
    expect = sample["expect"]
    assert error.message == expect["message"]
    assert error.error_name == expect["error_name"]
    violations = [[v.field, v.description] for v in error.field_violations]
    assert violations == expect.get("field_violations", [])
    if "detail_kinds" in expect:
        assert [detail.kind for detail in error.details] == expect["detail_kinds"]
    assert str(sample["status"]) != error.message


# -------------------------------------------------------------- a server like the reference
DATE_FORMS = {
    "date": "2024-09-24",
    "date-time Z": "2024-09-24T12:00:00Z",
    "fraction": "2024-09-24T12:00:00.123Z",
    "offset": "2024-09-24T12:00:00+02:00",
    "naive": "2024-09-24T12:00:00",
}
GARBAGE = "24/09/2024 noonish"


def reference_order(date_form: str | None = None) -> dict[str, Any]:
    """The reference's sample order, every date field in ``date_form`` when given."""
    body = load("order-detail-reference.response.json")["body"]
    if date_form is not None:
        number = body["phoneNumbers"][0]
        for key in ("createdDate", "loaAttachmentDate"):
            body[key] = date_form
        for key in ("focDate", "confirmedDate", "activatedDate", "exclusionDate"):
            number[key] = date_form
        number["portOutInfo"]["authorizingDate"] = date_form
        body["notes"][0]["createdTime"] = date_form
    return body


def reference_page(date_form: str | None = None) -> dict[str, Any]:
    body = load("list-orders-reference.response.json")["body"]
    if date_form is not None:
        for row in body["orders"]:
            row["createdDate"] = date_form
    return body


class ReferenceServer:
    """Answers the order list and order detail like the reference's samples; 404 otherwise."""

    def __init__(self, order: dict[str, Any], page: dict[str, Any]) -> None:
        self.order = order
        self.page = page
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self.handle)
        self.failures: dict[tuple[str, str], httpx.Response] = {}
        """(method, path) -> the error response to answer instead."""

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path.removeprefix(f"/v1/projects/{PROJECT}")
        if (request.method, path) in self.failures:
            return self.failures[request.method, path]
        if request.method == "GET" and path == "/orders/portIns":
            return httpx.Response(200, json=self.page)
        if request.method == "GET" and path.startswith("/orders/portIns/"):
            order_id = path.rsplit("/", 1)[-1]
            if order_id.isdigit():
                return httpx.Response(200, json={**self.order, "id": int(order_id)})
        body = {"code": "404", "error": "Not found", "message": f"No {path}"}
        return httpx.Response(404, json=body)

    def list_queries(self) -> list[dict[str, str]]:
        return [dict(r.url.params) for r in self.requests if r.url.path.endswith("/portIns")]


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


def broken_number_order() -> dict[str, Any]:
    body = reference_order()
    broken = {"phoneNumber": "+12345678902", "status": "CONFIRMED", "endUser": "Acme Corp"}
    body["phoneNumbers"].append(broken)
    return body


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


# ----------------------------------------------------------------------------------- the app
@pytest.fixture
async def app_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Callable[[ReferenceServer], Any]]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")

    def start(server: ReferenceServer) -> Any:
        client = PortingClient(
            PROJECT, key_id="key-id", key_secret="key-secret", base_url=API,
            transport=server.transport, max_retries=0,
        )  # fmt: skip
        session = make_session(server.transport, tmp_path, client=client, project_id=PROJECT)
        return PortingApp(session).run_test(size=(140, 40))

    yield start


async def open_first_order(pilot: Pilot[None]) -> OrderDetailScreen:
    await settle(pilot)
    table = pilot.app.screen.query_one(OrderTable)
    await wait_until(pilot, lambda: len(table.visible_orders) > 0, "the order list to show rows")
    await pilot.press("enter")
    await wait_until(
        pilot, lambda: isinstance(pilot.app.screen, OrderDetailScreen), "the order detail"
    )
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, OrderDetailScreen)
    return screen


def table_text(pilot: Pilot[None]) -> str:
    table = pilot.app.screen.query_one(OrderTable)
    return "\n".join(
        table.render_line(y).text for y in range(table.scrollable_content_region.height)
    )


def number_rows(screen: OrderDetailScreen) -> list[str]:
    rows = []
    for option in screen.query_one(NumbersPanel).option_list.options:
        console = Console(width=130, record=True, color_system=None, file=io.StringIO())
        console.print(option.prompt)
        # The reason column wraps: one line per row reads more simply.
        rows.append(" ".join(console.export_text().split()))
    return rows


@pytest.mark.parametrize("form", ["date-time Z", "offset", "garbage"])
async def test_the_app_opens_the_reference_list_and_detail(
    app_on: Callable[[ReferenceServer], Any], form: str
) -> None:
    value = GARBAGE if form == "garbage" else DATE_FORMS[form]
    server = ReferenceServer(reference_order(value), reference_page(value))
    async with app_on(server) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: "890192331" in table_text(pilot), "the reference rows")
        listed = table_text(pilot)
        assert "ON_HOLD" in listed
        assert (GARBAGE[:8] if form == "garbage" else "2024-09-24") in listed
        screen = await open_first_order(pilot)
        summary = str(screen.query_one("#summary", Static).render())
        assert f"created {GARBAGE if form == 'garbage' else '2024-09-24'}" in summary
        (row,) = number_rows(screen)
        assert "+12345678901" in row and "ON_HOLD" in row
        assert "unreadable" not in row


async def test_the_app_shows_a_number_it_cannot_read_and_its_raw_entry_one_key_away(
    app_on: Callable[[ReferenceServer], Any],
) -> None:
    server = ReferenceServer(broken_number_order(), reference_page())
    async with app_on(server) as pilot:
        screen = await open_first_order(pilot)
        good, odd = number_rows(screen)
        assert "+12345678901" in good and "unreadable" not in good
        assert "+12345678902" in odd
        assert "unreadable: endUser: Input should be a valid dictionary" in odd
        panel = screen.query_one(NumbersPanel)
        panel.option_list.focus()
        panel.option_list.highlighted = 1
        await pilot.press("w")
        await wait_until(
            pilot, lambda: isinstance(pilot.app.screen, CopiedTextDialog), "the raw entry"
        )
        shown = pilot.app.screen.query_one("TextArea").text  # type: ignore[attr-defined]
        assert json.loads(shown) == {
            "phoneNumber": "+12345678902",
            "status": "CONFIRMED",
            "endUser": "Acme Corp",
        }
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        messages = [n.message for n in pilot.app._notifications]
        assert any("could not read" in message for message in messages), messages
        assert isinstance(pilot.app.screen, OrderDetailScreen)


async def test_the_app_lists_a_page_with_rows_it_cannot_read(
    app_on: Callable[[ReferenceServer], Any],
) -> None:
    page = reference_page()
    page["orders"][1:1] = [{"id": "not-a-number", "status": "PENDING"}, 42]
    server = ReferenceServer(reference_order(), page)
    async with app_on(server) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: "897867" in table_text(pilot), "the readable rows")
        listed = table_text(pilot)
        assert "890192331" in listed
        assert "unreadable: id: Input should be a valid" in listed
        assert "UNREADABLE" in listed  # the row that carried no status either
        table = pilot.app.screen.query_one(OrderTable)
        assert len(table.visible_orders) == 4
