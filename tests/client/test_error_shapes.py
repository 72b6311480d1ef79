"""Every documented error body shape, and problem+json, is read with all of its details."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from porting_tui.client import (
    FieldViolation,
    NotFoundError,
    PortingStatusError,
    UnprocessableEntityError,
    error_from_response,
)
from tests.contract.validator import validate_schema


def _response(status: int, body: Any, content_type: str = "application/json") -> httpx.Response:
    request = httpx.Request("PUT", "https://porting.test/v1/projects/p/orders/portIns/1")
    return httpx.Response(
        status, json=body, headers={"Content-Type": content_type}, request=request
    )


PROBLEM_422 = {
    "type": "https://porting.test/problems/invalid-order",
    "title": "Unprocessable Entity",
    "status": 422,
    "detail": "desiredPortDate must be a business day",
    "instance": "/v1/projects/p/orders/portIns/1",
}


def test_a_problem_json_422_shows_its_detail_not_its_status_number() -> None:
    error = error_from_response(_response(422, PROBLEM_422, "application/problem+json"))
    assert isinstance(error, UnprocessableEntityError)
    assert error.message == "desiredPortDate must be a business day"
    assert error.error_name == "Unprocessable Entity"
    assert error.code == "422"
    assert error.problem_type == "https://porting.test/problems/invalid-order"
    assert error.instance == "/v1/projects/p/orders/portIns/1"
    assert str(error) == "HTTP 422: desiredPortDate must be a business day"


def test_a_problem_json_without_detail_shows_its_title() -> None:
    body = {"title": "Unprocessable Entity", "status": 422}
    error = error_from_response(_response(422, body, "application/problem+json"))
    assert error.message == "Unprocessable Entity"


def test_a_problem_json_sent_as_plain_json_is_still_read_as_a_problem() -> None:
    body = {"title": "Conflict", "detail": "The order is not PENDING", "status": 409}
    error = error_from_response(_response(409, body))
    assert error.message == "The order is not PENDING"
    assert error.error_name == "Conflict"


@pytest.mark.parametrize(
    ("member", "entry", "expected"),
    [
        ("errors", {"field": "phoneNumbers[0]", "message": "bad"}, ("phoneNumbers[0]", "bad")),
        ("invalid-params", {"name": "pageSize", "reason": "too big"}, ("pageSize", "too big")),
        ("violations", {"pointer": "#/customerOrderReference", "detail": "too long"},
         ("customerOrderReference", "too long")),
    ],
)  # fmt: skip
def test_problem_json_field_lists_become_field_violations(
    member: str, entry: dict[str, str], expected: tuple[str, str]
) -> None:
    body = {**PROBLEM_422, member: [entry]}
    error = error_from_response(_response(422, body, "application/problem+json"))
    assert error.field_violations == [FieldViolation(*expected)]


def test_the_prose_404_with_a_string_code_is_read() -> None:
    body = {"code": "404", "error": "Not found", "message": "Order 7 not found"}
    error = error_from_response(_response(404, body))
    assert isinstance(error, NotFoundError)
    assert (error.code, error.error_name, error.message) == (
        "404",
        "Not found",
        "Order 7 not found",
    )
    assert error.details == []


def test_the_prose_details_object_keeps_its_field_violations() -> None:
    body = {
        "code": "422",
        "error": "Invalid parameters",
        "message": "Invalid parameters",
        "details": {"fieldViolations": [{"field": "to", "description": "not a number"}]},
    }
    error = error_from_response(_response(422, body))
    assert error.field_violations == [FieldViolation("to", "not a number")]
    assert error.message == "Invalid parameters"


def test_the_schema_shape_keeps_error_info_with_its_metadata() -> None:
    body = {
        "code": 403,
        "status": "PERMISSION_DENIED",
        "message": "Destination blocked.",
        "details": [
            {
                "type": "ErrorInfo",
                "reason": "DESTINATION_BLOCKED",
                "domain": "VOICE",
                "metaData": {"country": "Bermuda"},
            }
        ],
    }
    validate_schema("Error", body)
    error = error_from_response(_response(403, body))
    assert error.code == "403"
    assert error.error_name == "PERMISSION_DENIED"
    (detail,) = error.details
    assert (detail.kind, detail.reason, detail.domain) == (
        "ErrorInfo",
        "DESTINATION_BLOCKED",
        "VOICE",
    )
    assert detail.metadata == {"country": "Bermuda"}
    assert error.message == (
        "Destination blocked (ErrorInfo DESTINATION_BLOCKED domain VOICE country=Bermuda)"
    )


def test_the_schema_shape_keeps_a_not_found_detail() -> None:
    body = {"code": 404, "status": "NOT_FOUND", "message": "No such order", "details": [
        {"type": "NOT_FOUND"}
    ]}  # fmt: skip
    validate_schema("Error", body)
    error = error_from_response(_response(404, body))
    assert isinstance(error, NotFoundError)
    assert [detail.kind for detail in error.details] == ["NOT_FOUND"]
    assert error.message == "No such order (NOT_FOUND)"


def test_an_unknown_detail_kind_is_kept_and_shown_by_its_fields() -> None:
    body = {"code": 400, "message": "Bad", "details": [{"retryDelay": "30s"}]}
    error = error_from_response(_response(400, body))
    assert error.details[0].raw == {"retryDelay": "30s"}
    assert error.message == "Bad (retryDelay=30s)"


def test_a_body_that_is_a_list_or_a_number_falls_back_to_the_status() -> None:
    for body in ([1, 2], 5, "text"):
        error = error_from_response(_response(500, body))
        assert isinstance(error, PortingStatusError)
        assert error.status_code == 500
        assert error.message
