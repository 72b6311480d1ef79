"""The wizard inside the app: n opens it, a draft is offered at start, success opens the order."""

from __future__ import annotations

from pathlib import Path

import pytest

from porting_tui.domain.draft_fields import Step
from porting_tui.local.drafts import DraftStore
from porting_tui.local.store import LocalStore
from porting_tui.tui.app import PortingApp
from porting_tui.tui.screens.create_order.create_order_screen import CreateOrderScreen
from porting_tui.tui.screens.create_order.resume_draft_dialog import ResumeDraftDialog
from porting_tui.tui.screens.help_screen import described_bindings
from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen
from porting_tui.tui.screens.order_list.order_list_screen import OrderListScreen
from tests.tui.conftest import make_session
from tests.tui.create_order.conftest import WizardTransport
from tests.tui.create_order.wizard_helpers import paste_numbers, ready_draft, settle


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


async def test_n_opens_the_wizard_and_the_palette_lists_it(
    wizard_transport: WizardTransport, tmp_path: Path, data_home: Path
) -> None:
    app = PortingApp(make_session(wizard_transport, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, OrderListScreen)
        commands = {entry.description for entry in described_bindings(app.screen)}
        assert {"New order", "Order drafts"} <= commands
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, CreateOrderScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, OrderListScreen)


async def test_a_draft_left_behind_is_resumed_at_start_and_opens_its_order(
    wizard_transport: WizardTransport, tmp_path: Path, data_home: Path
) -> None:
    session = make_session(wizard_transport, tmp_path)
    drafts = DraftStore(LocalStore.open())
    drafts.save(
        "left", profile="acme-test", project_id=session.project_id, draft=ready_draft(Step.REVIEW)
    )
    app = PortingApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeDraftDialog)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, CreateOrderScreen)
        await pilot.press("ctrl+right")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, OrderDetailScreen)
        assert len(wizard_transport.creates()) == 1
        assert screen.order is not None and screen.order.customer_order_reference == "ACME-WIZARD-1"
    assert drafts.summaries() == []


async def test_a_read_only_profile_gets_a_message_instead_of_the_wizard(
    wizard_transport: WizardTransport, tmp_path: Path, data_home: Path
) -> None:
    app = PortingApp(make_session(wizard_transport, tmp_path, read_only=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, OrderListScreen)


async def test_n_offers_the_draft_that_closing_the_wizard_kept(
    wizard_transport: WizardTransport, tmp_path: Path, data_home: Path
) -> None:
    app = PortingApp(make_session(wizard_transport, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        first = app.screen
        assert isinstance(first, CreateOrderScreen)
        await paste_numbers(pilot, "3125550100")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ResumeDraftDialog), "the kept draft is offered"
        await pilot.press("r")
        await settle(pilot)
        resumed = app.screen
        assert isinstance(resumed, CreateOrderScreen)
        assert resumed.draft_id == first.draft_id
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        fresh = app.screen
        assert isinstance(fresh, CreateOrderScreen), "n in the offer starts a new order"
        assert fresh.draft_id != first.draft_id
