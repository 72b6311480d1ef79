"""Credentials: HTTP Basic with the key id and secret, or a Bearer token from ``/oauth2/token``."""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import secrets
import time
from collections.abc import Callable
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import JSONResponse, Response


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Credentials:
    """The one key the emulator accepts, and the access tokens it has issued."""

    def __init__(
        self,
        key_id: str,
        key_secret: str,
        token_lifetime: int,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.key_id = key_id
        self._key_secret = key_secret
        self.token_lifetime = token_lifetime
        self._monotonic = monotonic
        self._tokens: dict[str, float] = {}

    def basic_user(self, header: str) -> str | None:
        """The key id when an ``Authorization: Basic`` header carries the right key."""
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode()
        except (binascii.Error, ValueError):
            return None
        key_id, sep, key_secret = decoded.partition(":")
        if not sep:
            return None
        return key_id if self._is_key(key_id, key_secret) else None

    def _is_key(self, key_id: str, key_secret: str) -> bool:
        id_ok = hmac.compare_digest(key_id.encode(), self.key_id.encode())
        secret_ok = hmac.compare_digest(key_secret.encode(), self._key_secret.encode())
        return id_ok and secret_ok

    def bearer_user(self, header: str) -> str | None:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer":
            return None
        expires = self._tokens.get(token.strip())
        if expires is None or self._monotonic() >= expires:
            return None
        return self.key_id

    def user(self, request: Request) -> str | None:
        """Who is calling, or None when the request carries no valid credentials."""
        header = request.headers.get("authorization", "")
        return self.basic_user(header) or self.bearer_user(header)

    def issue_token(self) -> str:
        """A JWT-shaped opaque token; only tokens issued here are accepted."""
        header = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
        claims = {"sub": self.key_id, "jti": secrets.token_hex(8), "scope": ""}
        payload = _b64url(json.dumps(claims).encode())
        token = f"{header}.{payload}.{_b64url(secrets.token_bytes(32))}"
        self._tokens[token] = self._monotonic() + self.token_lifetime
        self._tokens = {t: e for t, e in self._tokens.items() if e > self._monotonic()}
        return token

    def revoke_all(self) -> None:
        self._tokens.clear()

    async def token_endpoint(self, request: Request) -> Response:
        """``POST /oauth2/token``: client credentials, Basic-authenticated (RFC 6749 §4.4)."""
        form = parse_qs((await request.body()).decode("utf-8", "replace"))
        grant = form.get("grant_type", [""])[0]
        user = self.basic_user(request.headers.get("authorization", ""))
        if user is None and "client_id" in form:
            client_id = form.get("client_id", [""])[0]
            if self._is_key(client_id, form.get("client_secret", [""])[0]):
                user = client_id
        if user is None:
            return JSONResponse(
                {"error": "invalid_client", "error_description": "Unknown key id or secret."},
                status_code=401,
                headers={"WWW-Authenticate": 'Basic realm="Sinch OAuth2"'},
            )
        if grant != "client_credentials":
            return JSONResponse(
                {
                    "error": "unsupported_grant_type",
                    "error_description": "Only grant_type=client_credentials is supported.",
                },
                status_code=400,
            )
        return JSONResponse(
            {
                "access_token": self.issue_token(),
                "token_type": "Bearer",
                "expires_in": self.token_lifetime,
                "scope": "",
            },
            headers={"Cache-Control": "no-store"},
        )
