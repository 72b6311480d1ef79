"""Orders as the pre-flight rules see them, built in a line: realistic numbers and addresses."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from porting_tui.domain.preflight import (
    Finding,
    NumberFacts,
    OrderFacts,
    PreflightContext,
    preflight,
)

TODAY = date(2026, 3, 4)  # a Wednesday
LATER = "2026-03-16"  # a Monday, past every lead time
CHICAGO = "+13125550143"
CHICAGO_2 = "+13125550144"
TORONTO = "+14165550143"
PIN = "portOutInfo.existingPortOutPin"
ACCOUNT = "portOutInfo.accountNum"
STATE = "endUser.state"
ZIP = "endUser.zipCode"

CHICAGO_OFFICE = {
    "endUser.name": "Acme Widgets LLC",
    "endUser.streetNum": "233",
    "endUser.streetName": "Wacker",
    "endUser.city": "Chicago",
    "endUser.state": "IL",
    "endUser.zipCode": "60606",
    "portOutInfo.existingPortOutPin": "4821",
    "portOutInfo.accountNum": "889120034",
    "portOutInfo.authorizingDate": "2026-03-02",
}
TORONTO_OFFICE = {
    **CHICAGO_OFFICE,
    "endUser.streetNum": "100",
    "endUser.streetName": "King",
    "endUser.city": "Toronto",
    "endUser.state": "ON",
    "endUser.zipCode": "M5H 2N2",
    "portOutInfo.accountNum": "ON-55120",
}


def number(
    phone: str = CHICAGO,
    carrier: str = "Lumen",
    changes: Mapping[str, str] | None = None,
    base: Mapping[str, str] = CHICAGO_OFFICE,
) -> NumberFacts:
    """A number at the Chicago office (or ``base``) with ``changes`` by field path."""
    return NumberFacts(phone, {**base, **(changes or {})}, carrier)


def order(
    *numbers: NumberFacts,
    port_date: str = LATER,
    documents: int | None = None,
    order_id: int | None = None,
) -> OrderFacts:
    return OrderFacts(
        numbers or (number(),),
        {"desiredPortSchedule.desiredPortDate": port_date},
        documents,
        order_id,
    )


def findings(facts: OrderFacts, context: PreflightContext | None = None) -> list[Finding]:
    return preflight(facts, context or PreflightContext(today=TODAY))


def of_rule(
    rule_id: str, facts: OrderFacts, context: PreflightContext | None = None
) -> list[Finding]:
    return [f for f in findings(facts, context) if f.rule_id == rule_id]


def rule_ids(found: Sequence[Finding]) -> list[str]:
    return [f.rule_id for f in found]
