"""test_profile: one cheap authenticated call, and a message that says what to check."""

from __future__ import annotations

import base64

import httpx

from porting_tui.local import profiles
from porting_tui.local.profiles import Profile

PROFILE = Profile(
    name="acme", project_id="p-1", key_id="k-1", key_secret="s-1", api_url="http://127.0.0.1:9"
)
PAGE = {"orders": [], "page": 1, "pageSize": 1, "totalPages": 0, "totalItems": 0}


def answering(status: int, body: object) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, json=body)

    return httpx.MockTransport(handle), seen


async def test_success_makes_one_small_authenticated_list_call() -> None:
    transport, seen = answering(200, PAGE)
    result = await profiles.test_profile(PROFILE, transport=transport)
    assert (result.ok, result.kind) == (True, "ok")
    assert result.message == (
        "profile 'acme' works: 127.0.0.1 accepted the key for project p-1 (0 orders)"
    )
    [request] = seen
    assert request.method == "GET"
    assert request.url.path == "/v1/projects/p-1/orders/portIns"
    assert request.url.params["pageSize"] == "1"
    expected = base64.b64encode(b"k-1:s-1").decode()
    assert request.headers["Authorization"] == f"Basic {expected}"


async def test_401_says_what_to_check_without_the_secret() -> None:
    transport, _ = answering(401, {"error": {"code": 401, "message": "Unauthorized"}})
    result = await profiles.test_profile(PROFILE, transport=transport)
    assert (result.ok, result.kind) == (False, "auth")
    assert "rejected the credentials of profile 'acme' (401)" in result.message
    assert "key_id (k-1)" in result.message
    assert "its secret (in the config file)" in result.message
    assert "project_id p-1" in result.message
    assert "s-1" not in result.message


async def test_403_is_an_access_problem() -> None:
    transport, _ = answering(403, {"error": {"code": 403, "message": "Forbidden"}})
    result = await profiles.test_profile(PROFILE, transport=transport)
    assert result.kind == "auth" and "refused access to project p-1 (403)" in result.message


async def test_404_points_at_project_id_and_api_url() -> None:
    transport, _ = answering(404, {"error": {"code": 404, "message": "Not found"}})
    result = await profiles.test_profile(PROFILE, transport=transport)
    assert result.kind == "config"
    assert "not found (404) for project p-1" in result.message
    assert "api_url (http://127.0.0.1:9)" in result.message


async def test_server_error_is_reported_as_an_error() -> None:
    transport, _ = answering(500, {"error": {"code": 500, "message": "Boom"}})
    result = await profiles.test_profile(PROFILE, transport=transport)
    assert (result.ok, result.kind) == (False, "error")


async def test_unreachable_host_is_named() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("Connection refused", request=request)

    result = await profiles.test_profile(PROFILE, transport=httpx.MockTransport(refuse))
    assert (result.ok, result.kind) == (False, "network")
    assert "127.0.0.1" in result.message.split(";")[0]
    assert "check api_url (http://127.0.0.1:9)" in result.message


async def test_unobtainable_secret_is_a_config_problem_and_sends_nothing() -> None:
    transport, seen = answering(200, PAGE)
    profile = Profile(name="e", project_id="p", key_id="k", key_secret_env="NOPE", environ={})
    result = await profiles.test_profile(profile, transport=transport)
    assert (result.ok, result.kind) == (False, "config")
    assert result.message == "profile 'e': environment variable NOPE is not set"
    assert seen == []


async def test_oauth_failure_mentions_the_token_url() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"error": "invalid_client"})

    profile = Profile(
        name="o",
        project_id="p",
        key_id="k",
        key_secret="s",
        auth="oauth",
        api_url="http://127.0.0.1:9",
        auth_url="http://127.0.0.1:9/oauth2/token",
    )
    result = await profiles.test_profile(profile, transport=httpx.MockTransport(handle))
    assert result.kind == "auth"
    assert "auth_url http://127.0.0.1:9/oauth2/token" in result.message


def test_pytest_does_not_collect_test_profile_from_importing_modules() -> None:
    assert getattr(profiles.test_profile, "__test__", True) is False
