"""Turning a failed request into a message that says what happened and what to do next."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from porting_tui.client import (
    AuthenticationError,
    InvalidResponseError,
    PermissionDeniedError,
    PortingConfigError,
    PortingConnectionError,
    PortingError,
    PortingStatusError,
    PortingTimeoutError,
    PortingValidationError,
    RateLimitError,
    ServerError,
)
from porting_tui.client.errors import PortingCertificateError
from porting_tui.listing.session import Session

# Waits after repeated 429s without a Retry-After hint: doubling, capped at two minutes.
_BACKOFF_START = 5.0
_BACKOFF_CAP = 120.0


@dataclass(frozen=True)
class Problem:
    """A failure as shown to the user; ``retry_after`` set means the app retries by itself."""

    title: str
    detail: str
    can_retry: bool = True
    retry_after: float | None = None


def backoff_delay(retry_after: float | None, attempt: int) -> float:
    """Seconds to wait before retrying after the ``attempt``-th 429 in a row (1-based)."""
    if retry_after is not None and retry_after > 0:
        return min(retry_after, _BACKOFF_CAP)
    return min(_BACKOFF_START * 2.0 ** max(0, attempt - 1), _BACKOFF_CAP)


def describe_problem(error: PortingError, session: Session, attempt: int = 1) -> Problem:
    """The message for ``error``; server text is kept as text, never read as markup."""
    host = session.api_host
    if isinstance(error, AuthenticationError):
        key = f"key id {session.key_id}, " if session.key_id else ""
        return Problem(
            f"Authentication failed for profile {session.profile_name!r}",
            f"{host} refused the credentials ({key}project {session.project_id}). Check the "
            f"key id and secret of the profile and that the key belongs to this project: "
            f"porting-tui profile test {session.profile_name}",
        )
    if isinstance(error, PermissionDeniedError):
        return Problem(
            f"No access to project {session.project_id}",
            f"The access key of profile {session.profile_name!r} may not use the Porting API "
            f"of this project. {error.message}",
            can_retry=False,
        )
    if isinstance(error, RateLimitError):
        delay = backoff_delay(error.retry_after, attempt)
        return Problem(
            f"Rate limited by {host}",
            f"Too many requests; backing off and retrying in {delay:.0f} s.",
            retry_after=delay,
        )
    if isinstance(error, ServerError):
        return Problem(
            f"{host} failed with HTTP {error.status_code}",
            f"{error.message.rstrip('.')}. This is on the server's side; press r to retry.",
        )
    if isinstance(error, PortingCertificateError):
        return Problem(
            f"The TLS certificate of {error.host or host} was not accepted",
            f"{error.message}; press r to retry once it is fixed.",
        )
    if isinstance(error, PortingTimeoutError):
        return Problem(
            f"{error.host or host} did not answer in time",
            "The request timed out. Check the network or VPN; press r to retry.",
        )
    if isinstance(error, PortingConnectionError):
        answer_lost = isinstance(error.__cause__, httpx.RemoteProtocolError | httpx.ReadError)
        return Problem(
            f"{'Lost the answer from' if answer_lost else 'Cannot reach'} {error.host or host}",
            f"{error.message}. Check the network, VPN or the profile's api_url; press r to retry.",
        )
    if isinstance(error, PortingStatusError):
        violations = "; ".join(str(v) for v in error.field_violations)
        detail = f"{error.message}{': ' + violations if violations else ''}"
        return Problem(f"{host} refused the request (HTTP {error.status_code})", detail)
    if isinstance(error, PortingValidationError):
        return Problem("The request is invalid", str(error), can_retry=False)
    if isinstance(error, InvalidResponseError):
        return Problem(f"{host} sent an answer that cannot be read", error.message)
    if isinstance(error, PortingConfigError):
        return Problem("The profile's settings are not usable", error.message, can_retry=False)
    return Problem("The request failed", error.message)
