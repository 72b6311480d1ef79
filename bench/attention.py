"""Time the Needs attention view on a project with 2,000 open orders; prints figures only.

The emulator serves over loopback HTTP (uvicorn, in a thread of its own); the app side lists
the open orders, reads every order's details in the background (4 at a time by default),
records what it saw in a fresh local store, and ranks the result. A second run, as after
restarting the app, reuses the stored details of orders whose list row did not change.

Run: .venv/bin/python bench/attention.py [open_orders] [concurrency]
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from porting_tui.attention.board import AttentionBoard
from porting_tui.attention.settings import AttentionSettings
from porting_tui.client import PortingClient
from porting_tui.emulator import (
    DEMO_KEY_ID,
    DEMO_KEY_SECRET,
    DEMO_PROJECT_ID,
    Emulator,
    EmulatorSettings,
    create_emulator,
)
from porting_tui.emulator.seed_bodies import BodyMaker
from porting_tui.emulator.seed_fixes import apply_trigger
from porting_tui.local.store import LocalStore

START = datetime(2025, 3, 11, 15, 0, tzinfo=UTC)
REJECTED_SHARE = 0.15
ON_DEMAND_SHARE = 0.2


class CountingTransport(httpx.AsyncBaseTransport):
    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.requests = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def open_orders_project(count: int) -> Emulator:
    """An emulator whose orders were all created in the last two days: every one still open."""
    emulator = create_emulator(EmulatorSettings(speed=0, start=START, webhook_delivery=False))
    bodies = BodyMaker(random.Random(42))
    created = sorted(START - timedelta(minutes=bodies.rng.uniform(5, 2880)) for _ in range(count))
    for moment in created:
        emulator.lifecycle.catch_up(moment)
        body, zone = bodies.order(moment, on_demand=bodies.rng.random() < ON_DEMAND_SHARE)
        if bodies.rng.random() < REJECTED_SHARE:
            apply_trigger(bodies, body, zone)
        emulator.book.create(body, moment)
    emulator.catch_up()
    return emulator


@contextlib.contextmanager
def served(emulator: Emulator) -> Iterator[str]:
    """Serve the emulator with uvicorn on 127.0.0.1 from another thread; yield its base URL."""
    from porting_tui.emulator.server import serving

    ready = threading.Event()
    stop: list[asyncio.Event] = []
    loop_box: list[asyncio.AbstractEventLoop] = []
    url: list[str] = []

    async def serve() -> None:
        async with serving(emulator) as base_url:
            url.append(base_url)
            stop.append(asyncio.Event())
            loop_box.append(asyncio.get_running_loop())
            ready.set()
            await stop[0].wait()

    thread = threading.Thread(target=asyncio.run, args=(serve(),), daemon=True)
    thread.start()
    ready.wait(timeout=30)
    try:
        yield url[0]
    finally:
        loop_box[0].call_soon_threadsafe(stop[0].set)
        thread.join(timeout=30)


async def run_once(
    base_url: str, store: LocalStore, concurrency: int, label: str
) -> dict[str, float]:
    transport = CountingTransport()
    client = PortingClient(
        DEMO_PROJECT_ID,
        key_id=DEMO_KEY_ID,
        key_secret=DEMO_KEY_SECRET,
        base_url=base_url,
        transport=transport,
    )
    async with client:
        began = time.perf_counter()
        board = AttentionBoard(
            client,
            store,
            "bench",
            settings=AttentionSettings(
                concurrency=concurrency, own_authors=frozenset({DEMO_KEY_ID})
            ),
            clock=lambda: START,
        )
        progress = await board.refresh()
        fetched_at = time.perf_counter()
        items = board.items()
        done = time.perf_counter()
    rank_ms = (done - fetched_at) * 1000
    print(
        f"{label:34} {done - began:8.2f} s {transport.requests:9} "
        f"{progress.fetched:8} {progress.reused:7} {len(items):10} {rank_ms:9.0f}"
    )
    return {"seconds": done - began, "requests": transport.requests, "attention": len(items)}


async def run_in_app(base_url: str, folder: Path, concurrency: int) -> dict[str, float]:
    """The same, in the app (headless): from launch until the attention view is ranked."""
    from porting_tui.listing.attention_context import LocalState
    from porting_tui.listing.session import Session
    from porting_tui.tui.app import PortingApp
    from porting_tui.tui.widgets.attention_view import AttentionView

    transport = CountingTransport()
    local = LocalState.open(
        "bench-app", DEMO_PROJECT_ID, path=folder / "app.sqlite3", clock=lambda: START
    )
    client = PortingClient(
        DEMO_PROJECT_ID,
        key_id=DEMO_KEY_ID,
        key_secret=DEMO_KEY_SECRET,
        base_url=base_url,
        transport=transport,
        on_mutation=local.on_mutation(),
    )
    settings = AttentionSettings(concurrency=concurrency)
    session = Session(
        profile_name="bench-app",
        project_id=DEMO_PROJECT_ID,
        api_host="127.0.0.1",
        client=client,
        key_id=DEMO_KEY_ID,
        now=lambda: START,
        views_file=folder / "views.toml",
        attention=local.attention(client, key_id=DEMO_KEY_ID, settings=settings),
    )
    began = time.perf_counter()
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.screen.query_one(AttentionView)
        while not (view.board.progress.complete and view.board.progress.total and view.items):
            await pilot.pause(0.01)
        await app.workers.wait_for_complete()
        done = time.perf_counter()
        ranked = len(view.items)
    print(
        f"{'in the app, headless (cold)':34} {done - began:8.2f} s {transport.requests:9} "
        f"{view.board.progress.fetched:8} {view.board.progress.reused:7} {ranked:10} "
        f"{'':>9}  (requests include the order list's own)"
    )
    return {"seconds": done - began, "requests": transport.requests, "attention": ranked}


async def main(count: int, concurrency: int) -> dict[str, dict[str, float]]:
    began = time.perf_counter()
    emulator = open_orders_project(count)
    open_count = sum(
        1 for o in emulator.store.orders.values() if o.status in ("PENDING", "CONFIRMED")
    )
    print(f"project: {open_count} open orders (built in {time.perf_counter() - began:.1f} s)")
    print(f"concurrency {concurrency}, emulator over loopback HTTP (uvicorn)\n")
    print(
        f"{'run':34} {'complete':>10} {'requests':>9} {'fetched':>8} {'reused':>7} "
        f"{'attention':>10} {'rank ms':>9}"
    )
    with tempfile.TemporaryDirectory() as folder, served(emulator) as base_url:
        store = LocalStore.open(Path(folder) / "state.sqlite3")
        figures = {
            "open_orders": {"count": open_count},
            "cold": await run_once(base_url, store, concurrency, "first run (empty local store)"),
            "warm": await run_once(base_url, store, concurrency, "restart, nothing changed"),
        }
        emulator.advance(timedelta(hours=2))
        await run_once(base_url, store, concurrency, "restart, 2 virtual hours later")
        store.close()
        figures["app"] = await run_in_app(base_url, Path(folder), concurrency)
    return figures


if __name__ == "__main__":
    orders = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    asyncio.run(main(orders, workers))
