"""Validate request and response bodies against the facts-only copy of the official contract.

``porting-contract.json`` is produced by ``tools/extract_contract.py`` from Sinch's OpenAPI
file. Paths are relative to ``/v1/projects/{projectId}``. The places where the official file is
known to be incomplete are patched in ``DEVIATIONS`` below, each with its reason, so that every
departure from the file is listed in exactly one place.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

CONTRACT_FILE = Path(__file__).with_name("porting-contract.json")
CONTRACT_URI = "urn:sinch-porting-contract"
API_PREFIX = re.compile(r"^/v1/projects/[^/]+")


def _add_pending_cancelation(contract: dict[str, Any]) -> None:
    enum = contract["components"]["schemas"]["OrderStatus"]["enum"]
    if "PENDING_CANCELATION" not in enum:
        enum.append("PENDING_CANCELATION")


# (reason, patch). Keep this list short and every entry justified by REFERENCE.md.
DEVIATIONS: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    (
        "OrderStatus lacks PENDING_CANCELATION, which the list-orders reference page and the "
        "cancel flow use (REFERENCE.md §5.11, §10 #1): an order being cancelled has it.",
        _add_pending_cancelation,
    ),
]


def _load_contract() -> dict[str, Any]:
    contract: dict[str, Any] = json.loads(CONTRACT_FILE.read_text(encoding="utf-8"))
    for _reason, patch in DEVIATIONS:
        patch(contract)
    return contract


CONTRACT = _load_contract()
_REGISTRY: Registry[Any] = Registry().with_resource(
    CONTRACT_URI, Resource.from_contents(CONTRACT, default_specification=DRAFT202012)
)

_FORMATS = FormatChecker(formats=())


@_FORMATS.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    return not isinstance(value, str) or (bool(date.fromisoformat(value)) and len(value) == 10)


@_FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return "T" in value and parsed.tzinfo is not None


@_FORMATS.checks("e164")
def _is_e164(value: object) -> bool:
    return not isinstance(value, str) or re.fullmatch(r"\+[1-9]\d{1,14}", value) is not None


class ContractError(AssertionError):
    """A body does not match the contract."""


def _pointer(*parts: str) -> str:
    escaped = [p.replace("~", "~0").replace("/", "~1") for p in parts]
    return CONTRACT_URI + "#/" + "/".join(escaped)


def _template_regex(template: str) -> re.Pattern[str]:
    pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
    return re.compile(f"^{pattern}$")


_TEMPLATES = [(t, _template_regex(t)) for t in CONTRACT["paths"]]


def find_operation(method: str, path: str) -> tuple[str, dict[str, Any]]:
    """Return (template, operation) for a concrete path, with or without the project prefix."""
    relative = API_PREFIX.sub("", path.split("?", 1)[0])
    for template, regex in _TEMPLATES:
        if regex.match(relative):
            op = CONTRACT["paths"][template].get(method.lower())
            if op is not None:
                return template, op
    raise ContractError(f"{method} {relative} is not an operation of the contract")


def _validate(pointer: str, body: Any, what: str) -> None:
    validator = Draft202012Validator({"$ref": pointer}, registry=_REGISTRY, format_checker=_FORMATS)
    errors = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in errors]
        raise ContractError(f"{what} does not match the contract:\n  " + "\n  ".join(lines))


def request_schema_pointer(method: str, path: str) -> str:
    template, op = find_operation(method, path)
    body = op.get("requestBody")
    if body is None:
        raise ContractError(f"{method} {template} takes no request body")
    if "$ref" in body:
        name = body["$ref"].rsplit("/", 1)[-1]
        return _pointer(
            "components", "requestBodies", name, "content", "application/json", "schema"
        )
    return _pointer(
        "paths", template, method.lower(), "requestBody", "content", "application/json", "schema"
    )


def validate_request(method: str, path: str, body: Any) -> None:
    """Assert that a request body matches the contract and carries no read-only field."""
    pointer = request_schema_pointer(method, path)
    _validate(pointer, body, f"request body of {method} {path}")
    sent = readonly_fields(pointer, body)
    if sent:
        raise ContractError(f"request body of {method} {path} sends read-only fields: {sent}")


def validate_response(method: str, path: str, status: int, body: Any) -> None:
    """Assert that a success response body matches the contract for that status."""
    template, op = find_operation(method, path)
    response = op["responses"].get(str(status))
    if response is None:
        raise ContractError(f"{method} {template} documents no {status} response")
    if "content" not in response:
        return
    pointer = _pointer(
        "paths", template, method.lower(), "responses", str(status), "content",
        "application/json", "schema",
    )  # fmt: skip
    _validate(pointer, body, f"{status} response of {method} {path}")


def validate_schema(name: str, body: Any) -> None:
    """Assert that a body matches a named component schema (webhook events, errors...)."""
    if name not in CONTRACT["components"]["schemas"]:
        raise ContractError(f"no component schema named {name}")
    _validate(_pointer("components", "schemas", name), body, name)


def query_parameters(method: str, path: str) -> dict[str, dict[str, Any]]:
    """The documented query parameters of an operation, by name, with their schemas."""
    _template, op = find_operation(method, path)
    params: dict[str, dict[str, Any]] = {}
    for param in op.get("parameters", []):
        if "$ref" in param:
            param = CONTRACT["components"]["parameters"][param["$ref"].rsplit("/", 1)[-1]]
        if param.get("in") == "query":
            params[param["name"]] = param["schema"]
    return params


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        ref = schema["$ref"]
        if ref.startswith(CONTRACT_URI):
            ref = ref[len(CONTRACT_URI) :]
        node: Any = CONTRACT
        for part in ref.lstrip("#/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        schema = node
    return schema


def _properties(schema: dict[str, Any], instance: Any) -> dict[str, dict[str, Any]]:
    """Merge the properties a schema declares, following allOf and the matching oneOf branch."""
    schema = _resolve(schema)
    props: dict[str, dict[str, Any]] = dict(schema.get("properties", {}))
    for sub in schema.get("allOf", []):
        props.update(_properties(sub, instance))
    for sub in schema.get("oneOf", []) + schema.get("anyOf", []):
        if Draft202012Validator(
            {"$ref": _pointer_of(sub)} if "$ref" in sub else sub, registry=_REGISTRY
        ).is_valid(instance):
            props.update(_properties(sub, instance))
            break
    return props


def _pointer_of(sub: dict[str, Any]) -> str:
    ref: str = sub["$ref"]
    return ref if ref.startswith(CONTRACT_URI) else CONTRACT_URI + ref


def readonly_fields(pointer: str, body: Any, prefix: str = "") -> list[str]:
    """Dotted paths of fields in ``body`` that the contract marks readOnly."""
    return _readonly({"$ref": pointer}, body, prefix)


def _readonly(schema: dict[str, Any], body: Any, prefix: str) -> list[str]:
    found: list[str] = []
    resolved = _resolve(schema)
    if isinstance(body, dict):
        for name, sub in _properties(resolved, body).items():
            if name not in body:
                continue
            where = f"{prefix}{name}"
            if _resolve(sub).get("readOnly") or sub.get("readOnly"):
                found.append(where)
            else:
                found.extend(_readonly(sub, body[name], where + "."))
    elif isinstance(body, list) and "items" in resolved:
        for i, item in enumerate(body):
            found.extend(_readonly(resolved["items"], item, f"{prefix}{i}."))
    return found


def deep_copy_contract() -> dict[str, Any]:
    """A private copy of the patched contract, for tests that need to inspect it."""
    return copy.deepcopy(CONTRACT)
