"""Where the official OpenAPI file lives: ``shared/api/`` beside the repository, never a copy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
OPENAPI_FILE = REPO_ROOT.parent / "shared" / "api" / "sinch-porting-openapi.yaml"


def official_openapi_path() -> Path:
    """The file's path; a clear failure (never a skip) when it is missing."""
    if not OPENAPI_FILE.is_file():
        pytest.fail(
            f"The official OpenAPI file is missing: expected {OPENAPI_FILE} "
            "(the shared/ folder checked out beside this repository). The conformance "
            "suite proves nothing without it.",
            pytrace=False,
        )
    return OPENAPI_FILE


def official_openapi() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(official_openapi_path().read_text("utf-8"))
    return document
