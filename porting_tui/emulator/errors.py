"""Error responses in the shape the Porting API's prose documents (REFERENCE.md §7.1).

``{"code": "422", "error": "Invalid parameters", "message": "...",
"details": {"fieldViolations": [{"field": ..., "description": ...}]}}``: the code is a string
and ``details`` an object, as in the documented examples (the formal ``Error`` schema of the
OpenAPI file disagrees; clients are told to parse leniently).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.responses import JSONResponse, Response

ERROR_TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment required",
    404: "Not found",
    405: "Method not allowed",
    422: "Invalid parameters",
    429: "Too many requests",
    500: "Internal service error",
    503: "Service unavailable",
}


@dataclass(frozen=True)
class FieldViolation:
    field: str
    description: str


@dataclass
class ApiError(Exception):
    """Raised by handlers and services; turned into a prose-shaped error response."""

    status: int
    message: str
    violations: list[FieldViolation] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.status} {self.message}"


def not_found(what: str) -> ApiError:
    return ApiError(404, f"{what} is not found, not available, or does not exist.")


def invalid(violations: list[FieldViolation]) -> ApiError:
    fields = ", ".join(v.field for v in violations[:5])
    more = f" and {len(violations) - 5} more" if len(violations) > 5 else ""
    return ApiError(422, f"Invalid parameters: {fields}{more}.", violations)


def error_body(
    status: int, message: str, violations: list[FieldViolation] | None = None
) -> dict[str, object]:
    body: dict[str, object] = {
        "code": str(status),
        "error": ERROR_TITLES.get(status, "Error"),
        "message": message,
    }
    if violations:
        body["details"] = {
            "fieldViolations": [
                {"field": v.field, "description": v.description} for v in violations
            ]
        }
    return body


def error_response(error: ApiError) -> Response:
    return JSONResponse(
        error_body(error.status, error.message, error.violations),
        status_code=error.status,
        headers=error.headers or None,
    )


def unauthorized() -> Response:
    """401 with an empty body, as the real API answers wrong keys, secrets or projects."""
    return Response(
        b"",
        status_code=401,
        headers={"WWW-Authenticate": 'Basic realm="Sinch Porting API", Bearer'},
    )
