"""Extract a facts-only JSON copy of the official Porting API OpenAPI file.

The tests must run on a fresh clone where ``../shared/`` does not exist, so the facts the
tests check against (paths, operations, parameters, field names, types, enums, required
lists) are extracted once with this script and committed under ``tests/contract/``.
Descriptions, examples and summaries are dropped: they are prose, not contract.

Usage: python tools/extract_contract.py [SPEC] [OUT]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = ROOT.parent / "shared" / "api" / "sinch-porting-openapi.yaml"
DEFAULT_OUT = ROOT / "tests" / "contract" / "porting-contract.json"

# JSON Schema / OpenAPI keywords that carry facts. Everything else (description, example,
# title, x-enumDescriptions, x-internal...) is prose and is dropped.
SCHEMA_KEYWORDS = {
    "type",
    "format",
    "enum",
    "const",
    "required",
    "properties",
    "items",
    "allOf",
    "oneOf",
    "anyOf",
    "not",
    "discriminator",
    "$ref",
    "readOnly",
    "writeOnly",
    "default",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "pattern",
    "additionalProperties",
    "nullable",
}
HTTP_METHODS = {"get", "post", "put", "delete", "patch"}


def clean_schema(schema: Any) -> Any:
    """Keep only the fact-bearing keywords of a schema, recursively."""
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key not in SCHEMA_KEYWORDS:
            continue
        if key == "properties":
            # Keys here are field names (one of them is literally "description").
            out[key] = {name: clean_schema(sub) for name, sub in value.items()}
        elif key in {"allOf", "oneOf", "anyOf"}:
            out[key] = [clean_schema(sub) for sub in value]
        elif key in {"items", "not", "additionalProperties"}:
            out[key] = clean_schema(value)
        else:
            out[key] = value
    return out


def clean_content(content: dict[str, Any]) -> dict[str, Any]:
    return {
        media: {"schema": clean_schema(body.get("schema", {}))} for media, body in content.items()
    }


def clean_parameter(param: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in param:
        return {"$ref": param["$ref"]}
    out = {k: param[k] for k in ("name", "in", "required") if k in param}
    out["schema"] = clean_schema(param.get("schema", {}))
    return out


def clean_request_body(body: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in body:
        return {"$ref": body["$ref"]}
    out: dict[str, Any] = {"required": bool(body.get("required", False))}
    if "content" in body:
        out["content"] = clean_content(body["content"])
    return out


def clean_operation(op: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"operationId": op.get("operationId")}
    if "parameters" in op:
        out["parameters"] = [clean_parameter(p) for p in op["parameters"]]
    if "requestBody" in op:
        out["requestBody"] = clean_request_body(op["requestBody"])
    out["responses"] = {
        str(code): ({"content": clean_content(resp["content"])} if "content" in resp else {})
        for code, resp in op.get("responses", {}).items()
    }
    return out


def clean_path_item(item: dict[str, Any]) -> dict[str, Any]:
    return {m: clean_operation(op) for m, op in item.items() if m in HTTP_METHODS}


def extract(spec: dict[str, Any]) -> dict[str, Any]:
    components = spec.get("components", {})
    return {
        "openapi": spec.get("openapi"),
        "version": spec.get("info", {}).get("version"),
        "servers": [s.get("url") for s in spec.get("servers", [])],
        "paths": {p: clean_path_item(item) for p, item in spec.get("paths", {}).items()},
        "webhooks": {n: clean_path_item(item) for n, item in spec.get("webhooks", {}).items()},
        "components": {
            "schemas": {n: clean_schema(s) for n, s in components.get("schemas", {}).items()},
            "parameters": {
                n: clean_parameter(p) for n, p in components.get("parameters", {}).items()
            },
            "requestBodies": {
                n: clean_request_body(b) for n, b in components.get("requestBodies", {}).items()
            },
        },
    }


def main(argv: list[str]) -> int:
    spec_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_SPEC
    out_path = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    facts = extract(spec)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(facts, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out_path} ({len(facts['paths'])} paths)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
