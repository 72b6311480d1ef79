"""Fetching order details in the background: a few at a time, in order, pausing on 429.

The client already retries a 429 a couple of times; when it gives up, every worker of the
fetch pauses together for the server's Retry-After (or a growing back-off) and the order
goes back to the front of the queue, so a rate-limited project is slowed, never hammered.
"""

from __future__ import annotations

import asyncio
import collections
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

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

    @property
    def done(self) -> int:
        return self.fetched + self.reused + self.failed

    @property
    def complete(self) -> bool:
        return self.done >= self.total

    def describe(self) -> str:
        if self.complete:
            text = f"details of {self.total} open orders up to date"
            return text + (f" ({self.failed} could not be read)" if self.failed else "")
        text = f"reading order details {self.done}/{self.total}"
        if self.paused_for > 0:
            text += f" · rate limited, paused {self.paused_for:.0f} s"
        return text


class DetailFetcher(Generic[T]):
    """Runs ``fetch(order_id)`` for each id with at most ``concurrency`` requests at once."""

    def __init__(
        self,
        fetch: Callable[[int], Awaitable[T]],
        *,
        concurrency: int = 4,
        sleep: Sleep = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        on_progress: Callable[[FetchProgress], None] | None = None,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self._fetch = fetch
        self._concurrency = concurrency
        self._sleep = sleep
        self._clock = clock
        self._on_progress = on_progress
        self._resume_at = 0.0
        self._backoff = FIRST_BACKOFF
        self.progress = FetchProgress()
        self.errors: dict[int, PortingError] = {}

    def _report(self, **changes: int | float) -> None:
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

        async def worker() -> None:
            while queue and not fatal:
                order_id, tries = queue.popleft()
                await self._wait_for_pause()
                if fatal:
                    return
                try:
                    result = await self._fetch(order_id)
                except RateLimitError as error:
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
                    on_result(order_id, result)
                    self._report(fetched=self.progress.fetched + 1)

        workers = min(self._concurrency, len(order_ids))
        await asyncio.gather(*(worker() for _ in range(workers)))
        if fatal:
            raise fatal[0]
        return self.progress

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
