"""``PortingClient``: one project of the Porting API behind one ``httpx.AsyncClient``."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from types import TracebackType
from typing import Literal
from urllib.parse import quote

import httpx

from porting_tui import __version__
from porting_tui.client.activity import RequestActivity
from porting_tui.client.auth import (
    Authenticator,
    BasicAuthenticator,
    OAuthAuthenticator,
    basic_header,
)
from porting_tui.client.errors import PortingConfigError
from porting_tui.client.mutations import MutationObserver
from porting_tui.client.resources import (
    ActivationResource,
    ConfigurationResource,
    OrdersResource,
    PortabilityResource,
)
from porting_tui.client.retry import RetryPolicy
from porting_tui.client.secure_urls import NOT_ABSOLUTE, url_problem
from porting_tui.client.session import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_ANSWER_BYTES,
    ApiSession,
    Sleep,
)
from porting_tui.client.tls import shared_context

DEFAULT_BASE_URL = "https://porting.api.sinch.com"
DEFAULT_AUTH_URL = "https://auth.sinch.com/oauth2/token"
DEFAULT_USER_AGENT = f"porting-tui/{__version__}"


def checked_url(url: str, what: str) -> httpx.URL:
    """Parse ``url`` and refuse anything but https, or http to a loopback host."""
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError) as exc:
        raise PortingConfigError(f"The {what} {url!r} is not a URL") from exc
    problem = url_problem(url)
    if problem == NOT_ABSOLUTE:
        raise PortingConfigError(f"The {what} {url!r} must be an https:// URL")
    if problem:
        raise PortingConfigError(f"The {what} {url!r} {problem}")
    return parsed


class PortingClient:
    """Async client of the Sinch Porting API v1 for one project.

    Use it as ``async with PortingClient(...) as client:`` or call ``await client.aclose()``.
    ``on_mutation`` is called after every write (create, update, cancel, note, upload,
    activate, configuration) with a ``MutationRecord``, whether it succeeded or not.
    """

    def __init__(
        self,
        project_id: str,
        *,
        key_id: str,
        key_secret: str,
        auth: Literal["basic", "oauth"] = "basic",
        base_url: str = DEFAULT_BASE_URL,
        auth_url: str = DEFAULT_AUTH_URL,
        timeout: float = 30.0,
        max_retries: int = 2,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Sleep = asyncio.sleep,
        user_agent: str = DEFAULT_USER_AGENT,
        retry_policy: RetryPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
        on_mutation: MutationObserver | None = None,
        deadline: float = DEFAULT_DEADLINE,
        max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
    ) -> None:
        if not project_id or not project_id.strip():
            raise PortingConfigError("A project id is required")
        if not key_id or not key_secret:
            raise PortingConfigError("A key id and a key secret are required")
        if auth not in ("basic", "oauth"):
            raise PortingConfigError(f"Unknown auth {auth!r}: use 'basic' or 'oauth'")
        if max_retries < 0:
            raise PortingConfigError("max_retries cannot be negative")
        base = checked_url(base_url, "API base URL")
        token_url = checked_url(auth_url, "token URL") if auth == "oauth" else None
        self.activity = RequestActivity()
        """The requests in flight now, for a loading indicator (listeners get every change)."""

        self.project_id = project_id.strip()
        self.base_url = str(base).rstrip("/")
        self.api_host = base.host
        self.auth = auth
        self._http = httpx.AsyncClient(
            transport=transport,
            # One TLS context for every client of the process, built early (see tls.py);
            # a client with its own transport makes no connection of its own to need one.
            verify=shared_context() if transport is None else True,
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": user_agent, "Accept": "application/json"},
            follow_redirects=False,
        )
        policy = retry_policy or RetryPolicy(max_retries=max_retries)
        authenticator: Authenticator
        if token_url is None:
            authenticator = BasicAuthenticator(key_id, key_secret)
        else:
            token_header = basic_header(key_id, key_secret)

            async def fetch_token() -> httpx.Response:
                return await self._session.send(
                    "POST",
                    str(token_url),
                    headers={"Authorization": token_header},
                    data={"grant_type": "client_credentials"},
                    repeatable=True,
                )

            authenticator = OAuthAuthenticator(fetch_token, clock=clock)
        api_root = f"{self.base_url}/v1/projects/{quote(self.project_id, safe='')}"
        self._session = ApiSession(
            self._http,
            api_root=api_root,
            authenticator=authenticator,
            policy=policy,
            sleep=sleep,
            on_mutation=on_mutation,
            deadline=deadline,
            max_answer_bytes=max_answer_bytes,
            activity=self.activity,
        )
        self.portability = PortabilityResource(self._session)
        self.orders = OrdersResource(self._session)
        self.activation = ActivationResource(self._session)
        self.configuration = ConfigurationResource(self._session)

    def __repr__(self) -> str:
        return (
            f"PortingClient(project_id={self.project_id!r}, base_url={self.base_url!r}, "
            f"auth={self.auth!r})"
        )

    async def __aenter__(self) -> PortingClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connections; the client cannot be used afterwards."""
        await self._http.aclose()

    @property
    def is_closed(self) -> bool:
        return self._http.is_closed
