"""When a failed request is tried again, and after how long: pure functions, no I/O."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})

# These errors happen before a single byte of the request left the machine, so even a
# create may be tried again: the server cannot have seen it.
_NOT_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)


def _jitter() -> float:
    return random.random()  # noqa: S311 - backoff jitter, not cryptography


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how patiently to retry; ``jitter`` returns a number in [0, 1)."""

    max_retries: int = 2
    base_delay: float = 0.5
    max_delay: float = 8.0
    retry_after_cap: float = 30.0
    jitter: Callable[[], float] = field(default=_jitter)


def request_not_sent(error: httpx.TransportError) -> bool:
    """True when the error proves the request never reached the server."""
    return isinstance(error, _NOT_SENT_ERRORS)


def should_retry(
    policy: RetryPolicy,
    attempt: int,
    *,
    repeatable: bool,
    status_code: int | None = None,
    error: httpx.TransportError | None = None,
) -> bool:
    """Whether attempt number ``attempt`` (0 = the first) that failed deserves another try.

    ``repeatable`` says the request is safe to repeat (GET, PUT, DELETE, portability checks).
    A request that is not (create, note, upload, activate) is only retried when it provably
    never left the machine.
    """
    if attempt >= policy.max_retries:
        return False
    if error is not None:
        return request_not_sent(error) or repeatable
    return repeatable and status_code in RETRY_STATUSES


def retry_delay(policy: RetryPolicy, attempt: int, retry_after: float | None = None) -> float:
    """Seconds to wait before retrying after attempt ``attempt`` (0 = the first) failed.

    The server's Retry-After wins, capped so that a huge value cannot hang the app;
    otherwise exponential backoff with "equal jitter" (half fixed, half random).
    """
    if retry_after is not None:
        return min(max(retry_after, 0.0), policy.retry_after_cap)
    backoff = min(policy.base_delay * (2.0**attempt), policy.max_delay)
    return backoff / 2 + policy.jitter() * backoff / 2
