"""The facts the rules read: the same from a draft in the wizard and from an order of the API."""

from __future__ import annotations

from typing import Any

from porting_tui.client import Order
from porting_tui.domain.order_draft import OrderDraft, PortabilityRecord
from porting_tui.domain.preflight import PreflightContext, facts_from_draft, facts_from_order
from tests.domain.preflight_support import CHICAGO, CHICAGO_2, TODAY, TORONTO, findings, rule_ids

PORT_DATE = "desiredPortSchedule.desiredPortDate"


def test_a_draft_gives_each_number_its_effective_values_and_checked_carrier() -> None:
    draft = OrderDraft(
        numbers=[CHICAGO, CHICAGO_2, TORONTO],
        common={"endUser.state": "IL", "portOutInfo.existingPortOutPin": "4821"},
        overrides={CHICAGO_2: {"endUser.state": "IN"}},
        order={PORT_DATE: "2026-03-16"},
        portability={
            CHICAGO: PortabilityRecord(portable=True, carrier="T-Mobile"),
            CHICAGO_2: PortabilityRecord(portable=True, carrier=" Lumen "),
        },
    )
    facts = facts_from_draft(draft)
    assert [(n.phone, n.carrier, n.value("endUser.state")) for n in facts.numbers] == [
        (CHICAGO, "T-Mobile", "IL"),
        (CHICAGO_2, "Lumen", "IN"),
        (TORONTO, "", "IL"),
    ]
    assert facts.numbers[1].value("portOutInfo.existingPortOutPin") == "4821"
    assert facts.value(PORT_DATE) == "2026-03-16"
    assert (facts.documents, facts.order_id) == (None, None)


def test_a_draft_has_no_missing_letter_of_authorization() -> None:
    draft = OrderDraft(numbers=[CHICAGO], order={PORT_DATE: "2026-03-16"})
    assert "loa-missing" not in rule_ids(findings(facts_from_draft(draft)))


def _number(phone: str, status: str, group: str | None, **end_user: str) -> dict[str, Any]:
    return {
        "phoneNumber": phone,
        "status": status,
        "phoneNumberGroup": group,
        "endUser": {"name": "Acme Widgets LLC", "state": "IL", "zipCode": "60606", **end_user},
        "portOutInfo": {"accountNum": "889120034", "authorizingDate": "2026-01-02T00:00:00Z"},
    }


def _order(*numbers: dict[str, Any], documents: int = 0) -> Order:
    return Order.model_validate(
        {
            "id": 8123,
            "status": "PENDING",
            "desiredPortSchedule": {"desiredPortDate": "2026-03-07T00:00:00Z"},
            "phoneNumbers": list(numbers),
            "documents": [{"id": i, "documentName": "loa.pdf"} for i in range(documents)],
        }
    )


def test_an_order_gives_the_numbers_still_to_be_answered_with_the_carrier_of_their_group() -> None:
    order = _order(
        _number(CHICAGO, "REJECTED", "GW Verizon Wireless Grp1"),
        _number(CHICAGO_2, "PENDING", None),
        _number("+13125550145", "CONFIRMED", "GW Lumen Grp1"),
        _number("+13125550146", "EXCLUDED", "GW Lumen Grp1"),
        _number("+13125550147", "SOMETHING_NEW", "Odd group"),
    )
    facts = facts_from_order(order)
    assert [(n.phone, n.carrier) for n in facts.numbers] == [
        (CHICAGO, "Verizon Wireless"),
        (CHICAGO_2, ""),
        ("+13125550147", "Odd group"),
    ]
    chicago = facts.numbers[0]
    assert chicago.value("endUser.zipCode") == "60606"
    assert chicago.value("portOutInfo.accountNum") == "889120034"
    assert chicago.value("portOutInfo.authorizingDate") == "2026-01-02"
    assert facts.value(PORT_DATE) == "2026-03-07"
    assert (facts.documents, facts.order_id) == (0, 8123)


def test_a_known_carrier_wins_over_the_group_name() -> None:
    order = _order(_number(CHICAGO, "PENDING", "GW Lumen Grp1"))
    facts = facts_from_order(order, carriers={CHICAGO: "T-Mobile"})
    assert facts.numbers[0].carrier == "T-Mobile"


def test_an_order_runs_through_the_same_rules_as_a_draft() -> None:
    order = _order(_number(CHICAGO, "REJECTED", "GW Verizon Wireless Grp1", zipCode="10001"))
    found = findings(facts_from_order(order), PreflightContext(TODAY, open_orders={CHICAGO: 8123}))
    assert set(rule_ids(found)) == {
        "wireless-pin",
        "zip-state",
        "porting-day",
        "loa-old",
        "loa-missing",
    }
    assert "loa-missing" not in rule_ids(findings(facts_from_order(_order(documents=1))))
