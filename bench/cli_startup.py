"""Time the scripting command line from spawn to exit, against floors. Prints; asserts nothing.

Compiles porting_tui's bytecode first (``python -m compileall -q porting_tui``), so no run pays
for compiling, then starts ``porting-tui emulator`` once on a free loopback port (clock
frozen) and times, alternating, median of 9 runs each:

- ``python -c pass``: the interpreter's own start;
- ``porting-tui --version`` and ``porting-tui --help``;
- ``porting-tui orders list --json`` on an env profile (SINCH_* variables, SINCH_PORTING_URL
  pointing at the emulator, XDG folders in a temporary directory);
- its floor: a bare ``python`` that imports httpx, fetches the same page with the same HTTP
  Basic credentials (the emulator's demo key) and prints the body.

Every child's output is read through a pipe, as a script reading the command would.

Run: .venv/bin/python bench/cli_startup.py [runs]
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from processes import BIN, compile_bytecode, start_emulator

CREDENTIALS = ("demo-key", "demo-secret")
PROJECT = "demo-project"
XDG_NAMES = ("CONFIG", "DATA", "STATE", "CACHE")
FLOOR_CODE = "import httpx,sys; r=httpx.get({url!r}, auth={auth!r}); print(r.text)"


def run(argv: list[str], env: dict[str, str]) -> tuple[float, bytes]:
    """Seconds from spawn to exit, and the output; the run must succeed."""
    began = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"{argv} failed ({done.returncode}): {done.stderr[-500:]!r}")
    return elapsed, done.stdout


def same_orders(cli_output: bytes, floor_output: bytes) -> None:
    """The command and the floor must print the same page, or the comparison means nothing."""
    listed = [json.loads(line)["id"] for line in cli_output.splitlines()]
    fetched = [order["id"] for order in json.loads(floor_output)["orders"]]
    if not listed or listed != fetched:
        raise RuntimeError(f"different pages: {listed[:3]}... vs {fetched[:3]}...")


def main(runs: int = 9) -> dict[str, float]:
    compile_bytecode()
    emulator, url = start_emulator()
    homes = Path(tempfile.mkdtemp(prefix="porting-tui-bench-"))
    try:
        env = {
            **os.environ,
            # Profiles, the local store and crash reports go here, never to the user's own.
            **{f"XDG_{name}_HOME": str(homes / name.lower()) for name in XDG_NAMES},
            "SINCH_PROJECT_ID": PROJECT,
            "SINCH_KEY_ID": CREDENTIALS[0],
            "SINCH_KEY_SECRET": CREDENTIALS[1],
            "SINCH_PORTING_URL": url,
        }
        page = f"{url}/v1/projects/{PROJECT}/orders/portIns"
        tui = str(BIN / "porting-tui")
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "porting-tui --version": [tui, "--version"],
            "porting-tui --help": [tui, "--help"],
            "porting-tui orders list --json": [tui, "orders", "list", "--json"],
            "floor: python + httpx.get + print": [
                sys.executable,
                "-c",
                FLOOR_CODE.format(url=page, auth=CREDENTIALS),
            ],
        }
        floor_name, list_name = (
            "floor: python + httpx.get + print",
            "porting-tui orders list --json",
        )
        same_orders(run(commands[list_name], env)[1], run(commands[floor_name], env)[1])
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, argv in commands.items():
                times[name].append(run(argv, env)[0])
    finally:
        emulator.terminate()
        emulator.wait(timeout=10)
        shutil.rmtree(homes, ignore_errors=True)
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"CLI start to exit, median of {runs} alternating runs (bytecode compiled first;")
    print(f"emulator at {url}, 300 orders, first page of 100)")
    for name, value in medians.items():
        print(f"    {name:36} {value * 1000:7.1f} ms   (min {min(times[name]) * 1000:.1f})")
    bare = medians["python -c pass"]
    floor = medians[floor_name]
    figures = {
        "pass_ms": bare * 1000,
        "version_ms": medians["porting-tui --version"] * 1000,
        "help_ms": medians["porting-tui --help"] * 1000,
        "list_ms": medians[list_name] * 1000,
        "floor_ms": floor * 1000,
    }
    figures["help_ratio"] = figures["help_ms"] / figures["pass_ms"]
    figures["list_ratio"] = figures["list_ms"] / figures["floor_ms"]
    print(f"    --help:            {figures['help_ratio']:5.1f}x python -c pass")
    print(f"    orders list --json: {figures['list_ratio']:4.2f}x the floor")
    return figures


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
