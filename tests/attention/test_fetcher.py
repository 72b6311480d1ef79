"""The background detail fetch: bounded, in order, pausing together on 429, with progress."""

from __future__ import annotations

import asyncio

import pytest

from porting_tui.attention.fetcher import MAX_RATE_LIMITED_TRIES, DetailFetcher, FetchProgress
from porting_tui.client import AuthenticationError, NotFoundError, RateLimitError


class FakeTime:
    """A monotonic clock that only moves when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


async def test_at_most_n_requests_run_at_once_and_all_complete() -> None:
    in_flight, peak = 0, 0

    async def fetch(order_id: int) -> int:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        for _ in range(3):
            await asyncio.sleep(0)
        in_flight -= 1
        return order_id * 10

    results: dict[int, int] = {}
    fetcher: DetailFetcher[int] = DetailFetcher(fetch, concurrency=4)
    progress = await fetcher.run(list(range(1, 41)), results.__setitem__, reused=5)
    assert peak == 4
    assert results == {i: i * 10 for i in range(1, 41)}
    assert (progress.total, progress.fetched, progress.reused, progress.complete) == (
        45,
        40,
        5,
        True,
    )
    assert progress.describe() == "details of 45 open orders up to date"


async def test_orders_are_started_in_the_order_given() -> None:
    started: list[int] = []

    async def fetch(order_id: int) -> int:
        started.append(order_id)
        await asyncio.sleep(0)
        return order_id

    await DetailFetcher(fetch, concurrency=3).run([9, 7, 5, 3, 1], lambda *_: None)
    assert started == [9, 7, 5, 3, 1]


async def test_a_429_pauses_every_worker_for_retry_after_then_retries() -> None:
    time = FakeTime()
    calls: list[tuple[int, float]] = []
    limited = {3}

    async def fetch(order_id: int) -> int:
        calls.append((order_id, time.now))
        await asyncio.sleep(0)
        if order_id in limited:
            limited.discard(order_id)
            raise RateLimitError("slow down", status_code=429, retry_after=7.0)
        return order_id

    seen: list[FetchProgress] = []
    results: dict[int, int] = {}
    fetcher: DetailFetcher[int] = DetailFetcher(
        fetch, concurrency=2, sleep=time.sleep, clock=time.clock, on_progress=seen.append
    )
    progress = await fetcher.run([1, 2, 3, 4, 5, 6], results.__setitem__)
    assert sorted(results) == [1, 2, 3, 4, 5, 6]
    assert progress.rate_limited == 1 and progress.failed == 0
    assert time.sleeps and max(time.sleeps) == pytest.approx(7.0)
    retry_time = [at for order_id, at in calls if order_id == 3][-1]
    assert retry_time >= 100.0 + 7.0
    # Nothing was started during the pause.
    pause_start = next(at for order_id, at in calls if order_id == 3)
    assert not [at for _, at in calls if pause_start < at < pause_start + 7.0]
    assert any("rate limited, paused 7 s" in p.describe() for p in seen)
    assert seen[-1].paused_for == 0


async def test_without_retry_after_the_pause_grows_and_an_order_is_given_up_at_last() -> None:
    time = FakeTime()

    async def fetch(order_id: int) -> int:
        raise RateLimitError("slow down", status_code=429)

    fetcher: DetailFetcher[int] = DetailFetcher(
        fetch, concurrency=1, sleep=time.sleep, clock=time.clock
    )
    progress = await fetcher.run([1], lambda *_: None)
    assert progress.failed == 1 and progress.complete
    assert progress.rate_limited == MAX_RATE_LIMITED_TRIES
    assert time.sleeps[:4] == [1.0, 2.0, 4.0, 8.0]
    assert isinstance(fetcher.errors[1], RateLimitError)


async def test_a_missing_order_is_counted_and_the_rest_go_on() -> None:
    async def fetch(order_id: int) -> int:
        if order_id == 2:
            raise NotFoundError("gone", status_code=404)
        return order_id

    results: dict[int, int] = {}
    progress = await DetailFetcher(fetch).run([1, 2, 3], results.__setitem__)
    assert sorted(results) == [1, 3]
    assert progress.failed == 1
    assert progress.describe() == "details of 3 open orders up to date (1 could not be read)"


async def test_an_authentication_error_stops_the_whole_fetch() -> None:
    started: list[int] = []

    async def fetch(order_id: int) -> int:
        started.append(order_id)
        raise AuthenticationError("bad key", status_code=401)

    with pytest.raises(AuthenticationError):
        await DetailFetcher(fetch, concurrency=2).run(list(range(50)), lambda *_: None)
    assert len(started) <= 2


def test_concurrency_must_be_positive() -> None:
    async def fetch(order_id: int) -> int:
        return order_id

    with pytest.raises(ValueError, match="concurrency"):
        DetailFetcher(fetch, concurrency=0)
