"""Fetching order details in the background: several at a time, in order, adapting to 429.

How many requests run at once adapts to the server: it starts at ``START_CONCURRENCY`` (or the
settings' maximum when that is lower), halves when the API answers 429 and grows back by one
after a run of successes as long as the limit itself, never above the maximum (at most
``MAX_CONCURRENCY``) nor below 1. Over a real network the latency, not the server, sets the
pace, so many requests in flight are what makes the first read of 2,000 orders quick.

The client already retries a 429 a couple of times, waiting the server's Retry-After; when it
gives up, the limit halves, every worker of the fetch pauses together for the Retry-After (or
a growing back-off) and the order goes back to the front of the queue, so a rate-limited
project is slowed, never hammered.
"""

from __future__ import annotations

import asyncio
import collections
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from porting_tui.attention.settings import MAX_CONCURRENCY, START_CONCURRENCY
from porting_tui.client import (
    AuthenticationError,
    PermissionDeniedError,
    PortingConfigError,
    PortingError,
    RateLimitError,
)

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]

MAX_RATE_LIMITED_TRIES = 6
"""A detail still rate-limited after this many pauses is given up (counted as failed)."""
FIRST_BACKOFF = 1.0
MAX_BACKOFF = 60.0
# Errors that no other order would escape: stop the whole fetch and report them.
FATAL_ERRORS = (AuthenticationError, PermissionDeniedError, PortingConfigError)


class AdaptiveLimit:
    """How many requests may run at once: halved on a 429, one more after a run of successes.

    A run is as many successes in a row as the limit allows at once, so the limit grows by
    about one per round trip while the server keeps up. The 429s of requests that were already
    running when the limit was halved halve it only once (they are one and the same burst).
    """

    def __init__(self, maximum: int, start: int | None = None) -> None:
        if maximum < 1:
            raise ValueError("concurrency must be at least 1")
        self.maximum = min(maximum, MAX_CONCURRENCY)
        first = START_CONCURRENCY if start is None else start
        self.current = max(1, min(first, self.maximum))
        self.successes = 0
        """Successes in a row since the limit last changed."""
        self.era = 0
        """Counts the halvings: a request remembers the era it started in."""
        self.history = [self.current]
        """Every value the limit took, the first one included."""

    def succeeded(self) -> None:
        self.successes += 1
        if self.successes >= self.current and self.current < self.maximum:
            self._set(self.current + 1)

    def rate_limited(self, started_in: int) -> bool:
        """A request started in era ``started_in`` got a 429; True when the limit was halved."""
        if started_in != self.era:
            return False
        self.era += 1
        self._set(max(1, self.current // 2))
        return True

    def _set(self, value: int) -> None:
        self.successes = 0
        if value != self.current:
            self.current = value
            self.history.append(value)


@dataclass(frozen=True)
class FetchProgress:
    """How far the background fetch is; ``complete`` once every order is done or given up."""

    total: int = 0
    fetched: int = 0
    reused: int = 0
    """Orders whose cached details were still good, so no request was needed."""
    failed: int = 0
    rate_limited: int = 0
    """How many times the fetch paused because the API answered 429."""
    paused_for: float = 0.0
    """Seconds of the pause in progress (0 when not paused)."""
    concurrency: int = 0
    """How many requests the fetch allows at once now (it adapts; 0 before it starts)."""

    @property
    def done(self) -> int:
        return self.fetched + self.reused + self.failed

    @property
    def complete(self) -> bool:
        return self.done >= self.total

    def describe(self) -> str:
        if self.complete:
            orders = "open order" if self.total == 1 else "open orders"
            text = f"details of {self.total} {orders} up to date"
            return text + (f" ({self.failed} could not be read)" if self.failed else "")
        text = f"reading order details {self.done}/{self.total}"
        if self.paused_for > 0:
            text += f" · rate limited, paused {self.paused_for:.0f} s"
        return text


class DetailFetcher(Generic[T]):
    """Runs ``fetch(order_id)`` for each id, at most ``limit.current`` requests at once.

    ``concurrency`` is the most requests at once (capped at ``MAX_CONCURRENCY``); the fetch
    starts at ``start`` (default ``START_CONCURRENCY``) or the maximum when that is lower.
    """

    def __init__(
        self,
        fetch: Callable[[int], Awaitable[T]],
        *,
        concurrency: int = MAX_CONCURRENCY,
        start: int | None = None,
        sleep: Sleep = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        on_progress: Callable[[FetchProgress], None] | None = None,
    ) -> None:
        self._fetch = fetch
        self.limit = AdaptiveLimit(concurrency, start)
        self._sleep = sleep
        self._clock = clock
        self._on_progress = on_progress
        self._resume_at = 0.0
        self._backoff = FIRST_BACKOFF
        self.progress = FetchProgress()
        self.errors: dict[int, PortingError] = {}

    def _report(self, **changes: int | float) -> None:
        changes.setdefault("concurrency", self.limit.current)
        self.progress = replace(self.progress, **changes)  # type: ignore[arg-type]
        if self._on_progress is not None:
            self._on_progress(self.progress)

    async def run(
        self,
        order_ids: Sequence[int],
        on_result: Callable[[int, T], None],
        *,
        reused: int = 0,
    ) -> FetchProgress:
        """Fetch ``order_ids`` in the given order; ``reused`` more count as done already.

        Raises the first authentication or permission error: no other order would fare better.
        """
        queue = collections.deque((order_id, 0) for order_id in order_ids)
        self._report(total=len(order_ids) + reused, reused=reused)
        fatal: list[PortingError] = []
        limit = self.limit
        in_flight = 0
        turn = asyncio.Condition()

        def may_start() -> bool:
            return bool(fatal) or not queue or in_flight < limit.current

        async def worker() -> None:
            nonlocal in_flight
            while True:
                async with turn:
                    await turn.wait_for(may_start)
                    if fatal or not queue:
                        return
                    order_id, tries = queue.popleft()
                    in_flight += 1
                try:
                    await self._one(order_id, tries, queue, fatal, on_result)
                finally:
                    in_flight -= 1
                    async with turn:
                        turn.notify_all()

        workers = [
            asyncio.ensure_future(worker()) for _ in range(min(limit.maximum, len(order_ids)))
        ]
        try:
            await asyncio.gather(*workers)
        except BaseException:
            # An error out of ``on_result`` (or a cancel) ends the whole fetch, not one worker.
            for task in workers:
                task.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
            raise
        if fatal:
            raise fatal[0]
        return self.progress

    async def _one(
        self,
        order_id: int,
        tries: int,
        queue: collections.deque[tuple[int, int]],
        fatal: list[PortingError],
        on_result: Callable[[int, T], None],
    ) -> None:
        await self._wait_for_pause()
        if fatal:
            return
        era = self.limit.era
        try:
            result = await self._fetch(order_id)
        except RateLimitError as error:
            self.limit.rate_limited(era)
            if tries + 1 >= MAX_RATE_LIMITED_TRIES:
                self.errors[order_id] = error
                self._report(failed=self.progress.failed + 1)
            else:
                queue.appendleft((order_id, tries + 1))
            self._pause(error.retry_after)
        except FATAL_ERRORS as error:
            fatal.append(error)
        except PortingError as error:
            self.errors[order_id] = error
            self._report(failed=self.progress.failed + 1)
        else:
            self._backoff = FIRST_BACKOFF
            self.limit.succeeded()
            on_result(order_id, result)
            self._report(fetched=self.progress.fetched + 1)

    def _pause(self, retry_after: float | None) -> None:
        delay = retry_after if retry_after is not None and retry_after > 0 else self._backoff
        delay = min(delay, MAX_BACKOFF)
        self._backoff = min(self._backoff * 2, MAX_BACKOFF)
        self._resume_at = max(self._resume_at, self._clock() + delay)
        self._report(rate_limited=self.progress.rate_limited + 1, paused_for=delay)

    async def _wait_for_pause(self) -> None:
        while (remaining := self._resume_at - self._clock()) > 0:
            await self._sleep(remaining)
        if self.progress.paused_for:
            self._report(paused_for=0.0)
