"""Stoplight Prism (npm) as an independent mock of the official OpenAPI file, on loopback.

Prism is installed by the Makefile under ``.venv/node``. Each test process starts its own
Prism on port 0 and reads the port Prism announces, so parallel workers never collide.
"""

from __future__ import annotations

import copy
import os
import queue
import re
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conformance.official import REPO_ROOT

PRISM_VERSION = "5.16.0"
PRISM_BIN = REPO_ROOT / ".venv" / "node" / "node_modules" / ".bin" / "prism"
API_PREFIX = "/v1/projects/{projectId}"
STARTUP_BOUND = 120.0
"""Seconds Prism may take to announce itself on a busy machine before the fixture gives up."""
_LISTENING = re.compile(r"Prism is listening on (http://\S+)")
_METHODS = ("get", "put", "post", "delete", "patch")


def prism_binary() -> Path:
    """Prism's launcher; without it a clear skip locally, and a failure when ``CI`` is set."""
    if PRISM_BIN.is_file():
        return PRISM_BIN
    message = (
        f"Stoplight Prism is not installed at {PRISM_BIN}. `make test` installs it with npm "
        f"(@stoplight/prism-cli@{PRISM_VERSION}); install Node.js and npm, then run make test."
    )
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def routable(spec: dict[str, Any]) -> dict[str, Any]:
    """The file with its server's base path moved into the paths.

    Prism routes on the paths alone, while the client (as the live service) puts
    ``/v1/projects/{projectId}`` in front of them; nothing else changes.
    """
    routed = copy.deepcopy(spec)
    project = {"name": "projectId", "in": "path", "required": True, "schema": {"type": "string"}}
    paths: dict[str, Any] = {}
    for path, item in routed["paths"].items():
        item = dict(item)
        item["parameters"] = [project, *item.get("parameters", [])]
        paths[API_PREFIX + path] = item
    routed["paths"] = paths
    routed["servers"] = [{"url": "/"}]
    return routed


def required_only(spec: dict[str, Any]) -> dict[str, Any]:
    """The file with every property that is not required (or a discriminator) removed.

    Prism then answers bodies that carry only what the file promises, which is all a
    client may count on.
    """
    lean = copy.deepcopy(spec)

    def strip(node: Any) -> None:
        if isinstance(node, dict):
            properties = node.get("properties")
            if isinstance(properties, dict):
                keep = set(node.get("required", []))
                discriminator = node.get("discriminator")
                if isinstance(discriminator, dict):
                    keep.add(discriminator.get("propertyName", ""))
                node["properties"] = {k: v for k, v in properties.items() if k in keep}
            for value in node.values():
                strip(value)
        elif isinstance(node, list):
            for value in node:
                strip(value)

    strip(lean.get("components", {}))
    for item in lean["paths"].values():
        for method in _METHODS:
            if method in item:
                strip(item[method].get("responses", {}))
    return lean


def whole_numbers(spec: dict[str, Any]) -> dict[str, Any]:
    """Every ``type: number`` (all of them ids, counts and quantities) made whole."""
    adjusted = copy.deepcopy(spec)

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "number":
                node["multipleOf"] = 1
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(adjusted)
    return adjusted


def base64_file_content(spec: dict[str, Any]) -> dict[str, Any]:
    """``fileContent``, described as "Base64-encoded content", given a base64 pattern."""
    adjusted = copy.deepcopy(spec)

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            properties = node.get("properties")
            if isinstance(properties, dict) and isinstance(properties.get("fileContent"), dict):
                properties["fileContent"]["pattern"] = BASE64_PATTERN
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(adjusted)
    return adjusted


BASE64_PATTERN = "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"
MOCK_ADJUSTMENTS = {"whole-numbers": whole_numbers, "base64-file-content": base64_file_content}
"""What the mock changes in the file, by the ids under which deviations.toml gives reasons."""


def write_spec(spec: dict[str, Any], path: Path) -> Path:
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


@contextmanager
def running_prism(spec_file: Path) -> Iterator[str]:
    """Prism in dynamic mode on a free loopback port; yields its base URL; killed on exit.

    No ``--seed``: with one, Prism answers every request with the same body.
    """
    binary = prism_binary()
    process = subprocess.Popen(
        [
            str(binary),
            "mock",
            "--dynamic",
            "--errors",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            str(spec_file),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        # Keeps reading after start-up too, so that a chatty Prism never blocks on a full pipe.
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, name="prism-output", daemon=True).start()
    try:
        yield _await_listening(lines)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _await_listening(lines: queue.Queue[str | None]) -> str:
    seen: list[str] = []
    while True:
        try:
            line = lines.get(timeout=STARTUP_BOUND)
        except queue.Empty:
            pytest.fail(f"Prism did not start within {STARTUP_BOUND:.0f} s:\n{''.join(seen)}")
        if line is None:
            pytest.fail(f"Prism exited before listening:\n{''.join(seen)}")
        seen.append(line)
        match = _LISTENING.search(line)
        if match:
            return match.group(1)
