"""The board across projects on three in-process emulators: sections and one ranking, a
refused project's error beside the others, orders opened in their own project's session,
and each new reason told once, also after a restart on the same store."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from porting_tui.listing.project_sessions import ProjectSessions
from porting_tui.listing.session import ListSettings, Session
from porting_tui.local.profile import Profile
from porting_tui.tui.all_projects_app import AllProjectsApp
from porting_tui.tui.launch import run_tui
from porting_tui.tui.launch_projects import ALL_PROJECTS_CHOICE
from porting_tui.tui.screens.all_projects.all_projects_screen import AllProjectsScreen
from porting_tui.tui.screens.all_projects.ranked_table import RankedTable
from porting_tui.tui.screens.all_projects.sections_list import SectionsList
from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen
from porting_tui.tui.webhook_feed import WebhookEventReceived
from porting_tui.tui.widgets.status_header import StatusHeader
from porting_tui.webhooks.event_store import ReceivedEvent
from tests.attention.projects import EmulatedProject, create_order
from tests.tui.all_projects_support import (
    TWO_HOURS,
    add_note,
    board_screen,
    loaded,
    project_sessions,
    rejected_and_noted,
)
from tests.waiting import wait_until


def option_texts(app: AllProjectsApp) -> list[str]:
    sections = board_screen(app).query_one(SectionsList)
    return [str(option.prompt) for option in sections.options]


async def test_each_project_has_its_section_and_a_refused_one_shows_its_error(
    projects: list[EmulatedProject], tmp_path: Path
) -> None:
    made = await rejected_and_noted(projects)
    app = AllProjectsApp(project_sessions(projects, tmp_path / "s.sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: loaded(app), "every project read")
        await pilot.pause()
        lines = option_texts(app)
        headings = [line for line in lines if line.startswith(("acme", "globex", "initech"))]
        assert headings[0].startswith("acme · 1 need attention")
        assert headings[1].startswith("globex · 1 need attention · READ-ONLY")
        assert headings[2].startswith("initech · cannot be read")
        assert any("Authentication failed" in line for line in lines)
        assert any(str(made["acme"]) in line and "rejected" in line for line in lines)
        # The refused project stopped at its first request; the others were read.
        assert projects[2].transport.requests[:1] == [
            "GET /v1/projects/initech-project/orders/portIns"
        ]
        chosen = board_screen(app).query_one(SectionsList).chosen()
        assert chosen is not None and (chosen.project, chosen.order_id) == ("acme", made["acme"])


async def test_a_slow_project_does_not_hold_back_the_others(
    projects: list[EmulatedProject], tmp_path: Path
) -> None:
    await rejected_and_noted(projects)
    sessions = project_sessions(projects, tmp_path / "s.sqlite3")
    gate = asyncio.Event()
    globex = sessions.projects[1].session
    assert globex is not None
    original = globex.client.orders.list

    async def held(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        await gate.wait()
        async for row in original(*args, **kwargs):  # type: ignore[arg-type]
            yield row

    globex.client.orders.list = held  # type: ignore[method-assign]
    app = AllProjectsApp(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        acme = app.board.project("acme")
        await wait_until(pilot, lambda: acme.refreshed, "acme read")
        await wait_until(
            pilot,
            lambda: any(line.startswith("acme · 1 need attention") for line in option_texts(app)),
            "acme's section drawn",
        )
        globex_heading = next(line for line in option_texts(app) if line.startswith("globex"))
        assert "listing open orders" in globex_heading
        gate.set()
        await wait_until(pilot, lambda: loaded(app), "every project read")


async def test_the_ranking_lists_every_project_with_a_project_column(
    projects: list[EmulatedProject], tmp_path: Path
) -> None:
    made = await rejected_and_noted(projects)
    app = AllProjectsApp(project_sessions(projects, tmp_path / "s.sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: loaded(app), "every project read")
        await pilot.press("l")
        screen = board_screen(app)
        table = screen.query_one(RankedTable)
        await wait_until(pilot, lambda: table.row_count == 2, "the ranking drawn")
        rows = [table.get_row_at(index) for index in range(table.row_count)]
        assert {(str(row[0]), str(row[2]).strip()) for row in rows} == {
            ("acme", str(made["acme"])),
            ("globex RO", str(made["globex"])),
        }
        problems = str(screen.query_one("#projects", Static).render())
        assert "initech" in problems and "Authentication failed" in problems
        assert screen.has_class("-ranked") and table.has_focus
        await pilot.press("l")
        await wait_until(pilot, lambda: screen.query_one(SectionsList).has_focus, "sections back")


async def test_enter_opens_the_order_in_its_own_projects_session_and_read_only_stays(
    projects: list[EmulatedProject], tmp_path: Path
) -> None:
    made = await rejected_and_noted(projects)
    app = AllProjectsApp(project_sessions(projects, tmp_path / "s.sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: loaded(app), "every project read")
        board = board_screen(app)
        await pilot.pause()
        board.query_one(SectionsList).select_row("globex", made["globex"])
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, OrderDetailScreen), "the order")
        detail = app.screen
        assert isinstance(detail, OrderDetailScreen)
        assert detail.order_id == made["globex"]
        assert detail.session is app.project_sessions["globex"]
        header = detail.query_one(StatusHeader)
        await wait_until(pilot, lambda: detail.order is not None, "the order read")
        where = str(header.query_one("#where", Static).render())
        assert where.startswith("globex · proj globex-project")
        assert header.query("#read-only")
        await pilot.press("n")
        await wait_until(
            pilot,
            lambda: any("read-only" in str(n.message) for n in app._notifications),
            "the note refused",
        )
        assert isinstance(app.screen, OrderDetailScreen)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, AllProjectsScreen), "the board")


async def test_a_new_rejection_is_told_once_and_not_again_after_a_restart(
    projects: list[EmulatedProject], tmp_path: Path
) -> None:
    store = tmp_path / "s.sqlite3"
    acme = projects[0]
    order_id = await create_order(acme, bad_pins=True)
    app = AllProjectsApp(project_sessions(projects, store))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: loaded(app), "every project read")
        # The first look at a project takes what needs attention then as known.
        assert app.reason_alerts.told == []
        acme.emulator.advance(TWO_HOURS)
        await pilot.press("r")
        await wait_until(pilot, lambda: app.reason_alerts.told, "the rejection told")
        await wait_until(pilot, lambda: loaded(app), "every project read")
        told = [(r.project, r.order_id, r.kind) for r in app.reason_alerts.told]
        assert ("acme", order_id, "rejected") in told
        titles = [str(n.title) for n in app._notifications]
        assert f"acme: order {order_id}" in titles
        await pilot.press("r")
        await wait_until(pilot, lambda: not board_screen(app).refreshing, "read again")
        await wait_until(pilot, lambda: loaded(app), "every project read")
        assert [(r.project, r.order_id, r.kind) for r in app.reason_alerts.told] == told

    restarted = AllProjectsApp(project_sessions(projects, store))
    async with restarted.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: loaded(restarted), "every project read")
        assert restarted.reason_alerts.told == []


async def test_a_webhook_naming_an_order_with_a_new_note_tells_it_once(
    projects: list[EmulatedProject], tmp_path: Path
) -> None:
    made = await rejected_and_noted(projects)
    app = AllProjectsApp(project_sessions(projects, tmp_path / "s.sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: loaded(app), "every project read")
        add_note(projects[1], made["globex"])
        event = ReceivedEvent(
            1, projects[1].emulator.clock.now(), "PORT_IN", str(made["globex"]), "{}", "globex"
        )
        board = board_screen(app)
        assert isinstance(board, AllProjectsScreen)
        board.post_message(WebhookEventReceived(event))
        await wait_until(pilot, lambda: app.reason_alerts.told, "the note told")
        assert [(r.project, r.order_id, r.kind) for r in app.reason_alerts.told] == [
            ("globex", made["globex"], "note")
        ]
        board.post_message(WebhookEventReceived(event))
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert len(app.reason_alerts.told) == 1


SnapCompare = Callable[..., bool]


def snapshot_app(tmp_path: Path, projects: list[EmulatedProject]) -> AllProjectsApp:
    return AllProjectsApp(project_sessions(projects, tmp_path / "s.sqlite3", desktop=["acme"]))


async def board_loaded(pilot: Pilot[None], projects: list[EmulatedProject]) -> None:
    """Orders rejected in acme and globex, read; the cursor on the first."""
    app = pilot.app
    assert isinstance(app, AllProjectsApp)
    await rejected_and_noted(projects)
    await wait_until(pilot, lambda: loaded(app), "every project read")
    board_screen(app).refresh_projects()
    await wait_until(pilot, lambda: loaded(app), "every project read again")
    await app.workers.wait_for_complete()
    # The orders came after the first look: what they say is told, but not in this picture.
    app.clear_notifications()
    board_screen(app).redraw()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_snapshot_of_the_board_in_sections(
    snap_compare: SnapCompare,
    tmp_path: Path,
    projects: list[EmulatedProject],
    size: tuple[int, int],
) -> None:
    async def ready(pilot: Pilot[None]) -> None:
        await board_loaded(pilot, projects)

    assert snap_compare(snapshot_app(tmp_path, projects), terminal_size=size, run_before=ready)


def test_snapshot_of_a_new_rejection_told(
    snap_compare: SnapCompare, tmp_path: Path, projects: list[EmulatedProject]
) -> None:
    async def told(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, AllProjectsApp)
        await wait_until(pilot, lambda: loaded(app), "every project read")
        await create_order(projects[0], bad_pins=True)
        board_screen(app).refresh_projects()
        await wait_until(pilot, lambda: loaded(app), "the new order read")
        projects[0].emulator.advance(TWO_HOURS)
        board_screen(app).refresh_projects()
        await wait_until(pilot, lambda: app.reason_alerts.told, "the rejection told")
        await wait_until(pilot, lambda: loaded(app), "every project read")
        await app.workers.wait_for_complete()
        await pilot.pause()

    app = snapshot_app(tmp_path, projects)
    assert snap_compare(app, terminal_size=(120, 40), run_before=told)


def test_all_opens_the_board_and_a_in_the_app_comes_to_it_with_the_demos_projects() -> None:
    opened: list[list[tuple[str, bool, bool]]] = []

    def board(sessions: ProjectSessions) -> None:
        opened.append(
            [
                (p.name, p.read_only, p.session is not None and p.session.desktop_notifications)
                for p in sessions.projects
            ]
        )
        asyncio.run(sessions.aclose())

    def one_project(session: Session) -> str:
        asyncio.run(session.client.aclose())
        return ALL_PROJECTS_CHOICE

    err = io.StringIO()
    assert run_tui(None, True, ListSettings(all_projects=True), err, run_projects=board) == 0
    assert run_tui(None, True, ListSettings(), err, run=one_project, run_projects=board) == 0
    expected = [("acme", False, True), ("globex", True, False), ("initech", False, False)]
    assert opened == [expected, expected]


def test_desktop_notifications_are_off_unless_the_profile_turns_them_on() -> None:
    values = {"project_id": "p", "key_id": "k", "key_secret": "s"}
    assert not Profile(name="a", **values).desktop_notifications
    on = Profile(name="a", **values, extra={"desktop_notifications": True})
    assert on.desktop_notifications
    assert not Profile(
        name="a", **values, extra={"desktop_notifications": "yes"}
    ).desktop_notifications
