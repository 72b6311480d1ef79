"""Slow or idle connections cannot starve the receiver: read deadlines and connection caps.

uvicorn limits a connection's idle time between requests only, and answers 503 to every new
request once ``limit_concurrency`` connections are open; so 64 clients that connect and send
nothing (slowloris) would lock out real deliveries. Here each connection must send its
request headers within ``header_seconds`` and its body within ``body_seconds``; and when one
peer (or everyone together) holds too many unfinished requests, the oldest of them is closed
to make room, so a new delivery always gets in and a slow client only hurts itself.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger("porting_tui.webhooks")

DEFAULT_HEADER_SECONDS = 10.0
DEFAULT_BODY_SECONDS = 30.0
DEFAULT_PER_PEER = 16
DEFAULT_TOTAL = 128


@dataclass(frozen=True)
class ConnectionLimits:
    header_seconds: float = DEFAULT_HEADER_SECONDS
    """Time to send the request line and headers, from connecting (or the previous answer)."""
    body_seconds: float = DEFAULT_BODY_SECONDS
    """Time to send the body, from the end of the headers."""
    per_peer: int = DEFAULT_PER_PEER
    """Unfinished requests one address may hold; beyond it, its oldest one is closed."""
    total: int = DEFAULT_TOTAL
    """Unfinished requests all addresses together may hold; beyond it, the oldest is closed."""


@dataclass
class ConnectionGuard:
    """The open connections of one server, oldest first, and what was done to them."""

    limits: ConnectionLimits = field(default_factory=ConnectionLimits)
    open: list[GuardedProtocol] = field(default_factory=list)
    evicted: int = 0
    timed_out: int = 0

    def admit(self, newcomer: GuardedProtocol) -> None:
        """Make room for ``newcomer`` by closing the oldest unfinished requests over a cap."""
        waiting = [c for c in self.open if c.unfinished]
        mine = [c for c in waiting if c.peer == newcomer.peer]
        while len(mine) >= self.limits.per_peer:
            self._evict(mine.pop(0), waiting)
        while len(waiting) >= self.limits.total:
            self._evict(waiting[0], waiting)
        self.open.append(newcomer)

    def _evict(self, victim: GuardedProtocol, waiting: list[GuardedProtocol]) -> None:
        if victim in waiting:
            waiting.remove(victim)
        self.evicted += 1
        victim.cut("room was needed for newer connections")

    def forget(self, protocol: GuardedProtocol) -> None:
        if protocol in self.open:
            self.open.remove(protocol)


class GuardedProtocol(H11Protocol):
    """uvicorn's h11 protocol with read deadlines and a place in a ``ConnectionGuard``."""

    guard: ConnectionGuard
    """Set on the per-server subclass made by ``guarded_protocol``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.peer = ""
        self.since = time.monotonic()
        self._deadline: asyncio.TimerHandle | None = None
        self._waiting_for: str | None = None

    @property
    def unfinished(self) -> bool:
        """Still reading a request (or waiting for one): closing it loses no answered work."""
        return self._waiting_for is not None and not self.transport.is_closing()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.peer = self.client[0] if self.client else ""
        self.guard.admit(self)
        self._expect("headers", self.guard.limits.header_seconds)

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_deadline()
        self._waiting_for = None
        self.guard.forget(self)
        super().connection_lost(exc)

    def handle_events(self) -> None:
        super().handle_events()
        state = self.conn.their_state
        if state is h11.SEND_BODY and self._waiting_for == "headers":
            self._expect("body", self.guard.limits.body_seconds)
        elif state is not h11.IDLE and state is not h11.SEND_BODY:
            # The whole request is in: the app has it, no deadline of ours applies.
            self._stop_deadline()
            self._waiting_for = None

    def on_response_complete(self) -> None:
        # Before uvicorn reads a pipelined request, which moves the deadline on to its body.
        if not self.transport.is_closing():
            self._expect("headers", self.guard.limits.header_seconds)
        super().on_response_complete()

    def cut(self, why: str) -> None:
        """Close the connection now (the app, if reading a body, sees a disconnect)."""
        self._stop_deadline()
        self._waiting_for = None
        log.debug("webhook connection from %s closed: %s", self.peer, why)
        if not self.transport.is_closing():
            self.transport.close()

    def _expect(self, what: str, seconds: float) -> None:
        self._stop_deadline()
        self._waiting_for = what
        self.since = time.monotonic()
        self._deadline = self.loop.call_later(seconds, self._too_slow, what)

    def _stop_deadline(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self, what: str) -> None:
        self._deadline = None
        if self._waiting_for == what:
            self.guard.timed_out += 1
            self.cut(f"the request {what} did not arrive in time")


def guarded_protocol(guard: ConnectionGuard) -> type[GuardedProtocol]:
    """A protocol class bound to ``guard``, for uvicorn's ``http`` setting."""
    return type("BoundGuardedProtocol", (GuardedProtocol,), {"guard": guard})
