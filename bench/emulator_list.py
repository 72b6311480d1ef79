"""Time the emulator's order list with 10,000 seeded orders; prints figures, asserts nothing.

Run: .venv/bin/python bench/emulator_list.py [orders]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from datetime import UTC, datetime

import httpx

from porting_tui.emulator import EmulatorSettings, create_emulator

START = datetime(2025, 3, 11, 15, 0, tzinfo=UTC)
API = "http://127.0.0.1:8787/v1/projects/demo-project"
REPEATS = 20


async def main(orders: int) -> None:
    began = time.perf_counter()
    emulator = create_emulator(EmulatorSettings(orders=orders, seed=1, speed=0, start=START))
    print(f"seeding {orders} orders: {time.perf_counter() - began:.2f} s")
    some_order = next(iter(emulator.store.orders.values()))
    cases = {
        "page 1 of 100": {"pageSize": "100"},
        "page 50 of 100": {"pageSize": "100", "page": "50"},
        "page of 1000": {"pageSize": "1000"},
        "orderStatus=PENDING": {"orderStatus": "PENDING"},
        "orderStatus=COMPLETED": {"orderStatus": "COMPLETED"},
        "created in February": {
            "createdDateStart": "2025-02-01T00:00:00Z",
            "createdDateEnd": "2025-02-28T23:59:59Z",
        },
        "FOC next week": {
            "focStartDate": "2025-03-17T00:00:00Z",
            "focEndDate": "2025-03-21T23:59:59Z",
        },
        "phoneNumber": {"phoneNumber": some_order.numbers[0].phone_number},
        "customerOrderReference": {"customerOrderReference": some_order.customer_order_reference},
    }
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=emulator.app),
        base_url=API,
        auth=("demo-key", "demo-secret"),
    ) as api:
        print(f"{'GET /orders/portIns':28} {'median ms':>10} {'max ms':>8} {'items':>7}")
        for name, params in cases.items():
            timings = []
            for _ in range(REPEATS):
                began = time.perf_counter()
                response = await api.get("/orders/portIns", params=params)
                timings.append((time.perf_counter() - began) * 1000)
            total = response.json()["totalItems"]
            print(f"{name:28} {statistics.median(timings):10.2f} {max(timings):8.2f} {total:7}")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
