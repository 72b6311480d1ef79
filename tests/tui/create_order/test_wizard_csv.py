"""CSV import in the numbers step: every bad row reported, a good file fills the draft."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from porting_tui.domain.draft_fields import Step
from porting_tui.local.drafts import DraftStore
from tests.tui.create_order.conftest import WizardTransport
from tests.tui.create_order.wizard_helpers import (
    WizardApp,
    WizardSession,
    choose_scope,
    next_step,
    settle,
    value_of,
    wizard,
)

HEADER = "phoneNumber;name;streetNum;streetName;city;state;zipCode;existingPortOutPin;appId\n"


async def import_csv(pilot: object, path: Path) -> None:
    await pilot.press("ctrl+o")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    dialog_input = pilot.app.screen.query_one("#csv-path", Input)  # type: ignore[attr-defined]
    dialog_input.value = str(path)
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]


async def test_a_csv_with_errors_on_several_rows_is_reported_and_not_imported(
    wizard_session: WizardSession, drafts: DraftStore, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "\ufeff" + HEADER + "3125550100;Acme;1;Main;Chicago;IL;60606;1111;app-1\n"
        "31255501;Acme;1;Main;Chicago;IL;60606;2222;app-1\n"
        "3125550102;Acme;1;Main;Chicago;ZZ;60606;3333;app-1\n"
        "3125550103;Acme;1;Main;Chicago;IL;K1A 0B1;4444;app-1\n",
        encoding="utf-8",
    )
    app = WizardApp(wizard_session, drafts)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await import_csv(pilot, bad)
        screen = wizard(pilot)
        problems = str(screen.query_one("#numbers-problems", Static).render())
        assert "bad.csv was not imported; fix these 3 problems:" in problems
        assert "line 3, column phoneNumber: '31255501' is not a valid phone number" in problems
        assert "line 4, column state: 'ZZ' is not a US state" in problems
        assert "line 5, column zipCode: 'K1A 0B1' is not a ZIP code" in problems
        assert screen.draft.numbers == []


async def test_binary_files_are_refused_with_a_reason(
    wizard_session: WizardSession, drafts: DraftStore, tmp_path: Path
) -> None:
    binary = tmp_path / "numbers.xlsx"
    binary.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00")
    app = WizardApp(wizard_session, drafts)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await import_csv(pilot, binary)
        problems = str(wizard(pilot).query_one("#numbers-problems", Static).render())
        assert "is a binary file, not text" in problems


async def test_a_good_csv_fills_numbers_and_per_number_values(
    wizard_session: WizardSession,
    wizard_transport: WizardTransport,
    drafts: DraftStore,
    tmp_path: Path,
) -> None:
    good = tmp_path / "good.csv"
    good.write_text(
        HEADER + "3125550100;Acme;1;Main;Chicago;IL;60606;1111;app-1\n"
        "(212) 555-0100;Acme;1;Main;Chicago;IL;60606;2222;app-1\n",
        encoding="utf-8",
    )
    app = WizardApp(wizard_session, drafts)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await import_csv(pilot, good)
        screen = wizard(pilot)
        assert screen.draft.numbers == ["+13125550100", "+12125550100"]
        summary = str(screen.query_one("#numbers-summary", Static).render())
        assert summary == "2 numbers · from good.csv"
        assert await next_step(pilot) == Step.PORTABILITY
        assert await next_step(pilot) == Step.END_USER
        assert value_of(pilot, "endUser.city") == "Chicago"
        await choose_scope(pilot, "+12125550100")
        assert value_of(pilot, "portOutInfo.existingPortOutPin") == "2222"
        assert await next_step(pilot) == Step.ROUTING
        assert value_of(pilot, "voiceConfiguration.type") == "RTC"
        assert value_of(pilot, "voiceConfiguration.id") == "app-1"


async def test_the_template_key_writes_an_example_csv(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    app = WizardApp(wizard_session, drafts)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
    template = wizard_session.downloads / "porting-order-template.csv"
    assert template.read_text(encoding="utf-8").startswith("phoneNumber,customerOrderReference,")
