"""The webhook receiver: an ASGI app that checks, reads, parses and stores each delivery.

It answers quickly (the event is stored, then acknowledged) and turns every bad request into
a 4xx with a short JSON reason: a sender's mistake never stops the receiver.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from porting_tui.client import InvalidResponseError, parse_webhook
from porting_tui.webhooks.credentials import ReceiverAuth
from porting_tui.webhooks.event_store import ReceivedEvent, WebhookEventStore

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_PATH = "/porting-events"
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
"""An order of 500 numbers with full details is a few hundred kilobytes; 1 MiB leaves room."""


@dataclass(frozen=True)
class Rejection:
    """A request the receiver refused, for the operator's eyes (never holds credentials)."""

    status: int
    reason: str
    client: str
    method: str
    path: str


@dataclass(frozen=True)
class ReceiverOptions:
    path: str = DEFAULT_PATH
    auth: ReceiverAuth | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    profile: str | None = None
    """Stored with each event so that the app shows a profile's events only."""


def normalize_path(path: str) -> str:
    cleaned = "/" + path.strip().strip("/")
    return cleaned


class _Refused(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise _Refused(400, "the Content-Length header is not a number")
        if int(declared) > limit:
            raise _Refused(413, f"the body is larger than {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        # A chunked body has no declared length: stop reading as soon as it is too big.
        if size > limit:
            raise _Refused(413, f"the body is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


class WebhookReceiver:
    """Accepts porting events at one path, stores them, and tells the listeners."""

    def __init__(
        self,
        events: WebhookEventStore,
        options: ReceiverOptions | None = None,
        *,
        on_event: Callable[[ReceivedEvent], object] | None = None,
        on_rejected: Callable[[Rejection], object] | None = None,
    ) -> None:
        self.events = events
        self.options = options or ReceiverOptions()
        self.path = normalize_path(self.options.path)
        self._on_event = on_event
        self._on_rejected = on_rejected
        self.app = Starlette(
            routes=[
                Route(
                    "/{rest:path}",
                    self._handle,
                    methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
                )
            ]
        )

    async def _handle(self, request: Request) -> Response:
        try:
            stored = await self._accept(request)
        except _Refused as refused:
            self._rejected(request, refused)
            headers = {}
            challenge = self.options.auth.challenge if self.options.auth else None
            if refused.status == 401 and challenge:
                headers["WWW-Authenticate"] = challenge
            return JSONResponse({"error": refused.reason}, refused.status, headers=headers)
        self._notify(stored)
        return JSONResponse({"received": stored.id, "type": stored.event_type})

    async def _accept(self, request: Request) -> ReceivedEvent:
        if normalize_path(request.url.path) != self.path:
            raise _Refused(404, f"events are received at {self.path}")
        if request.method != "POST":
            raise _Refused(405, "events are sent with POST")
        auth = self.options.auth
        if auth is not None and not auth.accepts(request.headers, request.query_params):
            raise _Refused(401, "missing or wrong credentials")
        body = await _read_body(request, self.options.max_body_bytes)
        try:
            event = parse_webhook(body)
            text = body.decode("utf-8")
        except InvalidResponseError as error:
            raise _Refused(400, error.message) from None
        except UnicodeDecodeError:
            raise _Refused(400, "the body is not UTF-8 JSON") from None
        return await run_in_threadpool(self.events.add, event, text, profile=self.options.profile)

    def _rejected(self, request: Request, refused: _Refused) -> None:
        client = request.client
        rejection = Rejection(
            status=refused.status,
            reason=refused.reason,
            client=f"{client.host}:{client.port}" if client else "unknown",
            method=request.method,
            # The path only: a shared secret may travel in the query string.
            path=request.url.path,
        )
        log.info("webhook refused: %s %s -> %s", rejection.method, rejection.path, refused.status)
        if self._on_rejected is not None:
            self._call_listener(self._on_rejected, rejection)

    def _notify(self, stored: ReceivedEvent) -> None:
        if self._on_event is not None:
            self._call_listener(self._on_event, stored)

    @staticmethod
    def _call_listener(listener: Callable[[T], object], value: T) -> None:
        # The event is stored and will be acknowledged: a failing listener must not undo that.
        try:
            listener(value)
        except Exception:
            log.exception("a webhook listener failed")
