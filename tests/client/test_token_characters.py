"""An access token that cannot travel in a header is a clear error, not a UnicodeEncodeError."""

from __future__ import annotations

import pytest

from porting_tui.client import InvalidResponseError
from tests.client.fake_api import AUTH_URL, FakeApi, make_client


@pytest.mark.parametrize("token", ["tøken-1", "tok\x1b[31m", "tok 1", ""])
async def test_a_token_that_no_header_can_carry_is_an_invalid_response(token: str) -> None:
    api = FakeApi()
    api.add("POST", AUTH_URL, {"access_token": token, "token_type": "Bearer"})
    async with make_client(api, auth="oauth") as client:
        with pytest.raises(InvalidResponseError) as raised:
            await client.orders.get(1)
    assert "cannot be sent in an HTTP header" in raised.value.message
    assert token not in raised.value.message or not token
    assert api.sent("GET") == []
