"""``make bench``: run every benchmark, then print their figures in one table with the machine.

Each script also runs alone (the table's last column says how); figures are printed, never
asserted anywhere.

Run: .venv/bin/python bench/run_all.py
"""

from __future__ import annotations

import asyncio
import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import attention
import csv_import
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
    return f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}"


def heading(text: str) -> None:
    print(f"\n== {text}", flush=True)


def main() -> None:
    print(f"machine: {machine()}")
    heading("launch and '/' keystrokes (bench/launch_and_filter.py)")
    launch = launch_and_filter.launch_figures(5)
    keys = asyncio.run(launch_and_filter.keystroke_figures())
    heading("refresh of a 1,000-order view (bench/refresh.py)")
    refreshed = asyncio.run(refresh.main(1000, 10))
    heading("500-number CSV (bench/csv_import.py)")
    imported = asyncio.run(csv_import.main(500, 5))
    heading("Needs attention on 2,000 open orders (bench/attention.py)")
    ranked = asyncio.run(attention.main(2000, 4))
    cold, warm, app = ranked["cold"], ranked["warm"], ranked["app"]
    growth = keys["memory_after_mb"] - keys["memory_before_mb"]
    rows = [
        (
            "Launch to the first page of orders on screen",
            f"{launch['launch_ms']:.0f} ms; floor {launch['floor_ms']:.0f} ms; "
            f"ratio {launch['ratio']:.2f}x",
            f"{PY} bench/launch_and_filter.py",
        ),
        (
            f"Load all {keys['loaded']:,} orders (pages of 1,000, L)",
            f"{keys['load_all_s']:.2f} s",
            f"{PY} bench/launch_and_filter.py",
        ),
        (
            f"`/` keystroke with {keys['loaded']:,} orders loaded",
            f"median {keys['median_ms']:.1f} ms, worst {keys['worst_ms']:.1f} ms",
            f"{PY} bench/launch_and_filter.py",
        ),
        (
            f"Memory with {keys['loaded']:,} orders loaded (RSS, emulator in the same process)",
            f"{keys['memory_after_mb']:.0f} MB; +{growth:.0f} MB while loading",
            f"{PY} bench/launch_and_filter.py",
        ),
        (
            f"Refresh of a {refreshed['loaded']:,}-order view",
            f"{refreshed['total_ms']:.0f} ms in all, UI {refreshed['ui_ms']:.1f} ms; cursor "
            f"kept {refreshed['kept']}/{refreshed['refreshes']}",
            f"{PY} bench/refresh.py",
        ),
        (
            f"{imported['rows']}-number CSV: import + validation + portability (loopback HTTP)",
            f"{imported['total_ms']:.0f} ms ({imported['import_ms']:.0f} + "
            f"{imported['validate_ms']:.0f} + {imported['portability_ms']:.0f})",
            f"{PY} bench/csv_import.py",
        ),
        (
            f"Needs attention, {ranked['open_orders']['count']:,} open orders, cold",
            f"{cold['seconds']:.1f} s, {cold['requests']:,} requests",
            f"{PY} bench/attention.py",
        ),
        (
            "Needs attention, restart with nothing changed",
            f"{warm['seconds']:.1f} s, {warm['requests']:,} requests",
            f"{PY} bench/attention.py",
        ),
        (
            "Needs attention in the app, launch to ranked (cold)",
            f"{app['seconds']:.1f} s, {app['requests']:,} requests",
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
