"""The emulator's virtual clock: real time scaled by a speed, plus explicit jumps forward."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta


class VirtualClock:
    """Virtual UTC time that runs ``speed`` times faster than ``monotonic`` and never goes back.

    Nothing ticks in the background: callers read ``now()`` when a request arrives and the
    lifecycle catches up with whatever became due since the last request.
    """

    def __init__(
        self,
        start: datetime,
        speed: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if start.tzinfo is None:
            raise ValueError("the virtual clock needs an aware start time")
        if speed < 0:
            raise ValueError("the clock speed cannot be negative")
        self._monotonic = monotonic
        self._base = start.astimezone(UTC)
        self._anchor = monotonic()
        self._speed = speed

    @property
    def speed(self) -> float:
        return self._speed

    def now(self) -> datetime:
        elapsed = (self._monotonic() - self._anchor) * self._speed
        return self._base + timedelta(seconds=elapsed)

    def advance(self, delta: timedelta | float) -> datetime:
        """Jump forward by ``delta`` (a timedelta or seconds) and return the new time."""
        step = delta if isinstance(delta, timedelta) else timedelta(seconds=delta)
        if step < timedelta(0):
            raise ValueError("the virtual clock only moves forward")
        self._rebase()
        self._base += step
        return self._base

    def set_speed(self, speed: float) -> None:
        if speed < 0:
            raise ValueError("the clock speed cannot be negative")
        self._rebase()
        self._speed = speed

    def restart(self, start: datetime, speed: float) -> None:
        """Start over at ``start`` (the only way back in time: used by a full reset)."""
        self._base = start.astimezone(UTC)
        self._anchor = self._monotonic()
        self._speed = speed

    def _rebase(self) -> None:
        self._base = self.now()
        self._anchor = self._monotonic()
