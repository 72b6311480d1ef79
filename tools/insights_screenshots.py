"""Insights in ``make screenshots``: each chart and a table in the app, and the HTML report of
``porting-tui insights --html`` in headless Chromium (skipped, saying so, without Chromium)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from porting_tui.tui.screens.insights.insights_screen import InsightsScreen

HTML_SHOT = "insights-report.png"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


async def insights_scenes(camera: Any) -> None:
    """From the order list: I, each chart by its key, the weekly table, then back."""
    await camera.press("I")
    while not (isinstance(camera.app.screen, InsightsScreen) and camera.app.screen.reading):
        await camera.settle()
    for key, name in (("1", "weekly"), ("2", "rejections"), ("3", "lead-times"), ("4", "stuck")):
        await camera.press(key)
        await camera.shot(f"insights-{name}")
    await camera.press("1", "t")
    await camera.shot("insights-weekly-table")
    await camera.press("t", "escape")


def report_screenshot(out: Path, folder: Path) -> str | None:
    """The HTML report of the demo as a PNG in ``out``; None, said why, without a browser."""
    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    if browser is None:
        print(f"skipped {HTML_SHOT}: no Chromium found ({', '.join(BROWSERS)}) to open the report")
        return None
    report = folder / "insights-report.html"
    subprocess.run(
        [sys.executable, "-m", "porting_tui", "--demo", "insights", "--html", str(report)],
        check=True,
        capture_output=True,
        env=os.environ.copy(),
    )
    target = out / HTML_SHOT
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--user-data-dir={folder / 'chromium'}",
            "--window-size=1200,1800",
            f"--screenshot={target}",
            report.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return target.name
