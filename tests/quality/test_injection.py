"""Server text is shown literally: Rich markup, ANSI and OSC escape sequences and control
characters in every string the API sends (notes, names, reasons, references, document names,
carrier names) reach neither Rich's markup parser nor the terminal, in the app and on the
command line.

The emulator's records are given hostile values directly (a real server would store what any
client sent); carrier names, which the emulator derives from the number, are rewritten on
their way back by a transport.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from textual import events
from textual.widgets import TabbedContent

from porting_tui.cli import cli
from porting_tui.emulator import DEMO_KEY_ID, DEMO_KEY_SECRET, DEMO_PROJECT_ID, Emulator
from porting_tui.emulator.records import DocumentRecord, NoteRecord, OrderRecord
from porting_tui.tui.app import PortingApp
from porting_tui.tui.screens.create_order.create_order_screen import CreateOrderScreen
from porting_tui.tui.screens.events_screen import EventsScreen
from porting_tui.tui.screens.order_list.order_list_screen import OrderListScreen
from tests.quality.conftest import (
    START,
    QualityTransport,
    make_session,
    raw_controls,
    screen_text,
    settle,
)
from tests.waiting import wait_until

MARKUP = "[bold red]x[/]"
LINK = "[link=http://evil.example]y[/link]"
ESCAPES = (
    "\x1b[31m"  # ANSI colour
    "\x1b]52;c;cHduZWQ=\x07"  # OSC 52: write the clipboard
    "\x1b]8;;http://evil\x1b\\z\x1b]8;;\x1b\\"  # OSC 8: a hyperlink
    "\x07\x00\x7f\x9b"  # BEL, NUL, DEL, CSI (C1)
)


def hostile(label: str, markup: str = MARKUP) -> str:
    """A short label, markup, then every escape: what a hostile or broken server may send."""
    return f"{label}{markup}{ESCAPES}"


def poison(order: OrderRecord) -> None:
    """Every server-provided string of ``order`` made hostile."""
    order.customer_order_reference = hostile("R")
    order.reseller_name = hostile("Reseller", LINK)
    order.loa_uploaded_by = hostile("LOA", LINK)
    order.notes.append(NoteRecord(9001, hostile("Note ", LINK), START, hostile("Author")))
    order.documents.append(DocumentRecord(9002, hostile("doc"), hostile("Desc"), "aGk=", "x"))
    first = order.numbers[0]
    first.status = "REJECTED"
    first.reject_reason = hostile("Reason ")
    first.data = {**first.data, "endUser": {**first.data.get("endUser", {}), "name": hostile("N")}}


@pytest.fixture
def poisoned(emulator: Emulator) -> OrderRecord:
    """The newest PENDING order (first in the Pending view), with hostile text everywhere."""
    pending = [order for order in emulator.store.orders.values() if order.status == "PENDING"]
    order = max(pending, key=lambda order: order.id)
    poison(order)
    emulator.store.touch(order)
    return order


def rewrite_carriers(request: httpx.Request, response: httpx.Response, body: bytes) -> bytes:
    """Portability answers whose carrier and reason are hostile."""
    if not request.url.path.endswith("/portabilityChecks") or response.status_code != 200:
        return body
    answer = json.loads(body)
    for item in answer.get("phoneNumbers", []):
        item["carrier"] = hostile("Carrier ")
        item["reason"] = hostile("Why ", LINK)
    return json.dumps(answer).encode()


class CarrierRewriting(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        body = rewrite_carriers(request, response, await response.aread())
        headers = [(k, v) for k, v in response.headers.items() if k.lower() != "content-length"]
        return httpx.Response(response.status_code, headers=headers, content=body)


def squeezed(text: str) -> str:
    """Text without spaces, line breaks and box borders: long values wrap inside panels."""
    return "".join(char for char in text if not char.isspace() and char not in "│")


def assert_literal(app: PortingApp, where: str, *expected: str) -> None:
    text = squeezed(screen_text(app))
    assert raw_controls(app) == [], f"{where}: control characters or links reach the terminal"
    for literal in expected:
        assert squeezed(literal) in text, f"{where}: {literal!r} is not shown as typed"


async def test_the_order_list_detail_and_attention_show_server_text_literally(
    poisoned: OrderRecord, transport: QualityTransport, tmp_path: Path
) -> None:
    app = PortingApp(make_session(transport, tmp_path))
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, OrderListScreen)
        # Needs attention opens by itself once ranked; the list is one key away.
        await pilot.press("1")
        await settle(pilot)
        assert_literal(app, "order list", f"R{MARKUP}")
        await pilot.press("0")
        await settle(pilot)
        assert_literal(app, "needs attention")
        await pilot.press("1", "3")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, OrderListScreen)
        assert_literal(app, "order", f"Reason {MARKUP}", f"Note {LINK}", f"Author{MARKUP}")
        summary = str(app.screen.query_one("#summary").render())
        assert f"ref R{MARKUP}" in summary.replace("\n", " ")
        tabs = app.screen.query_one(TabbedContent)
        for tab in ("documents-tab", "groups-tab", "timeline-tab"):
            tabs.active = tab
            await settle(pilot)
            assert_literal(app, tab)
        tabs.active = "documents-tab"
        await settle(pilot)
        assert_literal(app, "documents", f"doc{MARKUP}")


async def test_carrier_names_and_reasons_in_the_wizard_are_shown_literally(
    emulator: Emulator, tmp_path: Path
) -> None:
    transport = QualityTransport(CarrierRewriting(httpx.ASGITransport(app=emulator.app)))
    app = PortingApp(make_session(transport, tmp_path, attention=False))
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, CreateOrderScreen)
        app.screen.query_one("#numbers-text").focus()
        await pilot.pause()
        app.post_message(events.Paste("+13125550100\n+12125550100"))
        await settle(pilot)
        await pilot.press("ctrl+right")
        await settle(pilot)
        reason = squeezed("Why [link=http://evil")
        await wait_until(
            pilot, lambda: reason in squeezed(screen_text(app)), "the portability results"
        )
        assert_literal(app, "portability", f"Carrier {MARKUP}", "Why [link=http://evil")


async def test_webhook_events_are_shown_literally(
    emulator: Emulator, transport: QualityTransport, tmp_path: Path
) -> None:
    from porting_tui.client import parse_webhook
    from porting_tui.local.store import LocalStore
    from porting_tui.webhooks import WebhookEventStore

    session = make_session(transport, tmp_path, attention=True)
    assert session.attention is not None and session.attention.local.store is not None
    raw = json.dumps({"type": "NEW_ORDER_NOTE", "orderId": "700001", "note": hostile("Hook ")})
    store = WebhookEventStore(LocalStore.open(session.attention.local.store.path))
    store.add(parse_webhook(raw), raw, profile=session.profile_name)
    app = PortingApp(session)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("W")
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)
        assert_literal(app, "events", f"Hook {MARKUP}")
        await pilot.press("u")
        await settle(pilot)
        assert_literal(app, "events as received", "Hook [bold red]")


@pytest.fixture
def cli_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, emulator: Emulator
) -> Iterator[CliRunner]:
    monkeypatch.setenv("SINCH_PROJECT_ID", DEMO_PROJECT_ID)
    monkeypatch.setenv("SINCH_KEY_ID", DEMO_KEY_ID)
    monkeypatch.setenv("SINCH_KEY_SECRET", DEMO_KEY_SECRET)
    monkeypatch.setenv("SINCH_PORTING_URL", "http://127.0.0.1:8787")
    monkeypatch.chdir(tmp_path)
    yield CliRunner()


CLI_COMMANDS = {
    "orders list": (["orders", "list"], [f"R{MARKUP}"]),
    "orders get": (["orders", "get", "{order}"], [f"R{MARKUP}", f"Note {LINK}", "Reason "]),
    "check": (["check", "+13125550100"], [f"Carrier {MARKUP}", "Why [link="]),
}


@pytest.mark.parametrize("command", list(CLI_COMMANDS))
def test_the_command_line_prints_server_text_without_escapes(
    cli_run: CliRunner, emulator: Emulator, poisoned: OrderRecord, command: str
) -> None:
    args, expected = CLI_COMMANDS[command]
    args = [arg.format(order=poisoned.id) for arg in args]
    transport = CarrierRewriting(httpx.ASGITransport(app=emulator.app))
    obj = {"transport": transport, "client_options": {"max_retries": 0}}
    result = cli_run.invoke(cli, args, obj=obj)
    assert result.exit_code == 0, result.output
    controls = [c for c in result.stdout if c != "\n" and (ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0)]
    assert controls == [], f"raw control characters on stdout: {controls!r}"
    for literal in expected:
        assert literal in result.stdout, f"{literal!r} missing from:\n{result.stdout}"
