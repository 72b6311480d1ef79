"""The order list's retry after a rate limit: one at a time, counted until a load succeeds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from textual.timer import Timer

from porting_tui.tui.screens.order_list.rate_limit_retry import RateLimitRetry


class FakeTimer:
    def __init__(self, delay: float, callback: Callable[[], None]) -> None:
        self.delay, self.callback, self.stopped = delay, callback, False

    def stop(self) -> None:
        self.stopped = True


def test_a_new_retry_replaces_the_waiting_one_and_the_count_grows_until_a_success() -> None:
    timers: list[FakeTimer] = []

    def set_timer(delay: float, callback: Callable[[], None]) -> Timer:
        timers.append(FakeTimer(delay, callback))
        return cast(Any, timers[-1])

    retry, ran = RateLimitRetry(set_timer), []
    retry.schedule(2.0, lambda: ran.append("first"))
    retry.schedule(5.0, lambda: ran.append("second"))
    assert timers[0].stopped and not timers[1].stopped
    assert retry.scheduled and retry.in_a_row == 2

    timers[1].callback()
    assert ran == ["second"] and not retry.scheduled
    retry.succeeded()
    assert retry.in_a_row == 0

    retry.schedule(1.0, lambda: ran.append("third"))
    retry.cancel()
    assert timers[2].stopped and not retry.scheduled and ran == ["second"]
