"""Snapshots of each Insights chart at 120x40, and of the first at 80x24 (frozen clock)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from porting_tui.tui.screens.insights.insights_screen import InsightsScreen
from tests.tui.conftest import settle
from tests.tui.test_snapshots import snapshot_app
from tests.waiting import wait_until

SnapCompare = Callable[..., bool]


def insights_then(*keys: str) -> Callable[[Pilot[None]], object]:
    async def shown(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("I")
        await wait_until(
            pilot,
            lambda: isinstance(pilot.app.screen, InsightsScreen) and pilot.app.screen.reading,
            "Insights to be read",
        )
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return shown


@pytest.mark.parametrize(
    "chart", ["1", "2", "3", "4"], ids=["weekly", "rejections", "lead-times", "stuck"]
)
def test_each_chart_at_120x40(snap_compare: SnapCompare, tmp_path: Path, chart: str) -> None:
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=insights_then(chart))


def test_weekly_chart_at_80x24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=insights_then())


def test_rejections_table_at_80x24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=insights_then("2", "t"))
