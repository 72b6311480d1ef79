"""Read an error body of any documented shape, and ``application/problem+json``.

Three shapes reach the client (REFERENCE.md §7, §10 #7):

* the prose shape: ``{"code": "404", "error": "Not found", "message": ..., "details":
  {"fieldViolations": [...]}}``;
* the schema shape: ``{"code": 404, "status": "NOT_FOUND", "message": ..., "details": [typed
  entries: BadRequest, NotFound, ErrorInfo]}``;
* RFC 9457 problem details: ``{"type", "title", "status": 422, "detail", "instance"}`` with
  optional extension members listing invalid fields.

Every ``details`` entry is kept, whatever its kind, not only field violations.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Extension members that problem+json producers use for per-field errors.
_PROBLEM_FIELD_LISTS = (
    "errors",
    "invalid-params",
    "invalidParams",
    "violations",
    "fieldViolations",
)
_FIELD_KEYS = ("field", "name", "pointer", "path", "param", "propertyPath")
_DESCRIPTION_KEYS = ("description", "reason", "detail", "message", "title")


@dataclass(frozen=True, slots=True)
class FieldViolation:
    """One field a request got wrong; ``field`` is a path like ``phoneNumbers[0].endUser.name``."""

    field: str
    description: str

    def __str__(self) -> str:
        return f"{self.field}: {self.description}" if self.field else self.description


@dataclass(frozen=True, slots=True)
class ErrorDetail:
    """One entry of an error's ``details``, of any kind (ErrorInfo, NotFound, BadRequest...)."""

    kind: str | None = None
    """The entry's ``type`` (``ErrorInfo``, ``NOT_FOUND``, ``BadRequest``...), if it has one."""
    reason: str | None = None
    domain: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    field_violations: tuple[FieldViolation, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict)
    """The entry as sent."""

    def __str__(self) -> str:
        parts = [part for part in (self.kind, self.reason) if part]
        if self.domain:
            parts.append(f"domain {self.domain}")
        parts.extend(f"{key}={value}" for key, value in self.metadata.items())
        if not parts and not self.field_violations:
            known = {"type", "fieldViolations"}
            parts.extend(
                f"{key}={_text(value)}" for key, value in self.raw.items() if key not in known
            )
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class ErrorBody:
    """What an error body says, read from whichever shape it has."""

    code: str | None = None
    error_name: str | None = None
    message: str | None = None
    details: tuple[ErrorDetail, ...] = ()
    problem_type: str | None = None
    """problem+json ``type``: a URI naming the kind of problem."""
    instance: str | None = None
    """problem+json ``instance``: a URI naming this occurrence."""

    @property
    def field_violations(self) -> list[FieldViolation]:
        return [v for detail in self.details for v in detail.field_violations]


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list | bool):
        return None
    text = str(value).strip()
    return text or None


def _name(value: Any) -> str | None:
    # ``status`` is a name in the schema shape (INVALID_ARGUMENT) but the HTTP status number
    # in problem+json: a number is no name.
    if isinstance(value, int | float) or (isinstance(value, str) and value.strip().isdigit()):
        return None
    return _text(value)


def _first(entry: Mapping[str, Any], keys: tuple[str, ...]) -> str:
    for key in keys:
        text = _text(entry.get(key))
        if text:
            return text.lstrip("#/") if key == "pointer" else text
    return ""


def _violations(value: Any) -> tuple[FieldViolation, ...]:
    if not isinstance(value, list):
        return ()
    found = []
    for item in value:
        if isinstance(item, Mapping):
            found.append(FieldViolation(_first(item, _FIELD_KEYS), _first(item, _DESCRIPTION_KEYS)))
        elif _text(item):
            found.append(FieldViolation("", str(_text(item))))
    return tuple(found)


def _metadata(value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping):
        return {}
    return {str(key): _text(item) or "" for key, item in value.items()}


def _detail(entry: Mapping[str, Any]) -> ErrorDetail:
    return ErrorDetail(
        kind=_text(entry.get("type")) or _text(entry.get("@type")),
        reason=_text(entry.get("reason")),
        domain=_text(entry.get("domain")),
        metadata=_metadata(entry.get("metaData", entry.get("metadata"))),
        field_violations=_violations(entry.get("fieldViolations")),
        raw=dict(entry),
    )


def _details(value: Any) -> list[ErrorDetail]:
    # Prose shape: one object; schema shape: a list of typed entries.
    if isinstance(value, Mapping):
        return [_detail(value)] if value else []
    if isinstance(value, list):
        return [_detail(e) if isinstance(e, Mapping) else ErrorDetail(kind=_text(e)) for e in value]
    return []


def is_problem(body: Mapping[str, Any], content_type: str) -> bool:
    """Whether the body is RFC 9457 problem details (by media type, or by its members)."""
    if "problem+json" in content_type.lower():
        return True
    return "title" in body and "detail" in body and "message" not in body


def read_error_body(body: Any, content_type: str = "") -> ErrorBody:
    """Read ``body`` (decoded JSON) as an error body; anything else reads as an empty one."""
    if not isinstance(body, Mapping):
        return ErrorBody()
    details = _details(body.get("details"))
    if is_problem(body, content_type):
        for key in _PROBLEM_FIELD_LISTS:
            violations = _violations(body.get(key))
            if violations:
                details.append(ErrorDetail(kind=key, field_violations=violations))
        title = _text(body.get("title"))
        return ErrorBody(
            code=_text(body.get("code")) or _text(body.get("status")),
            error_name=title,
            message=_text(body.get("detail")) or title or _text(body.get("message")),
            details=tuple(details),
            problem_type=_text(body.get("type")),
            instance=_text(body.get("instance")),
        )
    return ErrorBody(
        code=_text(body.get("code")),
        error_name=_name(body.get("error")) or _name(body.get("status")),
        message=_text(body.get("message")) or _text(body.get("detail")),
        details=tuple(details),
    )
