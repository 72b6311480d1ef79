"""Time launch to the first rows drawn, the app against a floor app. Prints; asserts nothing.

Compiles porting_tui's bytecode first (``python -m compileall -q porting_tui``), starts
``porting-tui emulator`` once on a free loopback port (clock frozen, 300 orders), then spawns,
alternating, each in its own pseudo-terminal of 120x40 and timed from spawn until the first
order id of the first page appears in what the process draws:

- ``porting-tui`` on an env profile (SINCH_* variables, SINCH_PORTING_URL pointing at the
  emulator, XDG folders in a temporary directory);
- the floor: a bare Textual app, a ``DataTable`` filled from one ``httpx`` list request to the
  same emulator (the same page the app shows first: the Pending view), rows drawn.

Median of 7 runs each (``runs`` to change it), with the minimum beside it.

Run: .venv/bin/python bench/launch.py [runs]
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import httpx
from processes import BIN, compile_bytecode, start_emulator, until_output

CREDENTIALS = ("demo-key", "demo-secret")
PROJECT = "demo-project"
XDG_NAMES = ("CONFIG", "DATA", "STATE", "CACHE")
FIRST_PAGE = {"orderStatus": "PENDING", "pageSize": "100"}
FLOOR_CODE = """
import httpx
from textual.app import App
from textual.widgets import DataTable

class Floor(App):
    def compose(self):
        yield DataTable(cursor_type="row")

    async def on_mount(self):
        async with httpx.AsyncClient(auth={auth!r}) as client:
            response = await client.get({url!r}, params={params!r})
        table = self.query_one(DataTable)
        table.add_columns("Order", "Status", "Reference", "Created", "#")
        for order in response.json()["orders"]:
            table.add_row(
                str(order["id"]),
                order.get("status", ""),
                order.get("customerOrderReference") or "",
                order.get("createdDate") or "",
                str(len(order.get("phoneNumbers") or ())),
            )

Floor().run()
"""


def main(runs: int = 7) -> dict[str, float]:
    compile_bytecode()
    emulator, url = start_emulator(frozen=True)
    homes = Path(tempfile.mkdtemp(prefix="porting-tui-bench-"))
    try:
        api = f"{url}/v1/projects/{PROJECT}/orders/portIns"
        first = httpx.get(api, params=FIRST_PAGE, auth=CREDENTIALS).json()
        needle = str(first["orders"][0]["id"]).encode()
        env = {
            **os.environ,
            **{f"XDG_{name}_HOME": str(homes / name.lower()) for name in XDG_NAMES},
            "SINCH_PROJECT_ID": PROJECT,
            "SINCH_KEY_ID": CREDENTIALS[0],
            "SINCH_KEY_SECRET": CREDENTIALS[1],
            "SINCH_PORTING_URL": url,
            "TERM": "xterm-256color",
        }
        app_argv = [str(BIN / "porting-tui")]
        floor_code = FLOOR_CODE.format(url=api, auth=CREDENTIALS, params=FIRST_PAGE)
        floor_argv = [sys.executable, "-c", floor_code]
        # One of each unmeasured, so that neither pays for a cold disk cache.
        until_output(floor_argv, env, needle, use_pty=True)
        until_output(app_argv, env, needle, use_pty=True)
        launches: list[float] = []
        floors: list[float] = []
        for _ in range(runs):
            floors.append(until_output(floor_argv, env, needle, use_pty=True))
            launches.append(until_output(app_argv, env, needle, use_pty=True))
    finally:
        emulator.terminate()
        emulator.wait(timeout=10)
        shutil.rmtree(homes, ignore_errors=True)
    launch, floor = statistics.median(launches), statistics.median(floors)
    print(f"Launch to the first rows drawn (pty 120x40), median of {runs} alternating runs")
    print(f"(bytecode compiled first; emulator at {url}, first page of the Pending view)")
    for name, values in (("porting-tui", launches), ("floor (DataTable + httpx)", floors)):
        median = statistics.median(values)
        print(f"    {name:26} {median * 1000:6.0f} ms  (min {min(values) * 1000:.0f})")
    print(f"    {'ratio':26} {launch / floor:6.2f}x")
    return {"launch_ms": launch * 1000, "floor_ms": floor * 1000, "ratio": launch / floor}


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
