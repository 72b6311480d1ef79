"""Basic auth, and OAuth2 client-credentials tokens: cached, refreshed, fetched once at a time."""

from __future__ import annotations

import asyncio
import base64
from urllib.parse import parse_qs

import httpx
import pytest

from porting_tui.client import AuthenticationError, InvalidResponseError, PortingClient
from tests.client.fake_api import AUTH_URL, KEY_ID, KEY_SECRET, FakeApi, make_client
from tests.client.samples import new_order, order_json

BASIC = "Basic " + base64.b64encode(f"{KEY_ID}:{KEY_SECRET}".encode()).decode()


def token_reply(
    token: str, expires_in: int = 3600, token_type: str = "Bearer"
) -> dict[str, object]:
    return {"access_token": token, "token_type": token_type, "expires_in": expires_in, "scope": ""}


class Clock:
    """A hand-moved monotonic clock."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def oauth_client(api: FakeApi, clock: Clock | None = None, **options: object) -> PortingClient:
    return make_client(api, auth="oauth", clock=clock or Clock(), **options)


async def test_basic_auth_sends_key_id_and_secret_on_every_request() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns/1", order_json(1))
    async with make_client(api) as client:
        await client.orders.get(1)
        await client.orders.get(1)
    assert [r.headers["Authorization"] for r in api.requests] == [BASIC, BASIC]


async def test_basic_auth_401_is_not_retried() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns/1", status=401)
    async with make_client(api) as client:
        with pytest.raises(AuthenticationError):
            await client.orders.get(1)
    assert len(api.requests) == 1


async def test_oauth_fetches_a_token_with_client_credentials_and_caches_it() -> None:
    api = FakeApi()
    api.add("POST", AUTH_URL, token_reply("tok-1"))
    api.add("GET", "/orders/portIns/1", order_json(1))
    async with oauth_client(api) as client:
        await client.orders.get(1)
        await client.orders.get(1)
    token_requests = api.sent("POST", AUTH_URL)
    assert len(token_requests) == 1
    token_request = token_requests[0]
    assert token_request.headers["Authorization"] == BASIC
    assert token_request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qs(token_request.content.decode()) == {"grant_type": ["client_credentials"]}
    api_requests = api.sent("GET")
    assert [r.headers["Authorization"] for r in api_requests] == ["Bearer tok-1"] * 2


async def test_oauth_refreshes_the_token_a_minute_before_it_expires() -> None:
    api = FakeApi()
    api.add("POST", AUTH_URL, token_reply("tok-1", expires_in=3600))
    api.add("POST", AUTH_URL, token_reply("tok-2", expires_in=3600))
    api.add("GET", "/orders/portIns/1", order_json(1))
    clock = Clock()
    async with oauth_client(api, clock) as client:
        await client.orders.get(1)
        clock.now += 3600 - 61
        await client.orders.get(1)
        clock.now += 2
        await client.orders.get(1)
    assert [r.headers["Authorization"] for r in api.sent("GET")] == [
        "Bearer tok-1",
        "Bearer tok-1",
        "Bearer tok-2",
    ]


async def test_a_lower_case_token_type_is_accepted() -> None:
    api = FakeApi()
    api.add("POST", AUTH_URL, token_reply("tok-1", token_type="bearer"))
    api.add("GET", "/orders/portIns/1", order_json(1))
    async with oauth_client(api) as client:
        await client.orders.get(1)
    assert api.sent("GET")[0].headers["Authorization"] == "Bearer tok-1"


async def test_an_unsupported_token_type_is_an_invalid_response() -> None:
    api = FakeApi()
    api.add("POST", AUTH_URL, token_reply("tok-1", token_type="MAC"))
    async with oauth_client(api) as client:
        with pytest.raises(InvalidResponseError):
            await client.orders.get(1)


async def test_a_401_refreshes_the_token_once_and_repeats_even_a_create() -> None:
    api = FakeApi()
    api.add("POST", AUTH_URL, token_reply("tok-old"))
    api.add("POST", AUTH_URL, token_reply("tok-new"))

    def created_only_with_new_token(request: httpx.Request) -> httpx.Response:
        if request.headers["Authorization"] != "Bearer tok-new":
            return httpx.Response(401)
        return httpx.Response(201, json=order_json(5))

    api.handle("POST", "/orders/portIns", created_only_with_new_token)
    async with oauth_client(api) as client:
        order = await client.orders.create(new_order())
    assert order.id == 5
    assert len(api.sent("POST", AUTH_URL)) == 2
    assert [r.headers["Authorization"] for r in api.sent("POST", "/orders/portIns")] == [
        "Bearer tok-old",
        "Bearer tok-new",
    ]


async def test_a_second_401_after_refreshing_is_raised() -> None:
    api = FakeApi()
    api.add("POST", AUTH_URL, token_reply("tok-1"))
    api.add("POST", AUTH_URL, token_reply("tok-2"))
    api.add("GET", "/orders/portIns/1", status=401)
    async with oauth_client(api) as client:
        with pytest.raises(AuthenticationError):
            await client.orders.get(1)
    assert len(api.sent("GET")) == 2
    assert len(api.sent("POST", AUTH_URL)) == 2


async def test_rejected_credentials_at_the_token_endpoint_raise_authentication_error() -> None:
    api = FakeApi()
    api.add("POST", AUTH_URL, status=401)
    async with oauth_client(api) as client:
        with pytest.raises(AuthenticationError):
            await client.orders.get(1)
    assert api.sent("GET") == []


async def test_concurrent_requests_share_one_token_request() -> None:
    api = FakeApi()
    requested = asyncio.Event()
    release = asyncio.Event()
    token_calls = 0

    async def slow_token(request: httpx.Request) -> httpx.Response:
        nonlocal token_calls
        token_calls += 1
        requested.set()
        await release.wait()
        return httpx.Response(200, json=token_reply(f"tok-{token_calls}"))

    api.handle("POST", AUTH_URL, slow_token)
    api.add("GET", "/orders/portIns/1", order_json(1))
    async with oauth_client(api) as client:
        calls = [asyncio.create_task(client.orders.get(1)) for _ in range(5)]
        await requested.wait()
        release.set()
        orders = await asyncio.gather(*calls)
    assert [o.id for o in orders] == [1] * 5
    assert token_calls == 1
    assert {r.headers["Authorization"] for r in api.sent("GET")} == {"Bearer tok-1"}


async def test_concurrent_401s_collapse_into_one_refresh() -> None:
    api = FakeApi()
    tokens = iter(["tok-old", "tok-new", "tok-extra"])
    api.handle("POST", AUTH_URL, lambda r: httpx.Response(200, json=token_reply(next(tokens))))
    all_rejected = asyncio.Event()
    rejected = 0

    async def old_token_rejected(request: httpx.Request) -> httpx.Response:
        nonlocal rejected
        if request.headers["Authorization"] == "Bearer tok-old":
            rejected += 1
            if rejected == 3:
                all_rejected.set()
            await all_rejected.wait()
            return httpx.Response(401)
        return httpx.Response(200, json=order_json(1))

    api.handle("GET", "/orders/portIns/1", old_token_rejected)
    async with oauth_client(api) as client:
        results = await asyncio.gather(*(client.orders.get(1) for _ in range(3)))
    assert [o.id for o in results] == [1, 1, 1]
    assert len(api.sent("POST", AUTH_URL)) == 2
