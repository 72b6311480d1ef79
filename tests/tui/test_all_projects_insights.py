"""``I`` on the board across projects opens Insights of the highlighted row's project."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from porting_tui.tui.all_projects_app import AllProjectsApp
from porting_tui.tui.screens.all_projects.all_projects_screen import AllProjectsScreen
from porting_tui.tui.screens.all_projects.sections_list import SectionsList
from porting_tui.tui.screens.help_screen import described_bindings
from porting_tui.tui.screens.insights.insights_screen import InsightsScreen
from porting_tui.tui.widgets.status_header import StatusHeader
from tests.attention.projects import EmulatedProject
from tests.tui.all_projects_support import (
    board_screen,
    loaded,
    project_sessions,
    rejected_and_noted,
)
from tests.waiting import wait_until


async def test_I_opens_insights_of_the_highlighted_rows_project(
    projects: list[EmulatedProject], tmp_path: Path
) -> None:
    made = await rejected_and_noted(projects)
    app = AllProjectsApp(project_sessions(projects, tmp_path / "s.sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: loaded(app), "every project read")
        board = board_screen(app)
        keys = {entry.description: entry.keys for entry in described_bindings(board)}
        assert keys["Insights"] == "I"  # in the footer and the palette alike
        await pilot.pause()
        board.query_one(SectionsList).select_row("globex", made["globex"])
        await pilot.press("I")
        await wait_until(pilot, lambda: isinstance(app.screen, InsightsScreen), "Insights")
        insights = app.screen
        assert isinstance(insights, InsightsScreen)
        assert insights.session is app.project_sessions["globex"]
        await wait_until(pilot, lambda: insights.reading is not None, "the figures read")
        where = str(insights.query_one(StatusHeader).query_one("#where", Static).render())
        assert where.startswith("globex · proj globex-project")
        assert insights.reading is not None and insights.reading.insights.orders >= 1
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, AllProjectsScreen), "the board")
        board.query_one(SectionsList).select_row("acme", made["acme"])
        await pilot.press("I")
        await wait_until(pilot, lambda: isinstance(app.screen, InsightsScreen), "Insights")
        again = app.screen
        assert isinstance(again, InsightsScreen)
        assert again.session is app.project_sessions["acme"]
        await wait_until(pilot, lambda: again.reading is not None, "acme read")


async def test_an_order_chosen_in_insights_on_the_board_opens_in_that_projects_session(
    projects: list[EmulatedProject], tmp_path: Path
) -> None:
    from porting_tui.tui.screens.insights.orders_dialog import OrdersDialog
    from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen

    made = await rejected_and_noted(projects)
    app = AllProjectsApp(project_sessions(projects, tmp_path / "s.sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: loaded(app), "every project read")
        board_screen(app).query_one(SectionsList).select_row("globex", made["globex"])
        await pilot.press("I")
        await wait_until(pilot, lambda: isinstance(app.screen, InsightsScreen), "Insights")
        insights = app.screen
        assert isinstance(insights, InsightsScreen)
        await wait_until(pilot, lambda: insights.reading is not None, "the figures read")
        assert insights.reading is not None
        stuck = insights.reading.insights.stuck
        row = next(index for index, bucket in enumerate(stuck) if bucket.order_ids)
        await pilot.press("4", "t")
        insights.table_of("stuck").move_cursor(row=row)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, OrdersDialog), "the orders")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, OrderDetailScreen), "the order")
        detail = app.screen
        assert isinstance(detail, OrderDetailScreen)
        assert detail.session is app.project_sessions["globex"]
        assert detail.order_id == stuck[row].order_ids[0]
