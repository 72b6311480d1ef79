"""Time Insights over a project of 10,000 orders, 2,000 of them in the period; prints figures.

The emulator runs out of process (``porting-tui emulator --latency-ms N``, as in
``attention.py``), seeded with ``orders`` orders. The period is chosen so that about
``--details`` orders were created in it (the latest days holding that many), and Insights are
read for it as ``porting-tui insights`` does: two walks of the order list in pages of 1,000
(the period, every PENDING order), the details of the period's orders at the adaptive
concurrency of Needs attention, the figures computed; then the HTML report is rendered.

* cold: an empty local store (the first run);
* warm: the same store again with nothing changed on the server (details reused).

Run: .venv/bin/python bench/insights.py [orders] [--details 2000] [--latency 50,0]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from attention import START, CountingTransport, client_on, emulator_process

from porting_tui.insights.html_report import render_html
from porting_tui.insights.period import Period
from porting_tui.insights.reader import InsightsReader, InsightsReading
from porting_tui.local.store import LocalStore

PROFILE = "bench"


@dataclass
class Timed:
    seconds: float
    requests: int
    reading: InsightsReading
    report_seconds: float
    report_bytes: int


async def period_with(base_url: str, details: int) -> Period:
    """The latest days in which about ``details`` orders were created (not timed)."""
    transport = CountingTransport()
    async with client_on(base_url, transport) as client:
        created = [row.created_date async for row in client.orders.list(page_size=1000)]
    days = sorted((day for day in created if isinstance(day, date)), reverse=True)
    today = START.date()
    first = days[min(details, len(days)) - 1]
    return Period(first, today)


async def read_once(base_url: str, store: LocalStore, period: Period) -> Timed:
    transport = CountingTransport()
    async with client_on(base_url, transport) as client:
        began = time.perf_counter()
        reading = await InsightsReader(client, store, PROFILE).read(period, today=period.end)
        seconds = time.perf_counter() - began
    began = time.perf_counter()
    html = render_html(reading.insights, project=PROFILE)
    return Timed(seconds, transport.requests, reading, time.perf_counter() - began, len(html))


def show(label: str, timed: Timed) -> None:
    counts = timed.reading.counts
    print(
        f"  {label:<5} {timed.seconds:6.2f} s  requests {timed.requests:5d}"
        f" (list pages {counts.list_pages}, details read {counts.details_read},"
        f" reused {counts.details_reused}, failed {counts.details_failed})"
        f"  HTML report {timed.report_seconds * 1000:.0f} ms, {timed.report_bytes / 1024:.0f} KiB"
    )


def figures(timed: Timed) -> None:
    insights = timed.reading.insights
    every = insights.lead_times_all
    print(
        f"  figures: {insights.orders} orders, {insights.numbers} numbers, "
        f"{len(insights.weeks)} weeks, {len(insights.rejections)} carriers with rejections "
        f"({sum(c.rejected for c in insights.rejections)} numbers), created->FOC median "
        f"{every.to_foc.median} p90 {every.to_foc.p90} (n={every.to_foc.count}), "
        f"{insights.stuck_orders} PENDING"
    )


async def bench(orders: int, details: int, latency_ms: int) -> None:
    with emulator_process(orders, latency_ms) as base_url:
        period = await period_with(base_url, details)
        print(f"{orders} orders, {latency_ms} ms added per request; period {period.describe()}")
        with tempfile.TemporaryDirectory() as folder:
            store = LocalStore.open(Path(folder) / "state.sqlite3")
            try:
                cold = await read_once(base_url, store, period)
                show("cold", cold)
                warm = await read_once(base_url, store, period)
                show("warm", warm)
                figures(warm)
                if warm.reading.insights != cold.reading.insights:
                    print("  WARNING: the warm figures differ from the cold ones")
            finally:
                store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("orders", type=int, nargs="?", default=10_000)
    parser.add_argument("--details", type=int, default=2_000)
    parser.add_argument("--latency", default="50,0", help="milliseconds, comma-separated")
    options = parser.parse_args()
    for latency in (int(value) for value in options.latency.split(",")):
        asyncio.run(bench(options.orders, options.details, latency))


if __name__ == "__main__":
    main()
