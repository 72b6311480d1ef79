"""The conformance suite cannot pass by not running: missing tools fail loudly (CI) or say why."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conformance import official, prism
from tests.conformance.deviations import explain, load_deviations, mock_adjustments


def test_a_missing_openapi_file_fails_with_its_expected_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "shared" / "api" / "sinch-porting-openapi.yaml"
    monkeypatch.setattr(official, "OPENAPI_FILE", missing)
    with pytest.raises(pytest.fail.Exception, match="official OpenAPI file is missing"):
        official.official_openapi_path()


def test_missing_prism_fails_under_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(prism, "PRISM_BIN", tmp_path / "prism")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="npm"):
        prism.prism_binary()


def test_missing_prism_skips_with_the_reason_elsewhere(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(prism, "PRISM_BIN", tmp_path / "prism")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="installs it with npm"):
        prism.prism_binary()


def test_every_allowance_is_narrow_and_explained() -> None:
    deviations = load_deviations()
    assert all(len(deviation.reason.strip()) > 40 for deviation in deviations)
    assert all(len(reason) > 40 for reason in mock_adjustments().values())
    # A 500 is never allowed, nor a schema failure outside the listed fields.
    assert explain(deviations, "not_a_server_error", "GET /configuration", 500, "", "date") is None
    assert (
        explain(
            deviations,
            "response_schema_conformance",
            "GET /orders/portIns/{orderId}",
            200,
            '"x" is not a "date"\nSchema at /components/schemas/OrderNote/properties/createdTime:',
            "date-time",
        )
        is None
    )
    assert (
        explain(
            deviations,
            "response_schema_conformance",
            "GET /orders/portIns",
            200,
            '"2025-03-11T14:23:34.747Z" is not a "date"\n\n'
            "Schema at /components/schemas/OrderListItem/properties/createdDate:",
            "date",
        )
        is None
    ), "the date-time style allowance must not cover the default style"


def test_required_only_keeps_required_properties_and_discriminators() -> None:
    spec = {
        "paths": {},
        "components": {
            "schemas": {
                "A": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {"id": {"type": "number"}, "note": {"type": "string"}},
                },
                "Voice": {
                    "discriminator": {"propertyName": "type"},
                    "properties": {"type": {"type": "string"}, "appId": {"type": "string"}},
                },
            }
        },
    }
    lean = prism.required_only(spec)["components"]["schemas"]
    assert list(lean["A"]["properties"]) == ["id"]
    assert list(lean["Voice"]["properties"]) == ["type"]
    assert prism.whole_numbers(spec)["components"]["schemas"]["A"]["properties"]["id"] == {
        "type": "number",
        "multipleOf": 1,
    }


def test_routable_moves_the_servers_base_path_into_every_path() -> None:
    spec = {"servers": [{"url": "https://x/v1/projects/{projectId}"}], "paths": {"/a": {}}}
    routed = prism.routable(spec)
    assert list(routed["paths"]) == ["/v1/projects/{projectId}/a"]
    assert routed["paths"]["/v1/projects/{projectId}/a"]["parameters"][0]["name"] == "projectId"
