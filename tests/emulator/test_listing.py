"""Every list filter of the contract, alone and combined; newest orders first."""

from __future__ import annotations

import httpx
import pytest

from porting_tui.emulator import Emulator
from tests.contract.validator import query_parameters
from tests.emulator.conftest import checked, order_body, portable_number

# Orders: A (03-11, ACME-1, FOC 03-18), B (03-12, ACME-2, FOC 03-20), C (03-13, ACME-1, cancelled).
FILTER_CASES: list[tuple[dict[str, str], str]] = [
    ({"orderId": "A"}, "A"),
    ({"orderStatus": "CONFIRMED"}, "BA"),
    ({"orderStatus": "CANCELED"}, "C"),
    ({"orderStatus": "PENDING"}, ""),
    ({"customerOrderReference": "ACME-1"}, "CA"),
    ({"customerOrderReference": "acme-1"}, ""),
    ({"createdDateStart": "2025-03-12T15:00:00Z"}, "CB"),
    ({"createdDateStart": "2025-03-12T15:00:00.001Z"}, "C"),
    ({"createdDateEnd": "2025-03-12T15:00:00.000Z"}, "BA"),
    ({"createdDateEnd": "2025-03-12"}, "BA"),
    ({"createdDateStart": "2025-03-12", "createdDateEnd": "2025-03-12T23:59:59Z"}, "B"),
    ({"createdDateStart": "2025-03-12T11:00:00-04:00"}, "CB"),
    ({"phoneNumber": "B"}, "B"),
    ({"focStartDate": "2025-03-19T00:00:00Z"}, "B"),
    ({"focEndDate": "2025-03-19T00:00:00Z"}, "A"),
    ({"focStartDate": "2025-03-18T13:00:00Z", "focEndDate": "2025-03-18T13:00:00Z"}, "A"),
    ({"orderStatus": "CONFIRMED", "customerOrderReference": "ACME-1"}, "A"),
    ({"pageSize": "1", "page": "2"}, "B"),
]


@pytest.fixture
async def orders(api: httpx.AsyncClient, emulator: Emulator) -> dict[str, str]:
    """Three orders a day apart; returns letter -> id and number per letter."""
    known: dict[str, str] = {}
    specs = [
        ("A", "ACME-1", "2025-03-18", portable_number(wireless=False, punctual=True)),
        ("B", "ACME-2", "2025-03-20", portable_number(wireless=True, punctual=True)),
        ("C", "ACME-1", "2025-03-20", portable_number()),
    ]
    for letter, reference, date, phone in specs:
        body = order_body(phone, date=date, customerOrderReference=reference)
        known[letter] = str(checked(await api.post("/orders/portIns", json=body), 201)["id"])
        known["phone" + letter] = phone
        if letter != "C":
            emulator.advance(86400)
    assert (await api.delete(f"/orders/portIns/{known['C']}")).status_code == 200
    emulator.advance(5 * 3600)
    return known


def test_the_cases_cover_every_documented_query_parameter() -> None:
    used = {name for params, _ in FILTER_CASES for name in params}
    assert used == set(query_parameters("GET", "/orders/portIns"))


@pytest.mark.parametrize(("params", "expected"), FILTER_CASES)
async def test_list_filter(
    api: httpx.AsyncClient, orders: dict[str, str], params: dict[str, str], expected: str
) -> None:
    query = dict(params)
    if query.get("orderId") in orders:
        query["orderId"] = orders[query["orderId"]]
    if query.get("phoneNumber") in orders:
        query["phoneNumber"] = orders["phone" + query["phoneNumber"]]
    page = checked(await api.get("/orders/portIns", params=query), 200)
    ids = [str(row["id"]) for row in page["orders"]]
    assert ids == [orders[letter] for letter in expected]


@pytest.mark.parametrize("form", ["{}", "{digits}", "{ten}", " {digits}", "+1 ({npa}) {rest}"])
async def test_phone_filter_accepts_the_usual_ways_of_writing_a_number(
    api: httpx.AsyncClient, orders: dict[str, str], form: str
) -> None:
    phone = orders["phoneB"]
    written = form.format(phone, digits=phone[1:], ten=phone[2:], npa=phone[2:5], rest=phone[5:])
    page = checked(await api.get("/orders/portIns", params={"phoneNumber": written}), 200)
    assert [str(row["id"]) for row in page["orders"]] == [orders["B"]]


async def test_an_unencoded_plus_in_the_query_string_still_finds_the_number(
    api: httpx.AsyncClient, orders: dict[str, str]
) -> None:
    raw = f"/orders/portIns?phoneNumber={orders['phoneB']}"
    assert "+" in raw
    page = checked(await api.get(raw), 200)
    assert page["totalItems"] == 1
