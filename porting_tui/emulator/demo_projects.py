"""The demo's projects for ``--demo --all``: three emulated projects, one read-only, one whose
key the API refuses, so the board across projects, its errors and its news can be seen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from porting_tui.emulator.demo_world import DEMO_ORDERS, DEMO_SEED, demo_start
from porting_tui.emulator.settings import DEMO_KEY_ID, DEMO_KEY_SECRET, EmulatorSettings


@dataclass(frozen=True)
class DemoProject:
    """One emulated project and the profile the demo uses on it."""

    name: str
    seed: int
    orders: int = DEMO_ORDERS
    read_only: bool = False
    client_secret: str = DEMO_KEY_SECRET
    """The secret the demo's profile sends; another than the emulator's makes every request
    of the project fail with 401, as a mistyped secret would."""

    @property
    def project_id(self) -> str:
        return f"{self.name}-project"

    @property
    def key_id(self) -> str:
        return DEMO_KEY_ID

    def settings(self, today: date | None = None, *, orders: int | None = None) -> EmulatorSettings:
        """A frozen clock at noon UTC today, as the one-project demo."""
        return EmulatorSettings(
            orders=self.orders if orders is None else orders,
            seed=self.seed,
            speed=0,
            start=demo_start(today),
            project_id=self.project_id,
            key_id=DEMO_KEY_ID,
            key_secret=DEMO_KEY_SECRET,
        )


DEMO_PROJECTS: tuple[DemoProject, ...] = (
    DemoProject("acme", DEMO_SEED),
    DemoProject("globex", 11, orders=200, read_only=True),
    DemoProject("initech", 23, orders=100, client_secret="not-the-demo-secret"),  # noqa: S106
)
"""acme is the one-project demo's world; globex is read-only; initech's secret is wrong."""
