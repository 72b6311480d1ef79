"""The losing carriers' rejection rules that follow the app's pre-flight warnings.

Each rule: the number it concerns is rejected with its reason (and Sinch's note says what
to do), and the same order without the problem is confirmed. START is Tuesday 2025-03-11,
11:00 in New York; order_body's numbers are confirmed as they are (New York address, PIN,
an account number of their own, port date a week ahead).
"""

from __future__ import annotations

from typing import Any

import httpx

from porting_tui.emulator import Emulator
from porting_tui.emulator.carriers import number_facts
from porting_tui.emulator.places import (
    SEEDED_NPA_REGIONS,
    geocoded_region,
    npa_region,
    zip_in_region,
)
from porting_tui.emulator.rules import ALL_REJECTIONS, BATCH_LIMITS
from tests.emulator.conftest import order_body, portable_number
from tests.emulator.test_lifecycle import HOUR, create, get

TORONTO = {"city": "Toronto", "state": "ON", "zipCode": "M5V 2T6"}
CHICAGO = {"city": "Chicago", "state": "IL", "zipCode": "60601"}


async def answered(
    api: httpx.AsyncClient, emulator: Emulator, body: dict[str, Any]
) -> list[tuple[str, str | None]]:
    """(status, rejectReason) of each number once the carriers answered the new order."""
    order_id = await create(api, body)
    emulator.advance(4 * HOUR)
    order = await get(api, order_id)
    return [(n["status"], n.get("rejectReason")) for n in order["phoneNumbers"]]


def newest_order(emulator: Emulator) -> int:
    """The id of the newest order."""
    return max(emulator.store.orders)


async def sinch_note(api: httpx.AsyncClient, order_id: int) -> str:
    notes = (await get(api, order_id))["notes"]
    texts = [note["note"] for note in notes if note["createdBy"] == "Sinch Porting"]
    assert texts, "Sinch added no note"
    return str(texts[-1])


def one_carrier_numbers(count: int, *, wireless: bool, npa: str = "212") -> list[str]:
    """``count`` portable numbers of one exchange, so of one losing carrier."""
    for nxx in range(300, 1000):
        first = number_facts(f"+1{npa}{nxx}2001")
        if first.portable and first.carrier is not None and first.carrier.wireless == wireless:
            return [f"+1{npa}{nxx}{2001 + i:04d}" for i in range(count)]
    raise AssertionError("no exchange found")


def end_user(body: dict[str, Any], index: int = 0, **fields: str) -> None:
    item = body["phoneNumbers"][index]
    item["endUser"] = {**item["endUser"], **fields}


def port_out(body: dict[str, Any], index: int = 0, **fields: str | None) -> None:
    item = body["phoneNumbers"][index]
    merged = {**item["portOutInfo"], **fields}
    item["portOutInfo"] = {key: value for key, value in merged.items() if value is not None}


CONFIRMED = ("CONFIRMED", None)


def rejected(reason: str) -> tuple[str, str]:
    return ("REJECTED", reason)


# -- 2. Wireless numbers need an account number


async def test_a_wireless_number_without_account_number_is_rejected(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    body = order_body(portable_number(wireless=True))
    port_out(body, accountNum=None)
    order_id = await create(api, body)
    emulator.advance(HOUR)
    number = (await get(api, order_id))["phoneNumbers"][0]
    assert number["rejectReason"] == "Account number required by the losing carrier"
    note = await sinch_note(api, order_id)
    assert "requires the account number for wireless numbers" in note

    assert await answered(api, emulator, order_body(portable_number(wireless=True))) == [CONFIRMED]


async def test_a_wireline_number_needs_no_account_number(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    body = order_body(portable_number(wireless=False))
    port_out(body, accountNum=None, existingPortOutPin=None)
    assert await answered(api, emulator, body) == [CONFIRMED]


# -- 3. The service address is in the number's country


async def test_an_address_in_the_other_country_is_rejected(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    reason = "Service address is not in the number's country"
    canadian_in_new_york = order_body(portable_number(npa="416"))
    assert await answered(api, emulator, canadian_in_new_york) == [rejected(reason)]
    american_in_toronto = order_body(portable_number())
    end_user(american_in_toronto, **TORONTO)
    assert await answered(api, emulator, american_in_toronto) == [rejected(reason)]

    canadian_in_toronto = order_body(portable_number(npa="416"))
    end_user(canadian_in_toronto, **TORONTO)
    assert await answered(api, emulator, canadian_in_toronto) == [CONFIRMED]


# -- 4. A wireline number's address is in its area code's state or province


async def test_a_wireline_address_outside_the_area_codes_state_is_rejected(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    chicago_line_in_new_york = order_body(portable_number(wireless=False, npa="312"))
    assert await answered(api, emulator, chicago_line_in_new_york) == [
        rejected("Service address is outside the number's rate center area")
    ]

    chicago_line_in_chicago = order_body(portable_number(wireless=False, npa="312"))
    end_user(chicago_line_in_chicago, **CHICAGO)
    assert await answered(api, emulator, chicago_line_in_chicago) == [CONFIRMED]
    # A wireless number's address is a billing address: it may be anywhere in the country.
    chicago_mobile_in_new_york = order_body(portable_number(wireless=True, npa="312"))
    assert await answered(api, emulator, chicago_mobile_in_new_york) == [CONFIRMED]


def test_the_seeded_area_codes_are_placed_as_the_geocoder_places_them() -> None:
    assert SEEDED_NPA_REGIONS
    for npa, region in SEEDED_NPA_REGIONS.items():
        assert geocoded_region(npa) == region, npa


def test_area_codes_are_placed_in_one_state_or_province_when_they_can_be() -> None:
    assert geocoded_region("312") == "IL"  # "Chicago, IL"
    assert geocoded_region("217") == "IL"  # "Illinois"
    assert geocoded_region("416") == "ON"
    assert geocoded_region("202") == "DC"  # "Washington D.C."
    assert geocoded_region("206") == "WA"  # "Washington State"
    assert geocoded_region("902") is None  # "Nova Scotia/Prince Edward Island"
    assert geocoded_region("800") is None  # toll-free: nowhere
    assert npa_region("847") == "IL" and npa_region("212") == "NY"


# -- 5. A US ZIP code belongs to the address's state


async def test_a_zip_code_of_another_state_is_an_address_mismatch(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    body = order_body(portable_number())
    end_user(body, zipCode="60601")
    assert await answered(api, emulator, body) == [
        rejected("Address mismatch: ZIP code does not match the losing carrier's records")
    ]
    body = order_body(portable_number())
    end_user(body, zipCode="14201-1234")  # Buffalo, NY with ZIP+4
    assert await answered(api, emulator, body) == [CONFIRMED]


def test_zip_prefixes_follow_the_usps_table() -> None:
    assert zip_in_region("10001", "NY") and zip_in_region("06390", "NY")  # Fishers Island
    assert zip_in_region("60601", "NY") is False
    assert zip_in_region("73301", "TX") and zip_in_region("73101", "TX") is False
    assert zip_in_region("M5V 2T6", "ON") is None  # postal codes are not ZIP codes
    assert zip_in_region("1000", "NY") is None


# -- 6. A number is in one open order at a time


async def test_a_number_in_another_open_order_is_rejected(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    phone = portable_number(wireless=False)
    first = await create(api, order_body(phone))
    emulator.advance(4 * HOUR)
    assert (await get(api, first))["status"] == "CONFIRMED"
    second = await create(api, order_body(phone))
    emulator.advance(4 * HOUR)
    number = (await get(api, second))["phoneNumbers"][0]
    assert number["rejectReason"] == f"Number is in another open order ({first}) at Sinch"
    assert "Please cancel one of the two orders" in await sinch_note(api, second)
    assert (await get(api, first))["phoneNumbers"][0]["status"] == "CONFIRMED"

    # The first order is confirmed, so the second one gives way: another number instead.
    third = portable_number(wireless=False)
    assert (await api.put(f"/orders/portIns/{second}", json=order_body(third))).status_code == 200
    emulator.advance(4 * HOUR)
    assert [n["status"] for n in (await get(api, second))["phoneNumbers"]] == ["CONFIRMED"]


async def test_two_new_orders_with_one_number_are_both_rejected(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    phone = portable_number()
    first = await create(api, order_body(phone))
    second = await create(api, order_body(phone))
    emulator.advance(4 * HOUR)
    assert (await get(api, first))["phoneNumbers"][0]["rejectReason"] == (
        f"Number is in another open order ({second}) at Sinch"
    )
    assert (await get(api, second))["phoneNumbers"][0]["rejectReason"] == (
        f"Number is in another open order ({first}) at Sinch"
    )
    # Cancelling one lets the other through once it is resubmitted.
    assert (await api.delete(f"/orders/portIns/{second}")).status_code == 200
    emulator.advance(HOUR)
    assert (await api.put(f"/orders/portIns/{first}", json=order_body(phone))).status_code == 200
    emulator.advance(4 * HOUR)
    assert (await get(api, first))["status"] == "CONFIRMED"


# -- 7. The desired port date leaves the carrier its lead time


async def test_a_port_date_too_soon_for_the_carrier_is_rejected(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    line, mobile = portable_number(wireless=False), portable_number(wireless=True)
    carrier = number_facts(line).carrier
    assert carrier is not None
    # Submitted Tuesday 03-11: Thursday is two business days ahead, enough for wireless only.
    assert await answered(api, emulator, order_body(line, mobile, date="2025-03-13")) == [
        rejected(f"Due date not achievable: {carrier.name} needs 3 business days' notice"),
        CONFIRMED,
    ]
    mobile = portable_number(wireless=True)
    mobile_carrier = number_facts(mobile).carrier
    assert mobile_carrier is not None
    assert await answered(api, emulator, order_body(mobile, date="2025-03-11")) == [
        rejected(f"Due date not achievable: {mobile_carrier.name} needs 1 business day's notice")
    ]

    line, mobile = portable_number(wireless=False), portable_number(wireless=True)
    assert await answered(api, emulator, order_body(line, mobile, date="2025-03-14")) == [
        CONFIRMED,
        CONFIRMED,
    ]


async def test_the_lead_time_counts_from_the_update_that_resubmits(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    phone = portable_number(wireless=False)
    body = order_body(phone, date="2025-03-14")
    port_out(body, existingPortOutPin="0000")
    order_id = await create(api, body)
    emulator.advance(24 * HOUR)  # Wednesday: Friday is two business days away now
    assert (
        await api.put(f"/orders/portIns/{order_id}", json=order_body(phone, date="2025-03-14"))
    ).status_code == 200
    emulator.advance(4 * HOUR)
    reason = (await get(api, order_id))["phoneNumbers"][0]["rejectReason"]
    assert reason.startswith("Due date not achievable:") and "3 business days' notice" in reason
    assert "at least 3 business days after the day the order is submitted" in (
        await sinch_note(api, order_id)
    )


# -- 8. The port date is a business day (existing): see test_lifecycle.py
# -- 9. The authorization is at most 60 days old


async def test_an_authorization_older_than_60_days_is_rejected(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    body = order_body(portable_number())
    port_out(body, authorizingName="Ann Lee", authorizingDate="2025-01-09")
    order_id = await create(api, body)
    emulator.advance(4 * HOUR)
    number = (await get(api, order_id))["phoneNumbers"][0]
    assert number["rejectReason"] == "LOA expired: authorization older than 60 days"
    assert "sign a new letter of authorization" in await sinch_note(api, order_id)

    body = order_body(portable_number())
    port_out(body, authorizingName="Ann Lee", authorizingDate="2025-01-10T12:00:00Z")
    assert await answered(api, emulator, body) == [CONFIRMED]


# -- 10. The numbers of one account give one end user


async def test_numbers_of_one_account_with_different_end_users_are_rejected(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    reason = "End-user details differ between numbers of one account"
    phones = [portable_number(), portable_number(), portable_number()]
    body = order_body(*phones)
    for index in range(3):
        port_out(body, index, accountNum="77-1234")
    end_user(body, 1, streetName="Maine")
    assert await answered(api, emulator, body) == [rejected(reason)] * 3
    assert "same end-user name and address" in await sinch_note(api, newest_order(emulator))

    body = order_body(portable_number(), portable_number(), portable_number())
    for index in range(3):
        port_out(body, index, accountNum="77-1234")
    end_user(body, 1, name="HARBOR  dental", streetName=" main ")  # case and spaces only
    assert await answered(api, emulator, body) == [CONFIRMED] * 3


# -- 11. A carrier takes a limited number of numbers per order


async def test_more_numbers_than_a_carrier_takes_at_once_are_rejected(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    limit = BATCH_LIMITS[True]
    phones = one_carrier_numbers(limit + 1, wireless=True)
    carrier = number_facts(phones[0]).carrier
    assert carrier is not None
    outcome = await answered(api, emulator, order_body(*phones))
    reason = f"Too many numbers for one order at {carrier.name}: split the order"
    assert outcome == [rejected(reason)] * (limit + 1)

    # The rejected numbers are still held by that order: the clean one takes others.
    phones = one_carrier_numbers(limit, wireless=True, npa="718")
    assert await answered(api, emulator, order_body(*phones)) == [CONFIRMED] * limit


async def test_a_wireline_carrier_takes_a_hundred_and_several_carriers_are_fine(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    lines = one_carrier_numbers(BATCH_LIMITS[False] + 1, wireless=False)
    outcome = await answered(api, emulator, order_body(*lines))
    assert {status for status, _ in outcome} == {"REJECTED"}
    assert all(str(reason).startswith("Too many numbers") for _, reason in outcome)

    # Up to the limit of each carrier, several carriers in one order: all confirmed.
    mobiles = one_carrier_numbers(BATCH_LIMITS[True], wireless=True, npa="718")
    lines = one_carrier_numbers(BATCH_LIMITS[False], wireless=False, npa="718")
    assert number_facts(mobiles[0]).carrier != number_facts(lines[0]).carrier
    outcome = await answered(api, emulator, order_body(*mobiles, *lines))
    assert outcome == [CONFIRMED] * (len(mobiles) + len(lines))


# -- All of them at once: one order, one problem per number


async def test_each_ignored_warning_comes_back_as_its_own_rejection(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    wireless = [portable_number(wireless=True) for _ in range(2)]
    wireline = [portable_number(wireless=False, npa="312") for _ in range(3)]
    body = order_body(*wireless, *wireline)
    for index in (2, 3, 4):
        end_user(body, index, **CHICAGO)
    port_out(body, 0, accountNum=None)  # wireless, no account
    port_out(body, 1, authorizingDate="2024-12-01")  # old LOA
    end_user(body, 2, state="NY", zipCode="10001")  # Chicago line, New York address
    end_user(body, 3, zipCode="10001")  # Illinois with a New York ZIP
    outcome = await answered(api, emulator, body)
    assert outcome == [
        rejected("Account number required by the losing carrier"),
        rejected("LOA expired: authorization older than 60 days"),
        rejected("Service address is outside the number's rate center area"),
        rejected("Address mismatch: ZIP code does not match the losing carrier's records"),
        CONFIRMED,
    ]


def test_every_note_is_filled_in() -> None:
    for rejection in ALL_REJECTIONS:
        filled = rejection.filled(
            carrier="T-Mobile",
            kind="wireless",
            order=700123,
            limit=50,
            lead="1 business day",
            notice="1 business day's",
        )
        assert "{" not in filled.reason + filled.request
        assert filled.request.endswith(".")
