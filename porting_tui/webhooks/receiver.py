"""The webhook receiver: an ASGI app that checks, reads, parses and stores each delivery.

It answers quickly (the event is stored, then acknowledged) and turns every bad request into
a 4xx with a short JSON reason: a sender's mistake never stops the receiver.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from porting_tui.client import InvalidResponseError, parse_webhook
from porting_tui.webhooks.credentials import ReceiverAuth
from porting_tui.webhooks.event_store import ReceivedEvent, WebhookEventStore

if TYPE_CHECKING:
    # Starlette is imported when a receiver is made, not with this module: the app and the
    # command line read the options and the store with no receiver running.
    from starlette.requests import Request
    from starlette.responses import Response

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_PATH = "/porting-events"
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
"""An order of 500 numbers with full details is a few hundred kilobytes; 1 MiB leaves room."""
MAX_JSON_DEPTH = 32
"""A porting event nests five levels deep; deeper bodies are refused before they are parsed."""
RETRY_AFTER_SECONDS = 30


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


def _peer(request: Request) -> str:
    """The address of the socket's other end; forwarding headers are not believed."""
    client = request.client
    return f"{client.host}:{client.port}" if client else "unknown"


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


def too_deep(body: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether arrays and objects in ``body`` nest deeper than ``limit`` (False if not JSON).

    Python's parser gives up with RecursionError near a thousand levels; below that, the
    parsed value is walked without recursion.
    """
    try:
        data = json.loads(body)
    except RecursionError:
        return True
    except ValueError:
        return False  # not JSON: parse_webhook says so
    level: list[tuple[object, int]] = [(data, 1)]
    while level:
        value, depth = level.pop()
        if isinstance(value, dict):
            children = list(value.values())
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            return True
        level.extend((child, depth + 1) for child in children)
    return False


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
        from starlette.applications import Starlette
        from starlette.routing import Route

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
        from starlette.requests import ClientDisconnect
        from starlette.responses import JSONResponse, Response

        try:
            stored = await self._accept(request)
        except ClientDisconnect:
            # Nobody is left to answer; one line says so (not a traceback).
            log.info("webhook sender %s went away before its body was complete", _peer(request))
            return Response(status_code=400)
        except _Refused as refused:
            self._rejected(request, refused)
            headers = {}
            challenge = self.options.auth.challenge if self.options.auth else None
            if refused.status == 401 and challenge:
                headers["WWW-Authenticate"] = challenge
            if refused.status == 503:
                headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return JSONResponse({"error": refused.reason}, refused.status, headers=headers)
        if stored.repeats:
            # The same delivery again (a sender's retry): acknowledged, kept once, counted.
            log.info("webhook event %d received again (%d repeats)", stored.id, stored.repeats)
            return JSONResponse(
                {"received": stored.id, "type": stored.event_type, "repeats": stored.repeats}
            )
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
        if too_deep(body):
            raise _Refused(400, f"the JSON nests deeper than {MAX_JSON_DEPTH} levels")
        try:
            event = parse_webhook(body)
            text = body.decode("utf-8")
        except InvalidResponseError as error:
            raise _Refused(400, error.message) from None
        except (UnicodeDecodeError, RecursionError):
            raise _Refused(400, "the body is not UTF-8 JSON") from None
        from starlette.concurrency import run_in_threadpool

        try:
            return await run_in_threadpool(
                self.events.add, event, text, profile=self.options.profile
            )
        except sqlite3.Error as error:
            # A full disk or a store locked too long: the sender keeps the event and retries.
            log.error("webhook event not stored (%s): answered 503", error)
            raise _Refused(503, "the event could not be stored now; retry later") from None

    def _rejected(self, request: Request, refused: _Refused) -> None:
        rejection = Rejection(
            status=refused.status,
            reason=refused.reason,
            client=_peer(request),
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
