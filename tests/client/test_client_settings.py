"""Client settings: URLs, refused plain http, one owned connection pool, no secret in reprs."""

from __future__ import annotations

import httpx
import pytest

from porting_tui.client import PortingClient, PortingConfigError
from tests.client.fake_api import KEY_SECRET, FakeApi, make_client
from tests.client.samples import order_json


@pytest.mark.parametrize(
    "url",
    ["http://porting.example.com", "http://10.0.0.5:8787", "ftp://porting.example.com",
     "porting.example.com", "https://"],
)  # fmt: skip
def test_unsafe_or_broken_base_urls_are_refused(url: str) -> None:
    with pytest.raises(PortingConfigError):
        PortingClient("p", key_id="k", key_secret="s", base_url=url)


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8787", "http://127.3.2.1", "http://localhost:9000", "http://[::1]:8787"],
)
def test_plain_http_is_allowed_to_loopback(url: str) -> None:
    client = PortingClient("p", key_id="k", key_secret="s", base_url=url)
    assert client.base_url == url


def test_a_plain_http_token_url_is_refused_for_oauth() -> None:
    with pytest.raises(PortingConfigError):
        PortingClient("p", key_id="k", key_secret="s", auth="oauth",
                      auth_url="http://auth.example.com/oauth2/token")  # fmt: skip


@pytest.mark.parametrize(
    "settings",
    [{"project_id": " "}, {"key_id": ""}, {"key_secret": ""}, {"auth": "digest"},
     {"max_retries": -1}],
)  # fmt: skip
def test_missing_or_wrong_settings_are_refused(settings: dict[str, object]) -> None:
    values: dict[str, object] = {"project_id": "p", "key_id": "k", "key_secret": "s"}
    values.update(settings)
    project_id = values.pop("project_id")
    with pytest.raises(PortingConfigError):
        PortingClient(project_id, **values)  # type: ignore[arg-type]


def test_defaults_point_at_sinch() -> None:
    client = PortingClient("my-project", key_id="k", key_secret="s")
    assert client.base_url == "https://porting.api.sinch.com"
    assert client.api_host == "porting.api.sinch.com"
    assert client.project_id == "my-project"


async def test_requests_go_under_the_project_path_of_a_base_url_with_a_trailing_slash() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns/1", order_json(1))
    async with make_client(api, base_url="https://porting.test/") as client:
        await client.orders.get(1)
    assert str(api.requests[0].url) == "https://porting.test/v1/projects/proj-1/orders/portIns/1"
    assert api.requests[0].headers["Accept"] == "application/json"
    assert api.requests[0].headers["User-Agent"].startswith("porting-tui/")


def test_the_secret_is_not_in_the_repr() -> None:
    client = PortingClient("p", key_id="k", key_secret=KEY_SECRET, auth="oauth")
    assert KEY_SECRET not in repr(client)


async def test_the_context_manager_closes_the_connections() -> None:
    async with make_client(FakeApi()) as client:
        assert not client.is_closed
    assert client.is_closed


async def test_aclose_closes_the_connections() -> None:
    client = make_client(FakeApi())
    await client.aclose()
    assert client.is_closed


async def test_an_asgi_transport_to_loopback_works() -> None:
    async def app(scope: dict[str, object], receive: object, send: object) -> None:
        assert scope["path"] == "/v1/projects/demo/configuration"
        await send({"type": "http.response.start", "status": 200,  # type: ignore[operator]
                    "headers": [(b"content-type", b"application/json")]})  # fmt: skip
        await send({"type": "http.response.body", "body": b'{"webhookUrl": "x"}'})  # type: ignore[operator]

    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    demo = PortingClient(
        "demo", key_id="k", key_secret="s", base_url="http://127.0.0.1:8787", transport=transport
    )
    async with demo as client:
        config = await client.configuration.get()
    assert config.webhook_url == "x"
