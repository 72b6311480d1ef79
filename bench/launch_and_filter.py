"""Time (a) launch to the first page of orders on screen against a bare floor, and (b) a `/`
keystroke with 10,000 orders loaded. Prints figures; asserts nothing.

(a) starts ``porting-tui emulator`` on a free loopback port, then, alternating, spawns
    - the real app (``porting-tui`` on an env profile) in a pseudo-terminal of 120x40, timed
      from spawn until the first order id of the first page appears in what it draws;
    - the floor: a bare ``python`` that imports textual and httpx and does one list request to
      the same emulator, timed from spawn until it prints its result.
(b) runs the app in-process on an emulator with 10,000 orders, loads every page (timed, with
    the process's resident memory before and after), then types a find text one key at a time,
    timing each key from its event until the order table has drawn the narrowed rows.

Run: .venv/bin/python bench/launch_and_filter.py [runs]
"""

from __future__ import annotations

import asyncio
import os
import pty
import re
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

BIN = Path(sys.executable).parent
START = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
CREDENTIALS = ("demo-key", "demo-secret")
PROJECT = "demo-project"
FIND_TEXT = "summit-1"
XDG_NAMES = ("CONFIG", "DATA", "STATE", "CACHE")
FLOOR_CODE = """
import textual.app, httpx
response = httpx.get({url!r}, params={{"pageSize": "100"}}, auth={auth!r})
print("FLOOR", response.json()["orders"][0]["id"], flush=True)
"""


def start_emulator() -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [str(BIN / "porting-tui"), "emulator", "--port", "0", "--orders", "300", "--speed", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        found = re.search(r"listening on (http://\S+)", line)
        if found:
            return process, found.group(1)
    raise RuntimeError("the emulator did not start")


def until_output(argv: list[str], env: dict[str, str], needle: bytes, use_pty: bool) -> float:
    """Seconds from spawn until ``needle`` shows up in the child's output; then stop it."""
    if use_pty:
        leader, follower = pty.openpty()
        os.set_blocking(leader, False)
        _set_size(follower, 40, 120)
        began = time.perf_counter()
        child = subprocess.Popen(
            argv, env=env, stdin=follower, stdout=follower, stderr=follower, start_new_session=True
        )
        os.close(follower)
        reader = leader
    else:
        began = time.perf_counter()
        child = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        assert child.stdout is not None
        reader = child.stdout.fileno()
    seen = b""
    try:
        while needle not in seen:
            ready, _, _ = select.select([reader], [], [], 30)
            if not ready:
                raise RuntimeError(f"no {needle!r} within 30 s; got {seen[-300:]!r}")
            try:
                chunk = os.read(reader, 65536)
            except BlockingIOError:
                continue
            except OSError:
                chunk = b""
            if not chunk:
                raise RuntimeError(f"output ended before {needle!r}: {seen[-300:]!r}")
            # Keep the tail only: the needle cannot be longer than this.
            seen = seen[-64:] + chunk
        return time.perf_counter() - began
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGTERM) if use_pty else child.terminate()
        child.wait(timeout=10)
        if use_pty:
            os.close(leader)


def _set_size(fd: int, rows: int, columns: int) -> None:
    import fcntl
    import struct
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))


def resident_mb() -> float:
    """This process's resident memory (VmRSS), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def launch_figures(runs: int) -> dict[str, float]:
    emulator, url = start_emulator()
    try:
        api = f"{url}/v1/projects/{PROJECT}/orders/portIns"
        first = httpx.get(api, params={"orderStatus": "PENDING"}, auth=CREDENTIALS).json()
        first_id = str(first["orders"][0]["id"]).encode()
        homes = Path(tempfile.mkdtemp(prefix="porting-tui-bench-"))
        env = {
            **os.environ,
            # The app keeps profiles and its local store here, never in the user's own.
            **{f"XDG_{name}_HOME": str(homes / name.lower()) for name in XDG_NAMES},
            "SINCH_PROJECT_ID": PROJECT,
            "SINCH_KEY_ID": CREDENTIALS[0],
            "SINCH_KEY_SECRET": CREDENTIALS[1],
            "SINCH_PORTING_URL": url,
            "TERM": "xterm-256color",
        }
        app_argv = [str(BIN / "porting-tui")]
        floor_argv = [sys.executable, "-c", FLOOR_CODE.format(url=api, auth=CREDENTIALS)]
        launches, floors = [], []
        for _ in range(runs):
            floors.append(until_output(floor_argv, env, b"FLOOR", use_pty=False))
            launches.append(until_output(app_argv, env, first_id, use_pty=True))
        launch, floor = statistics.median(launches), statistics.median(floors)
        print(f"(a) launch to first page on screen, median of {runs} runs (emulator at {url})")
        print(f"    porting-tui: {launch * 1000:7.0f} ms   (min {min(launches) * 1000:.0f})")
        print(f"    floor:       {floor * 1000:7.0f} ms   (min {min(floors) * 1000:.0f})")
        print(f"    ratio:       {launch / floor:7.2f}x")
        shutil.rmtree(homes, ignore_errors=True)
        return {"launch_ms": launch * 1000, "floor_ms": floor * 1000, "ratio": launch / floor}
    finally:
        emulator.terminate()
        emulator.wait(timeout=10)


async def keystroke_figures() -> dict[str, float]:

    from porting_tui.client import PortingClient
    from porting_tui.emulator import EmulatorSettings, create_emulator
    from porting_tui.listing.session import ListSettings, Session
    from porting_tui.tui.app import PortingApp
    from porting_tui.tui.widgets.order_table import OrderTable

    began = time.perf_counter()
    emulator = create_emulator(EmulatorSettings(orders=10_000, seed=7, speed=0, start=START))
    seeded = time.perf_counter() - began
    client = PortingClient(
        PROJECT,
        key_id=CREDENTIALS[0],
        key_secret=CREDENTIALS[1],
        base_url="http://127.0.0.1:8787",
        transport=httpx.ASGITransport(app=emulator.app),
    )
    folder = Path(tempfile.mkdtemp(prefix="porting-tui-bench-"))
    # The app opens its local store (drafts, seen-state) from the XDG folders: a draft left in
    # the user's own store would open a resume dialog over the list, so keep them throwaway.
    for name in XDG_NAMES:
        os.environ[f"XDG_{name}_HOME"] = str(folder / name.lower())
    session = Session(
        "bench",
        PROJECT,
        "emulator",
        client,
        now=lambda: START,
        settings=ListSettings(page_size=1000),
        views_file=folder / "views.toml",
        downloads_dir=folder,
    )
    # The first line the table draws with the awaited find text marks the key as done.
    awaited: dict[str, str | float] = {"text": "", "at": 0.0}
    drawn = asyncio.Event()
    original = OrderTable.render_line

    def timed_render_line(table: OrderTable, y: int) -> object:
        if not drawn.is_set() and table.find_text == awaited["text"]:
            awaited["at"] = time.perf_counter()
            drawn.set()
        return original(table, y)

    OrderTable.render_line = timed_render_line  # type: ignore[method-assign]
    try:
        return await _type_keys(PortingApp(session), awaited, drawn, seeded)
    finally:
        OrderTable.render_line = original  # type: ignore[method-assign]
        shutil.rmtree(folder, ignore_errors=True)


async def _type_keys(
    app: Any, awaited: dict[str, str | float], drawn: asyncio.Event, seeded: float
) -> dict[str, float]:
    from textual import events

    from porting_tui.tui.screens.order_list.order_list_screen import OrderListScreen

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        screen = app.screen
        assert isinstance(screen, OrderListScreen)
        screen.select_view(2)
        await app.workers.wait_for_complete()
        memory_before = resident_mb()
        load_began = time.perf_counter()
        await pilot.press("L")
        await app.workers.wait_for_complete()
        await pilot.pause()
        load_all = time.perf_counter() - load_began
        memory_after = resident_mb()
        loaded = screen.table.loaded_count
        await pilot.press("slash")
        # The pilot's own key presses wait for the app to go idle; sending straight to the
        # driver (as the pilot does) times only the app's work.
        driver = app._driver
        assert driver is not None
        timings = []
        typed = ""
        shown = 0
        for character in FIND_TEXT * 3:
            typed = typed + character if len(typed) < len(FIND_TEXT) else character
            awaited["text"] = typed.lower()
            drawn.clear()
            sent = time.perf_counter()
            driver.send_message(events.Key(character, character))
            await drawn.wait()
            timings.append((float(awaited["at"]) - sent) * 1000)
            if len(typed) == len(FIND_TEXT):
                shown = len(screen.table.visible_orders)
                await pilot.press("ctrl+u")
                typed = ""
    print(f"(b) '/' keystroke with {loaded} orders loaded (emulator seeded in {seeded:.1f} s)")
    print(f"    {len(timings)} keys typing {FIND_TEXT!r} three times ({shown} rows match it)")
    print(f"    median {statistics.median(timings):6.1f} ms   worst {max(timings):6.1f} ms")
    print(f"(c) loading all {loaded} orders (L, pages of 1000): {load_all:.2f} s")
    print(f"    resident memory {memory_before:.0f} MB before, {memory_after:.0f} MB after")
    return {
        "loaded": loaded,
        "load_all_s": load_all,
        "median_ms": statistics.median(timings),
        "worst_ms": max(timings),
        "memory_before_mb": memory_before,
        "memory_after_mb": memory_after,
    }


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    launch_figures(runs)
    asyncio.run(keystroke_figures())


if __name__ == "__main__":
    main()
