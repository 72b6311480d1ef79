"""Drafts: saved on every change, offered at start, listed, resumed intact and deleted."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from porting_tui.domain.draft_fields import Step
from porting_tui.local.drafts import DraftStore
from porting_tui.tui.screens.create_order.create_order_screen import CreateOrderScreen
from porting_tui.tui.screens.create_order.drafts_dialog import DraftsDialog
from porting_tui.tui.screens.create_order.launch import (
    offer_draft_resume,
    open_create_order,
    show_drafts,
)
from porting_tui.tui.screens.create_order.resume_draft_dialog import ResumeDraftDialog
from tests.tui.create_order.wizard_helpers import (
    WizardApp,
    WizardSession,
    fill,
    paste_numbers,
    ready_draft,
    settle,
    wizard,
)


class HostScreen(Screen[None]):
    """Stands for the order list: offers the drafts when it starts."""

    def __init__(self, session: WizardSession, drafts: DraftStore, opened: list[int]) -> None:
        super().__init__()
        self.session = session
        self.drafts = drafts
        self.opened = opened

        self.messages: list[str] = []

    def compose(self) -> list[Static]:
        return [Static("orders")]

    def notify(self, message: str, **options: Any) -> None:  # type: ignore[override]
        self.messages.append(message)
        super().notify(message, **options)

    def on_mount(self) -> None:
        offer_draft_resume(self, self.session, drafts=self.drafts, open_order=self.opened.append)


class HostApp(App[None]):
    def __init__(self, session: WizardSession, drafts: DraftStore) -> None:
        super().__init__()
        self.host = HostScreen(session, drafts, [])

    def on_mount(self) -> None:
        self.push_screen(self.host)


async def test_every_change_is_saved_and_closing_keeps_the_draft(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    app = WizardApp(wizard_session, drafts)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        draft_id = wizard(pilot).draft_id
        assert not drafts.exists(draft_id)
        await paste_numbers(pilot, "3125550100")
        saved = drafts.load(draft_id)
        assert saved is not None and saved.numbers == ["+13125550100"]
        subtitle = wizard(pilot).query_one("#wizard-body").border_subtitle
        assert subtitle == "draft saved ✓"
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, CreateOrderScreen)
    assert drafts.exists(draft_id)


async def test_a_draft_is_offered_at_start_and_resumed_where_it_was(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    draft = ready_draft(Step.END_USER)
    draft.set_value("+12125550100", "endUser.city", "New York")
    drafts.save("d1", profile="acme-test", project_id=wizard_session.project_id, draft=draft)
    app = HostApp(wizard_session, drafts)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeDraftDialog)
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CreateOrderScreen)
        assert screen.draft_id == "d1"
        assert screen.draft == draft
        assert screen.query_one("#f-endUser-name", Input).value == "Acme Inc"


async def test_drafts_are_listed_resumed_and_deleted(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    project = wizard_session.project_id
    drafts.save("old", profile="acme-test", project_id=project, draft=ready_draft(Step.ROUTING))
    drafts.save("new", profile="acme-test", project_id=project, draft=ready_draft(Step.SCHEDULE))
    drafts.save("elsewhere", profile="other", project_id="p2", draft=ready_draft(Step.REVIEW))
    app = HostApp(wizard_session, drafts)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, DraftsDialog)
        table = dialog.query_one(DataTable)
        assert table.row_count == 2
        await pilot.press("d", "y")
        await settle(pilot)
        assert table.row_count == 1
        assert not drafts.exists("new")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CreateOrderScreen)
        assert screen.draft_id == "old" and screen.draft.step == Step.ROUTING
        await pilot.press("f8", "y")
        await settle(pilot)
        assert drafts.summaries(project) == []
        show_drafts(app.host, wizard_session, drafts=drafts)
        await settle(pilot)
        empty = app.screen.query_one("#drafts-empty", Static)
        assert str(empty.render()).startswith("No drafts of this project")
    assert drafts.exists("elsewhere")


async def test_deleting_the_only_draft_says_it_was_deleted(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    project = wizard_session.project_id
    drafts.save("only", profile="acme-test", project_id=project, draft=ready_draft(Step.ROUTING))
    app = HostApp(wizard_session, drafts)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        empty = str(app.screen.query_one("#drafts-empty", Static).render())
        assert empty == "No drafts left: the last one was deleted."
        assert "submitted" not in empty


async def test_a_read_only_profile_is_refused_before_the_wizard_opens(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    wizard_session.read_only = True
    app = HostApp(wizard_session, drafts)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        open_create_order(app.host, wizard_session, drafts=drafts)
        await settle(pilot)
        assert app.screen is app.host
        assert any("read-only" in message for message in app.host.messages)


async def test_a_resumed_draft_keeps_typing_into_the_same_row(
    wizard_session: WizardSession, drafts: DraftStore
) -> None:
    drafts.save(
        "d1", profile="acme-test", project_id="demo-project", draft=ready_draft(Step.SCHEDULE)
    )
    loaded = drafts.load("d1")
    app = WizardApp(wizard_session, drafts, draft_id="d1", draft=loaded)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await fill(pilot, {"loaUploadedBy": "Jane Doe"})
    saved = drafts.load("d1")
    assert saved is not None and saved.order["loaUploadedBy"] == "Jane Doe"
    assert len(drafts.summaries()) == 1
