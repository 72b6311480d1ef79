"""An in-process stand-in for the Porting API: canned replies by route, every request recorded.

Every JSON request body sent to the API is checked against the contract as it arrives, and
every canned 2xx reply is checked when it is registered (unless a test feeds a deliberately
off-contract body and says so), so the whole client suite doubles as a contract test.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from porting_tui.client import PortingClient
from tests.contract.validator import validate_request, validate_response

PROJECT = "proj-1"
BASE_URL = "https://porting.test"
API_ROOT = f"{BASE_URL}/v1/projects/{PROJECT}"
AUTH_URL = "https://auth.test/oauth2/token"
KEY_ID = "key-id-7"
KEY_SECRET = "s3cr3t-key-value"

Handler = Callable[[httpx.Request], httpx.Response | Awaitable[httpx.Response]]


@dataclass
class Reply:
    """One canned answer: a JSON body, raw bytes, an exception to raise, or a handler."""

    status: int = 200
    body: Any = None
    raw: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    error: Exception | None = None
    handler: Handler | None = None


class FakeApi:
    """Routes ``(method, path)`` to queued replies; the last reply of a route repeats."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self._routes: dict[tuple[str, str], list[Reply]] = {}
        self.transport = httpx.MockTransport(self._handle)

    def add(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
        contract: bool = True,
    ) -> None:
        """Queue a reply; ``path`` is relative to the project root, or a full URL."""
        if contract and 200 <= status < 300 and raw is None and not path.startswith("http"):
            validate_response(method, path, status, body)
        self._queue(method, path, Reply(status, body, raw, headers or {}))

    def fail(self, method: str, path: str, error: Exception) -> None:
        """Queue a transport error (connection refused, timeout...)."""
        self._queue(method, path, Reply(error=error))

    def handle(self, method: str, path: str, handler: Handler) -> None:
        """Queue a function that builds the reply from the request."""
        self._queue(method, path, Reply(handler=handler))

    def _queue(self, method: str, path: str, reply: Reply) -> None:
        url = path if path.startswith("http") else API_ROOT + path
        self._routes.setdefault((method.upper(), url), []).append(reply)

    def sent(self, method: str | None = None, path: str | None = None) -> list[httpx.Request]:
        """The recorded requests, optionally only those to one route."""
        found = []
        for request in self.requests:
            url = str(request.url.copy_with(query=None))
            if method and request.method != method:
                continue
            if path and url != (path if path.startswith("http") else API_ROOT + path):
                continue
            found.append(request)
        return found

    async def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        url = str(request.url.copy_with(query=None))
        if url.startswith(API_ROOT) and request.content:
            validate_request(request.method, request.url.path, json.loads(request.content))
        queue = self._routes.get((request.method, url))
        if not queue:
            return httpx.Response(404, json={"code": "404", "error": "Not found", "message": url})
        reply = queue.pop(0) if len(queue) > 1 else queue[0]
        if reply.error is not None:
            raise reply.error
        if reply.handler is not None:
            result = reply.handler(request)
            return result if isinstance(result, httpx.Response) else await result
        if reply.raw is not None:
            return httpx.Response(reply.status, content=reply.raw, headers=reply.headers)
        if reply.body is None:
            return httpx.Response(reply.status, headers=reply.headers)
        return httpx.Response(reply.status, json=reply.body, headers=reply.headers)


class SleepRecorder:
    """An instant replacement for ``asyncio.sleep`` that remembers every delay."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


def make_client(api: FakeApi, sleep: SleepRecorder | None = None, **options: Any) -> PortingClient:
    """A client of project ``proj-1`` wired to the fake API."""
    settings: dict[str, Any] = {
        "key_id": KEY_ID,
        "key_secret": KEY_SECRET,
        "base_url": BASE_URL,
        "auth_url": AUTH_URL,
        "transport": api.transport,
        "sleep": sleep or SleepRecorder(),
    }
    settings.update(options)
    return PortingClient(PROJECT, **settings)


def body_of(request: httpx.Request) -> Any:
    """The decoded JSON body of a recorded request."""
    return json.loads(request.content)
