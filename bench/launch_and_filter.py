"""Time (a) launch to the first page of orders on screen, (b) ``L`` (load all) and (c) a `/`
keystroke with 10,000 and 50,000 orders loaded, each against a floor measured in the same run.
Prints figures and ratios; asserts nothing.

(a) starts ``porting-tui emulator`` on a free loopback port, then, alternating, spawns
    - the real app (``porting-tui`` on an env profile) in a pseudo-terminal of 120x40, timed
      from spawn until the first order id of the first page appears in what it draws;
    - the floor: a bare ``python`` that imports textual and httpx and does one list request to
      the same emulator, timed from spawn until it prints its result.
(b) starts an emulator with 10,000 orders (then one with 50,000) as a subprocess on a loopback
    port, runs the app in-process (120x40, headless) on the All view at the list's page size
    (100 for 10,000 orders, 1,000 for 50,000) and times ``L`` from the key until the frame
    showing every order is drawn, median of several runs, with the process's resident memory
    before and after. Its floor, alternating with the app's runs: plain ``httpx`` fetching every
    page from the same emulator one after the other and parsing the JSON (at the list's page
    size, and for 10,000 orders also in pages of 1,000, the pages ``L`` itself asks for).
(c) in the app with everything loaded, types a find text one key at a time, timing each key
    from its event until the frame with the narrowed rows is drawn; the floor is a bare Textual
    app, an ``Input`` over a ``DataTable`` with the same rows (id, status, reference, created,
    counts) that re-fills the table with the rows containing the typed text; and a stricter
    one, the same app putting only the first screenful of those rows into the table.

How each clock stops: the app's ``_display`` (what the screen calls with each composed frame,
after every dirty widget has rendered its lines) is wrapped; the wrapper first turns the frame
into the terminal's bytes as a real terminal run would (headless runs skip that step), then
checks what the frame drew: the tables record, in their ``render_line``, the state they drew
(the find text, the number of loaded orders). The clock stops at the first frame whose table
drew the awaited state, so the time includes the layout, the render of every changed line and
the wait for Textual's next screen update, which a user waits for too.

Run: .venv/bin/python bench/launch_and_filter.py [runs] [--no-launch] [--orders N,...]
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from processes import BIN, START, start_emulator, until_output

CREDENTIALS = ("demo-key", "demo-secret")
PROJECT = "demo-project"
FIND_TEXT = "summit-1"
KEY_ROUNDS = 4
"""How many times each app types FIND_TEXT for (c)."""
SCREEN_ROWS = 40
LOAD_CASES = ((10_000, 100), (50_000, 1000))
"""(orders, the list's page size) for (b) and (c)."""
XDG_NAMES = ("CONFIG", "DATA", "STATE", "CACHE")
FLOOR_CODE = """
import textual.app, httpx
response = httpx.get({url!r}, params={{"pageSize": "100"}}, auth={auth!r})
print("FLOOR", response.json()["orders"][0]["id"], flush=True)
"""


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


async def keystroke_figures(
    cases: tuple[tuple[int, int], ...] = LOAD_CASES, runs: int = 3
) -> dict[str, Any]:
    """(b) and (c) for each (orders, list page size) of ``cases``; the first case's figures
    also under the names ``make bench`` (bench/run_all.py) prints."""
    figures: dict[str, Any] = {}
    for orders, page_size in cases:
        figures[str(orders)] = await _load_and_find(orders, page_size, runs)
    first = figures[str(cases[0][0])]
    figures.update(
        loaded=first["loaded"],
        load_all_s=first["load_all_s"],
        median_ms=first["median_ms"],
        worst_ms=first["worst_ms"],
        memory_before_mb=first["memory_before_mb"],
        memory_after_mb=first["memory_after_mb"],
    )
    return figures


class FrameClock:
    """Times from an action until the first frame drawn after it that shows what was awaited.

    ``marks`` is where the tables write, as they draw a line, the state they draw (see the
    module's docstring); ``ready(marks)`` says whether the frame shows the awaited state.
    """

    def __init__(self, app: Any) -> None:
        from textual._compositor import CompositorUpdate

        self.marks: dict[str, Any] = {}
        self._ready: Callable[[dict[str, Any]], bool] | None = None
        self._stopped_at = 0.0
        self._done = asyncio.Event()
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if isinstance(renderable, CompositorUpdate):
                # What the driver would write to the terminal (headless runs skip it).
                renderable.render_segments(app.console)
            if self._ready is not None and self._ready(self.marks):
                self._stopped_at = time.perf_counter()
                self._ready = None
                self._done.set()

        app._display = display

    async def time(
        self, action: Callable[[], object], ready: Callable[[dict[str, Any]], bool]
    ) -> float:
        """Seconds from ``action()`` until a drawn frame satisfies ``ready``."""
        self.marks.clear()
        self._done.clear()
        self._ready = ready
        began = time.perf_counter()
        action()
        await asyncio.wait_for(self._done.wait(), timeout=300)
        return self._stopped_at - began


def _mark_renders(cls: Any, mark: Callable[[Any, dict[str, Any]], None]) -> Callable[[], None]:
    """Make ``cls.render_line`` call ``mark(widget, clock.marks)``; returns the undo."""
    original = cls.render_line

    def render_line(widget: Any, y: int) -> Any:
        clock = getattr(widget.app, "frame_clock", None)
        if clock is not None:
            mark(widget, clock.marks)
        return original(widget, y)

    cls.render_line = render_line

    def undo() -> None:
        cls.render_line = original

    return undo


async def floor_fetch(api: str, page_size: int) -> tuple[float, list[dict[str, Any]]]:
    """Seconds to fetch every page at ``page_size`` with plain httpx, and the orders."""
    async with httpx.AsyncClient(auth=CREDENTIALS, timeout=60) as client:
        began = time.perf_counter()
        orders: list[dict[str, Any]] = []
        page = 1
        while True:
            params = {"pageSize": str(page_size), "page": str(page)}
            body = (await client.get(api, params=params)).json()
            orders.extend(body["orders"])
            if not body["orders"] or body["page"] >= body["totalPages"]:
                break
            page += 1
        return time.perf_counter() - began, orders


def _key(character: str) -> Any:
    from textual import events
    from textual.keys import _character_to_key

    return events.Key(_character_to_key(character), character)


async def _type_find_text(app: Any, pilot: Any, clock: FrameClock, rounds: int) -> list[float]:
    """Type FIND_TEXT ``rounds`` times (ctrl+u between), timing each key to its frame."""
    # The pilot's own key presses wait for the app to go idle; sending straight to the
    # driver (as the pilot does) times only the app's work.
    driver = app._driver
    assert driver is not None
    timings = []
    for _ in range(rounds):
        typed = ""
        for character in FIND_TEXT:
            typed += character
            expected = typed.lower()
            timings.append(
                1000
                * await clock.time(
                    lambda c=character: driver.send_message(_key(c)),  # type: ignore[misc]
                    lambda marks, e=expected: marks.get("find") == e,  # type: ignore[misc]
                )
            )
            await pilot.pause()
        await pilot.press("ctrl+u")
        await pilot.pause()
    return timings


async def _load_and_find(orders: int, page_size: int, runs: int) -> dict[str, Any]:
    from porting_tui.tui.widgets.order_table import OrderTable

    began = time.perf_counter()
    emulator, url = start_emulator(orders, frozen=True)
    seeded = time.perf_counter() - began
    api = f"{url}/v1/projects/{PROJECT}/orders/portIns"
    folder = Path(tempfile.mkdtemp(prefix="porting-tui-bench-"))
    # The app opens its local store (drafts, seen-state) from the XDG folders: a draft left in
    # the user's own store would open a resume dialog over the list, so keep them throwaway.
    for name in XDG_NAMES:
        os.environ[f"XDG_{name}_HOME"] = str(folder / name.lower())

    def mark_table(table: Any, marks: dict[str, Any]) -> None:
        marks["find"] = table.find_text
        marks["loaded"] = table.loaded_count

    undo = _mark_renders(OrderTable, mark_table)
    try:
        floors: list[float] = []
        floors_1000: list[float] = []
        loads: list[float] = []
        rows: list[dict[str, Any]] = []
        app_figures: dict[str, Any] = {}
        for run in range(runs):
            floor, rows = await floor_fetch(api, page_size)
            floors.append(floor)
            if page_size != 1000:
                floors_1000.append((await floor_fetch(api, 1000))[0])
            last = run == runs - 1
            app_figures = await _app_load_all(url, folder, page_size, orders, keys=last)
            loads.append(app_figures["load_all_s"])
        floor_keys = await _floor_keys(rows)
        # A stricter floor: the same filter, but only a screenful of matches into the table
        # (what a table drawing only the rows on screen needs at the least).
        screen_keys = await _floor_keys(rows, limit=SCREEN_ROWS)
    finally:
        undo()
        emulator.terminate()
        emulator.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)
    load, floor = statistics.median(loads), statistics.median(floors)
    keys, floor_key = app_figures["median_ms"], statistics.median(floor_keys)
    screen_key = statistics.median(screen_keys)
    loaded = app_figures["loaded"]
    print(
        f"(b) L with {orders:,} orders, list page size {page_size} "
        f"(emulator subprocess seeded and started in {seeded:.1f} s), median of {runs}"
    )
    print(f"    porting-tui L:   {load:7.2f} s   (runs {', '.join(f'{s:.2f}' for s in loads)})")
    print(f"    floor, pages of {page_size:<4} {floor:6.2f} s   ratio {load / floor:6.2f}x")
    figures: dict[str, Any] = {"floor_s": floor, "ratio": load / floor}
    if floors_1000:
        floor_1000 = statistics.median(floors_1000)
        print(f"    floor, pages of 1000 {floor_1000:6.2f} s   ratio {load / floor_1000:6.2f}x")
        figures.update(floor_1000_s=floor_1000, ratio_1000=load / floor_1000)
    print(
        f"    resident memory {app_figures['memory_before_mb']:.0f} MB before, "
        f"{app_figures['memory_after_mb']:.0f} MB after ({loaded:,} loaded)"
    )
    print(
        f"(c) '/' keystroke to frame with {loaded:,} orders loaded: {len(app_figures['timings'])} "
        f"keys typing {FIND_TEXT!r} ({app_figures['shown']} rows match it)"
    )
    print(
        f"    porting-tui: median {keys:6.1f} ms   worst {app_figures['worst_ms']:6.1f} ms\n"
        f"    floor:       median {floor_key:6.1f} ms   worst {max(floor_keys):6.1f} ms "
        f"(Input + DataTable re-filled with the matches)   ratio {keys / floor_key:5.2f}x\n"
        f"    floor:       median {screen_key:6.1f} ms   worst {max(screen_keys):6.1f} ms "
        f"(the same, a screenful of matches into the table)   ratio {keys / screen_key:5.2f}x"
    )
    figures.update(
        app_figures,
        load_all_s=load,  # the median, not the last run's (app_figures holds that one)
        floor_key_ms=floor_key,
        key_ratio=keys / floor_key,
        screen_floor_key_ms=screen_key,
        screen_key_ratio=keys / screen_key,
    )
    figures.pop("timings")
    return figures


async def _app_load_all(
    url: str, folder: Path, page_size: int, orders: int, *, keys: bool
) -> dict[str, Any]:
    """One app run: the All view, L timed to the frame with every order; then, if ``keys``,
    the find keystrokes."""
    from porting_tui.client import PortingClient
    from porting_tui.listing.session import ListSettings, Session
    from porting_tui.tui.app import PortingApp
    from porting_tui.tui.screens.order_list.order_list_screen import OrderListScreen

    client = PortingClient(PROJECT, key_id=CREDENTIALS[0], key_secret=CREDENTIALS[1], base_url=url)
    session = Session(
        "bench",
        PROJECT,
        "emulator",
        client,
        now=lambda: START,
        settings=ListSettings(page_size=page_size, start_on="list"),
        views_file=folder / "views.toml",
        downloads_dir=folder,
    )
    app = PortingApp(session)
    figures: dict[str, Any] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        clock = FrameClock(app)
        await pilot.pause()
        await app.workers.wait_for_complete()
        screen = app.screen
        assert isinstance(screen, OrderListScreen)
        screen.select_view(2)  # All
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.frame_clock = clock  # type: ignore[attr-defined]
        figures["memory_before_mb"] = resident_mb()
        assert app._driver is not None
        driver = app._driver
        figures["load_all_s"] = await clock.time(
            lambda: driver.send_message(_key("L")),
            lambda marks: marks.get("loaded") == orders,
        )
        await app.workers.wait_for_complete()
        await pilot.pause()
        figures["memory_after_mb"] = resident_mb()
        figures["loaded"] = screen.table.loaded_count
        if keys:
            await pilot.press("slash")
            await pilot.pause()
            timings = await _type_find_text(app, pilot, clock, KEY_ROUNDS)
            screen.table.set_find(FIND_TEXT)
            figures["shown"] = len(screen.table.visible_orders)
            figures.update(
                timings=timings, median_ms=statistics.median(timings), worst_ms=max(timings)
            )
    return figures


FLOOR_COLUMNS = ("Order", "Status", "Reference", "Created", "#", "Act", "Rej", "Exc")


async def _floor_keys(orders: list[dict[str, Any]], limit: int | None = None) -> list[float]:
    """The keystroke floor: Input + DataTable over the same rows, re-filled on each key with
    the rows containing the text (only the first ``limit`` of them, when given)."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Input

    rows = [
        (
            str(order["id"]),
            str(order.get("status") or ""),
            str(order.get("customerOrderReference") or ""),
            str(order.get("createdDate") or ""),
            *(
                str(order.get(name, 0))
                for name in (
                    "phoneNumberQuantity",
                    "activatedQuantity",
                    "rejectedQuantity",
                    "excludedQuantity",
                )
            ),
        )
        for order in orders
    ]

    class FloorApp(App[None]):
        CSS = "DataTable { height: 1fr; }"

        def __init__(self) -> None:
            super().__init__()
            self.texts = ["\t".join(row[:4]).lower() for row in rows]
            self.find = ""

        def compose(self) -> ComposeResult:
            yield Input()
            yield DataTable(cursor_type="row")

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns(*FLOOR_COLUMNS)
            table.add_rows(rows)
            self.query_one(Input).focus()

        def on_input_changed(self, event: Input.Changed) -> None:
            needle = event.value.strip().lower()
            table = self.query_one(DataTable)
            table.clear()
            matches = [row for row, text in zip(rows, self.texts, strict=True) if needle in text]
            table.add_rows(matches[:limit])
            self.find = needle

    def mark_floor(table: Any, marks: dict[str, Any]) -> None:
        marks["find"] = table.app.find

    undo = _mark_renders(DataTable, mark_floor)
    try:
        app = FloorApp()
        async with app.run_test(size=(120, 40)) as pilot:
            clock = FrameClock(app)
            await pilot.pause()
            app.frame_clock = clock  # type: ignore[attr-defined]
            return await _type_find_text(app, pilot, clock, KEY_ROUNDS)
    finally:
        undo()


def main() -> None:
    arguments = sys.argv[1:]
    runs = int(arguments[0]) if arguments and arguments[0].isdigit() else 5
    cases = LOAD_CASES
    if "--orders" in arguments:
        wanted = {int(n) for n in arguments[arguments.index("--orders") + 1].split(",")}
        cases = tuple(case for case in LOAD_CASES if case[0] in wanted)
    if "--no-launch" not in arguments:
        launch_figures(runs)
    asyncio.run(keystroke_figures(cases))


if __name__ == "__main__":
    main()
