"""Fixtures of the app tests: an in-process emulator on a frozen clock, a transport that
records every request and fails on demand, and a session that keeps files in tmp_path."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import textual.constants
from textual.app import App
from textual.pilot import Pilot

from porting_tui.client import (
    DesiredPortSchedule,
    EndUser,
    EstVoice,
    NewOrder,
    NewPhoneNumber,
    Order,
    PortingClient,
    PortOutInfo,
)
from porting_tui.emulator import (
    DEMO_KEY_ID,
    DEMO_PROJECT_ID,
    Emulator,
    EmulatorSettings,
    create_emulator,
)
from porting_tui.emulator.demo_world import DEMO_ORDERS, DEMO_SEED
from porting_tui.listing.session import ListSettings, Session
from porting_tui.tui.app import PortingApp
from porting_tui.tui.screens.order_list.order_list_screen import OrderListScreen
from tests.attention.projects import EmulatedProject
from tests.support import demo_client
from tests.support import no_sleep as no_sleep
from tests.support import settle as settle
from tests.waiting import wait_until

START = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
LIST_PATH = f"/v1/projects/{DEMO_PROJECT_ID}/orders/portIns"


@dataclass
class RecordingTransport(httpx.AsyncBaseTransport):
    """Passes requests to ``inner`` and keeps them; ``failure`` set makes every request fail."""

    inner: httpx.AsyncBaseTransport
    requests: list[httpx.Request] = field(default_factory=list)
    failure: int | Callable[[httpx.Request], Exception] | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if isinstance(self.failure, int):
            body = b"" if self.failure == 401 else b'{"code":"500","message":"Emulated failure"}'
            return httpx.Response(self.failure, content=body, request=request)
        if self.failure is not None:
            raise self.failure(request)
        return await self.inner.handle_async_request(request)

    def list_queries(self) -> list[dict[str, str]]:
        """The query parameters of every order-list request, oldest first."""
        return [
            dict(request.url.params)
            for request in self.requests
            if request.method == "GET" and request.url.path == LIST_PATH
        ]

    def forget(self) -> None:
        self.requests.clear()


def timeout(request: httpx.Request) -> Exception:
    return httpx.ReadTimeout("timed out", request=request)


def make_emulator(orders: int = DEMO_ORDERS, seed: int = DEMO_SEED) -> Emulator:
    """The demo's world (its seed and size) at START, or a smaller one."""
    return create_emulator(EmulatorSettings(orders=orders, seed=seed, speed=0, start=START))


@pytest.fixture(autouse=True)
def private_data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's local store (webhook events and the like) lives in tmp_path, never in the
    data directory of whoever runs the tests."""
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def outside_tmux(monkeypatch: pytest.MonkeyPatch) -> None:
    """Copying never reaches the tmux of whoever runs the tests (tests that want tmux fake it)."""
    monkeypatch.delenv("TMUX", raising=False)


@pytest.fixture(autouse=True)
def no_animations(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tabs and scrolls jump instead of animating: same end state, and pilots never wait."""
    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")


@pytest.fixture
def emulator() -> Emulator:
    return make_emulator()


@pytest.fixture
def transport(emulator: Emulator) -> RecordingTransport:
    return RecordingTransport(httpx.ASGITransport(app=emulator.app))


def make_session(transport: httpx.AsyncBaseTransport, tmp_path: Path, **overrides: Any) -> Session:
    client = demo_client(transport)
    values: dict[str, Any] = {
        "profile_name": "acme-test",
        "project_id": DEMO_PROJECT_ID,
        "api_host": "127.0.0.1",
        "client": client,
        "key_id": DEMO_KEY_ID,
        "now": lambda: START,
        "views_file": tmp_path / "views.toml",
        "downloads_dir": tmp_path / "downloads",
        "settings": ListSettings(page_size=100),
    }
    values.update(overrides)
    return Session(**values)


@pytest.fixture
def session(transport: RecordingTransport, tmp_path: Path) -> Session:
    return make_session(transport, tmp_path)


def palette_prompts(app: App[Any]) -> list[str]:
    """The prompts the command palette lists now (none while it is not open)."""
    found = app.screen.query("CommandList")
    if not found:
        return []
    return [str(option.prompt) for option in found.first()._options]  # type: ignore[attr-defined]


async def palette_offers(pilot: Pilot[Any], text: str) -> list[str]:
    """Wait until the palette's search lists a prompt containing ``text``; all its prompts."""
    await wait_until(
        pilot,
        lambda: any(text in prompt for prompt in palette_prompts(pilot.app)),
        f"the command palette to offer {text!r}",
    )
    return palette_prompts(pilot.app)


def palette_highlighted(app: App[Any]) -> str:
    """The prompt Enter would run now ("" while the palette lists nothing)."""
    found = app.screen.query("CommandList")
    if not found:
        return ""
    commands = found.first()
    index = commands.highlighted  # type: ignore[attr-defined]
    if index is None:
        return ""
    return str(commands.get_option_at_index(index).prompt)  # type: ignore[attr-defined]


async def palette_runs_next(pilot: Pilot[Any], text: str) -> None:
    """Wait until Enter would run the prompt containing ``text``: the search runs as keys
    arrive, and on a busy machine an earlier query's results may still be highlighted."""
    await wait_until(
        pilot,
        lambda: text in palette_highlighted(pilot.app),
        f"the command palette to highlight {text!r}",
    )


def list_screen(app: PortingApp) -> OrderListScreen:
    screen = app.screen
    assert isinstance(screen, OrderListScreen), f"on {type(screen).__name__}"
    return screen


@pytest.fixture
async def running(session: Session) -> AsyncIterator[tuple[PortingApp, Pilot[None]]]:
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        yield app, pilot


def new_number(phone: str, pin: str = "1234") -> NewPhoneNumber:
    """One number with a complete end user and port-out data, as the emulator accepts it."""
    return NewPhoneNumber(
        phone_number=phone,
        voice_configuration=EstVoice(trunk_id="trunk-1"),
        end_user=EndUser(
            name="Jo Doe",
            street_num="1",
            street_name="Main",
            city="Chicago",
            state="IL",
            zip_code="60601",
            type_of_service="B",
        ),
        port_out_info=PortOutInfo(
            existing_port_out_pin=pin,
            account_num="A1",
            authorizing_name="Jo Doe",
            authorizing_date=date(2026, 11, 20),
        ),
    )


async def create_order(
    client: PortingClient, reference: str, phone_number: str = "+13125550143"
) -> Order:
    """A new one-number order through the API: it comes first in the list (newest first)."""
    number = new_number(phone_number)
    schedule = DesiredPortSchedule(desired_port_date=date(2026, 12, 15))
    return await client.orders.create(
        NewOrder(
            customer_order_reference=reference,
            desired_port_schedule=schedule,
            phone_numbers=[number],
        )
    )


@pytest.fixture
async def projects() -> AsyncIterator[list[EmulatedProject]]:
    """The board's three emulated projects (see tests/tui/all_projects_support.py)."""
    from tests.tui.all_projects_support import three_projects

    built = three_projects()
    yield built
    for project in built:
        await project.emulator.aclose()
