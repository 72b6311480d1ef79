"""Data for CLI tests: portable numbers, new orders, and finding orders in a given state."""

from __future__ import annotations

from typing import Any

from porting_tui.client import OrderStatus, PortingClient
from tests.cli.conftest import Cli

PORT_DATE = "2026-03-16"


def portable_numbers(run: Cli, count: int) -> list[str]:
    """``count`` numbers the emulator says are portable and that no order holds."""
    candidates = [f"+1312555{n:04d}" for n in range(100, 160)]
    results = run.api(lambda client: client.portability.check(candidates))
    found = [r.phone_number for r in results if r.portable]
    assert len(found) >= count, "the emulator has too few portable test numbers"
    return found[:count]


def new_order_body(numbers: list[str], reference: str = "CLI-1") -> dict[str, Any]:
    return {
        "customerOrderReference": reference,
        "desiredPortSchedule": {
            "desiredPortDate": PORT_DATE,
            "desiredPortTime": "10:00:00",
            "desiredPortTimeZone": "US/Eastern",
        },
        "phoneNumbers": [
            {
                "phoneNumber": number,
                "endUser": {
                    "name": "Acme Inc",
                    "streetNum": "12",
                    "streetName": "Main",
                    "city": "Chicago",
                    "state": "IL",
                    "zipCode": "60601",
                },
                "portOutInfo": {"existingPortOutPin": "4321", "accountNum": "ACCT-987654"},
            }
            for number in numbers
        ],
    }


def order_id_with_status(run: Cli, status: str = OrderStatus.PENDING) -> int:
    async def first(client: PortingClient) -> int:
        page = await client.orders.list_page(None, 1000, status=status)
        assert page.orders, f"the seeded emulator has no {status} order"
        return page.orders[0].id

    return run.api(first)
