"""The demo's world, one for the app and the command line: same seed, orders and start."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from porting_tui.emulator.settings import EmulatorSettings

DEMO_SEED = 7
DEMO_ORDERS = 420


def demo_start(today: date | None = None) -> datetime:
    """Noon UTC today: every demo started today, app or command, holds the same orders."""
    return datetime.combine(today or datetime.now(UTC).date(), time(12), tzinfo=UTC)


def demo_settings(today: date | None = None, *, orders: int = DEMO_ORDERS) -> EmulatorSettings:
    """A frozen clock: nothing changes behind the user's back; the app's ``+`` moves a day on."""
    return EmulatorSettings(orders=orders, seed=DEMO_SEED, speed=0, start=demo_start(today))
