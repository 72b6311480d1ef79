"""Time Needs attention across three projects of about 2,000 open orders each; prints figures.

Each project is an emulator in a process of its own (``porting-tui emulator --port 0 --speed 0
--seed S``), with ``--latency-ms`` added to every answer. The app side builds the board across
projects as ``porting-tui attention --all`` does (one client, board and known reasons per
project, one local store) and refreshes the three side by side:

* cold: an empty local store (the first start): every order's details are read;
* warm: a restart with nothing changed: the store opened again, new clients and boards, and a
  refresh that lists the open orders and reads no details again. The goal is under 1 s.

Request counts are per project (lists and details); the time is from opening the store to the
merged ranking.

Run: .venv/bin/python bench/all_projects.py [open_orders_per_project] [--latency 0]
     [--repeats 3]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

import processes
from attention import OPEN_SHARE, START, START_TEXT, CountingTransport

from porting_tui.attention.all_projects_board import AllProjectsBoard, Project
from porting_tui.attention.board import AttentionBoard
from porting_tui.attention.known_reasons import KnownReasons
from porting_tui.attention.settings import OPEN_STATUSES, AttentionSettings
from porting_tui.client import PortingClient
from porting_tui.emulator import DEMO_KEY_ID, DEMO_KEY_SECRET, DEMO_PROJECT_ID
from porting_tui.local.store import LocalStore

PROJECTS = (("acme", 7), ("globex", 11), ("initech", 23))


@dataclass
class Round:
    seconds: float
    requests: dict[str, int]
    details: dict[str, int]
    open_orders: dict[str, int]
    ranked: int
    errors: int


class DetailCounting(CountingTransport):
    """Counts every request, and the detail reads (GET of one order) apart."""

    def __init__(self) -> None:
        super().__init__()
        self.details = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.details += request.url.path.rstrip("/").split("/")[-1].isdigit()
        return await super().handle_async_request(request)


async def one_round(urls: dict[str, str], store_path: Path) -> Round:
    """Open the store, a client and board per project, refresh them all, rank; then close."""
    began = time.perf_counter()
    store = LocalStore.open(store_path)
    transports = {name: DetailCounting() for name in urls}
    clients = {
        name: PortingClient(
            DEMO_PROJECT_ID,
            key_id=DEMO_KEY_ID,
            key_secret=DEMO_KEY_SECRET,
            base_url=url,
            transport=transports[name],
        )
        for name, url in urls.items()
    }
    settings = AttentionSettings(own_authors=frozenset({DEMO_KEY_ID}))
    board = AllProjectsBoard(
        [
            Project(
                name,
                AttentionBoard(clients[name], store, name, settings=settings, clock=lambda: START),
                KnownReasons(store, name),
            )
            for name in urls
        ]
    )
    try:
        await board.refresh()
        ranked = board.ranked()
        seconds = time.perf_counter() - began
    finally:
        for client in clients.values():
            await client.aclose()
        store.close()
    return Round(
        seconds,
        {name: t.requests for name, t in transports.items()},
        {name: t.details for name, t in transports.items()},
        {p.name: len(p.board.rows) for p in board.projects if p.board is not None},
        len(ranked),
        len(board.failed()),
    )


def start_emulator(orders: int, latency_ms: int, seed: int) -> tuple[subprocess.Popen[str], str]:
    """``porting-tui emulator`` on a free loopback port, its clock frozen at START."""
    options = ["--seed", str(seed), "--start", START_TEXT, "--latency-ms", str(latency_ms)]
    return processes.start_emulator(orders, options=options)


@contextlib.contextmanager
def emulators(
    orders: int, latency_ms: int, projects: tuple[tuple[str, int], ...] = PROJECTS
) -> Iterator[dict[str, str]]:
    """One emulator process per project (seeds differ); yields their base URLs by name."""
    processes: list[subprocess.Popen[str]] = []
    try:
        urls = {}
        for name, seed in projects:
            process, urls[name] = start_emulator(orders, latency_ms, seed)
            processes.append(process)
        yield urls
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


def show(what: str, runs: list[Round]) -> None:
    middle = sorted(runs, key=lambda run: run.seconds)[len(runs) // 2]
    times = ", ".join(f"{run.seconds:.2f}" for run in runs)
    requests = " + ".join(
        f"{name} {middle.requests[name]} ({middle.details[name]} details)"
        for name in middle.requests
    )
    print(
        f"{what:<34} median {statistics.median(r.seconds for r in runs):6.2f} s  [{times}]  "
        f"requests: {requests}; ranked {middle.ranked}, failed projects {middle.errors}"
    )


async def count_open(url: str) -> int:
    async with PortingClient(
        DEMO_PROJECT_ID, key_id=DEMO_KEY_ID, key_secret=DEMO_KEY_SECRET, base_url=url
    ) as client:
        count = 0
        for status in OPEN_STATUSES:
            count += len([row async for row in client.orders.list(status=status, page_size=1000)])
        return count


async def seeded_for(open_orders: int) -> int:
    """How many orders to seed for about ``open_orders`` open ones: the open share of the
    emulator's seeded world, measured on one emulator (it changes as the world does)."""
    guess = round(open_orders / OPEN_SHARE)
    with emulators(guess, 0, PROJECTS[:1]) as urls:
        share = await count_open(urls[PROJECTS[0][0]]) / guess
    return round(open_orders / share)


async def main(open_orders: int, latency_ms: int, repeats: int) -> None:
    orders = await seeded_for(open_orders)
    print(
        f"3 projects x {orders:,} seeded orders (about {open_orders:,} open each), "
        f"{latency_ms} ms added per answer, emulators out of process"
    )
    with emulators(orders, latency_ms) as urls:
        cold: list[Round] = []
        warm: list[Round] = []
        for _ in range(repeats):
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "state.sqlite3"
                cold.append(await one_round(urls, path))
                warm.append(await one_round(urls, path))
        opened = ", ".join(f"{name} {count:,}" for name, count in cold[0].open_orders.items())
        print(f"open orders: {opened}")
        show("cold (empty store)", cold)
        show("warm restart, nothing changed", warm)
        best = statistics.median(run.seconds for run in warm)
        verdict = "met" if best < 1.0 else "NOT met"
        print(f"warm restart: {best:.2f} s (goal under 1 s: {verdict})")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("open_orders", nargs="?", type=int, default=2000)
    parser.add_argument("--latency", type=int, default=0, help="ms added to every answer")
    parser.add_argument("--repeats", type=int, default=3)
    return parser.parse_args()


if __name__ == "__main__":
    options = arguments()
    asyncio.run(main(options.open_orders, options.latency, options.repeats))
