"""What the schemathesis tests share: the official schema, the checks, and the allow-list."""

from __future__ import annotations

from typing import Any

import httpx
import schemathesis
from schemathesis.checks import (  # type: ignore[attr-defined]
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.python import asgi

from porting_tui.emulator import DEMO_KEY_ID, DEMO_KEY_SECRET, DEMO_PROJECT_ID
from tests.conformance.deviations import explain, load_deviations
from tests.conformance.official import official_openapi_path

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
BASE_URL = f"http://{asgi.HOST}/v1/projects/{DEMO_PROJECT_ID}"
AUTH = {"Authorization": httpx.BasicAuth(DEMO_KEY_ID, DEMO_KEY_SECRET)._auth_header}
DEVIATIONS = load_deviations()
SCHEMA = schemathesis.openapi.from_path(official_openapi_path())


def unexplained_failures(error: BaseException, status: int, style: str) -> list[Failure]:
    """The failures in ``error`` that ``deviations.toml`` does not allow."""
    failures = list(error.exceptions) if isinstance(error, FailureGroup) else [error]
    unexplained: list[Failure] = []
    for failure in failures:
        assert isinstance(failure, Failure), failure
        check = failure.checks[0] if failure.checks else type(failure).__name__
        text = f"{failure.title}\n{failure.message}"
        if explain(DEVIATIONS, check, failure.operation or "", status, text, style) is None:
            unexplained.append(failure)
    return unexplained


def call_and_judge(case: schemathesis.Case, session: Any, style: str) -> Any:
    """Send ``case``; raise on any failure the allow-list does not explain; the response."""
    response = case.call(base_url=BASE_URL, session=session, headers=AUTH)
    try:
        case.validate_response(response, checks=CHECKS, headers=AUTH)
    except (Failure, FailureGroup) as error:
        unexplained = unexplained_failures(error, response.status_code, style)
        if unexplained:
            raise FailureGroup(unexplained) from None
    return response
