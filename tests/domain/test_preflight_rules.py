"""Each pre-flight rule: when it holds (and says so, pointing at the field to fix), and when not."""

from __future__ import annotations

from porting_tui.domain.draft_fields import Step
from porting_tui.domain.preflight import LearnedRejection, NumberFacts, PreflightContext, Severity
from tests.domain.preflight_support import (
    ACCOUNT,
    CHICAGO,
    CHICAGO_2,
    LATER,
    PIN,
    STATE,
    TODAY,
    TORONTO,
    TORONTO_OFFICE,
    ZIP,
    findings,
    number,
    of_rule,
    order,
)


def test_a_clean_order_has_no_finding() -> None:
    facts = order(number(CHICAGO, "T-Mobile"), number(CHICAGO_2, "T-Mobile"))
    assert findings(facts) == []


# wireless-pin, wireless-account


def test_a_wireless_number_without_pin_is_a_warning_on_the_pin() -> None:
    [finding] = of_rule("wireless-pin", order(number(CHICAGO, "T-Mobile", {PIN: " "})))
    assert finding.severity == Severity.WARNING
    assert (finding.step, finding.field) == (Step.END_USER, PIN)
    assert finding.numbers == (CHICAGO,) and finding.carrier == "T-Mobile"
    assert finding.text == "No port-out PIN for +1 312-555-0143 of T-Mobile (wireless)"
    assert "T-Mobile" in finding.fix


def test_a_wireline_or_unknown_carrier_needs_no_pin() -> None:
    facts = order(number(CHICAGO, "Lumen", {PIN: ""}), number(CHICAGO_2, "", {PIN: ""}))
    assert of_rule("wireless-pin", facts) == []


def test_videotron_mobile_is_wireless_and_videotron_is_not() -> None:
    facts = order(
        number(TORONTO, "Vidéotron mobile", {PIN: ""}, TORONTO_OFFICE),
        number("+14165550144", "Videotron", {PIN: ""}, TORONTO_OFFICE),
    )
    [finding] = of_rule("wireless-pin", facts)
    assert finding.numbers == (TORONTO,)


def test_a_wireless_number_without_account_is_a_warning_on_the_account() -> None:
    [finding] = of_rule(
        "wireless-account", order(number(CHICAGO, "Verizon Wireless", {ACCOUNT: ""}))
    )
    assert finding.field == ACCOUNT
    assert finding.text == "No account number for +1 312-555-0143 of Verizon Wireless (wireless)"


def test_a_wireline_number_without_account_is_not_warned_about() -> None:
    assert of_rule("wireless-account", order(number(CHICAGO, "AT&T Wireline", {ACCOUNT: ""}))) == []


# address-country


def test_a_toronto_number_with_an_illinois_address_is_in_the_wrong_country() -> None:
    [finding] = of_rule("address-country", order(number(TORONTO, "Bell Canada")))
    assert finding.field == STATE and finding.step == Step.END_USER
    assert finding.text == "Address in the US for +1 416-555-0143 in Canada"


def test_a_chicago_number_with_an_ontario_address_is_in_the_wrong_country_even_wireless() -> None:
    [finding] = of_rule("address-country", order(number(CHICAGO, "T-Mobile", base=TORONTO_OFFICE)))
    assert finding.text == "Address in Canada for +1 312-555-0143 in the US"
    # The other country is one finding, not a state mismatch as well.
    assert of_rule("address-state", order(number(CHICAGO, "Lumen", base=TORONTO_OFFICE))) == []


def test_a_number_in_its_country_or_toll_free_or_without_state_is_not_in_the_wrong_country() -> (
    None
):
    facts = order(
        number(TORONTO, "Bell Canada", base=TORONTO_OFFICE),
        number("+18005550143", "Lumen", base=TORONTO_OFFICE),
        number(CHICAGO_2, "Lumen", {STATE: ""}),
        number("+13125550145", "Lumen", {STATE: "ZZ"}),
    )
    assert of_rule("address-country", facts) == []


# address-state


def test_a_wireline_chicago_number_with_an_indiana_address_is_in_the_wrong_state() -> None:
    facts = order(number(CHICAGO, "Lumen", {STATE: "in", ZIP: "46204"}))
    [finding] = of_rule("address-state", facts)
    assert finding.text == "Address in IN for +1 312-555-0143 of area code 312 (IL)"
    assert finding.field == STATE
    assert "IL address Lumen has on file" in finding.fix


def test_a_wireless_number_may_have_its_address_in_another_state() -> None:
    facts = order(number(CHICAGO, "T-Mobile", {STATE: "IN", ZIP: "46204"}))
    assert of_rule("address-state", facts) == []


def test_an_area_code_of_several_provinces_is_not_checked_against_the_state() -> None:
    yukon = number("+18675550143", "Bell Canada", {STATE: "NT", ZIP: "X1A 2N6"}, TORONTO_OFFICE)
    toronto = number(TORONTO, "Bell Canada", base=TORONTO_OFFICE)
    assert of_rule("address-state", order(yukon, toronto)) == []


# zip-state


def test_a_new_york_zip_in_illinois_is_a_warning_on_the_zip() -> None:
    [finding] = of_rule("zip-state", order(number(CHICAGO, "Lumen", {ZIP: "10001"})))
    assert finding.field == ZIP
    assert finding.text == "ZIP code 10001 is not in IL (+1 312-555-0143)"
    assert finding.fix.endswith("ZIP codes of IL start with 600-629.")


def test_zips_in_their_state_or_not_well_formed_are_not_zip_warnings() -> None:
    facts = order(
        number(CHICAGO, "Lumen", {ZIP: "60606-1234"}),
        number(CHICAGO_2, "Lumen", {ZIP: "6060"}),
        number("+12125550143", "Lumen", {STATE: "NY", ZIP: "06390"}),  # Fishers Island, NY
        number(TORONTO, "Bell Canada", base=TORONTO_OFFICE),
        number("+13125550146", "Lumen", {STATE: ""}),
    )
    assert of_rule("zip-state", facts) == []


# open-order


def test_a_number_in_another_open_order_names_that_order() -> None:
    context = PreflightContext(TODAY, open_orders={CHICAGO: 8123})
    [finding] = of_rule("open-order", order(number(), number(CHICAGO_2)), context)
    assert finding.numbers == (CHICAGO,)
    assert finding.text == "+1 312-555-0143 already in open order 8123"
    assert "8123" in finding.fix
    assert (finding.step, finding.field) == (Step.NUMBERS, "phoneNumbers")


def test_the_order_itself_is_not_another_open_order() -> None:
    context = PreflightContext(TODAY, open_orders={CHICAGO: 8123})
    assert of_rule("open-order", order(number(), order_id=8123), context) == []
    assert of_rule("open-order", order(number(CHICAGO_2)), context) == []


# lead-time


def test_a_port_date_tomorrow_is_too_soon_for_wireline_but_not_for_wireless() -> None:
    facts = order(number(CHICAGO, "T-Mobile"), number(CHICAGO_2, "Lumen"), port_date="2026-03-05")
    [finding] = of_rule("lead-time", facts)
    assert finding.numbers == (CHICAGO_2,) and finding.carrier == "Lumen"
    assert finding.text == (
        "Port date 2026-03-05 is too soon for Lumen: wireline carriers need 3 business days"
    )
    assert finding.fix == "Choose 2026-03-09 or later."
    assert (finding.step, finding.field) == (Step.SCHEDULE, "desiredPortSchedule.desiredPortDate")


def test_today_is_too_soon_for_wireless_and_an_unknown_carrier_counts_as_wireline() -> None:
    facts = order(number(CHICAGO, "T-Mobile"), number(CHICAGO_2, ""), port_date="2026-03-04")
    found = {f.numbers: f for f in of_rule("lead-time", facts)}
    assert "wireless carriers need 1 business day" in found[(CHICAGO,)].text
    assert found[(CHICAGO_2,)].text.startswith("Port date 2026-03-04 is too soon for the losing")
    assert "wireline" in found[(CHICAGO_2,)].text


def test_the_lead_time_is_met_on_its_first_day_and_an_unreadable_date_is_no_finding() -> None:
    assert of_rule("lead-time", order(number(CHICAGO, "Lumen"), port_date="2026-03-09")) == []
    assert of_rule("lead-time", order(number(CHICAGO, "Lumen"), port_date="next week")) == []


# porting-day


def test_a_saturday_port_date_is_no_porting_day() -> None:
    [finding] = of_rule("porting-day", order(number(), number(CHICAGO_2), port_date="2026-03-07"))
    assert finding.text == "Port date 2026-03-07 is a Saturday: carriers do not port that day"
    assert finding.fix == "Choose a business day, such as 2026-03-09."
    assert finding.numbers == (CHICAGO, CHICAGO_2) and finding.carrier is None


def test_a_federal_holiday_is_no_porting_day() -> None:
    [finding] = of_rule("porting-day", order(port_date="2026-05-25"))
    assert "Memorial Day, a US federal holiday" in finding.text
    assert "2026-05-26" in finding.fix


def test_a_business_day_or_no_date_is_a_porting_day() -> None:
    assert of_rule("porting-day", order(port_date=LATER)) == []
    assert of_rule("porting-day", order(port_date="")) == []


# loa-old


def test_an_authorization_older_than_60_days_is_expired() -> None:
    facts = order(number(changes={"portOutInfo.authorizingDate": "2026-01-02"}))
    [finding] = of_rule("loa-old", facts)
    assert finding.field == "portOutInfo.authorizingDate"
    assert (
        finding.text
        == "Authorization of +1 312-555-0143 is dated 2026-01-02, more than 60 days ago"
    )


def test_an_authorization_of_60_days_or_none_is_not_expired() -> None:
    facts = order(
        number(changes={"portOutInfo.authorizingDate": "2026-01-03"}),
        number(CHICAGO_2, changes={"portOutInfo.authorizingDate": ""}),
    )
    assert of_rule("loa-old", facts) == []


# loa-missing


def test_an_order_without_documents_is_advised_to_upload_the_letter() -> None:
    [finding] = of_rule("loa-missing", order(documents=0, order_id=8123))
    assert finding.severity == Severity.ADVICE
    assert (finding.step, finding.field) == (Step.REVIEW, "documents")


def test_a_draft_or_an_order_with_a_document_has_no_missing_letter() -> None:
    assert of_rule("loa-missing", order(documents=None)) == []
    assert of_rule("loa-missing", order(documents=1, order_id=8123)) == []


# account-consistency


def test_numbers_of_one_account_in_two_cities_point_at_the_city() -> None:
    facts = order(
        number(CHICAGO, "Lumen"),
        number(CHICAGO_2, "Lumen", {"endUser.city": "Evanston", ACCOUNT: " 889120034 "}),
    )
    [finding] = of_rule("account-consistency", facts)
    assert (finding.field, finding.step) == ("endUser.city", Step.END_USER)
    assert finding.text == "City differs between 2 numbers of one account"
    assert finding.numbers == (CHICAGO, CHICAGO_2) and finding.carrier == "Lumen"


def test_the_first_differing_field_is_pointed_at() -> None:
    facts = order(
        number(CHICAGO, "Lumen"),
        number(CHICAGO_2, "Lumen", {"endUser.streetNum": "235", "endUser.zipCode": "60601"}),
    )
    [finding] = of_rule("account-consistency", facts)
    assert finding.field == "endUser.streetNum"


def test_case_spaces_other_accounts_and_no_account_do_not_make_a_difference() -> None:
    facts = order(
        number(CHICAGO, "Lumen"),
        number(CHICAGO_2, "Lumen", {"endUser.name": "ACME  widgets llc", STATE: "il"}),
        number("+13125550145", "Lumen", {ACCOUNT: "777", "endUser.city": "Evanston"}),
        number("+13125550146", "Lumen", {ACCOUNT: "", "endUser.city": "Skokie"}),
        number("+13125550147", "Lumen", {ACCOUNT: "", "endUser.city": "Oak Park"}),
    )
    assert of_rule("account-consistency", facts) == []


# several-carriers


def test_two_losing_carriers_are_advice_naming_them() -> None:
    facts = order(number(CHICAGO, "T-Mobile"), number(CHICAGO_2, "Lumen"))
    [finding] = of_rule("several-carriers", facts)
    assert finding.severity == Severity.ADVICE
    assert finding.text == "2 losing carriers in one order: T-Mobile, Lumen"
    assert finding.fix.startswith("Slower: each carrier answers on its own")
    assert finding.carrier is None and finding.numbers == (CHICAGO, CHICAGO_2)


def test_one_carrier_spelled_two_ways_or_an_unknown_one_is_not_several() -> None:
    facts = order(number(CHICAGO, "T-Mobile"), number(CHICAGO_2, "t-mobile "), number(TORONTO, ""))
    assert of_rule("several-carriers", facts) == []


# carrier-batch


def _many(count: int, carrier: str) -> tuple[NumberFacts, ...]:
    return tuple(number(f"+1312555{i:04d}", carrier) for i in range(1000, 1000 + count))


def test_more_than_50_numbers_of_a_wireless_carrier_are_too_many_for_one_order() -> None:
    [finding] = of_rule("carrier-batch", order(*_many(51, "T-Mobile")))
    assert finding.text == "51 numbers of T-Mobile in one order; it takes at most 50 per order"
    assert len(finding.numbers) == 51
    assert of_rule("carrier-batch", order(*_many(50, "T-Mobile"))) == []


def test_more_than_100_numbers_of_a_wireline_carrier_are_too_many_for_one_order() -> None:
    [finding] = of_rule("carrier-batch", order(*_many(101, "Lumen")))
    assert "at most 100" in finding.text
    assert of_rule("carrier-batch", order(*_many(100, "Lumen"))) == []


# learned


def _learned(*learned: LearnedRejection) -> PreflightContext:
    return PreflightContext(TODAY, learned=learned)


def test_a_carrier_that_rejected_4_of_10_orders_is_advice_with_the_counts() -> None:
    context = _learned(LearnedRejection("Verizon Wireless", "Address or ZIP", 4, 10))
    facts = order(number(CHICAGO, "Verizon Wireless"), number(CHICAGO_2, "Lumen"))
    [finding] = of_rule("learned", facts, context)
    assert finding.severity == Severity.ADVICE
    assert finding.text == "Verizon Wireless rejected 4 of your last 10 orders: Address or ZIP"
    assert finding.numbers == (CHICAGO,) and finding.carrier == "Verizon Wireless"
    assert (finding.step, finding.field) == (Step.REVIEW, "phoneNumbers")


def test_a_learned_rejection_points_where_it_is_fixed() -> None:
    context = _learned(LearnedRejection("verizon wireless", "Port-out PIN", 2, 10, PIN))
    [finding] = of_rule("learned", order(number(CHICAGO, "Verizon Wireless")), context)
    assert (finding.step, finding.field) == (Step.END_USER, PIN)


def test_one_rejection_a_small_share_or_another_carrier_teaches_nothing() -> None:
    context = _learned(
        LearnedRejection("Verizon Wireless", "Address or ZIP", 1, 2),
        LearnedRejection("Verizon Wireless", "Due date", 2, 11),
        LearnedRejection("Comcast Business", "Due date", 5, 5),
    )
    assert of_rule("learned", order(number(CHICAGO, "Verizon Wireless")), context) == []
