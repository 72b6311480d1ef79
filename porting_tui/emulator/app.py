"""The emulator: its state, its virtual clock and the Starlette application serving both."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from porting_tui.emulator.api import api_routes
from porting_tui.emulator.auth import Credentials
from porting_tui.emulator.clock import VirtualClock
from porting_tui.emulator.control import control_routes
from porting_tui.emulator.errors import ApiError, error_response
from porting_tui.emulator.events import EventLog
from porting_tui.emulator.faults import FaultInjector, FaultMiddleware
from porting_tui.emulator.latency import LatencyMiddleware
from porting_tui.emulator.lifecycle import Lifecycle
from porting_tui.emulator.orders import OrderBook
from porting_tui.emulator.seed import Seeder
from porting_tui.emulator.settings import EmulatorSettings
from porting_tui.emulator.store import OrderStore

Sleep = Callable[[float], Awaitable[None]]


class Emulator:
    """One emulated Porting API: ``app`` serves it, ``clock`` drives it, ``events`` records it."""

    def __init__(
        self,
        settings: EmulatorSettings,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.settings = settings
        self.start = (settings.start or datetime.now(UTC)).astimezone(UTC)
        self.clock = VirtualClock(self.start, settings.speed, monotonic)
        self.credentials = Credentials(
            settings.key_id, settings.key_secret, settings.token_lifetime, monotonic
        )
        self.faults = FaultInjector(settings.faults, settings.seed, sleep)
        self.events = EventLog(
            webhook_url=self._webhook_url, deliver=settings.webhook_delivery, sleep=sleep
        )
        self._build_world()
        self.app = self._build_app()

    def _build_world(self) -> None:
        self.store = OrderStore(self.settings.wire_style)
        self.lifecycle = Lifecycle(self.store, self.events, self.settings.seed)
        self.book = OrderBook(self.store, self.lifecycle, self.settings.max_numbers)
        if self.settings.orders > 0:
            seeder = Seeder(self.book, self.settings.key_id, self.start, self.settings.seed)
            seeder.run(self.settings.orders)

    def _webhook_url(self) -> str | None:
        configuration = self.store.configuration
        url = configuration.get("webhookUrl") if configuration else None
        return url if isinstance(url, str) and url else None

    def catch_up(self) -> datetime:
        """Apply every lifecycle step due by now; return the virtual now."""
        now = self.clock.now()
        self.lifecycle.catch_up(now)
        return now

    def advance(self, delta: timedelta | float) -> datetime:
        """Move the virtual clock forward and apply what became due (events included)."""
        self.clock.advance(delta)
        return self.catch_up()

    def reset(self) -> None:
        """Back to the state at start-up: seed data, empty event log, no configuration."""
        self.start = (self.settings.start or datetime.now(UTC)).astimezone(UTC)
        self.clock.restart(self.start, self.settings.speed)
        self.events.clear()
        self.credentials.revoke_all()
        self.faults.set(self.settings.faults)
        self._build_world()

    async def wait_webhooks(self) -> None:
        """Wait until every webhook POST in flight has been delivered or given up."""
        await self.events.wait_delivered()

    async def aclose(self) -> None:
        await self.events.aclose()

    def _build_app(self) -> Starlette:
        @contextlib.asynccontextmanager
        async def lifespan(app: Starlette) -> AsyncIterator[None]:
            yield
            await self.aclose()

        app = Starlette(
            routes=[
                Route("/oauth2/token", self.credentials.token_endpoint, methods=["POST"]),
                *api_routes(),
                *control_routes(),
            ],
            middleware=[
                # Outermost: refusals and faults take their round trip too.
                Middleware(
                    LatencyMiddleware,
                    seconds=self.settings.latency_ms / 1000,
                    sleep=self.faults.sleep,
                ),
                Middleware(FaultMiddleware, injector=self.faults),
            ],
            exception_handlers={HTTPException: _http_error, Exception: _server_error},
            lifespan=lifespan,
        )
        app.state.emulator = self
        return app


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        message = f"{request.url.path} is not a resource of this API."
    else:
        message = str(exc.detail)
    return error_response(ApiError(exc.status_code, message, headers=dict(exc.headers or {})))


async def _server_error(request: Request, exc: Exception) -> Response:
    return error_response(ApiError(500, "The emulator failed on this request."))


def create_emulator(
    settings: EmulatorSettings | None = None,
    *,
    monotonic: Callable[[], float] = time.monotonic,
    sleep: Sleep = asyncio.sleep,
) -> Emulator:
    """Build an emulator; ``monotonic`` and ``sleep`` are injectable so tests never wait."""
    return Emulator(settings or EmulatorSettings(), monotonic=monotonic, sleep=sleep)
