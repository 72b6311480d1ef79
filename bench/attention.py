"""Time Needs attention on a project with about 2,000 open orders; prints figures only.

The emulator runs OUT of process (``porting-tui emulator --port 0 --speed 0 --latency-ms N``),
so its work never shares this process's event loop or interpreter lock with the app side,
and every API answer can be delayed by a round trip: 50 ms as over a real network, and 0 as on
loopback. On each, the app side lists the open orders, reads every order's details in the
background, records what it saw in a fresh local store and ranks the result:

* cold: an empty local store (the first start), median of ``--repeats`` runs;
* warm: a restart with nothing changed (the same store again);
* with 429s: cold again while the emulator refuses a share of the requests with 429;
* in the app: the app itself, headless, from launch until the view is ranked (cold, once);
* an hour: refreshes every minute for an hour of the board's clock with nothing changing on
  the server, counting the detail requests that still go out (no wall-clock wait).

Each is run at a fixed concurrency (``--fixed``, 4: the old default, start 4 and at most 4)
and at the default (adaptive: start 8, halve on 429, grow back up to 16). "store writes" counts
the local store's transactions.

Run: .venv/bin/python bench/attention.py [open_orders] [fixed_concurrency]
     [--latency 50,0] [--repeats 3] [--faults 429=0.02:1s] [--no-app] [--no-hour]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import queue
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from porting_tui.attention import fetcher as fetcher_module
from porting_tui.attention.board import AttentionBoard
from porting_tui.attention.settings import AttentionSettings
from porting_tui.client import PortingClient
from porting_tui.emulator import DEMO_KEY_ID, DEMO_KEY_SECRET, DEMO_PROJECT_ID
from porting_tui.local.store import LocalStore

REPO = Path(__file__).resolve().parent.parent
START = datetime(2025, 3, 11, 15, 0, tzinfo=UTC)
START_TEXT = "2025-03-11T15:00:00Z"
OPEN_SHARE = 0.148
"""About this share of the orders the emulator seeds over its 180 days is still open at START
(1,267 of 8,547 with the carrier profiles of the seeded history)."""
DEFAULT_FAULTS = "429=0.02:1s"
ADAPTIVE = AttentionSettings().concurrency
"""The default setting: the most at once; the fetch starts lower and adapts."""
ADAPTS = hasattr(fetcher_module, "AdaptiveLimit")
"""False when timing the code from before the fetch adapted (for before/after figures)."""


@dataclass
class Run:
    seconds: float
    requests: int
    refused: int
    fetched: int
    reused: int
    attention: int
    writes: int
    concurrency: int | None

    def as_dict(self) -> dict[str, float]:
        return {
            "seconds": self.seconds,
            "requests": self.requests,
            "refused": self.refused,
            "attention": self.attention,
            "writes": self.writes,
        }


@dataclass
class Runs:
    runs: list[Run] = field(default_factory=list)

    def median(self) -> Run:
        runs = sorted(self.runs, key=lambda run: run.seconds)
        middle = runs[len(runs) // 2]
        return Run(
            statistics.median(run.seconds for run in runs),
            middle.requests,
            middle.refused,
            middle.fetched,
            middle.reused,
            middle.attention,
            middle.writes,
            middle.concurrency,
        )


class CountingTransport(httpx.AsyncBaseTransport):
    """Counts the requests that go out (retries included) and the 429s that come back."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.requests = 0
        self.refused = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        response = await self.inner.handle_async_request(request)
        self.refused += response.status_code == 429
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


class StoreWrites:
    """Counts a store's transactions (the outermost ones: a batch of writes is one)."""

    def __init__(self, store: LocalStore) -> None:
        self.count = 0
        self._depth = 0
        self._transaction = store.transaction
        store.transaction = self._counted  # type: ignore[method-assign]

    @contextlib.contextmanager
    def _counted(self) -> Iterator[sqlite3.Connection]:
        self.count += self._depth == 0
        self._depth += 1
        try:
            with self._transaction() as db:
                yield db
        finally:
            self._depth -= 1


@contextlib.contextmanager
def emulator_process(orders: int, latency_ms: int) -> Iterator[str]:
    """``porting-tui emulator`` in a process of its own on a free port; yields its base URL."""
    command = [
        sys.executable,
        "-m",
        "porting_tui",
        "emulator",
        *("--port", "0", "--speed", "0", "--orders", str(orders), "--start", START_TEXT),
        *("--latency-ms", str(latency_ms)),
    ]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    process = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, text=True, bufsize=1
    )
    lines: queue.Queue[str] = queue.Queue()

    def drain() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)

    threading.Thread(target=drain, daemon=True).start()
    try:
        deadline = time.monotonic() + 120
        while True:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            if line.startswith("Emulator listening on "):
                yield line.removeprefix("Emulator listening on ").strip()
                return
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def client_on(base_url: str, transport: CountingTransport, **options: Any) -> PortingClient:
    return PortingClient(
        DEMO_PROJECT_ID,
        key_id=DEMO_KEY_ID,
        key_secret=DEMO_KEY_SECRET,
        base_url=base_url,
        transport=transport,
        **options,
    )


async def run_board(
    base_url: str, store: LocalStore, concurrency: int, clock: list[datetime] | None = None
) -> Run:
    transport = CountingTransport()
    moment = clock or [START]
    try:
        async with client_on(base_url, transport) as client:
            began = time.perf_counter()
            board = AttentionBoard(
                client,
                store,
                "bench",
                settings=AttentionSettings(
                    concurrency=concurrency, own_authors=frozenset({DEMO_KEY_ID})
                ),
                clock=lambda: moment[0],
            )
            writes = StoreWrites(store)  # the refresh's, not the tables' set-up
            progress = await board.refresh()
            items = board.items()
            seconds = time.perf_counter() - began
    finally:
        del store.transaction  # the class's own again
    return Run(
        seconds,
        transport.requests,
        transport.refused,
        progress.fetched,
        progress.reused,
        len(items),
        writes.count,
        getattr(progress, "concurrency", None),
    )


async def cold_and_warm(base_url: str, concurrency: int, repeats: int) -> tuple[Runs, Runs]:
    cold, warm = Runs(), Runs()
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as folder:
            store = LocalStore.open(Path(folder) / "state.sqlite3")
            cold.runs.append(await run_board(base_url, store, concurrency))
            warm.runs.append(await run_board(base_url, store, concurrency))
            store.close()
    return cold, warm


async def an_hour_of_refreshes(base_url: str, concurrency: int) -> tuple[int, int]:
    """Detail requests over an hour of refreshes every minute, nothing changing (and lists)."""
    with tempfile.TemporaryDirectory() as folder:
        store = LocalStore.open(Path(folder) / "state.sqlite3")
        clock = [START]
        await run_board(base_url, store, concurrency, clock)
        details = lists = 0
        for _ in range(60):
            clock[0] += timedelta(minutes=1)
            run = await run_board(base_url, store, concurrency, clock)
            details += run.fetched
            lists += run.requests - run.fetched
        store.close()
    return details, lists


async def set_faults(base_url: str, spec: str | None) -> None:
    async with httpx.AsyncClient(base_url=base_url) as http:
        if spec:
            (await http.post("/_emulator/faults", json={"spec": spec})).raise_for_status()
        else:
            (await http.delete("/_emulator/faults")).raise_for_status()


async def open_order_count(base_url: str) -> int:
    async with httpx.AsyncClient(base_url=base_url) as http:
        state = (await http.get("/_emulator")).json()
    by_status = state.get("ordersByStatus", {})
    return int(by_status.get("PENDING", 0)) + int(by_status.get("CONFIRMED", 0))


async def run_in_app(base_url: str, folder: Path, concurrency: int) -> Run:
    """The same, in the app (headless): from launch until the attention view is ranked."""
    from textual.message import Message

    from porting_tui.listing.attention_context import LocalState
    from porting_tui.listing.session import Session
    from porting_tui.tui.app import PortingApp
    from porting_tui.tui.widgets.attention_view import AttentionView

    transport = CountingTransport()
    local = LocalState.open(
        "bench-app", DEMO_PROJECT_ID, path=folder / "app.sqlite3", clock=lambda: START
    )
    client = client_on(base_url, transport, on_mutation=local.on_mutation())
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
    ranked_event = asyncio.Event()

    def note_ranking(message: Message) -> None:
        # The view's count once its first refresh has read every open order.
        if isinstance(message, AttentionView.CountChanged) and message.complete and message.count:
            ranked_event.set()

    # Waiting on the view's message, not polling with pilot.pause: that redraws the screen.
    async with app.run_test(size=(120, 40), message_hook=note_ranking):
        await ranked_event.wait()
        view = app.screen.query_one(AttentionView)
        await app.workers.wait_for_complete()
        seconds = time.perf_counter() - began
        progress = view.board.progress
        ranked = len(view.items)
    await client.aclose()
    local.close()
    return Run(
        seconds,
        transport.requests,
        transport.refused,
        progress.fetched,
        progress.reused,
        ranked,
        0,
        getattr(progress, "concurrency", None),
    )


def label(concurrency: int) -> str:
    if not ADAPTS:
        return f"fixed {concurrency} (before)"
    return f"fixed {concurrency}" if concurrency < ADAPTIVE else f"adaptive (max {concurrency})"


def show(latency: int, setting: int, what: str, run: Run) -> None:
    final = "" if run.concurrency is None else str(run.concurrency)
    print(
        f"{latency:>5} ms  {label(setting):19} {what:26} {run.seconds:8.2f} s {run.requests:9,}"
        f" {run.refused:5} {run.fetched:8,} {run.reused:7,} {run.attention:9,} {run.writes:7,}"
        f" {final:>6}",
        flush=True,
    )


async def main(
    count: int = 2000,
    fixed: int = 4,
    *,
    latencies: tuple[int, ...] = (50, 0),
    repeats: int = 3,
    faults: str | None = DEFAULT_FAULTS,
    app: bool = True,
    hour: bool = True,
) -> dict[str, Any]:
    """Print the figures; return the headline ones (adaptive at the first latency)."""
    orders = round(count / OPEN_SHARE)
    settings = (fixed, ADAPTIVE) if fixed != ADAPTIVE else (ADAPTIVE,)
    figures: dict[str, Any] = {"matrix": {}}
    print(f"medians of {repeats} runs; emulator out of process, seeded with {orders:,} orders")
    print(
        f"{'delay':>8}  {'concurrency':19} {'run':26} {'complete':>10} {'requests':>9} "
        f"{'429s':>5} {'fetched':>8} {'reused':>7} {'attention':>9} {'writes':>7} {'final':>6}"
    )
    for latency in latencies:
        with emulator_process(orders, latency) as base_url:
            open_count = await open_order_count(base_url)
            figures["open_orders"] = {"count": open_count}
            print(f"-- {open_count:,} open orders, every answer delayed {latency} ms", flush=True)
            for setting in settings:
                cold, warm = await cold_and_warm(base_url, setting, repeats)
                show(latency, setting, "cold (empty store)", cold.median())
                show(latency, setting, "warm (restart, no change)", warm.median())
                figures["matrix"][(latency, setting)] = {
                    "cold": cold.median().as_dict(),
                    "warm": warm.median().as_dict(),
                }
            if faults:
                await set_faults(base_url, faults)
                for setting in settings:
                    runs = Runs()
                    for _ in range(repeats):
                        with tempfile.TemporaryDirectory() as folder:
                            store = LocalStore.open(Path(folder) / "state.sqlite3")
                            runs.runs.append(await run_board(base_url, store, setting))
                            store.close()
                    show(latency, setting, f"cold, {faults}", runs.median())
                    figures["matrix"][(latency, setting)]["faults"] = runs.median().as_dict()
                await set_faults(base_url, None)
            if app and latency == latencies[0]:
                for setting in settings:
                    with tempfile.TemporaryDirectory() as folder:
                        run = await run_in_app(base_url, Path(folder), setting)
                    show(latency, setting, "in the app, launch→ranked", run)
                    figures["matrix"][(latency, setting)]["app"] = run.as_dict()
            if hour and latency == latencies[-1]:
                for setting in settings:
                    details, lists = await an_hour_of_refreshes(base_url, setting)
                    print(
                        f"{latency:>5} ms  {label(setting):19} an hour of refreshes, nothing "
                        f"changed: {details:,} detail requests ({details / 3600:.2f}/s), "
                        f"{lists:,} list requests",
                        flush=True,
                    )
                    figures["matrix"][(latency, setting)]["hour_details"] = details
    headline = figures["matrix"][(latencies[0], ADAPTIVE)]
    figures.update(
        cold=headline["cold"], warm=headline["warm"], app=headline.get("app", headline["cold"])
    )
    return figures


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("open_orders", nargs="?", type=int, default=2000)
    parser.add_argument("fixed", nargs="?", type=int, default=4, help="the fixed concurrency")
    parser.add_argument("--latency", default="50,0", help="milliseconds, comma-separated")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--faults", default=DEFAULT_FAULTS, help="'' for none")
    parser.add_argument("--no-app", action="store_true")
    parser.add_argument("--no-hour", action="store_true")
    return parser.parse_args()


if __name__ == "__main__":
    args = arguments()
    asyncio.run(
        main(
            args.open_orders,
            args.fixed,
            latencies=tuple(int(ms) for ms in args.latency.split(",")),
            repeats=args.repeats,
            faults=args.faults or None,
            app=not args.no_app,
            hour=not args.no_hour,
        )
    )
