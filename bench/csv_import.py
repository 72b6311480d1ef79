"""Time importing, validating and portability-checking a 500-row order CSV; prints figures only.

The CSV has every end-user and port-out column filled per row (as a customer's spreadsheet
would). Phases: read and parse the file into a draft; check the draft the way the wizard does
before each step and build the request body; check portability in batches of 100 against the
emulator, in-process (ASGI) and over loopback HTTP (uvicorn). Each phase is timed once first,
as the first CSV of a session pays for what a process loads once, then several times more, of
which the median is printed beside it.

Run: .venv/bin/python bench/csv_import.py [rows] [repeats]
"""

from __future__ import annotations

import asyncio
import csv
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import httpx
import phonenumbers

from porting_tui.client import PortingClient, order_violations
from porting_tui.domain.csv_import import apply_import, import_order_csv
from porting_tui.domain.draft_checks import step_problems
from porting_tui.domain.draft_fields import Step
from porting_tui.domain.order_draft import OrderDraft, build_new_order
from porting_tui.domain.text_files import read_text_file
from porting_tui.emulator import (
    DEMO_KEY_ID,
    DEMO_KEY_SECRET,
    DEMO_PROJECT_ID,
    EmulatorSettings,
    create_emulator,
)
from porting_tui.emulator.server import serving
from porting_tui.tui.screens.create_order.portability_step import CHECK_BATCH_SIZE

T = TypeVar("T")
START = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
TODAY = START.date()
AREA_CODES = ("212", "312", "415", "617", "713", "305", "404", "206", "303", "602")
EXCHANGES = ("555", "201", "730", "864")
COLUMNS = [
    "phoneNumber",
    "name",
    "streetNum",
    "streetName",
    "streetType",
    "city",
    "state",
    "zipCode",
    "typeOfService",
    "existingPortOutPin",
    "accountNum",
    "authorizingName",
    "authorizingDate",
    "appId",
    "smsAppId",
]


def numbers(count: int) -> list[str]:
    found: list[str] = []
    for npa in AREA_CODES:
        for nxx in EXCHANGES:
            for line in range(100, 10000, 37):
                candidate = f"+1{npa}{nxx}{line:04d}"
                if phonenumbers.is_valid_number(phonenumbers.parse(candidate)):
                    found.append(candidate)
                if len(found) == count:
                    return found
    raise SystemExit(f"only {len(found)} valid test numbers; ask for fewer rows")


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for index, number in enumerate(numbers(rows)):
            writer.writerow(
                [
                    number,
                    f"Customer {index % 7}",
                    str(100 + index),
                    "Main",
                    "St",
                    "Chicago",
                    "IL",
                    "60606",
                    "B",
                    f"{1000 + index}",
                    f"ACC-{index:06d}",
                    "Jane Doe",
                    "2026-11-20",
                    "6afd2da3-1692-4443-834c-8a2f386ec284",
                    "01G65Z755AFWAKHE12NY0CQ9FH",
                ]
            )


def import_file(path: Path) -> OrderDraft:
    imported = import_order_csv(read_text_file(path, "CSV file"), path.name)
    assert not imported.problems, imported.problems[:3]
    draft = OrderDraft()
    apply_import(draft, imported)
    draft.order.update(
        {
            "desiredPortSchedule.desiredPortDate": "2026-11-30",
            "desiredPortSchedule.desiredPortTime": "09:00",
            "desiredPortSchedule.desiredPortTimeZone": "US/Central",
            "customerOrderReference": "BENCH-1",
        }
    )
    return draft


def validate(draft: OrderDraft) -> None:
    for step in (Step.NUMBERS, Step.END_USER, Step.ROUTING, Step.SCHEDULE):
        assert not step_problems(draft, step, TODAY), step
    assert not order_violations(build_new_order(draft), TODAY)


async def check_portability(client: PortingClient, draft: OrderDraft) -> int:
    portable = 0
    for start in range(0, len(draft.numbers), CHECK_BATCH_SIZE):
        results = await client.portability.check(draft.numbers[start : start + CHECK_BATCH_SIZE])
        portable += sum(1 for result in results if result.portable)
    return portable


def client_for(base_url: str, transport: httpx.AsyncBaseTransport | None) -> PortingClient:
    return PortingClient(
        DEMO_PROJECT_ID,
        key_id=DEMO_KEY_ID,
        key_secret=DEMO_KEY_SECRET,
        base_url=base_url,
        transport=transport,
    )


def first_and_median(repeats: int, run: Callable[[], T]) -> tuple[float, float, T]:
    """Seconds of the first run, the median of ``repeats`` more, and the first run's result."""
    began = time.perf_counter()
    result = run()
    first = time.perf_counter() - began
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return first, statistics.median(times), result


async def first_and_median_async(
    repeats: int, run: Callable[[], Awaitable[T]]
) -> tuple[float, float, T]:
    began = time.perf_counter()
    result = await run()
    first = time.perf_counter() - began
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        await run()
        times.append(time.perf_counter() - began)
    return first, statistics.median(times), result


async def main(rows: int, repeats: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "order.csv"
        write_csv(path, rows)
        size = path.stat().st_size
        # The first run pays what a process does once (phonenumbers' metadata for the
        # numbers' regions, compiled patterns): what the first CSV of an app session costs.
        import_first, import_time, draft = first_and_median(repeats, lambda: import_file(path))
    validate_first, validate_time, _ = first_and_median(repeats, lambda: validate(draft))
    emulator = create_emulator(EmulatorSettings(speed=0, start=START))
    async with client_for("http://127.0.0.1:8787", httpx.ASGITransport(app=emulator.app)) as c:
        in_process_first, in_process, portable = await first_and_median_async(
            repeats, lambda: check_portability(c, draft)
        )
    async with serving(emulator) as base_url, client_for(base_url, None) as c:
        loopback_first, loopback, _ = await first_and_median_async(
            repeats, lambda: check_portability(c, draft)
        )
    batches = -(-rows // CHECK_BATCH_SIZE)
    print(
        f"{rows}-row order CSV ({size / 1024:.0f} KB): the first run in this process, and the "
        f"median of {repeats} more"
    )
    total = import_time + validate_time + loopback
    total_first = import_first + validate_first + loopback_first
    lines = [
        ("import (read, parse, into a draft)", import_first, import_time),
        ("validate (step checks, request body)", validate_first, validate_time),
        (f"portability, {batches} batches, in-process", in_process_first, in_process),
        (f"portability, {batches} batches, loopback HTTP", loopback_first, loopback),
        ("total, portability over loopback HTTP", total_first, total),
    ]
    print(f"  {'':42} {'first':>8}    {'median':>8}")
    for label, first, median in lines:
        print(f"  {label:42} {first * 1000:8.1f} ms {median * 1000:8.1f} ms")
    print(f"  {portable} of {rows} numbers portable (the rest must be removed before ordering)")
    return {
        "rows": rows,
        "import_ms": import_time * 1000,
        "validate_ms": validate_time * 1000,
        "portability_ms": loopback * 1000,
        "total_ms": total * 1000,
        "total_first_ms": total_first * 1000,
    }


if __name__ == "__main__":
    arguments = [int(value) for value in sys.argv[1:3]]
    asyncio.run(main(*(arguments + [500, 5][len(arguments) :])))
