"""Bad input, table-driven: each value is refused at its field with a message that says what is
wrong, and nothing reaches the API (a recording transport sees no request after the attempt).

Surfaces: the wizard (typed values and CSV files), the filter dialog, the note and upload
dialogs of an order, the project defaults screen, and the command line.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual import events
from textual.widgets import Input, Static, TextArea

from porting_tui.cli import cli
from porting_tui.domain.draft_fields import Step
from porting_tui.emulator import DEMO_KEY_ID, DEMO_KEY_SECRET, DEMO_PROJECT_ID, Emulator
from porting_tui.listing.session import Session
from porting_tui.tui.app import PortingApp
from porting_tui.tui.screens.settings_screen import error_id, field_id
from porting_tui.tui.widgets.wizard_field_form import field_dom_id
from tests.quality.conftest import QualityTransport, make_session, settle
from tests.tui.create_order.wizard_helpers import (
    WizardApp,
    WizardSession,
    fill,
    make_client,
    ready_draft,
)

CONTROL = "Acme\x1b[31m Inc"
LONG_REFERENCE = "R" * 101
A_CANADIAN_NUMBER = "+14165550123"


@dataclass(frozen=True)
class Bad:
    """One bad value: where it is typed, what it is, and what the message at the field says."""

    surface: str
    field: str
    value: str
    says: str
    step: Step = Step.NUMBERS
    """For the wizard: the step the value is typed on."""
    numbers: tuple[str, ...] = ()
    """For the wizard: the order's numbers, when the case needs particular ones."""
    extra: tuple[str, ...] = field(default_factory=tuple)
    """For the command line: the command before the bad value."""


CASES = [
    # The wizard's numbers step: text pasted into the numbers box
    Bad("wizard", "numbers", "312-555-01", "not US or Canadian numbers (first: line 1"),
    Bad("wizard", "numbers", "+44 20 7946 0958", "not US or Canadian numbers"),
    Bad("wizard", "numbers", "hello world", "not US or Canadian numbers"),
    Bad("wizard", "numbers", "", "needs at least one number"),
    Bad("wizard", "numbers", "501", "has 501 numbers; one order holds at most 500"),
    # End user and port-out data
    Bad("wizard", "endUser.state", "XX", "XX", Step.END_USER),
    Bad("wizard", "endUser.zipCode", "1234", "ZIP", Step.END_USER),
    Bad("wizard", "endUser.zipCode", "K1A 0B1", "K1A 0B1", Step.END_USER),
    Bad("wizard", "endUser.zipCode", "606O6", "606O6", Step.END_USER),
    Bad("wizard", "endUser.name", "", "is required", Step.END_USER),
    Bad("wizard", "endUser.name", CONTROL, "control character '\\x1b'", Step.END_USER),
    Bad("wizard", "endUser.city", "Chi\x07cago", "control character '\\x07'", Step.END_USER),
    Bad("wizard", "endUser.state", "Illinois", "Illinois", Step.END_USER),
    Bad("wizard", "portOutInfo.authorizingDate", "2026-12-01", "today or earlier", Step.END_USER),
    Bad("wizard", "portOutInfo.authorizingDate", "2026-13-01", "YYYY-MM-DD", Step.END_USER),
    Bad(
        "wizard",
        "portOutInfo.accountPhoneNumber",
        "12",
        "not a valid North American number",
        Step.END_USER,
    ),
    # Routing
    Bad("wizard", "voiceConfiguration.id", "", "is required: the", Step.ROUTING),
    Bad("wizard", "features.e911.city", "", "is required for an E911 address", Step.ROUTING),
    # Schedule and details
    Bad("wizard", "desiredPortSchedule.desiredPortDate", "2026-11-20", "past", Step.SCHEDULE),
    Bad("wizard", "desiredPortSchedule.desiredPortDate", "2026-11-28", "Saturday", Step.SCHEDULE),
    Bad("wizard", "desiredPortSchedule.desiredPortDate", "2026-12-25", "holiday", Step.SCHEDULE),
    Bad("wizard", "desiredPortSchedule.desiredPortDate", "30/11/2026", "YYYY-MM-DD", Step.SCHEDULE),
    Bad("wizard", "desiredPortSchedule.desiredPortTime", "25:00", "HH:MM", Step.SCHEDULE),
    Bad("wizard", "customerOrderReference", LONG_REFERENCE, "at most 100", Step.SCHEDULE),
    Bad("wizard", "customerOrderReference", "PO\x1b]52;c;aGk=\x07", "'\\x1b'", Step.SCHEDULE),
    Bad("wizard", "loaAttachmentDate", "2027-01-04", "today or earlier", Step.SCHEDULE),
    Bad(
        "wizard",
        "resellerName",
        "",
        "the order has Canadian numbers",
        Step.SCHEDULE,
        numbers=(A_CANADIAN_NUMBER,),
    ),
    # CSV files imported into the wizard (ctrl+o)
    Bad("csv", "encoding", "latin-1", "UTF-8"),
    Bad("csv", "binary", "binary", "binary"),
    Bad("csv", "zipCode", "zip", "line 2, column zipCode"),
    Bad("csv", "phoneNumber", "number", "line 2, column phoneNumber"),
    Bad("csv", "state", "state", "line 2, column state"),
    # The filter dialog (f)
    Bad("filters", "created_from", "last tuesday", "is not a date"),
    Bad("filters", "foc_to", "2026-02-30", "is not a date"),
    Bad("filters", "status", "bogus", "unknown status 'bogus'"),
    Bad("filters", "phone", "12345", "is not a phone number"),
    Bad("filters", "order_id", "70000x", "is not an order id"),
    Bad("filters", "reference", LONG_REFERENCE, "at most 100 characters"),
    # The note dialog of an order (n)
    Bad("note", "note", "", "cannot be empty"),
    Bad("note", "note", "   \n  ", "cannot be empty"),
    Bad("note", "note", "PIN is 1234\x1b[2J", "control character '\\x1b'"),
    # The upload dialog of an order (u)
    Bad("upload", "path", "", "Type the path of the file"),
    Bad("upload", "path", "missing.pdf", "cannot read"),
    Bad("upload", "path", "empty.pdf", "is empty"),
    Bad("upload", "path", "folder", "is a folder"),
    Bad("upload", "path", "huge.pdf", "10,485,761 bytes"),
    # Project defaults (S)
    Bad("settings", "contact.email", "dana@", "dana@"),
    Bad("settings", "contact.phone", "555-0143", "555-0143"),
    Bad("settings", "webhookUrl", "http://hooks.example.com/x", "http"),
    Bad("settings", "webhookUrl", "hooks.example.com", "hooks.example.com"),
    Bad("settings", "defaultPortTime", "9am", "HH:MM"),
    Bad("settings", "contact.name", "Dana\x1b[8m", "control character '\\x1b'"),
    # The command line
    Bad("cli", "NUMBER", "555-01", "555-01", extra=("check",)),
    Bad("cli", "--created-from", "someday", "someday", extra=("orders", "list")),
    Bad("cli", "--page-size", "1001", "1001", extra=("orders", "list")),
    Bad("cli", "--contact-email", "dana@", "dana@", extra=("config", "set")),
    Bad("cli", "--webhook-url", "http://hooks.example.com", "http", extra=("config", "set")),
    Bad("cli", "--default-zone", "US/Hawaii", "US/Hawaii", extra=("config", "set")),
    Bad("cli", "TEXT", "  ", "empty", extra=("orders", "add-note", "700001")),
    Bad("cli", "TEXT", "ok\x1b[31m", "control character", extra=("orders", "add-note", "700001")),
    Bad("cli", "FILE", "latin-1", "UTF-8", extra=("orders", "create", "--from-file")),
    Bad("cli", "FILE", "huge.pdf", "10,485,761 bytes", extra=("documents", "upload", "700001")),
    Bad(
        "cli",
        "--set",
        "endUser.state=XX",
        "XX",
        extra=("orders", "edit", "700001"),
    ),
]


def case_id(case: Bad) -> str:
    shown = case.value if len(case.value) < 16 else case.value[:13] + "..."
    return f"{case.surface}:{case.field}={shown!r}"


# Files the CSV, upload and CLI cases read


def bad_file(folder: Path, kind: str) -> Path:
    """Write the file a case names (``latin-1``, ``binary``, ``huge.pdf``...); its path."""
    header = "phoneNumber,name,streetNum,streetName,city,state,zipCode,desiredPortDate\n"
    good = "+13125550100,Acme,1,Main,Chicago,IL,60601,2026-11-30\n"
    rows = {
        "latin-1": (header + "+13125550100,Café Müller,1,Main,Chicago,IL,60601,\n").encode(
            "latin-1"
        ),
        "binary": b"%PDF-1.7\x00\x01\x02\xff\xfe" * 40,
        "zip": (header + good.replace("60601", "6060")).encode(),
        "number": (header + good.replace("+13125550100", "+1312555")).encode(),
        "state": (header + good.replace(",IL,", ",ZZ,")).encode(),
        "empty.pdf": b"",
    }
    path = folder / (kind if "." in kind else f"{kind}.csv")
    if kind == "folder":
        path = folder / "folder"
        path.mkdir(exist_ok=True)
    elif kind == "huge.pdf":
        with path.open("wb") as stream:
            stream.truncate(10 * 1024 * 1024 + 1)
    elif kind in rows:
        path.write_bytes(rows[kind])
    return path


# How each surface is driven; each returns (the message at the field, requests sent meanwhile)

Outcome = tuple[str, list[str]]


def sent_since(transport: QualityTransport, before: int) -> list[str]:
    return [f"{r.method} {r.url.path}" for r in transport.requests[before:]]


def static_text(screen: object, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())  # type: ignore[attr-defined]


async def in_wizard(case: Bad, transport: QualityTransport, tmp_path: Path) -> Outcome:
    if case.step == Step.NUMBERS:
        draft = None
    else:
        draft = ready_draft(case.step, list(case.numbers) or None)
    app = WizardApp(WizardSession(make_client(transport), tmp_path), None, draft=draft)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        if case.step == Step.NUMBERS:
            text = case.value
            if text == "501":
                text = "\n".join(f"+1312555{n:04d}" for n in range(1000, 1501))
            app.wizard.query_one("#numbers-text", TextArea).focus()
            await pilot.pause()
            app.post_message(events.Paste(text))
            await settle(pilot)
        elif case.field == "voiceConfiguration.id":
            await fill(pilot, {"voiceConfiguration.type": "EST"})
        elif case.field.startswith("features.e911"):
            await fill(pilot, {"features.e911.name": "Acme", "features.e911.streetNum": "1"})
        else:
            await fill(pilot, {case.field: case.value})
        before = len(transport.requests)
        await pilot.press("ctrl+right")
        await settle(pilot)
        step = app.wizard.current_step
        if case.step == Step.NUMBERS:
            message = static_text(step, "#numbers-problems")
        else:
            message = static_text(step, f"#error-{field_dom_id(case.field)}")
        assert app.wizard.draft.step == case.step, "the wizard stays on the step"
        return message, sent_since(transport, before)


async def in_csv_import(case: Bad, transport: QualityTransport, tmp_path: Path) -> Outcome:
    path = bad_file(tmp_path, case.value)
    app = WizardApp(WizardSession(make_client(transport), tmp_path), None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = len(transport.requests)
        await pilot.press("ctrl+o")
        await settle(pilot)
        app.screen.query_one("#csv-path", Input).value = str(path)
        await pilot.press("enter")
        await settle(pilot)
        message = static_text(app.wizard.current_step, "#numbers-problems")
        assert not app.wizard.draft.numbers, "nothing was imported"
        return message, sent_since(transport, before)


async def in_app(
    session: Session,
    transport: QualityTransport,
    open_keys: tuple[str, ...],
    enter: Callable[[PortingApp], Awaitable[None]],
    send_keys: tuple[str, ...],
    read: Callable[[PortingApp], str],
) -> Outcome:
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in open_keys:
            await pilot.press(key)
            await settle(pilot)
        await enter(app)
        await settle(pilot)
        before = len(transport.requests)
        await pilot.press(*send_keys)
        await settle(pilot)
        return read(app), sent_since(transport, before)


async def in_filters(case: Bad, session: Session, transport: QualityTransport) -> Outcome:
    async def enter(app: PortingApp) -> None:
        app.screen.query_one(f"#field-{case.field}", Input).value = case.value

    def read(app: PortingApp) -> str:
        return static_text(app.screen, f"#error-{case.field}")

    return await in_app(session, transport, ("f",), enter, ("ctrl+s",), read)


async def in_note(case: Bad, session: Session, transport: QualityTransport) -> Outcome:
    async def enter(app: PortingApp) -> None:
        app.screen.query_one("#note", TextArea).load_text(case.value)

    def read(app: PortingApp) -> str:
        assert app.screen.query_one("#note", TextArea).text == case.value, "the text is kept"
        return static_text(app.screen, "#error")

    return await in_app(session, transport, ("enter", "n"), enter, ("ctrl+s",), read)


async def in_upload(
    case: Bad, session: Session, transport: QualityTransport, tmp_path: Path
) -> Outcome:
    typed = str(bad_file(tmp_path, case.value)) if case.value else ""

    async def enter(app: PortingApp) -> None:
        app.screen.query_one("#path", Input).value = typed

    def read(app: PortingApp) -> str:
        return static_text(app.screen, "#error")

    return await in_app(session, transport, ("enter", "u"), enter, ("ctrl+s",), read)


async def in_settings(case: Bad, session: Session, transport: QualityTransport) -> Outcome:
    async def enter(app: PortingApp) -> None:
        app.screen.query_one(f"#{field_id(case.field)}", Input).value = case.value

    def read(app: PortingApp) -> str:
        return static_text(app.screen, f"#{error_id(case.field)}")

    return await in_app(session, transport, ("S",), enter, ("ctrl+s",), read)


def in_cli(case: Bad, transport: QualityTransport, tmp_path: Path) -> Outcome:
    value = case.value
    if case.field == "FILE":
        value = str(bad_file(tmp_path, case.value))
    args = [*case.extra]
    args += [value] if case.field.isupper() else [case.field, value]
    obj = {"transport": transport, "client_options": {"max_retries": 0}}
    result = CliRunner().invoke(cli, args, obj=obj)
    assert result.exit_code in (1, 2), (result.exit_code, result.output)
    return result.output, sent_since(transport, 0)


@pytest.fixture
def cli_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SINCH_PROJECT_ID", DEMO_PROJECT_ID)
    monkeypatch.setenv("SINCH_KEY_ID", DEMO_KEY_ID)
    monkeypatch.setenv("SINCH_KEY_SECRET", DEMO_KEY_SECRET)
    monkeypatch.setenv("SINCH_PORTING_URL", "http://127.0.0.1:8787")
    monkeypatch.chdir(tmp_path)


APP_CASES = [case for case in CASES if case.surface != "cli"]
CLI_CASES = [case for case in CASES if case.surface == "cli"]


@pytest.mark.parametrize("case", APP_CASES, ids=[case_id(case) for case in APP_CASES])
async def test_bad_input_in_the_app_is_refused_at_its_field_and_nothing_is_sent(
    case: Bad, emulator: Emulator, transport: QualityTransport, tmp_path: Path
) -> None:
    # No Needs attention: its background reading has nothing to do with these fields.
    session = make_session(transport, tmp_path, attention=False)
    if case.surface == "wizard":
        message, sent = await in_wizard(case, transport, tmp_path)
    elif case.surface == "csv":
        message, sent = await in_csv_import(case, transport, tmp_path)
    elif case.surface == "filters":
        message, sent = await in_filters(case, session, transport)
    elif case.surface == "note":
        message, sent = await in_note(case, session, transport)
    elif case.surface == "upload":
        message, sent = await in_upload(case, session, transport, tmp_path)
    else:
        message, sent = await in_settings(case, session, transport)
    assert case.says in message, message
    assert sent == [], f"nothing may be sent, but: {sent}"


@pytest.mark.parametrize("case", CLI_CASES, ids=[case_id(case) for case in CLI_CASES])
def test_bad_input_on_the_command_line_is_refused_and_nothing_is_sent(
    cli_environment: None, case: Bad, transport: QualityTransport, tmp_path: Path
) -> None:
    message, sent = in_cli(case, transport, tmp_path)
    assert case.says in message, message
    assert sent == [], f"nothing may be sent, but: {sent}"


def test_the_table_has_forty_cases_or_more() -> None:
    assert len(CASES) >= 40
    assert {case.surface for case in CASES} == {
        "wizard",
        "csv",
        "filters",
        "note",
        "upload",
        "settings",
        "cli",
    }


def test_files_used_by_the_cases_exist_as_described(tmp_path: Path) -> None:
    assert os.path.getsize(bad_file(tmp_path, "huge.pdf")) == 10 * 1024 * 1024 + 1
    with pytest.raises(UnicodeDecodeError):
        bad_file(tmp_path, "latin-1").read_bytes().decode("utf-8")
