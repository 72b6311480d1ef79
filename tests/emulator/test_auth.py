"""Basic and Bearer credentials; anything else is a 401 with an empty body."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from porting_tui.emulator import DEMO_PROJECT_ID, Emulator, EmulatorSettings, create_emulator
from tests.emulator.conftest import BASE_URL, START

LIST = f"/v1/projects/{DEMO_PROJECT_ID}/orders/portIns"


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def monotonic() -> FakeMonotonic:
    return FakeMonotonic()


@pytest.fixture
def emulator(monotonic: FakeMonotonic) -> Emulator:
    """Tokens live 60 real seconds, measured on a clock the test moves."""
    settings = EmulatorSettings(speed=0, start=START, token_lifetime=60)
    return create_emulator(settings, monotonic=monotonic)


@pytest.fixture
async def http(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=emulator.app), base_url=BASE_URL
    ) as client:
        yield client


async def token(http: httpx.AsyncClient) -> str:
    response = await http.post(
        "/oauth2/token", data={"grant_type": "client_credentials"}, auth=("demo-key", "demo-secret")
    )
    assert response.status_code == 200
    value: str = response.json()["access_token"]
    return value


def assert_unauthorized(response: httpx.Response) -> None:
    assert response.status_code == 401
    assert response.content == b""
    assert "Basic" in response.headers["WWW-Authenticate"]


async def test_basic_with_the_demo_key_is_accepted(http: httpx.AsyncClient) -> None:
    assert (await http.get(LIST, auth=("demo-key", "demo-secret"))).status_code == 200


@pytest.mark.parametrize(
    ("auth", "path"),
    [
        (("demo-key", "wrong"), LIST),
        (("other-key", "demo-secret"), LIST),
        (("demo-key", "demo-secret"), "/v1/projects/other-project/orders/portIns"),
        (None, LIST),
    ],
)
async def test_wrong_key_secret_or_project_is_401_with_an_empty_body(
    http: httpx.AsyncClient, auth: tuple[str, str] | None, path: str
) -> None:
    assert_unauthorized(await http.get(path, auth=auth))


async def test_a_bearer_token_works_until_it_expires(
    http: httpx.AsyncClient, monotonic: FakeMonotonic
) -> None:
    access = await token(http)
    assert access.count(".") == 2, "tokens look like JWTs"
    bearer = {"Authorization": f"Bearer {access}"}
    assert (await http.get(LIST, headers=bearer)).status_code == 200
    monotonic.now += 59
    assert (await http.get(LIST, headers=bearer)).status_code == 200
    monotonic.now += 1
    assert_unauthorized(await http.get(LIST, headers=bearer))


async def test_a_token_not_issued_here_is_refused(http: httpx.AsyncClient) -> None:
    forged = {"Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vLWtleSJ9.c2ln"}
    assert_unauthorized(await http.get(LIST, headers=forged))


async def test_token_endpoint_refuses_wrong_keys_and_grants(http: httpx.AsyncClient) -> None:
    wrong = await http.post(
        "/oauth2/token", data={"grant_type": "client_credentials"}, auth=("demo-key", "nope")
    )
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"
    grant = await http.post(
        "/oauth2/token", data={"grant_type": "password"}, auth=("demo-key", "demo-secret")
    )
    assert grant.status_code == 400 and grant.json()["error"] == "unsupported_grant_type"


async def test_token_endpoint_accepts_credentials_in_the_form(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/oauth2/token",
        data={
            "grant_type": "client_credentials",
            "client_id": "demo-key",
            "client_secret": "demo-secret",
        },
    )
    assert response.status_code == 200 and response.json()["token_type"] == "Bearer"


async def test_reset_revokes_issued_tokens(http: httpx.AsyncClient, emulator: Emulator) -> None:
    bearer = {"Authorization": f"Bearer {await token(http)}"}
    emulator.reset()
    assert_unauthorized(await http.get(LIST, headers=bearer))
