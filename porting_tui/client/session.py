"""The HTTP layer under the resources: URLs, auth, retries, logging and error mapping."""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import httpx

from porting_tui.client.activity import SIGNING_IN, RequestActivity, describe_request
from porting_tui.client.adapters import LazyAdapter
from porting_tui.client.auth import Authenticator
from porting_tui.client.errors import (
    AuthenticationError,
    InvalidResponseError,
    PortingCertificateError,
    PortingConnectionError,
    PortingError,
    PortingTimeoutError,
    error_from_response,
    parse_retry_after,
)
from porting_tui.client.models.lenient_values import BodyUnreadable
from porting_tui.client.mutations import (
    MutationObserver,
    MutationRecord,
    created_order_id,
    mutation_action,
)
from porting_tui.client.retry import RetryPolicy, retry_delay, should_retry

if TYPE_CHECKING:
    from pydantic import ValidationError

logger = logging.getLogger("porting_tui.client")

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
Sleep = Callable[[float], Awaitable[None]]
_REPEATABLE_METHODS = frozenset({"GET", "PUT", "DELETE", "HEAD", "OPTIONS"})
_RAW_BODY_LIMIT = 2000
DEFAULT_DEADLINE = 120.0
"""Seconds one request may take in all (connect, send, every read), however the server drips."""
DEFAULT_MAX_ANSWER_BYTES = 20 * 1024 * 1024
"""The largest answer read; a page of 1,000 orders is a few megabytes."""
# Errors after which the request may have reached the server: a write may have been done.
_ANSWER_LOST = (httpx.RemoteProtocolError, httpx.ReadError, httpx.ReadTimeout, httpx.WriteTimeout)


class AnswerTooLargeError(InvalidResponseError):
    """The answer grew past the size cap while it was read (the rest was never read)."""


def _certificate_problem(error: BaseException) -> ssl.SSLCertVerificationError | None:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _connection_error(error: httpx.HTTPError, host: str) -> PortingError:
    certificate = _certificate_problem(error)
    if certificate is not None:
        reason = certificate.verify_message or certificate.reason or "not trusted"
        return PortingCertificateError(
            f"The TLS certificate of {host} was not accepted ({reason}): check the system "
            "clock and, behind an inspecting proxy, its CA (SSL_CERT_FILE)",
            host,
        )
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


class PlainReader(Protocol[T_co]):
    """A body read by hand rather than by pydantic (``OrderPage``): ``BodyUnreadable`` when
    the text is not JSON or not of the shape expected."""

    def model_validate_json(self, text: str) -> T_co: ...


def parse_body(response: httpx.Response, reader: LazyAdapter[T] | PlainReader[T]) -> T:
    """Read a 2xx response into a model; a malformed body raises ``InvalidResponseError``."""
    what = f"{response.request.method} {response.request.url.path}"
    raw = response.text
    if not isinstance(reader, LazyAdapter):
        try:
            return reader.model_validate_json(raw or "null")
        except BodyUnreadable as error:
            reason = "is not JSON" if error.not_json else f"has an unexpected shape ({error})"
    else:
        from pydantic import ValidationError

        try:
            return reader.get().validate_json(raw or "null")
        except ValidationError as error:
            json_broken = any(item["type"] == "json_invalid" for item in error.errors())
            reason = (
                "is not JSON" if json_broken else f"has an unexpected shape ({_describe(error)})"
            )
    raise InvalidResponseError(
        f"The answer to {what} {reason}",
        status_code=response.status_code,
        raw_body=raw[:_RAW_BODY_LIMIT],
    ) from None


def _readable(response: httpx.Response) -> bool:
    """Whether a body, if any, is JSON at all (its shape is checked where it is read)."""
    if not response.content.strip():
        return True
    try:
        response.json()
    except ValueError:
        return False
    return True


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
        deadline: float = DEFAULT_DEADLINE,
        max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
        activity: RequestActivity | None = None,
    ) -> None:
        self.http = http
        self.activity = activity or RequestActivity()
        self.deadline = deadline
        self.max_answer_bytes = max_answer_bytes
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
            lost = isinstance(error, asyncio.CancelledError | InvalidResponseError) or (
                isinstance(error, PortingConnectionError)
                and isinstance(error.__cause__, (*_ANSWER_LOST, TimeoutError))
            )
            self._report(
                MutationRecord(
                    method, path, action, order_id, status, type(error).__name__, unknown=lost
                )
            )
            raise
        if action == "create":
            order_id = created_order_id(response)
        record = MutationRecord(method, path, action, order_id, response.status_code)
        if not _readable(response):
            # Done by the server, but its answer cannot be read: nobody can say what was made.
            record = MutationRecord(
                method, path, action, order_id, response.status_code, "unreadable", unknown=True
            )
        self._report(record)
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
        """Send one request with retries; return a 2xx response or raise a ``PortingError``.

        The request counts as in flight until it ends, its retries and their pauses included:
        the operator is waiting for its answer all that time.
        """
        with self.activity.request(self._description(method, url)):
            return await self._send(
                method,
                url,
                headers=headers,
                json=json,
                data=data,
                params=params,
                repeatable=repeatable,
            )

    def _description(self, method: str, url: str) -> str:
        if url.startswith(self.api_root + "/"):
            return describe_request(method, url[len(self.api_root) :])
        # Every request outside the project is the OAuth token request of the client.
        return SIGNING_IN

    async def _send(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str],
        json: Any,
        data: Mapping[str, str] | None,
        params: Mapping[str, str] | None,
        repeatable: bool | None,
    ) -> httpx.Response:
        if repeatable is None:
            repeatable = method.upper() in _REPEATABLE_METHODS
        target = httpx.URL(url)
        host = target.host
        attempt = 0
        while True:
            started = time.perf_counter()
            request = self.http.build_request(
                method, target, headers=headers, json=json, data=data, params=params
            )
            try:
                response = await self._exchange(request)
            except TimeoutError as error:
                logger.debug("%s %s: no complete answer in %.0f s", method, target.path,
                             self.deadline)  # fmt: skip
                raise PortingTimeoutError(
                    f"{host} did not send a complete answer within {self.deadline:g} seconds",
                    host,
                ) from error
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

    async def _exchange(self, request: httpx.Request) -> httpx.Response:
        """Send and read the whole answer within the deadline, never more than the size cap."""
        async with asyncio.timeout(self.deadline):
            response = await self.http.send(request, stream=True)
            try:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_answer_bytes:
                    raise self._too_large(request)
                chunks: list[bytes] = []
                size = 0
                # Counted after decompression, so a small gzip bomb is stopped as well.
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > self.max_answer_bytes:
                        raise self._too_large(request)
                    chunks.append(chunk)
            finally:
                await response.aclose()
        headers = [
            (name, value)
            for name, value in response.headers.multi_items()
            if name.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ]
        return httpx.Response(
            response.status_code,
            headers=headers,
            content=b"".join(chunks),
            request=request,
            extensions=response.extensions,
        )

    def _too_large(self, request: httpx.Request) -> AnswerTooLargeError:
        return AnswerTooLargeError(
            f"The answer to {request.method} {request.url.path} is larger than "
            f"{self.max_answer_bytes} bytes; it was not read"
        )

    async def _pause(self, attempt: int, retry_after: float | None, method: str, path: str) -> None:
        delay = retry_delay(self.policy, attempt, retry_after)
        logger.debug("%s %s: retry %d in %.2f s", method, path, attempt + 1, delay)
        await self._sleep(delay)
