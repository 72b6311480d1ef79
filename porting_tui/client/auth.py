"""Authentication: HTTP Basic with the access key, or OAuth2 client-credentials tokens."""

from __future__ import annotations

import asyncio
import base64
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

import httpx

from porting_tui.client.errors import InvalidResponseError

# Refresh this long before the token expires, so a request never carries a dying token.
EXPIRY_MARGIN = 60.0
DEFAULT_TOKEN_LIFETIME = 3600.0


def basic_header(key_id: str, key_secret: str) -> str:
    """The value of an HTTP Basic Authorization header."""
    pair = f"{key_id}:{key_secret}".encode()
    return "Basic " + base64.b64encode(pair).decode("ascii")


class Authenticator(Protocol):
    """Supplies the Authorization header and reacts to a 401."""

    async def authorization(self) -> str:
        """The Authorization header value for the next request."""
        ...

    async def renew(self, rejected: str) -> bool:
        """Called after a 401 for header ``rejected``; True when a retry may succeed."""
        ...


class BasicAuthenticator:
    """HTTP Basic: the key id and key secret on every request."""

    def __init__(self, key_id: str, key_secret: str) -> None:
        self._header = basic_header(key_id, key_secret)

    def __repr__(self) -> str:
        return "BasicAuthenticator()"

    async def authorization(self) -> str:
        return self._header

    async def renew(self, rejected: str) -> bool:
        # The same key would be rejected again.
        return False


@dataclass(frozen=True, slots=True)
class Token:
    """An access token and the monotonic time after which it is not used any more."""

    value: str
    refresh_at: float

    def __repr__(self) -> str:
        return f"Token(refresh_at={self.refresh_at})"


TokenFetcher = Callable[[], Awaitable[httpx.Response]]


def parse_token_response(response: httpx.Response, now: float) -> Token:
    """Read the token endpoint's JSON; the body is never echoed, it holds the token."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict) or not isinstance(body.get("access_token"), str):
        raise InvalidResponseError(
            "The token endpoint answered without an access token",
            status_code=response.status_code,
        )
    if not _fits_a_header(body["access_token"]):
        # httpx would fail with a bare UnicodeEncodeError on the next request.
        raise InvalidResponseError(
            "The token endpoint returned an access token that cannot be sent in an HTTP "
            "header (empty, or with non-ASCII or control characters)",
            status_code=response.status_code,
        )
    token_type = str(body.get("token_type") or "bearer")
    if token_type.lower() != "bearer":
        raise InvalidResponseError(
            f"The token endpoint returned an unsupported token type {token_type!r}",
            status_code=response.status_code,
        )
    try:
        lifetime = float(body.get("expires_in") or DEFAULT_TOKEN_LIFETIME)
    except (TypeError, ValueError):
        lifetime = DEFAULT_TOKEN_LIFETIME
    # A very short lifetime still gets used once rather than refreshed in a loop.
    refresh_at = now + max(lifetime - EXPIRY_MARGIN, lifetime / 2)
    return Token(body["access_token"], refresh_at)


def _fits_a_header(token: str) -> bool:
    return bool(token) and token.isascii() and token.isprintable() and " " not in token


class OAuthAuthenticator:
    """OAuth2 client credentials: one cached token, fetched again shortly before it expires.

    Concurrent requests that find no valid token wait on one lock, so only one of them asks
    the token endpoint; the others reuse its answer.
    """

    def __init__(self, fetch: TokenFetcher, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._fetch = fetch
        self._clock = clock
        self._token: Token | None = None
        self._lock = asyncio.Lock()

    def __repr__(self) -> str:
        return "OAuthAuthenticator()"

    def _valid_token(self) -> Token | None:
        token = self._token
        if token is not None and self._clock() < token.refresh_at:
            return token
        return None

    async def authorization(self) -> str:
        token = self._valid_token()
        if token is None:
            async with self._lock:
                token = self._valid_token()
                if token is None:
                    response = await self._fetch()
                    token = parse_token_response(response, self._clock())
                    self._token = token
        return "Bearer " + token.value

    async def renew(self, rejected: str) -> bool:
        async with self._lock:
            # Forget the token only if no other request already replaced it.
            if self._token is not None and "Bearer " + self._token.value == rejected:
                self._token = None
        return True
