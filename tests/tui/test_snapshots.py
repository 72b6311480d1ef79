"""Snapshots of the order list at 80x24 and 120x40 (frozen clock, fixed seed and "now")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from porting_tui.tui.app import PortingApp
from tests.tui.conftest import RecordingTransport, make_emulator, make_session, settle

SnapCompare = Callable[..., bool]


def snapshot_app(tmp_path: Path, **overrides: Any) -> PortingApp:
    transport = RecordingTransport(httpx.ASGITransport(app=make_emulator().app))
    return PortingApp(make_session(transport, tmp_path, **overrides))


async def loaded(pilot: Pilot[None]) -> None:
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_order_list(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=loaded)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_all_orders_read_only_demo(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = snapshot_app(tmp_path, read_only=True, demo=True, profile_name="demo")

    async def all_orders(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=all_orders)


def test_filter_dialog_with_an_error(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)

    async def typed(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("f", "ctrl+r", *"pend")
        pilot.app.screen.query_one("#field-created_from", Input).value = "soon"
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=typed)


def test_help(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)

    async def help_open(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=help_open)
