"""The debug log tells method, path, status and duration, and never a secret."""

from __future__ import annotations

import base64
import logging

import httpx
import pytest

from porting_tui.client import PortingTimeoutError
from tests.client.fake_api import AUTH_URL, KEY_ID, KEY_SECRET, FakeApi, make_client
from tests.client.samples import ACCOUNT, PIN, new_order, order_json

TOKEN = "eyJ.secret-access-token.sig"


async def test_debug_log_has_method_path_and_status_but_no_secret(
    caplog: pytest.LogCaptureFixture,
) -> None:
    api = FakeApi()
    api.add("POST", AUTH_URL, {"access_token": TOKEN, "token_type": "Bearer", "expires_in": 3600})
    api.add("GET", "/orders/portIns/897867", order_json())
    api.add("POST", "/orders/portIns", order_json(), status=201)
    api.add("GET", "/configuration", status=503)
    caplog.set_level(logging.DEBUG)
    async with make_client(api, auth="oauth", max_retries=1) as client:
        await client.orders.get(897867)
        await client.orders.create(new_order())
        with pytest.raises(Exception):  # noqa: B017 - only the log matters here
            await client.configuration.get()
    text = caplog.text
    assert "GET /v1/projects/proj-1/orders/portIns/897867 -> 200" in text
    assert "POST /oauth2/token -> 200" in text
    assert "GET /v1/projects/proj-1/configuration -> 503" in text
    assert "retry 1" in text
    basic = base64.b64encode(f"{KEY_ID}:{KEY_SECRET}".encode()).decode()
    for secret in (KEY_SECRET, basic, TOKEN, PIN, ACCOUNT, "Authorization"):
        assert secret not in text


async def test_a_failed_request_is_logged_without_secrets(
    caplog: pytest.LogCaptureFixture,
) -> None:
    api = FakeApi()
    api.fail("GET", "/orders/portIns/1", httpx.ReadTimeout("slow"))
    caplog.set_level(logging.DEBUG, logger="porting_tui.client")
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(PortingTimeoutError):
            await client.orders.get(1)
    assert "GET /v1/projects/proj-1/orders/portIns/1 failed" in caplog.text
    assert "ReadTimeout" in caplog.text
    assert KEY_SECRET not in caplog.text
