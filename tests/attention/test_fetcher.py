"""The background detail fetch: bounded and adaptive, in order, pausing together on 429."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from porting_tui.attention.fetcher import (
    MAX_RATE_LIMITED_TRIES,
    AdaptiveLimit,
    DetailFetcher,
    FetchProgress,
)
from porting_tui.attention.settings import MAX_CONCURRENCY, START_CONCURRENCY
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


# The adaptive limit: start at 8, halve on 429, grow back by one per run of successes.


class Gate:
    """A fake client's order reads: each waits for the test to let it answer."""

    def __init__(self, time: FakeTime | None = None, limited: dict[int, int] | None = None):
        self.time = time
        self.limited = dict(limited or {})
        """How many 429s each order gets before it is answered."""
        self.in_flight = 0
        self.started: list[tuple[int, int]] = []
        """(order id, requests in flight once it started), in start order."""
        self.fetcher: DetailFetcher[int] = DetailFetcher(self.fetch)
        self.over_limit = 0
        """Requests started while as many as the limit allowed were in flight already."""

    def fetcher_with(self, **options: Any) -> DetailFetcher[int]:
        if self.time is not None:
            options = {"sleep": self.time.sleep, "clock": self.time.clock, **options}
        self.fetcher = DetailFetcher(self.fetch, **options)
        return self.fetcher

    async def fetch(self, order_id: int) -> int:
        self.in_flight += 1
        self.started.append((order_id, self.in_flight))
        if self.in_flight > self.fetcher.limit.current:
            self.over_limit += 1
        try:
            for _ in range(3):
                await asyncio.sleep(0)
            if self.limited.get(order_id, 0) > 0:
                self.limited[order_id] -= 1
                raise RateLimitError("slow down", status_code=429, retry_after=2.0)
            return order_id
        finally:
            self.in_flight -= 1


def peak(gate: Gate, since: int = 0, until: int | None = None) -> int:
    return max(in_flight for _, in_flight in gate.started[since:until])


async def test_the_limit_starts_at_8_and_grows_one_by_one_to_16_never_above() -> None:
    gate = Gate()
    fetcher = gate.fetcher_with()
    results: dict[int, int] = {}
    progress = await fetcher.run(list(range(400)), results.__setitem__)
    assert len(results) == 400 and progress.complete
    assert fetcher.limit.history == list(range(8, 17))
    assert peak(gate, until=8) == 8
    assert peak(gate) == 16
    assert gate.over_limit == 0
    assert progress.concurrency == 16


async def test_a_burst_of_429s_halves_the_limit_once_and_it_grows_back() -> None:
    time = FakeTime()
    # The first four requests in flight are all refused once: one burst, one halving.
    gate = Gate(time, limited={0: 1, 1: 1, 2: 1, 3: 1})
    fetcher = gate.fetcher_with()
    results: dict[int, int] = {}
    progress = await fetcher.run(list(range(200)), results.__setitem__)
    assert sorted(results) == list(range(200)) and progress.failed == 0
    assert progress.rate_limited == 4
    assert fetcher.limit.history == [8, 4, *range(5, 17)]
    assert gate.over_limit == 0
    # The refused orders went back to the front of the queue, and after the pause at most 4
    # ran at once until the limit grew.
    started = [order_id for order_id, _ in gate.started]
    assert [started.count(order_id) for order_id in range(5)] == [2, 2, 2, 2, 1]
    assert started[8] in range(4)
    assert peak(gate, since=8, until=12) <= 4
    # The server's Retry-After paused everyone once (the four 429s came together).
    assert time.sleeps == [2.0]


async def test_429_after_429_brings_the_limit_down_to_one_never_below() -> None:
    time = FakeTime()
    gate = Gate(time, limited={order_id: 4 for order_id in range(40)})
    fetcher = gate.fetcher_with(start=16)
    progress = await fetcher.run(list(range(40)), lambda *_: None)
    assert progress.complete and progress.failed == 0 and progress.fetched == 40
    history = fetcher.limit.history
    assert history[:5] == [16, 8, 4, 2, 1]
    assert min(history) == 1
    assert gate.over_limit == 0


async def test_a_lower_maximum_is_the_start_too_and_is_never_passed() -> None:
    gate = Gate()
    fetcher = gate.fetcher_with(concurrency=4)
    await fetcher.run(list(range(200)), lambda *_: None)
    assert fetcher.limit.history == [4]
    assert peak(gate) == 4


def test_the_limit_grows_after_as_many_successes_in_a_row_as_it_allows() -> None:
    limit = AdaptiveLimit(16)
    assert limit.current == START_CONCURRENCY == 8
    for _ in range(7):
        limit.succeeded()
    assert limit.current == 8
    limit.succeeded()
    assert limit.current == 9
    assert limit.rate_limited(limit.era) is True
    assert limit.current == 4
    # A 429 of a request started before the halving is the same burst.
    assert limit.rate_limited(limit.era - 1) is False
    assert limit.current == 4
    for _ in range(3):
        limit.succeeded()
    assert limit.current == 4
    limit.succeeded()
    assert limit.current == 5


def test_the_limit_stays_within_1_and_16() -> None:
    limit = AdaptiveLimit(100, start=50)
    assert (limit.maximum, limit.current) == (MAX_CONCURRENCY, MAX_CONCURRENCY)
    for _ in range(1000):
        limit.succeeded()
    assert limit.current == MAX_CONCURRENCY
    for _ in range(10):
        limit.rate_limited(limit.era)
    assert limit.current == 1
    with pytest.raises(ValueError, match="concurrency"):
        AdaptiveLimit(0)


async def test_an_error_out_of_on_result_ends_the_whole_fetch() -> None:
    gate = Gate()
    fetcher = gate.fetcher_with()
    results: list[int] = []

    def on_result(order_id: int, result: int) -> None:
        if len(results) == 3:
            raise OSError("disk full")
        results.append(order_id)

    with pytest.raises(OSError, match="disk full"):
        await fetcher.run(list(range(100)), on_result)
    started = len(gate.started)
    for _ in range(20):
        await asyncio.sleep(0)
    assert len(gate.started) == started < 100
    assert gate.in_flight == 0


def test_one_open_order_is_said_in_the_singular() -> None:
    assert FetchProgress(total=1, fetched=1).describe() == "details of 1 open order up to date"
    assert FetchProgress(total=0).describe() == "details of 0 open orders up to date"
