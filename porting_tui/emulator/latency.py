"""A network round trip for the emulator: every API answer comes a fixed delay late.

On loopback the emulator answers in about a millisecond, so whatever the app does one request
at a time looks free; over a real network each request costs a round trip (tens of
milliseconds). ``porting-tui emulator --latency-ms 50`` shows the app as it is there. API
requests (``/v1/...`` and ``/oauth2/token``) wait; the ``/_emulator`` controls never do.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from starlette.types import ASGIApp, Receive, Scope, Send

DELAYED_PREFIXES = ("/v1/", "/oauth2/")

Sleep = Callable[[float], Awaitable[None]]


class LatencyMiddleware:
    """ASGI middleware that waits ``seconds`` before the app handles each API request."""

    def __init__(self, app: ASGIApp, seconds: float, sleep: Sleep = asyncio.sleep) -> None:
        if seconds < 0:
            raise ValueError("the latency cannot be negative")
        self.app = app
        self.seconds = seconds
        self.sleep = sleep

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        delayed = scope["type"] == "http" and str(scope["path"]).startswith(DELAYED_PREFIXES)
        if delayed and self.seconds > 0:
            await self.sleep(self.seconds)
        await self.app(scope, receive, send)
