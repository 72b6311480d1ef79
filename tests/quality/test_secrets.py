"""A whole session with every logger at DEBUG: no key secret, token, Authorization header,
port-out PIN or account number in the log, the audit log, exported files or the output of any
command; every file that holds one is 0600 and every folder 0700.

The emulator serves over loopback HTTP (so httpx and httpcore log as they would against Sinch)
with credentials of its own; the session goes through the real entry points: ``profile add``
with a typed secret, OAuth tokens, an order with PINs created, edited, noted and given a
document on the command line, then viewed, edited, exported and drafted in the app.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import io
import json
import logging
import sqlite3
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from textual import events
from textual.widgets import Input

from porting_tui.cli import cli
from porting_tui.emulator import Emulator, EmulatorSettings, create_emulator
from porting_tui.emulator.server import serving
from porting_tui.listing.session import ListSettings
from porting_tui.tui.app import PortingApp
from porting_tui.tui.launch import profile_session
from porting_tui.tui.screens.create_order.create_order_screen import CreateOrderScreen
from porting_tui.tui.screens.order_list.order_list_screen import OrderListScreen
from porting_tui.tui.widgets.wizard_field_form import field_dom_id
from tests.quality.conftest import START, settle
from tests.quality.wizard_data import fresh_numbers

PROJECT = "acme-project"
KEY_ID = "key-7Hq2Wm"
KEY_SECRET = "sk-Qz7fW3pL9xR2vN8cTb4"
PIN = "739164"
NEW_PIN = "480519"
ACCOUNT = "ACCT-55X9Q7"
DRAFT_PIN = "615273"


@contextlib.contextmanager
def served(emulator: Emulator) -> Iterator[str]:
    """The emulator on a loopback port, in a thread of its own (the CLI runs its own loop)."""
    ready = threading.Event()
    url: list[str] = []
    stop: list[asyncio.Event] = []
    loops: list[asyncio.AbstractEventLoop] = []

    async def serve() -> None:
        async with serving(emulator) as base_url:
            url.append(base_url)
            stop.append(asyncio.Event())
            loops.append(asyncio.get_running_loop())
            ready.set()
            await stop[0].wait()

    thread = threading.Thread(target=asyncio.run, args=(serve(),), daemon=True)
    thread.start()
    assert ready.wait(timeout=30), "the emulator did not start"
    try:
        yield url[0]
    finally:
        loops[0].call_soon_threadsafe(stop[0].set)
        thread.join(timeout=30)


@pytest.fixture
def debug_log(tmp_path: Path) -> Iterator[Path]:
    """Every logger at DEBUG into one file, as a user chasing a problem would set it up."""
    path = tmp_path / "debug.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    levels = {name: logging.getLogger(name).level for name in logging.root.manager.loggerDict}
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    for name in levels:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(old_level)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


def order_file(folder: Path, numbers: list[str]) -> Path:
    body = {
        "customerOrderReference": "SECRETS-1",
        "desiredPortSchedule": {"desiredPortDate": "2026-12-07", "desiredPortTimeZone": "GMT"},
        "phoneNumbers": [
            {
                "phoneNumber": number,
                "voiceConfiguration": {"type": "EST", "trunkId": "trunk-1"},
                "endUser": {
                    "name": "Acme Inc",
                    "streetNum": "12",
                    "streetName": "Main",
                    "city": "Chicago",
                    "state": "IL",
                    "zipCode": "60601",
                },
                "portOutInfo": {"existingPortOutPin": PIN, "accountNum": ACCOUNT},
                "newPortOutPin": NEW_PIN,
            }
            for number in numbers
        ],
    }
    path = folder / "order.json"
    path.write_text(json.dumps(body))
    return path


def command_line_session(url: str, folder: Path) -> tuple[list[Result], int]:
    """What an operator scripts: a profile, a check, an order with PINs, an edit, a note, a
    document, listings; every result, and the new order's id."""
    runner = CliRunner()
    add = ["profile", "add", "acme", "--project-id", PROJECT, "--key-id", KEY_ID, "--default"]
    oauth = ["--auth", "oauth", "--api-url", url, "--auth-url", f"{url}/oauth2/token"]
    results = [
        runner.invoke(cli, [*add, *oauth], input=f"{KEY_SECRET}\n{KEY_SECRET}\n"),
        runner.invoke(cli, ["profile", "list"]),
        runner.invoke(cli, ["profile", "show", "acme"]),
        runner.invoke(cli, ["profile", "test", "acme"]),
    ]
    order = order_file(folder, fresh_numbers(3))
    created = runner.invoke(cli, ["orders", "create", "--from-file", str(order), "--json"])
    results.append(created)
    assert created.exit_code == 0, created.output
    order_id = int(json.loads(created.stdout)["id"])
    loa = folder / "loa.pdf"
    loa.write_bytes(b"%PDF-1.4 signed letter of authorization")
    results += [
        runner.invoke(cli, ["orders", "get", str(order_id)]),
        runner.invoke(cli, ["orders", "get", str(order_id), "--json"]),
        runner.invoke(
            cli,
            ["orders", "edit", str(order_id), "--set", f"portOutInfo.accountNum={ACCOUNT}-2"],
        ),
        runner.invoke(cli, ["orders", "add-note", str(order_id), "PIN confirmed by phone."]),
        runner.invoke(cli, ["documents", "upload", str(order_id), str(loa)]),
        runner.invoke(cli, ["orders", "list", "--all", "--json"]),
        runner.invoke(cli, ["check", "+13125550143", "--json"]),
    ]
    for result in results:
        assert result.exit_code == 0, result.output
    return results, order_id


async def app_session() -> None:
    """The app on the profile: open the new order, look at its edit form, export the list,
    and type a PIN into a new order's form (a draft that holds it)."""
    session = profile_session("acme", ListSettings(), io.StringIO())
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, OrderListScreen), "the order opened"
        await pilot.press("E")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        while not isinstance(app.screen, OrderListScreen):
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, CreateOrderScreen)
        app.screen.query_one("#numbers-text").focus()
        await pilot.pause()
        app.post_message(events.Paste(fresh_numbers(4)[0]))
        await settle(pilot)
        await pilot.press("ctrl+right")
        await settle(pilot)
        await pilot.press("ctrl+right")
        await settle(pilot)
        pin = app.screen.query_one(f"#{field_dom_id('portOutInfo.existingPortOutPin')}", Input)
        pin.value = DRAFT_PIN
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)


def texts_of_audit_log(data_home: Path) -> str:
    rows = []
    for path in data_home.rglob("state.sqlite3"):
        with contextlib.closing(sqlite3.connect(path)) as db:
            rows += [repr(row) for row in db.execute("SELECT * FROM audit_log")]
    assert rows, "the session's changes were audited"
    return "\n".join(rows)


def private_modes(home: Path) -> list[str]:
    """Every file under ``home`` that is not 0600, or folder that is not 0700."""
    wrong = []
    for path in [home, *home.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        wanted = 0o700 if path.is_dir() else 0o600
        if mode != wanted:
            wrong.append(f"{path.relative_to(home.parent)}: {mode:o}")
    return wrong


def test_a_whole_session_leaves_no_secret_behind(
    private_homes: Path, debug_log: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads = tmp_path / "downloads"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(downloads))
    monkeypatch.chdir(tmp_path)
    emulator = create_emulator(
        EmulatorSettings(
            orders=10,
            seed=7,
            speed=0,
            start=START,
            project_id=PROJECT,
            key_id=KEY_ID,
            key_secret=KEY_SECRET,
            webhook_delivery=False,
        )
    )
    with served(emulator) as url:
        results, _ = command_line_session(url, tmp_path)
        asyncio.run(app_session())
        tokens = list(emulator.credentials._tokens)
    assert tokens, "the profile authenticated with OAuth tokens"
    assert list(downloads.rglob("*.csv")), "the app exported the list"
    basic = base64.b64encode(f"{KEY_ID}:{KEY_SECRET}".encode()).decode()
    secrets = {
        "key secret": KEY_SECRET,
        "basic header": basic,
        "port-out PIN": PIN,
        "new port-out PIN": NEW_PIN,
        "account number": ACCOUNT,
        "draft PIN": DRAFT_PIN,
        **{f"token {n}": token for n, token in enumerate(tokens)},
    }
    places = {
        "debug log": debug_log.read_text(encoding="utf-8"),
        "audit log": texts_of_audit_log(private_homes),
        "exports": "\n".join(p.read_text() for p in downloads.rglob("*") if p.is_file()),
    }
    for number, result in enumerate(results):
        places[f"command {number} stdout"] = result.stdout
        places[f"command {number} stderr"] = result.stderr
    assert "GET /v1/projects" in places["debug log"] or "HTTP Request" in places["debug log"]
    leaks = [
        f"{what} in the {where}"
        for where, text in places.items()
        for what, secret in secrets.items()
        if secret in text
    ]
    assert leaks == []
    config_home = private_homes.parent / "xdg-config" / "porting-tui"
    assert KEY_SECRET in (config_home / "config.toml").read_text(), "the typed secret is kept"
    assert private_modes(config_home) == []
    assert private_modes(private_homes / "porting-tui") == []
    store = private_homes / "porting-tui" / "state.sqlite3"
    with contextlib.closing(sqlite3.connect(store)) as db:
        drafts = [row[0] for row in db.execute("SELECT body FROM order_drafts")]
    assert any(DRAFT_PIN in body for body in drafts), "the draft keeps the PIN, in a 0600 file"
