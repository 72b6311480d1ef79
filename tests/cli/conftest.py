"""Run commands of the CLI in-process against an in-process emulator, with demo credentials."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from click.testing import CliRunner, Result

from porting_tui.cli import cli, orders_cmd
from porting_tui.client import PortingClient
from porting_tui.emulator import (
    DEMO_KEY_ID,
    DEMO_KEY_SECRET,
    DEMO_PROJECT_ID,
    EmulatorSettings,
    create_emulator,
)

T = TypeVar("T")
START = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
SEEDED_ORDERS = 100
"""Orders of the emulator behind ``run``: enough for some to be open at START."""
"""The emulator's frozen clock: a Monday afternoon."""
BASE_URL = "http://127.0.0.1:8787"


class RecordingTransport(httpx.AsyncBaseTransport):
    """Passes requests on and remembers them, so tests can tell what was (not) sent."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return await self.inner.handle_async_request(request)

    def calls(self) -> list[str]:
        """``METHOD /relative/path`` of each request to the API."""
        prefix = f"/v1/projects/{DEMO_PROJECT_ID}"
        return [f"{r.method} {r.url.path.removeprefix(prefix)}" for r in self.requests]


class Cli:
    """Invoke ``porting-tui`` with the emulator as the API and read the truth from it."""

    def __init__(self, transport: RecordingTransport) -> None:
        self.transport = transport

    def __call__(
        self, *args: str, input: str | bytes | None = None, transport: Any = None
    ) -> Result:
        obj = {
            "transport": transport or self.transport,
            "client_options": {"max_retries": 0},
            "today": START.date(),
        }
        return CliRunner().invoke(cli, list(args), input=input, obj=obj)

    def api(self, call: Callable[[PortingClient], Awaitable[T]]) -> T:
        async def main() -> T:
            client = PortingClient(
                DEMO_PROJECT_ID,
                key_id=DEMO_KEY_ID,
                key_secret=DEMO_KEY_SECRET,
                base_url=BASE_URL,
                transport=self.transport.inner,
            )
            async with client:
                return await call(client)

        return asyncio.run(main())


@pytest.fixture
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
    monkeypatch.setenv("SINCH_PROJECT_ID", DEMO_PROJECT_ID)
    monkeypatch.setenv("SINCH_KEY_ID", DEMO_KEY_ID)
    monkeypatch.setenv("SINCH_KEY_SECRET", DEMO_KEY_SECRET)
    monkeypatch.setenv("SINCH_PORTING_URL", BASE_URL)
    monkeypatch.setattr(orders_cmd, "today", lambda: START.date())
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def run(environment: None) -> Cli:
    emulator = create_emulator(EmulatorSettings(orders=SEEDED_ORDERS, seed=7, speed=0, start=START))
    return Cli(RecordingTransport(httpx.ASGITransport(app=emulator.app)))


def stdout_json(result: Result) -> Any:
    """The one JSON document on stdout of a successful run (fails on any other text)."""
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def stdout_json_lines(result: Result) -> list[Any]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def wire(model: Any) -> Any:
    """A model as the API sends it, the way --json prints it."""
    return model.model_dump(by_alias=True, mode="json", exclude_none=True)
