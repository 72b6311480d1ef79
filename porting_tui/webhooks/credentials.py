"""What a webhook sender must show: a shared secret or HTTP Basic credentials.

Sinch documents no signature on webhook calls; what it does send is the configured URL, so a
secret can travel in that URL (``?secret=...``) or, for senders that can set headers, in
``X-Webhook-Secret`` or ``Authorization: Bearer``. Basic credentials can also be written in
the URL (``https://user:password@host/path``), which HTTP clients turn into the header.
"""

from __future__ import annotations

import base64
import binascii
import hmac
from collections.abc import Mapping
from dataclasses import dataclass

SECRET_HEADER = "x-webhook-secret"  # noqa: S105 - a header name
SECRET_QUERY_PARAMETER = "secret"  # noqa: S105 - a parameter name


def _same(given: str, expected: str) -> bool:
    # Constant time, so the time of a refusal says nothing about how much was right.
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


@dataclass(frozen=True)
class SharedSecret:
    """A secret the sender repeats on every call."""

    value: str

    def __post_init__(self) -> None:
        if not self.value:
            raise ValueError("the shared secret is empty")

    def __repr__(self) -> str:
        return "SharedSecret(<hidden>)"

    def accepts(self, headers: Mapping[str, str], query: Mapping[str, str]) -> bool:
        offered: list[str] = []
        if SECRET_HEADER in headers:
            offered.append(headers[SECRET_HEADER])
        scheme, _, token = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer":
            offered.append(token.strip())
        if SECRET_QUERY_PARAMETER in query:
            offered.append(query[SECRET_QUERY_PARAMETER])
        return any(_same(candidate, self.value) for candidate in offered)

    @property
    def challenge(self) -> str | None:
        return None


@dataclass(frozen=True)
class BasicCredentials:
    """A user name and password the sender presents with HTTP Basic authentication."""

    user: str
    password: str

    def __post_init__(self) -> None:
        if not self.user or ":" in self.user:
            raise ValueError("the Basic user name must be non-empty and without ':'")
        if not self.password:
            raise ValueError("the Basic password is empty")

    def __repr__(self) -> str:
        return f"BasicCredentials(user={self.user!r}, password=<hidden>)"

    def accepts(self, headers: Mapping[str, str], query: Mapping[str, str]) -> bool:
        scheme, _, encoded = headers.get("authorization", "").partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return False
        user, separator, password = decoded.partition(":")
        # Both comparisons always run, so a right user name is not told apart by timing.
        user_ok = _same(user, self.user)
        password_ok = _same(password, self.password)
        return bool(separator) and user_ok and password_ok

    @property
    def challenge(self) -> str | None:
        return 'Basic realm="porting-tui webhooks", charset="UTF-8"'


ReceiverAuth = SharedSecret | BasicCredentials
