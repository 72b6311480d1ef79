"""Every failure surfaces as one class of the client's error tree; httpx errors never escape."""

from __future__ import annotations

import httpx
import pytest

from porting_tui.client import (
    AuthenticationError,
    BadRequestError,
    ConflictError,
    FieldViolation,
    InvalidResponseError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    PortingConnectionError,
    PortingError,
    PortingStatusError,
    PortingTimeoutError,
    RateLimitError,
    ServerError,
    UnprocessableEntityError,
    error_from_response,
)
from tests.client.fake_api import FakeApi, make_client
from tests.contract.validator import validate_schema

PROSE_422 = {
    "code": "422",
    "error": "Invalid parameters",
    "message": "The phone number is invalid",
    "details": {
        "fieldViolations": [
            {"field": "phoneNumbers[0]", "description": "The (+15551) is not a valid phone number"}
        ]
    },
}
SCHEMA_400 = {
    "code": 400,
    "status": "INVALID_ARGUMENT",
    "message": "desiredPortDate is missing",
    "details": [
        {"type": "ErrorInfo", "reason": "MISSING_FIELD", "domain": "porting"},
        {
            "type": "BadRequest",
            "fieldViolations": [
                {"field": "desiredPortSchedule.desiredPortDate", "description": "required"}
            ],
        },
    ],
}


def _response(status: int, body: object = None, **kwargs: object) -> httpx.Response:
    request = httpx.Request("GET", "https://porting.test/v1/projects/p/orders/portIns/1")
    if body is None:
        return httpx.Response(status, request=request, **kwargs)  # type: ignore[arg-type]
    return httpx.Response(status, json=body, request=request, **kwargs)  # type: ignore[arg-type]


def test_the_schema_error_shape_is_the_contract_error_schema() -> None:
    validate_schema("Error", SCHEMA_400)


def test_the_prose_error_shape_is_read_with_its_field_violations() -> None:
    error = error_from_response(_response(422, PROSE_422))
    assert isinstance(error, UnprocessableEntityError)
    assert error.status_code == 422
    assert error.code == "422"
    assert error.error_name == "Invalid parameters"
    assert error.message == "The phone number is invalid"
    assert error.field_violations == [
        FieldViolation("phoneNumbers[0]", "The (+15551) is not a valid phone number")
    ]
    assert error.raw_body == httpx.Response(200, json=PROSE_422).text
    assert "+15551" in str(error)


def test_the_schema_error_shape_is_read_with_its_field_violations() -> None:
    error = error_from_response(_response(400, SCHEMA_400))
    assert isinstance(error, BadRequestError)
    assert error.code == "400"
    assert error.error_name == "INVALID_ARGUMENT"
    # The ErrorInfo entry is kept, and shown with the message.
    assert error.message == "desiredPortDate is missing (ErrorInfo MISSING_FIELD domain porting)"
    assert error.field_violations == [
        FieldViolation("desiredPortSchedule.desiredPortDate", "required")
    ]
    assert [detail.kind for detail in error.details] == ["ErrorInfo", "BadRequest"]


def test_an_empty_401_body_gets_a_helpful_message() -> None:
    error = error_from_response(_response(401))
    assert isinstance(error, AuthenticationError)
    assert error.raw_body == ""
    assert error.field_violations == []
    assert "key" in error.message


def test_a_non_json_error_body_is_kept_raw() -> None:
    error = error_from_response(_response(502, content=b"<html>Bad gateway</html>"))
    assert isinstance(error, ServerError)
    assert error.raw_body == "<html>Bad gateway</html>"
    assert error.message == "Bad Gateway"


def test_a_message_falls_back_to_the_error_name() -> None:
    error = error_from_response(_response(404, {"code": "404", "error": "Not found"}))
    assert error.message == "Not found"


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (402, PaymentRequiredError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, ServerError),
        (503, ServerError),
        (418, PortingStatusError),
    ],
)
async def test_each_status_raises_its_error_class(
    status: int, error_class: type[PortingStatusError]
) -> None:
    api = FakeApi()
    api.add("POST", "/orders/portIns/1/notes", {"code": str(status), "message": "nope"},
            status=status)  # fmt: skip
    async with make_client(api) as client:
        with pytest.raises(error_class) as caught:
            await client.orders.add_note(1, "hello")
    assert type(caught.value) is error_class
    assert caught.value.status_code == status
    assert caught.value.message == "nope"


async def test_rate_limit_error_carries_retry_after() -> None:
    api = FakeApi()
    api.add("POST", "/orders/portIns/1/notes", status=429, headers={"Retry-After": "7"})
    async with make_client(api) as client:
        with pytest.raises(RateLimitError) as caught:
            await client.orders.add_note(1, "hello")
    assert caught.value.retry_after == 7.0


def test_retry_after_may_be_an_http_date() -> None:
    response = _response(429, headers={"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"})
    error = error_from_response(response)
    assert isinstance(error, RateLimitError)
    assert error.retry_after is not None and error.retry_after > 0


async def test_malformed_json_on_success_raises_invalid_response() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns/1", raw=b'{"id": 1, "status": ')
    async with make_client(api) as client:
        with pytest.raises(InvalidResponseError) as caught:
            await client.orders.get(1)
    assert caught.value.status_code == 200
    assert "not JSON" in caught.value.message


async def test_a_success_body_of_the_wrong_shape_raises_invalid_response() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns/1", {"id": "not-a-number", "status": "PENDING"},
            contract=False)  # fmt: skip
    async with make_client(api) as client:
        with pytest.raises(InvalidResponseError) as caught:
            await client.orders.get(1)
    assert "id" in caught.value.message


async def test_an_empty_success_body_where_an_order_is_expected_is_invalid() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns/1", contract=False)
    async with make_client(api) as client:
        with pytest.raises(InvalidResponseError):
            await client.orders.get(1)


async def test_a_refused_connection_raises_connection_error_naming_the_host() -> None:
    api = FakeApi()
    api.fail("GET", "/orders/portIns/1", httpx.ConnectError("refused"))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(PortingConnectionError) as caught:
            await client.orders.get(1)
    assert type(caught.value) is PortingConnectionError
    assert caught.value.host == "porting.test"
    assert "porting.test" in str(caught.value)


async def test_a_timeout_raises_timeout_error_which_is_a_connection_error() -> None:
    api = FakeApi()
    api.fail("GET", "/orders/portIns/1", httpx.ReadTimeout("slow"))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(PortingTimeoutError) as caught:
            await client.orders.get(1)
    assert isinstance(caught.value, PortingConnectionError)
    assert caught.value.host == "porting.test"


@pytest.mark.parametrize(
    "error",
    [httpx.RemoteProtocolError("eof"), httpx.ReadError("reset"), httpx.DecodingError("gzip")],
)
async def test_no_httpx_exception_escapes(error: Exception) -> None:
    api = FakeApi()
    api.fail("GET", "/orders/portIns/1", error)
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(PortingError) as caught:
            await client.orders.get(1)
    assert not isinstance(caught.value, httpx.HTTPError)


def test_the_tree_has_one_root() -> None:
    for error_class in (
        PortingConnectionError,
        PortingTimeoutError,
        InvalidResponseError,
        PortingStatusError,
        RateLimitError,
        ServerError,
    ):
        assert issubclass(error_class, PortingError)
