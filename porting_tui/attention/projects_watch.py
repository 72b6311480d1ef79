"""Watching projects for new attention reasons: polling on an interval, backing off on errors,
and reading an order again when a webhook names it."""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable, Iterable

from porting_tui.attention.all_projects_board import AllProjectsBoard
from porting_tui.attention.fetcher import Sleep
from porting_tui.attention.known_reasons import NewReason

MIN_INTERVAL = 10.0
"""Polling faster would only spend the projects' rate limits."""
MAX_BACKOFF = 900.0
"""A failing project is tried again at least every quarter of an hour."""


def backoff(interval: float, failures: int) -> float:
    """Seconds before the next try after ``failures`` failed refreshes in a row (1-based)."""
    return min(interval * 2.0 ** max(0, failures - 1), max(MAX_BACKOFF, interval))


class ProjectsWatch:
    """Refreshes the board's projects when they are due and tells each new reason once.

    Projects in ``polled`` are refreshed every ``interval`` seconds; the others are refreshed
    once, then only read again where their webhooks say (``order_changed``). A project whose
    refresh fails is tried again after a delay that doubles with each failure.
    """

    def __init__(
        self,
        board: AllProjectsBoard,
        emit: Callable[[NewReason], None],
        *,
        interval: float = 60.0,
        polled: Iterable[str] | None = None,
        on_failure: Callable[[str, str, float], None] | None = None,
        sleep: Sleep = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if interval < MIN_INTERVAL:
            raise ValueError(f"the interval must be at least {MIN_INTERVAL:.0f} seconds")
        self.board = board
        self.interval = interval
        usable = [project.name for project in board.projects if project.usable]
        self.polled = set(usable if polled is None else polled)
        self._emit = emit
        self._on_failure = on_failure
        self._sleep = sleep
        self._clock = clock
        self._due = dict.fromkeys(usable, 0.0)
        self._failures = dict.fromkeys(usable, 0)
        self.rounds = 0
        """Refresh rounds done (each refreshes the projects due then, side by side)."""

    def _tell(self, reasons: Iterable[NewReason]) -> None:
        for reason in reasons:
            self._emit(reason)

    async def run_round(self) -> None:
        """Refresh the projects that are due now and tell what is new."""
        now = self._clock()
        due = [name for name, when in self._due.items() if when <= now]
        if not due:
            return
        self._tell(await self.board.refresh(due))
        self.rounds += 1
        done = self._clock()
        for name in due:
            project = self.board.project(name)
            if project.error is None:
                self._failures[name] = 0
                self._due[name] = done + self.interval if name in self.polled else math.inf
                continue
            self._failures[name] += 1
            delay = backoff(self.interval, self._failures[name])
            self._due[name] = done + delay
            if self._on_failure is not None:
                self._on_failure(name, project.error, delay)

    def next_wait(self) -> float:
        """Seconds until the next project is due (the interval when none ever is)."""
        upcoming = min(self._due.values(), default=math.inf)
        if math.isinf(upcoming):
            return self.interval
        return max(0.0, upcoming - self._clock())

    async def run(self, rounds: int | None = None) -> None:
        """Watch until cancelled (Ctrl-C), or until ``rounds`` refresh rounds are done.

        Returns at once when no project can be refreshed at all.
        """
        if not self._due:
            return
        while rounds is None or self.rounds < rounds:
            await self.run_round()
            if rounds is not None and self.rounds >= rounds:
                return
            await self._sleep(self.next_wait())

    async def order_changed(self, project: str, order_id: int) -> None:
        """A webhook of ``project`` named ``order_id``: read it now and tell what is new."""
        self._tell(await self.board.reread(project, order_id))
