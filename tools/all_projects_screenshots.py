"""The board across projects in ``make screenshots``: the demo's three projects in sections
and in one ranking, and the notification of what a day later brought."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from porting_tui.listing.project_sessions import demo_project_sessions
from porting_tui.listing.session import ListSettings
from porting_tui.tui.all_projects_app import AllProjectsApp
from porting_tui.tui.screens.all_projects.all_projects_screen import AllProjectsScreen


async def all_projects_scenes(
    out: Path, folder: Path, start: datetime, size: tuple[int, int], names: list[str]
) -> None:
    """``porting-tui --demo --all``: sections, the ranking, then ``+`` and what it told."""
    sessions = demo_project_sessions(
        ListSettings(), today=start.date(), store_path=folder / "all-projects.sqlite3"
    )
    app = AllProjectsApp(sessions)
    # No receivers: events the emulators would post at their own pace would make two runs
    # differ; the refresh after ``+`` finds the same news.
    app.webhook_feeds = []
    async with app.run_test(size=size, notifications=True) as pilot:

        async def settle() -> None:
            await pilot.pause()
            screen = app.screen
            while isinstance(screen, AllProjectsScreen) and screen.refreshing:
                await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()

        def save(name: str) -> None:
            stem = f"{len(names) + 1:02d}-{name}"
            app.save_screenshot(filename=f"{stem}.svg", path=str(out))
            names.append(stem)

        await settle()
        app.clear_notifications()
        save("all-projects-sections")
        await pilot.press("l")
        await settle()
        save("all-projects-ranked")
        await pilot.press("plus")
        await settle()
        await pilot.press("g")
        await settle()
        # Told as each project finished reading, in whichever order that was: told again
        # in board order, as one batch, so that two runs draw the same picture.
        order = [project.name for project in app.board.projects]
        told = sorted(app.reason_alerts.told, key=lambda reason: order.index(reason.project))
        app.clear_notifications()
        app.reason_alerts.tell(told)
        await settle()
        save("all-projects-notification")
