"""Fixtures of the quality suites: the real app on an in-process emulator with a frozen clock,
a transport that records requests and turns the emulator's held answers into the client's
timeout (no real timer is ever raced), and screen readers."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import dataclasses
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import textual.constants
from rich.segment import Segment
from textual.app import App
from textual.pilot import Pilot

from porting_tui.client import PortingClient
from porting_tui.emulator import (
    DEMO_KEY_ID,
    DEMO_PROJECT_ID,
    Emulator,
    EmulatorSettings,
    create_emulator,
)
from porting_tui.listing.attention_context import LocalState
from porting_tui.listing.session import ListSettings, Session
from porting_tui.tui.app import PortingApp
from tests.support import demo_client
from tests.support import settle as settle

START = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
"""A Friday afternoon (UTC); the next business day is Monday 2026-11-30."""
API_PREFIX = f"/v1/projects/{DEMO_PROJECT_ID}"
CLIENT_TIMEOUT = 30.0
"""Seconds: the client's read timeout. Far above what a busy machine needs to answer, and
far below the emulator's slow answers, which are held rather than waited for."""
SLOW_ANSWER = "slow=1:60s"

_READ_LIMIT: contextvars.ContextVar[float | None] = contextvars.ContextVar("read_limit")
_HELD: contextvars.ContextVar[asyncio.Future[None]] = contextvars.ContextVar("held")


async def held_answer(seconds: float) -> None:
    """The emulator's sleep: a delay within the request's read timeout passes at once; a
    longer one holds the answer for good and tells the transport, which times out at once."""
    limit = _READ_LIMIT.get(None)
    if limit is None or seconds < limit:
        return
    held = _HELD.get()
    if not held.done():
        held.set_result(None)
    await asyncio.Event().wait()


@dataclass
class QualityTransport(httpx.AsyncBaseTransport):
    """Records every request, then passes it in-process to the emulator; an answer the
    emulator holds beyond the client's read timeout is that timeout, as on a real socket
    (ASGITransport alone ignores timeouts)."""

    inner: httpx.AsyncBaseTransport
    requests: list[httpx.Request] = field(default_factory=list)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        held: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        # The answering task runs in this context: the emulator's sleep finds both values.
        context = contextvars.copy_context()
        context.run(_READ_LIMIT.set, request.extensions.get("timeout", {}).get("read"))
        context.run(_HELD.set, held)
        answering = asyncio.get_running_loop().create_task(
            self.inner.handle_async_request(request), context=context
        )
        try:
            await asyncio.wait({answering, held}, return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            answering.cancel()
            raise
        if answering.done():
            held.cancel()
            return answering.result()
        answering.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await answering
        raise httpx.ReadTimeout("timed out waiting for the answer", request=request)

    def api_calls(self) -> list[str]:
        """``METHOD /path`` of each API request, the project prefix left out."""
        return [f"{r.method} {r.url.path.removeprefix(API_PREFIX)}" for r in self.requests]

    def forget(self) -> None:
        self.requests.clear()


def make_emulator(orders: int = 100, seed: int = 7) -> Emulator:
    return create_emulator(
        EmulatorSettings(orders=orders, seed=seed, speed=0, start=START, webhook_delivery=False),
        sleep=held_answer,
    )


def make_client(transport: httpx.AsyncBaseTransport, **options: Any) -> PortingClient:
    return demo_client(transport, **{"timeout": CLIENT_TIMEOUT, **options})


def store_path(data_home: Path) -> Path:
    """The app's local store (drafts, seen-state, audit log) under the test's data home."""
    return data_home / "porting-tui" / "state.sqlite3"


def make_session(
    transport: httpx.AsyncBaseTransport, tmp_path: Path, *, attention: bool = True, **extra: Any
) -> Session:
    """A session like the launcher builds, on the emulator's frozen clock, files in tmp_path."""
    local = LocalState.open(
        "acme-test", DEMO_PROJECT_ID, path=store_path(tmp_path / "xdg-data"), clock=lambda: START
    )
    client = make_client(transport, on_mutation=local.on_mutation())
    session = Session(
        profile_name="acme-test",
        project_id=DEMO_PROJECT_ID,
        api_host="127.0.0.1",
        client=client,
        key_id=DEMO_KEY_ID,
        now=lambda: START,
        views_file=tmp_path / "views.toml",
        downloads_dir=tmp_path / "downloads",
        settings=ListSettings(page_size=100),
    )
    context = local.attention(client, key_id=DEMO_KEY_ID) if attention else None
    return dataclasses.replace(session, attention=context, **extra)


@pytest.fixture(autouse=True)
def private_homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Config, data, cache and state of every run live in tmp_path, never in the user's."""
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / f"xdg-{name.lower()}"))
    for name in ("SINCH_PROJECT_ID", "SINCH_KEY_ID", "SINCH_KEY_SECRET", "SINCH_PORTING_URL"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "xdg-data"


@pytest.fixture(autouse=True)
def no_animations(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")


@pytest.fixture
def emulator() -> Emulator:
    return make_emulator()


@pytest.fixture
def transport(emulator: Emulator) -> QualityTransport:
    return QualityTransport(httpx.ASGITransport(app=emulator.app))


@pytest.fixture
def session(transport: QualityTransport, tmp_path: Path) -> Session:
    return make_session(transport, tmp_path)


@pytest.fixture
async def running(session: Session) -> AsyncIterator[tuple[PortingApp, Pilot[None]]]:
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        yield app, pilot


def screen_segments(app: App[Any]) -> list[Segment]:
    """What the app would write to the terminal now: every segment of every line."""
    return [segment for strip in app.screen._compositor.render_strips() for segment in strip]


def screen_text(app: App[Any]) -> str:
    """The screen as plain text, one line per row (notifications included)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def raw_controls(app: App[Any]) -> list[str]:
    """Control characters (ESC, BEL, C1...) in the text of what the app draws, or links."""
    found = []
    for segment in screen_segments(app):
        if segment.control:
            continue
        bad = [c for c in segment.text if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0]
        if bad:
            found.append(repr(segment.text))
        if segment.style is not None and segment.style.link:
            found.append(f"link {segment.style.link!r}")
    return found
