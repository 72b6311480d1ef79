"""Failures never crash the app: each says what happened and the next refresh recovers."""

from __future__ import annotations

import httpx
import pytest
from textual.pilot import Pilot

from porting_tui.tui.app import PortingApp
from porting_tui.tui.widgets.problem_banner import ProblemBanner
from tests.tui.conftest import RecordingTransport, list_screen, settle, timeout

Running = tuple[PortingApp, Pilot[None]]


def banner_text(app: PortingApp) -> str:
    banner = list_screen(app).query_one(ProblemBanner)
    return str(banner.render()) if banner.display else ""


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (401, "Authentication failed for profile 'acme-test'"),
        (500, "127.0.0.1 failed with HTTP 500"),
        (timeout, "127.0.0.1 did not answer in time"),
    ],
    ids=["401", "500", "timeout"],
)
async def test_a_failed_refresh_is_shown_and_the_next_refresh_recovers(
    running: Running, transport: RecordingTransport, failure: object, expected: str
) -> None:
    app, pilot = running
    screen = list_screen(app)
    before = [order.id for order in screen.table.visible_orders]
    transport.failure = failure  # type: ignore[assignment]
    await pilot.press("r")
    await settle(pilot)
    assert expected in banner_text(app)
    assert [order.id for order in screen.table.visible_orders] == before, "rows are kept"
    transport.failure = None
    await pilot.press("r")
    await settle(pilot)
    assert banner_text(app) == ""
    assert app.screen is screen


async def test_the_auth_message_says_what_to_check(
    running: Running, transport: RecordingTransport
) -> None:
    app, pilot = running
    transport.failure = 401
    await pilot.press("r")
    await settle(pilot)
    text = banner_text(app)
    assert "key id demo-key" in text and "porting-tui profile test acme-test" in text


async def test_a_failure_on_the_first_load_is_retried_by_refresh(
    session: object, transport: RecordingTransport
) -> None:
    transport.failure = 500
    app = PortingApp(session)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "failed with HTTP 500" in banner_text(app)
        assert list_screen(app).table.loaded_count == 0
        transport.failure = None
        await pilot.press("r")
        await settle(pilot)
        assert banner_text(app) == "" and list_screen(app).table.loaded_count > 0


async def test_a_rate_limit_backs_off_says_so_and_schedules_a_retry(
    running: Running, transport: RecordingTransport
) -> None:
    app, pilot = running

    def limited(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"Retry-After": "30"}, request=request)

    transport.inner, original = httpx.MockTransport(limited), transport.inner
    await pilot.press("r")
    await settle(pilot)
    assert "Rate limited by 127.0.0.1" in banner_text(app)
    assert "retrying in 30 s" in banner_text(app)
    assert list_screen(app).retry_scheduled
    transport.inner = original
    await pilot.press("r")
    await settle(pilot)
    assert banner_text(app) == "" and not list_screen(app).retry_scheduled


async def test_the_order_summary_shows_its_own_failure_and_esc_still_goes_back(
    running: Running, transport: RecordingTransport
) -> None:
    app, pilot = running
    transport.failure = 500
    await pilot.press("enter")
    await settle(pilot)
    assert "failed with HTTP 500" in str(app.screen.query_one(ProblemBanner).render())
    transport.failure = None
    await pilot.press("r")
    await settle(pilot)
    assert not app.screen.query_one(ProblemBanner).display
    await pilot.press("escape")
    assert app.screen is list_screen(app)
