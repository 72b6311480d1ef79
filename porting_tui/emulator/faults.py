"""Injected faults, so clients and the app can rehearse their failure paths.

A spec is a comma-separated list of ``KIND=SHARE[:PARAM]``; SHARE is a fraction (``0.1``)
or a percentage (``10%``) of API requests (``/v1/...`` and ``/oauth2/token``; never the
``/_emulator`` controls):

* ``429=0.1:3s``  answer 429 Too Many Requests with ``Retry-After: 3`` (default 1 s)
* ``500=0.05``    answer 500 with the documented error body
* ``503=0.05:2s`` answer 503, optionally with ``Retry-After``
* ``slow=0.1:5s`` wait 5 real seconds (default 2 s) before answering; combines with the others
* ``drop=0.02``   process the request, then close the connection without a complete response
* ``malformed=0.02``  process the request, then send its JSON body cut in half
* ``enum=0.02``  process the request, then answer with enum values the contract does not list
  (a status ``ON_HOLD``, a voice type ``SIP``, a zone ``US/Hawaii``), as a newer API might
* ``sparse=0.02``  process the request, then answer without the fields the contract leaves
  optional (only ids, statuses and the contract's required fields stay)

Except ``slow``, the kinds exclude each other and their shares add up to at most 1. The
choice of which requests fail comes from a generator seeded with the emulator's seed.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from porting_tui.emulator.dates import parse_duration
from porting_tui.emulator.errors import error_body

EXCLUSIVE_KINDS = ("429", "500", "503", "drop", "malformed", "enum", "sparse")
KINDS = (*EXCLUSIVE_KINDS, "slow")
DEFAULT_PARAM = {"429": 1.0, "slow": 2.0}
FAULTY_PREFIXES = ("/v1/", "/oauth2/")
# Values a newer API might send: statuses, voice types and zones that the contract lacks.
UNKNOWN_ENUM_VALUES = {
    "status": "ON_HOLD",
    "type": "SIP",
    "desiredPortTimeZone": "US/Hawaii",
    "defaultPortTimeZone": "US/Hawaii",
}
# What a "sparse" answer keeps: ids, statuses, the voice type, the containers that hold them
# and the fields the contract marks required; everything else is optional and dropped.
SPARSE_KEPT_FIELDS = frozenset(
    {
        *("id", "orderId", "status", "type", "portable"),
        *("orders", "phoneNumbers", "notes", "documents", "phoneNumberGroups"),
        *("phoneNumber", "desiredPortSchedule", "desiredPortDate", "endUser", "portOutInfo"),
        *("name", "streetNum", "streetName", "city", "state", "zipCode"),
    }
)


class FaultSpecError(ValueError):
    """A fault spec that cannot be read."""


class ConnectionDropped(httpx.RemoteProtocolError):
    """Raised after the response has started, so the server closes the connection.

    It is an httpx transport error so that in-process clients (``httpx.ASGITransport``) see
    what they would see over a real socket.
    """


@dataclass(frozen=True)
class FaultPlan:
    shares: dict[str, float] = field(default_factory=dict)
    params: dict[str, float] = field(default_factory=dict)

    def describe(self) -> str:
        parts = []
        for kind in KINDS:
            if kind in self.shares:
                param = self.params.get(kind)
                parts.append(f"{kind}={self.shares[kind]:g}" + (f":{param:g}s" if param else ""))
        return ",".join(parts)


def parse_fault_spec(spec: str | None) -> FaultPlan:
    if spec is None or spec.strip().lower() in ("", "none", "off"):
        return FaultPlan()
    shares: dict[str, float] = {}
    params: dict[str, float] = {}
    for item in spec.split(","):
        kind, sep, rest = item.strip().partition("=")
        kind = kind.strip().lower()
        if not sep or kind not in KINDS:
            raise FaultSpecError(f"{item.strip()!r}: expected KIND=SHARE with KIND in {KINDS}")
        share_text, _, param_text = rest.partition(":")
        shares[kind] = _share(share_text.strip(), item)
        if param_text.strip():
            delay = parse_duration(param_text.strip())
            if delay is None:
                raise FaultSpecError(f"{item.strip()!r}: {param_text!r} is not a duration")
            params[kind] = delay.total_seconds()
        elif kind in DEFAULT_PARAM:
            params[kind] = DEFAULT_PARAM[kind]
    if sum(shares.get(kind, 0.0) for kind in EXCLUSIVE_KINDS) > 1.0 + 1e-9:
        raise FaultSpecError(
            "the shares of 429, 500, 503, drop, malformed, enum and sparse add up to more than 1"
        )
    return FaultPlan(shares, params)


def _share(text: str, item: str) -> float:
    try:
        value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise FaultSpecError(f"{item.strip()!r}: {text!r} is not a share") from None
    if not 0.0 <= value <= 1.0:
        raise FaultSpecError(f"{item.strip()!r}: a share lies between 0 and 1 (or 0% and 100%)")
    return value


class FaultInjector:
    def __init__(
        self,
        spec: str | None,
        seed: int = 0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.plan = parse_fault_spec(spec)
        self.sleep = sleep
        self._random = random.Random(seed)  # noqa: S311 - reproducible, not secret

    def set(self, spec: str | None) -> None:
        self.plan = parse_fault_spec(spec)

    def decide(self) -> tuple[float, str | None]:
        """(delay in seconds, exclusive fault kind or None) for the next request."""
        shares = self.plan.shares
        if not shares:
            return 0.0, None
        delay = 0.0
        if "slow" in shares and self._random.random() < shares["slow"]:
            delay = self.plan.params.get("slow", DEFAULT_PARAM["slow"])
        roll = self._random.random()
        for kind in EXCLUSIVE_KINDS:
            share = shares.get(kind, 0.0)
            if roll < share:
                return delay, kind
            roll -= share
        return delay, None


class FaultMiddleware:
    """ASGI middleware that applies the injector's decisions to API requests."""

    def __init__(self, app: ASGIApp, injector: FaultInjector) -> None:
        self.app = app
        self.injector = injector

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope["path"]).startswith(FAULTY_PREFIXES):
            await self.app(scope, receive, send)
            return
        delay, kind = self.injector.decide()
        if delay:
            await self.injector.sleep(delay)
        if kind in ("429", "500", "503"):
            await self._error(send, int(kind))
        elif kind == "drop":
            await self.app(scope, receive, _discard)
            await send({"type": "http.response.start", "status": 200, "headers": _length(4096)})
            await send({"type": "http.response.body", "body": b'{"', "more_body": True})
            raise ConnectionDropped("Server disconnected without sending a complete response.")
        elif kind == "malformed":
            await self._rewritten(scope, receive, send, _cut_in_half)
        elif kind == "enum":
            await self._rewritten(scope, receive, send, _with_unknown_enums, api_answers_only=True)
        elif kind == "sparse":
            await self._rewritten(
                scope, receive, send, _without_optional_fields, api_answers_only=True
            )
        else:
            await self.app(scope, receive, send)

    async def _error(self, send: Send, status: int) -> None:
        messages = {
            429: "Rate limit exceeded, please back off and try again later.",
            500: "Most likely a temporary issue, please try again later.",
            503: "The service is temporarily unavailable, please try again later.",
        }
        body = _json_bytes(error_body(status, messages[status]))
        headers = [*_length(len(body)), (b"content-type", b"application/json")]
        retry_after = self.injector.plan.params.get(str(status))
        if retry_after:
            headers.append((b"retry-after", f"{retry_after:g}".encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _rewritten(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        rewrite: Callable[[bytes], bytes],
        *,
        api_answers_only: bool = False,
    ) -> None:
        """Send the app's answer through ``rewrite``; ``api_answers_only`` leaves error bodies
        and the token endpoint (no part of the porting contract) as they are."""
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        body = b"".join(chunks) or b"{}"
        api_answer = int(start.get("status", 500)) < 300 and str(scope["path"]).startswith("/v1/")
        if api_answer or not api_answers_only:
            body = rewrite(body)
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        headers = [h for h in headers if h[0].lower() != b"content-type"]
        headers += [*_length(len(body)), (b"content-type", b"application/json")]
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _cut_in_half(body: bytes) -> bytes:
    return body[: max(1, len(body) // 2)]


def _rewrite_json(body: bytes, rewrite: Callable[[Any], Any]) -> bytes:
    try:
        document = json.loads(body)
    except ValueError:
        return body
    return _json_bytes(rewrite(document))


def _with_unknown_enums(body: bytes) -> bytes:
    def rewrite(value: Any) -> Any:
        if isinstance(value, list):
            return [rewrite(item) for item in value]
        if not isinstance(value, dict):
            return value
        return {
            key: UNKNOWN_ENUM_VALUES[key]
            if key in UNKNOWN_ENUM_VALUES and isinstance(item, str)
            else rewrite(item)
            for key, item in value.items()
        }

    return _rewrite_json(body, rewrite)


def _without_optional_fields(body: bytes) -> bytes:
    def rewrite(value: Any) -> Any:
        if isinstance(value, list):
            return [rewrite(item) for item in value]
        if not isinstance(value, dict):
            return value
        return {key: rewrite(item) for key, item in value.items() if key in SPARSE_KEPT_FIELDS}

    return _rewrite_json(body, rewrite)


async def _discard(message: Message) -> None:
    return None


def _length(size: int) -> list[tuple[bytes, bytes]]:
    return [(b"content-length", str(size).encode())]


def _json_bytes(body: object) -> bytes:
    return json.dumps(body, separators=(",", ":")).encode()
