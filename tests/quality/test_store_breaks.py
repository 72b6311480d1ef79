"""The local store breaking while the app runs: a message, a new store, and the app goes on."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from porting_tui.tui.app import PortingApp
from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen
from porting_tui.tui.screens.order_list.order_list_screen import OrderListScreen
from tests.quality.conftest import settle
from tests.waiting import wait_until


def corrupt(path: Path) -> None:
    """Overwrite the database, its WAL and its shared index in place."""
    path.write_bytes(b"not a database at all " * 500)
    for suffix in ("-wal", "-shm"):
        sibling = Path(f"{path}{suffix}")
        if sibling.exists():
            sibling.write_bytes(b"\0" * sibling.stat().st_size)


def store_messages(app: PortingApp) -> list[str]:
    return [n.message for n in app._notifications if n.title == "Local store"]


async def test_a_store_that_breaks_is_replaced_and_the_app_goes_on(
    running: tuple[PortingApp, Pilot[None]],
) -> None:
    app, pilot = running
    attention = app.session.attention
    assert attention is not None and attention.local.store is not None
    path = attention.local.store.path
    corrupt(path)
    # Opening an order records that it was looked at: a write to the broken store.
    await pilot.press("enter")
    await settle(pilot)
    await wait_until(pilot, lambda: store_messages(app), "the store's message")
    assert "file is not a database" in store_messages(app)[0]
    assert isinstance(app.screen, OrderDetailScreen)
    assert list(path.parent.glob("state.sqlite3.unreadable-*"))
    await pilot.press("escape", "r")
    await settle(pilot)
    assert isinstance(app.screen, OrderListScreen)
    assert not app._exit
