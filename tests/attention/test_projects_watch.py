"""Watching projects: each new reason told once, across a restart on the same store; a failing
project is tried again later and later. Driven by a fake clock: nothing waits for real."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from pathlib import Path

import pytest

from porting_tui.attention.known_reasons import NewReason
from porting_tui.attention.projects_watch import MAX_BACKOFF, ProjectsWatch, backoff
from porting_tui.attention.rules import REJECTED
from tests.attention.projects import WRONG_SECRET, Projects, create_order, emulated

INTERVAL = 60.0


class FakeTime:
    """A monotonic clock that moves only when the watch sleeps; ``then`` runs at each sleep."""

    def __init__(self, then: Callable[[int], None] | None = None) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []
        self._then = then

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        if self._then is not None:
            self._then(len(self.sleeps))


@pytest.fixture
async def projects(tmp_path: Path) -> AsyncIterator[Projects]:
    built = Projects(
        [emulated("acme", 7), emulated("initech", 23, secret=WRONG_SECRET)],
        tmp_path / "state.sqlite3",
    )
    yield built
    await built.close()


def watch(
    projects: Projects, told: list[NewReason], time: FakeTime
) -> tuple[ProjectsWatch, list[float]]:
    failures: list[float] = []
    result = ProjectsWatch(
        projects.open(),
        told.append,
        interval=INTERVAL,
        sleep=time.sleep,
        clock=time.clock,
        on_failure=lambda name, error, delay: failures.append(delay),
    )
    return result, failures


async def test_each_new_reason_is_told_once_also_after_a_restart(projects: Projects) -> None:
    acme = projects.by_name("acme")
    order_id = await create_order(acme, bad_pins=True)

    def carrier_answers(sleeps: int) -> None:
        if sleeps == 1:
            acme.emulator.advance(timedelta(hours=2))

    told: list[NewReason] = []
    first, _ = watch(projects, told, FakeTime(carrier_answers))
    await first.run(rounds=4)
    keys = [(r.project, r.order_id, r.kind, r.text) for r in told]
    assert ("acme", order_id, REJECTED, "2 rejected") in keys
    assert len(keys) == len(set(keys))

    told_again: list[NewReason] = []
    second, _ = watch(projects, told_again, FakeTime())
    await second.run(rounds=3)
    assert told_again == []


async def test_a_failing_project_is_tried_again_later_each_time(projects: Projects) -> None:
    time = FakeTime()
    told: list[NewReason] = []
    running, failures = watch(projects, told, time)
    await running.run(rounds=8)
    # acme is polled every minute; initech waits 1, 2, 4 then 8 minutes after its failures.
    assert failures == [60.0, 120.0, 240.0, 480.0]
    assert time.sleeps == [INTERVAL] * 7
    assert running.board.project("initech").error is not None
    assert running.board.project("acme").error is None


def test_the_backoff_doubles_up_to_a_quarter_of_an_hour() -> None:
    assert [backoff(INTERVAL, n) for n in (1, 2, 3, 4, 5, 6)] == [
        60.0,
        120.0,
        240.0,
        480.0,
        MAX_BACKOFF,
        MAX_BACKOFF,
    ]


def test_polling_faster_than_every_ten_seconds_is_refused(projects: Projects) -> None:
    with pytest.raises(ValueError, match="at least 10 seconds"):
        ProjectsWatch(projects.open(), print, interval=5)
