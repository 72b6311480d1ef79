"""Errors raised by the Porting API client; httpx exceptions never escape it.

The tree::

    PortingError                       root; .message
    ├── PortingConfigError             bad client settings (e.g. http:// to a non-loopback host)
    ├── PortingValidationError         request invalid before any I/O; .field_violations
    ├── PortingConnectionError         could not reach the host; .host
    │   ├── PortingTimeoutError        timed out
    │   └── PortingCertificateError    TLS certificate not accepted
    ├── InvalidResponseError           2xx with a malformed body
    └── PortingStatusError             non-2xx; .status_code .code .field_violations .raw_body
        ├── BadRequestError            400
        ├── AuthenticationError        401
        ├── PaymentRequiredError       402
        ├── PermissionDeniedError      403
        ├── NotFoundError              404
        ├── ConflictError              409
        ├── UnprocessableEntityError   422
        ├── RateLimitError             429; .retry_after
        └── ServerError                5xx

``error_from_response`` maps a non-2xx response to its class.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx


@dataclass(frozen=True, slots=True)
class FieldViolation:
    """One field a request got wrong; ``field`` is a path like ``phoneNumbers[0].endUser.name``."""

    field: str
    description: str

    def __str__(self) -> str:
        return f"{self.field}: {self.description}" if self.field else self.description


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
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        #: The ``error`` (prose shape) or ``status`` (schema shape) name, e.g. ``Not found``.
        self.error_name = error_name
        self.field_violations: list[FieldViolation] = list(field_violations)
        self.raw_body = raw_body

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


def _violations_from(value: Any) -> list[FieldViolation]:
    if not isinstance(value, list):
        return []
    found = []
    for item in value:
        if isinstance(item, dict):
            found.append(
                FieldViolation(str(item.get("field") or ""), str(item.get("description") or ""))
            )
    return found


def _field_violations(details: Any) -> list[FieldViolation]:
    # Prose shape: details is an object holding fieldViolations; schema shape: details is a
    # list of typed entries, of which BadRequest ones hold fieldViolations.
    if isinstance(details, dict):
        return _violations_from(details.get("fieldViolations"))
    if isinstance(details, list):
        found: list[FieldViolation] = []
        for entry in details:
            if isinstance(entry, dict):
                found.extend(_violations_from(entry.get("fieldViolations")))
        return found
    return []


def _text_or_none(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


def error_from_response(response: httpx.Response) -> PortingStatusError:
    """Build the error for a non-2xx response, reading either documented error shape."""
    status = response.status_code
    raw_body = response.text
    body: Any = None
    if raw_body.strip():
        try:
            body = json.loads(raw_body)
        except ValueError:
            body = None
    if not isinstance(body, dict):
        body = {}
    code = _text_or_none(body.get("code"))
    error_name = _text_or_none(body.get("error")) or _text_or_none(body.get("status"))
    message = (
        _text_or_none(body.get("message"))
        or error_name
        or _DEFAULT_MESSAGES.get(status)
        or response.reason_phrase
        or f"HTTP status {status}"
    )
    kwargs: dict[str, Any] = {
        "status_code": status,
        "code": code,
        "error_name": error_name,
        "field_violations": _field_violations(body.get("details")),
        "raw_body": raw_body,
    }
    if status == 429:
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        return RateLimitError(message, retry_after=retry_after, **kwargs)
    error_class = _CLASS_BY_STATUS.get(status)
    if error_class is None:
        error_class = ServerError if status >= 500 else PortingStatusError
    return error_class(message, **kwargs)
