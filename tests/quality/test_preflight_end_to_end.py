"""Pre-flight against the emulator's carriers: the same 20-number order, typed in a hurry and
then fixed. Each warning pre-flight gives comes back from the carrier as its rejection when
ignored; the order that pre-flight passes clean is confirmed.

The numbers are chosen by the emulator's own number plan (carrier and kind are a pure
function of the NPA-NXX), so the test says what each number is rather than hard-coding it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from porting_tui.client import Order, PortingClient
from porting_tui.domain.order_draft import OrderDraft, PortabilityRecord, build_new_order
from porting_tui.domain.preflight import (
    Finding,
    PreflightContext,
    facts_from_draft,
    preflight,
)
from porting_tui.emulator import Emulator, EmulatorSettings, create_emulator
from porting_tui.emulator.carriers import number_facts
from tests.support import demo_client

START = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
TODAY = START.date()
CARRIERS_ANSWER = timedelta(hours=5)
"""Wireless carriers answer in an hour, wireline ones in four."""

CHICAGO = {
    "endUser.name": "Acme Inc",
    "endUser.streetNum": "233",
    "endUser.streetName": "Wacker",
    "endUser.city": "Chicago",
    "endUser.state": "IL",
    "endUser.zipCode": "60606",
    "endUser.typeOfService": "B",
}
TORONTO = {
    "endUser.name": "Acme Inc",
    "endUser.streetNum": "100",
    "endUser.streetName": "King St W",
    "endUser.city": "Toronto",
    "endUser.state": "ON",
    "endUser.zipCode": "M5X 1A9",
    "endUser.typeOfService": "B",
}
PORT_OUT = {
    "portOutInfo.existingPortOutPin": "4321",
    "portOutInfo.accountNum": "ACC-1",
    "portOutInfo.authorizingName": "Jo Doe",
    "portOutInfo.authorizingDate": "2026-11-20",
}

# What each warning turns into at the carrier, by rule id.
REJECTIONS = {
    "wireless-pin": "Port-out PIN required",
    "wireless-account": "Account number required",
    "address-country": "not in the number's country",
    "address-state": "outside the number's rate center",
    "zip-state": "ZIP code does not match",
    "open-order": "in another open order",
    "loa-old": "LOA expired",
}


def portable(npa: str, wireless: bool, count: int, start: int = 0) -> list[str]:
    """``count`` portable numbers of area code ``npa`` held by wireless (or wireline)
    carriers, each on an exchange of its own, so that one order spans several carriers."""
    found: list[str] = []
    exchange = 200 + start
    while len(found) < count:
        candidate = f"+1{npa}{exchange:03d}0143"
        exchange += 1
        facts = number_facts(candidate)
        if facts.portable and facts.carrier is not None and facts.carrier.wireless == wireless:
            found.append(candidate)
    return found


def draft_of(numbers: dict[str, dict[str, str]]) -> OrderDraft:
    """A complete draft: each number with its own end user and port-out data, as a CSV
    import makes it, and what the portability check said about it."""
    draft = OrderDraft()
    draft.set_numbers(list(numbers))
    for number, values in numbers.items():
        carrier = number_facts(number).carrier
        draft.portability[number] = PortabilityRecord(
            portable=True, carrier=carrier.name if carrier else ""
        )
        for path, value in values.items():
            draft.set_value(number, path, value)
        if values.get("portOutInfo.accountNum"):
            # One account per number: numbers of one account must agree on their end user.
            draft.set_value(number, "portOutInfo.accountNum", f"ACC-{number[-10:]}")
    draft.common.update({"voiceConfiguration.type": "EST", "voiceConfiguration.id": "trunk-1"})
    draft.order.update(
        {
            "desiredPortSchedule.desiredPortDate": "2026-12-08",
            "desiredPortSchedule.desiredPortTime": "09:00:00",
            "desiredPortSchedule.desiredPortTimeZone": "US/Central",
            "customerOrderReference": "ACME-PREFLIGHT",
        }
    )
    return draft


Edit = Callable[[dict[str, str]], dict[str, str]]


def without(*paths: str) -> Edit:
    return lambda values: {k: v for k, v in values.items() if k not in paths}


def with_values(**changes: str) -> Edit:
    def edit(values: dict[str, str]) -> dict[str, str]:
        return {**values, **{path.replace("__", "."): value for path, value in changes.items()}}

    return edit


class World:
    """Twenty numbers: Chicago wireless and wireline, Toronto wireline; one of them is also
    in another open order."""

    def __init__(self) -> None:
        self.chicago_wireless = portable("312", True, 8)
        self.chicago_wireline = portable("312", False, 8)
        self.toronto_wireline = portable("416", False, 3)
        self.spare = portable("312", False, 1, start=400)
        self.busy = portable("312", False, 1, start=500)[0]
        """In another open order of the project."""

    def clean(self) -> dict[str, dict[str, str]]:
        numbers: dict[str, dict[str, str]] = {}
        for number in self.chicago_wireless + self.chicago_wireline:
            numbers[number] = {**CHICAGO, **PORT_OUT}
        for number in self.toronto_wireline:
            numbers[number] = {**TORONTO, **PORT_OUT}
        numbers[self.spare[0]] = {**CHICAGO, **PORT_OUT}
        assert len(numbers) == 20
        return numbers

    def hurried(self) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
        """The clean order as a hurried operator types it; each damaged number and the rule
        that catches it."""
        numbers = self.clean()
        damage: dict[str, tuple[str, Edit]] = {
            self.chicago_wireless[0]: ("wireless-pin", without("portOutInfo.existingPortOutPin")),
            self.chicago_wireless[1]: ("wireless-account", without("portOutInfo.accountNum")),
            # A Toronto number given the Chicago office's address.
            self.toronto_wireline[0]: (
                "address-country",
                with_values(endUser__state="IL", endUser__zipCode="60606", endUser__city="Chicago"),
            ),
            # A Chicago landline given an address in Indiana (its ZIP is Indiana's too).
            self.chicago_wireline[0]: (
                "address-state",
                with_values(endUser__state="IN", endUser__zipCode="46204", endUser__city="Gary"),
            ),
            # A New York ZIP code on an Illinois address.
            self.chicago_wireline[1]: ("zip-state", with_values(endUser__zipCode="10001")),
            self.chicago_wireline[2]: (
                "loa-old",
                with_values(portOutInfo__authorizingDate="2026-08-03"),
            ),
        }
        caught = {}
        for number, (rule, edit) in damage.items():
            numbers[number] = edit(numbers[number])
            caught[number] = rule
        # The spare number swapped for one already in another open order.
        del numbers[self.spare[0]]
        numbers[self.busy] = {**CHICAGO, **PORT_OUT}
        caught[self.busy] = "open-order"
        return numbers, caught


@pytest.fixture
def emulator() -> Emulator:
    return create_emulator(EmulatorSettings(orders=0, seed=7, speed=0, start=START))


@pytest.fixture
def client(emulator: Emulator) -> PortingClient:
    return demo_client(httpx.ASGITransport(app=emulator.app))


async def submit(client: PortingClient, draft: OrderDraft) -> int:
    return (await client.orders.create(build_new_order(draft))).id


async def answered(client: PortingClient, emulator: Emulator, order_id: int) -> Order:
    emulator.advance(CARRIERS_ANSWER)
    return await client.orders.get(order_id)


def warnings_of(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.severity == "warning"]


async def test_each_warning_ignored_comes_back_as_its_rejection(
    emulator: Emulator, client: PortingClient
) -> None:
    world = World()
    other = await submit(client, draft_of({world.busy: {**CHICAGO, **PORT_OUT}}))
    numbers, caught = world.hurried()
    draft = draft_of(numbers)

    context = PreflightContext(today=TODAY, open_orders={world.busy: other})
    warnings = warnings_of(preflight(facts_from_draft(draft), context))
    assert len(warnings) == 7, [finding.text for finding in warnings]
    assert {finding.rule_id: finding.numbers for finding in warnings} == {
        rule: (number,) for number, rule in caught.items()
    }
    assert str(other) in next(f.text for f in warnings if f.rule_id == "open-order")

    # Submitted anyway: each warned number is rejected for what its warning said, and only
    # those (the other thirteen are confirmed).
    order = await answered(client, emulator, await submit(client, draft))
    rejected = {n.phone_number: n.reject_reason or "" for n in order.phone_numbers}
    rejected = {number: why for number, why in rejected.items() if why}
    assert len(rejected) == 7
    for number, rule in caught.items():
        assert REJECTIONS[rule] in rejected.get(number, ""), (rule, number, rejected)
    statuses = {n.phone_number: n.status for n in order.phone_numbers}
    assert sorted(s for n, s in statuses.items() if n not in rejected) == ["CONFIRMED"] * 13


async def test_the_order_fixed_passes_clean_and_is_confirmed(
    emulator: Emulator, client: PortingClient
) -> None:
    world = World()
    draft = draft_of(world.clean())
    warnings = warnings_of(preflight(facts_from_draft(draft), PreflightContext(today=TODAY)))
    assert warnings == []
    order = await answered(client, emulator, await submit(client, draft))
    assert {n.status for n in order.phone_numbers} == {"CONFIRMED"}
    assert order.status == "CONFIRMED"
