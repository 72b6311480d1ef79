"""Errors raised by the Porting API client; httpx exceptions never escape it.

The tree::

    PortingError                       root; .message
    ├── PortingConfigError             bad client settings (e.g. http:// to a non-loopback host)
    ├── PortingValidationError         request invalid before any I/O; .field_violations
    ├── PortingConnectionError         could not reach the host; .host
    │   ├── PortingTimeoutError        timed out
    │   └── PortingCertificateError    TLS certificate not accepted
    ├── InvalidResponseError           2xx with a malformed body
    └── PortingStatusError             non-2xx; .status_code .code .field_violations .details
                                       .raw_body
        ├── BadRequestError            400
        ├── AuthenticationError        401
        ├── PaymentRequiredError       402
        ├── PermissionDeniedError      403
        ├── NotFoundError              404
        ├── ConflictError              409
        ├── UnprocessableEntityError   422
        ├── RateLimitError             429; .retry_after
        └── ServerError                5xx

``error_from_response`` maps a non-2xx response to its class, reading every documented error
body shape and ``application/problem+json`` (see ``error_details``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from porting_tui.client.error_details import (
    ErrorBody,
    ErrorDetail,
    FieldViolation,
    read_error_body,
)

__all__ = [
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "ErrorDetail",
    "FieldViolation",
    "InvalidResponseError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PortingConfigError",
    "PortingConnectionError",
    "PortingError",
    "PortingStatusError",
    "PortingTimeoutError",
    "PortingValidationError",
    "RateLimitError",
    "ServerError",
    "UnprocessableEntityError",
    "error_from_response",
    "parse_retry_after",
]


class PortingError(Exception):
    """Root of every error the client raises."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PortingConfigError(PortingError):
    """The client was given settings it refuses to use."""


class PortingValidationError(PortingError):
    """The request is invalid; nothing was sent."""

    def __init__(self, message: str, field_violations: Sequence[FieldViolation] = ()) -> None:
        super().__init__(message)
        self.field_violations: list[FieldViolation] = list(field_violations)

    def __str__(self) -> str:
        if not self.field_violations:
            return self.message
        return self.message + "\n" + "\n".join(f"  {v}" for v in self.field_violations)


class PortingConnectionError(PortingError):
    """The API host could not be reached (DNS, refused connection, TLS, broken stream)."""

    def __init__(self, message: str, host: str) -> None:
        super().__init__(message)
        self.host = host


class PortingTimeoutError(PortingConnectionError):
    """The API host did not answer in time."""


class PortingCertificateError(PortingConnectionError):
    """The host's TLS certificate was not accepted (expired, wrong name, unknown authority)."""


class InvalidResponseError(PortingError):
    """A successful status came with a body the client cannot read."""

    def __init__(self, message: str, *, status_code: int | None = None, raw_body: str = "") -> None:
        super().__init__(message)
        self.status_code = status_code
        self.raw_body = raw_body


class PortingStatusError(PortingError):
    """The API answered with a non-2xx status."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        code: str | None = None,
        error_name: str | None = None,
        field_violations: Sequence[FieldViolation] = (),
        raw_body: str = "",
        details: Sequence[ErrorDetail] = (),
        problem_type: str | None = None,
        instance: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        #: The ``error`` (prose shape), ``status`` (schema shape) or ``title`` (problem+json)
        #: name, e.g. ``Not found``.
        self.error_name = error_name
        self.field_violations: list[FieldViolation] = list(field_violations)
        self.raw_body = raw_body
        #: Every ``details`` entry, of any kind (ErrorInfo, NotFound, BadRequest...).
        self.details: list[ErrorDetail] = list(details)
        self.problem_type = problem_type
        self.instance = instance

    def __str__(self) -> str:
        text = f"HTTP {self.status_code}: {self.message}"
        if self.field_violations:
            text += "\n" + "\n".join(f"  {v}" for v in self.field_violations)
        return text


class BadRequestError(PortingStatusError):
    """400: the request was malformed or missed required fields."""


class AuthenticationError(PortingStatusError):
    """401: wrong key id, key secret, token or project."""


class PaymentRequiredError(PortingStatusError):
    """402: the account balance does not allow the operation."""


class PermissionDeniedError(PortingStatusError):
    """403: the key has no access to this project or product."""


class NotFoundError(PortingStatusError):
    """404: the order, document or configuration does not exist."""


class ConflictError(PortingStatusError):
    """409: the request conflicts with the current state."""


class UnprocessableEntityError(PortingStatusError):
    """422: the request was well formed but some fields are invalid."""


class RateLimitError(PortingStatusError):
    """429: too many requests; ``retry_after`` is the server's hint in seconds, if any."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ServerError(PortingStatusError):
    """5xx: the API failed; retrying later may help."""


_CLASS_BY_STATUS: dict[int, type[PortingStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}

_DEFAULT_MESSAGES = {
    401: "Authentication failed: check the key id, key secret and project id",
    403: "The access key has no permission for this project",
    404: "Not found",
    429: "Rate limit exceeded",
}


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _message(body: ErrorBody, status: int, reason_phrase: str) -> str:
    message = (
        body.message
        or body.error_name
        or _DEFAULT_MESSAGES.get(status)
        or reason_phrase
        or f"HTTP status {status}"
    )
    # Details other than field violations (ErrorInfo reason and metadata, NotFound...) go
    # into the message, so that every place that shows the error shows them too.
    others = [str(d) for d in body.details if not d.field_violations and str(d)]
    if others:
        message = f"{message.rstrip('.')} ({'; '.join(others)})"
    return message


def error_from_response(response: httpx.Response) -> PortingStatusError:
    """Build the error for a non-2xx response, reading any documented error shape."""
    status = response.status_code
    raw_body = response.text
    body: Any = None
    if raw_body.strip():
        try:
            body = json.loads(raw_body)
        except ValueError:
            body = None
    read = read_error_body(body, response.headers.get("Content-Type", ""))
    message = _message(read, status, response.reason_phrase)
    kwargs: dict[str, Any] = {
        "status_code": status,
        "code": read.code,
        "error_name": read.error_name,
        "field_violations": read.field_violations,
        "raw_body": raw_body,
        "details": read.details,
        "problem_type": read.problem_type,
        "instance": read.instance,
    }
    if status == 429:
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        return RateLimitError(message, retry_after=retry_after, **kwargs)
    error_class = _CLASS_BY_STATUS.get(status)
    if error_class is None:
        error_class = ServerError if status >= 500 else PortingStatusError
    return error_class(message, **kwargs)
