"""The HTTP layer under the resources: URLs, auth, retries, logging and error mapping."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

import httpx
from pydantic import TypeAdapter, ValidationError

from porting_tui.client.auth import Authenticator
from porting_tui.client.errors import (
    AuthenticationError,
    InvalidResponseError,
    PortingConnectionError,
    PortingError,
    PortingTimeoutError,
    error_from_response,
    parse_retry_after,
)
from porting_tui.client.mutations import (
    MutationObserver,
    MutationRecord,
    created_order_id,
    mutation_action,
)
from porting_tui.client.retry import RetryPolicy, retry_delay, should_retry

logger = logging.getLogger("porting_tui.client")

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]
_REPEATABLE_METHODS = frozenset({"GET", "PUT", "DELETE", "HEAD", "OPTIONS"})
_RAW_BODY_LIMIT = 2000


def _connection_error(error: httpx.HTTPError, host: str) -> PortingError:
    if isinstance(error, httpx.TimeoutException):
        return PortingTimeoutError(f"Timed out talking to {host}", host)
    if isinstance(error, httpx.DecodingError):
        return InvalidResponseError(f"{host} sent a body that could not be decoded")
    if isinstance(error, httpx.RemoteProtocolError | httpx.ReadError):
        # The server was reached and may have acted: it is the answer that was lost.
        return PortingConnectionError(
            f"{host} closed the connection before the answer was complete", host
        )
    return PortingConnectionError(f"Could not reach {host} ({type(error).__name__})", host)


def _describe(error: ValidationError) -> str:
    # Never include input values: an order body may carry a port-out PIN.
    parts = []
    for item in error.errors(include_input=False, include_url=False)[:3]:
        where = ".".join(str(part) for part in item["loc"]) or "<body>"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def parse_body(response: httpx.Response, adapter: TypeAdapter[T]) -> T:
    """Read a 2xx response into a model; a malformed body raises ``InvalidResponseError``."""
    what = f"{response.request.method} {response.request.url.path}"
    raw = response.text
    try:
        return adapter.validate_json(raw or "null")
    except ValidationError as error:
        json_broken = any(item["type"] == "json_invalid" for item in error.errors())
        reason = "is not JSON" if json_broken else f"has an unexpected shape ({_describe(error)})"
        raise InvalidResponseError(
            f"The answer to {what} {reason}",
            status_code=response.status_code,
            raw_body=raw[:_RAW_BODY_LIMIT],
        ) from None


class ApiSession:
    """Sends requests to one project of the API with auth, retries and logging."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        api_root: str,
        authenticator: Authenticator,
        policy: RetryPolicy,
        sleep: Sleep,
        on_mutation: MutationObserver | None = None,
    ) -> None:
        self.http = http
        self.api_root = api_root
        self.authenticator = authenticator
        self.policy = policy
        self._sleep = sleep
        self.on_mutation = on_mutation

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, str] | None = None,
        repeatable: bool | None = None,
    ) -> httpx.Response:
        """Call ``{api_root}{path}``; a write is then reported to ``on_mutation``, if set."""
        mutation = mutation_action(method, path) if self.on_mutation else None
        if mutation is None:
            return await self._authorized_request(
                method, path, json=json, params=params, repeatable=repeatable
            )
        action, order_id = mutation
        try:
            response = await self._authorized_request(
                method, path, json=json, params=params, repeatable=repeatable
            )
        except (PortingError, asyncio.CancelledError) as error:
            # A cancelled write may or may not have reached the server: record that too.
            status = getattr(error, "status_code", None)
            self._report(
                MutationRecord(method, path, action, order_id, status, type(error).__name__)
            )
            raise
        if action == "create":
            order_id = created_order_id(response)
        self._report(MutationRecord(method, path, action, order_id, response.status_code))
        return response

    def _report(self, record: MutationRecord) -> None:
        assert self.on_mutation is not None
        try:
            self.on_mutation(record)
        except Exception:
            # An observer (an audit log) must never turn a done change into an error.
            logger.warning("The mutation observer failed on %s %s", record.method, record.path)

    async def _authorized_request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, str] | None = None,
        repeatable: bool | None = None,
    ) -> httpx.Response:
        """Call ``{api_root}{path}``; after a 401 the credentials are renewed and it is sent again.

        A 401 means the server refused to act, so even a create may be sent again.
        """
        renewed = False
        while True:
            authorization = await self.authenticator.authorization()
            try:
                return await self.send(
                    method,
                    self.api_root + path,
                    headers={"Authorization": authorization},
                    json=json,
                    params=params,
                    repeatable=repeatable,
                )
            except AuthenticationError:
                if renewed or not await self.authenticator.renew(authorization):
                    raise
                renewed = True

    async def send(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str],
        json: Any = None,
        data: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        repeatable: bool | None = None,
    ) -> httpx.Response:
        """Send one request with retries; return a 2xx response or raise a ``PortingError``."""
        if repeatable is None:
            repeatable = method.upper() in _REPEATABLE_METHODS
        target = httpx.URL(url)
        host = target.host
        attempt = 0
        while True:
            started = time.perf_counter()
            try:
                response = await self.http.request(
                    method, target, headers=headers, json=json, data=data, params=params
                )
            except httpx.HTTPError as error:
                elapsed = (time.perf_counter() - started) * 1000
                logger.debug(
                    "%s %s failed after %.0f ms: %s", method, target.path, elapsed,
                    type(error).__name__,
                )  # fmt: skip
                if isinstance(error, httpx.TransportError) and should_retry(
                    self.policy, attempt, repeatable=repeatable, error=error
                ):
                    await self._pause(attempt, None, method, target.path)
                    attempt += 1
                    continue
                raise _connection_error(error, host) from error
            elapsed = (time.perf_counter() - started) * 1000
            logger.debug(
                "%s %s -> %d in %.0f ms", method, target.path, response.status_code, elapsed
            )
            if response.is_success:
                return response
            if should_retry(
                self.policy, attempt, repeatable=repeatable, status_code=response.status_code
            ):
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                await self._pause(attempt, retry_after, method, target.path)
                attempt += 1
                continue
            raise error_from_response(response)

    async def _pause(self, attempt: int, retry_after: float | None, method: str, path: str) -> None:
        delay = retry_delay(self.policy, attempt, retry_after)
        logger.debug("%s %s: retry %d in %.2f s", method, path, attempt + 1, delay)
        await self._sleep(delay)
