"""A wizard killed with SIGKILL mid-order loses nothing: the next start resumes every field."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from textual.widgets import Input

from porting_tui.domain.draft_fields import Step
from porting_tui.domain.order_draft import OrderDraft
from porting_tui.local.drafts import DraftStore
from porting_tui.local.store import LocalStore
from porting_tui.tui.screens.create_order.create_order_screen import CreateOrderScreen
from tests.tui.create_order.kill_target import TYPED_SCHEDULE
from tests.tui.create_order.test_wizard_drafts import HostApp
from tests.tui.create_order.wizard_helpers import WizardSession, choose_scope, settle

ROOT = Path(__file__).resolve().parents[3]
CHILD_TIMEOUT = 90.0


def run_until_draft_reported(data_home: Path, downloads: Path) -> tuple[str, OrderDraft]:
    """Start the child, read the draft it reports, then SIGKILL it."""
    env = dict(os.environ, XDG_DATA_HOME=str(data_home), PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.tui.create_order.kill_target", str(downloads)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # A child that hangs is killed, so the test fails instead of waiting forever.
    watchdog = threading.Timer(CHILD_TIMEOUT, child.kill)
    watchdog.start()
    try:
        assert child.stdout is not None
        draft_id = child.stdout.readline().strip()
        body = child.stdout.readline()
        assert draft_id and body, child.stderr.read() if child.stderr else "no output"
        child.send_signal(signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL
    finally:
        watchdog.cancel()
        child.kill()
        child.wait()
    return draft_id, OrderDraft.model_validate_json(body)


async def test_a_killed_wizard_is_resumed_with_every_field_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wizard_session: WizardSession
) -> None:
    data_home = tmp_path / "xdg-data"
    draft_id, typed = run_until_draft_reported(data_home, tmp_path / "downloads")
    assert typed.step == Step.SCHEDULE

    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    drafts = DraftStore(LocalStore.open())
    assert drafts.load(draft_id) == typed
    app = HostApp(wizard_session, drafts)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CreateOrderScreen)
        assert screen.draft == typed
        assert screen.draft.step == Step.SCHEDULE
        for path, value in TYPED_SCHEDULE.items():
            assert screen.query_one(f"#f-{path.replace('.', '-')}", Input).value == value
        await pilot.press("ctrl+left", "ctrl+left")
        await settle(pilot)
        assert screen.draft.step == Step.END_USER
        pin = screen.query_one("#f-portOutInfo-existingPortOutPin", Input)
        assert pin.value == "4321"
        await choose_scope(pilot, "+12125550100")
        assert pin.value == "8888"
        assert screen.query_one("#f-newPortOutPin", Input).value == "5555"
        assert screen.query_one("#f-endUser-streetPreDir", Input).value == "S"
