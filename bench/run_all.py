"""``make bench``: run every benchmark, then print the figures of issue 20 in one table.

Each figure is a ratio against a floor measured in the same run where there is one; each
script also runs alone (the table's last column says how). Needs attention runs one point of
its matrix here (50 ms round trip, adaptive concurrency, no fault run, no simulated hour), so
that ``make bench`` stays within a few minutes; ``bench/attention.py`` runs the whole matrix.
Figures are printed, never asserted anywhere.

Run: .venv/bin/python bench/run_all.py
"""

from __future__ import annotations

import asyncio
import os
import platform
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import attention
import cli_startup
import csv_import
import launch
import launch_and_filter
import refresh

PY = ".venv/bin/python"


def machine() -> str:
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.partition(":")[2].strip()
                break
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}, load {load:.1f}"


def heading(text: str) -> None:
    print(f"\n== {text}", flush=True)


def load_rows(keys: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The `L` and `/` rows, one pair per number of orders loaded."""
    rows = []
    for case in ("10000", "50000"):
        figures = keys[case]
        loaded = figures["loaded"]
        rows += [
            (
                f"`L` load all, {loaded:,} orders / fetching the same pages with httpx",
                f"{figures['load_all_s']:.2f} s; floor {figures['floor_s']:.2f} s; "
                f"**{figures['ratio']:.2f}x**",
                f"{PY} bench/launch_and_filter.py --no-launch",
            ),
            (
                f"`/` keystroke to drawn frame, {loaded:,} loaded / Input + DataTable floor",
                f"median {figures['median_ms']:.1f} ms; floor {figures['screen_floor_key_ms']:.1f}"
                f" ms; **{figures['screen_key_ratio']:.2f}x**",
                f"{PY} bench/launch_and_filter.py --no-launch",
            ),
        ]
    return rows


def main() -> None:
    print(f"machine: {machine()}")
    heading("launch to first rows drawn, in a pseudo-terminal (bench/launch.py)")
    launched = launch.main(5)
    heading("the command line (bench/cli_startup.py)")
    cli = cli_startup.main(5)
    # Before the benchmarks that run the app in this process: its first run is then the first
    # CSV of the process, as in a session of the app.
    heading("500-number CSV (bench/csv_import.py)")
    imported = asyncio.run(csv_import.main(500, 5))
    heading("`L` and '/' at 10,000 and 50,000 orders (bench/launch_and_filter.py)")
    keys = asyncio.run(launch_and_filter.keystroke_figures())
    heading("refresh of a 1,000-order view (bench/refresh.py)")
    refreshed = asyncio.run(refresh.main(1000, 10))
    heading("Needs attention on 2,000 open orders, 50 ms round trip (bench/attention.py)")
    ranked = asyncio.run(
        attention.main(
            2000,
            attention.ADAPTIVE,
            latencies=(50,),
            repeats=1,
            faults=None,
            app=False,
            hour=False,
        )
    )
    cold, warm = ranked["cold"], ranked["warm"]
    rows = [
        (
            "Launch to first rows drawn (pty, 120x40) / floor app",
            f"{launched['launch_ms']:.0f} ms; floor {launched['floor_ms']:.0f} ms; "
            f"**{launched['ratio']:.2f}x**",
            f"{PY} bench/launch.py",
        ),
        (
            "`porting-tui --help`",
            f"**{cli['help_ms']:.0f} ms** ({cli['help_ratio']:.1f}x `python -c pass`)",
            f"{PY} bench/cli_startup.py",
        ),
        (
            "`porting-tui orders list --json` / python + httpx.get + print",
            f"{cli['list_ms']:.0f} ms; floor {cli['floor_ms']:.0f} ms; "
            f"**{cli['list_ratio']:.2f}x**",
            f"{PY} bench/cli_startup.py",
        ),
        *load_rows(keys),
        (
            f"Refresh of a {refreshed['loaded']:,}-order view",
            f"{refreshed['total_ms']:.0f} ms in all, UI {refreshed['ui_ms']:.1f} ms; cursor "
            f"kept {refreshed['kept']}/{refreshed['refreshes']}",
            f"{PY} bench/refresh.py",
        ),
        (
            f"{imported['rows']}-number CSV: import + validation + portability (loopback HTTP)",
            f"{imported['total_ms']:.0f} ms ({imported['import_ms']:.0f} + "
            f"{imported['validate_ms']:.0f} + {imported['portability_ms']:.0f}); the first "
            f"in the process {imported['total_first_ms']:.0f} ms",
            f"{PY} bench/csv_import.py",
        ),
        (
            f"Needs attention cold, {ranked['open_orders']['count']:,} open orders, 50 ms",
            f"**{cold['seconds']:.1f} s**, {cold['requests']:,} requests",
            f"{PY} bench/attention.py",
        ),
        (
            "Needs attention, restart with nothing changed, 50 ms",
            f"{warm['seconds']:.1f} s, {warm['requests']:,} requests",
            f"{PY} bench/attention.py",
        ),
    ]
    heading(f"figures ({machine()})")
    print("| Figure | Value | Command |")
    print("| --- | --- | --- |")
    for figure, value, command in rows:
        print(f"| {figure} | {value} | `{command}` |")


if __name__ == "__main__":
    main()
