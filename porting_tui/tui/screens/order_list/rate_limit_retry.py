"""RateLimitRetry: after a 429, one retry waits for the time the server asked for."""

from __future__ import annotations

from collections.abc import Callable

from textual.timer import Timer

SetTimer = Callable[[float, Callable[[], None]], Timer]


class RateLimitRetry:
    """Counts the rate limits in a row (for the banner's attempt number) and holds the one
    pending retry, which any fresh load cancels."""

    def __init__(self, set_timer: SetTimer) -> None:
        self._set_timer = set_timer
        self._timer: Timer | None = None
        self.in_a_row = 0

    @property
    def scheduled(self) -> bool:
        return self._timer is not None

    def schedule(self, delay: float, retry: Callable[[], None]) -> None:
        """Run ``retry`` after ``delay`` seconds, instead of any retry already waiting."""
        self.cancel()
        self.in_a_row += 1

        def fire() -> None:
            self._timer = None
            retry()

        self._timer = self._set_timer(delay, fire)

    def succeeded(self) -> None:
        self.in_a_row = 0

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
