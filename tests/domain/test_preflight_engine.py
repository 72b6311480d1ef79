"""The rules engine: the table and the checks match, findings merge and rank, risk per carrier."""

from __future__ import annotations

from pathlib import Path

import pytest

from porting_tui.domain.draft_checks import DraftProblem
from porting_tui.domain.draft_fields import Step, step_of_path
from porting_tui.domain.order_field_table import FIELDS_BY_PATH
from porting_tui.domain.preflight import (
    LearnedRejection,
    PreflightContext,
    RulesFileError,
    Severity,
    findings_by_step,
    load_rules,
    parse_rules,
    preflight,
    risk_summary,
    without_errors,
)
from porting_tui.domain.preflight.checks import CHECKS
from tests.domain.preflight_support import (
    ACCOUNT,
    CHICAGO,
    CHICAGO_2,
    PIN,
    STATE,
    TODAY,
    TORONTO,
    TORONTO_OFFICE,
    ZIP,
    findings,
    number,
    order,
    rule_ids,
)

RULE = """
[[rule]]
id = "wireless-pin"
severity = "warning"
step = "END_USER"
field = "portOutInfo.existingPortOutPin"
text = "{carrier} wants a PIN for {numbers} ({count}) {nope}"
fix = "Ask."
"""


def test_every_rule_of_the_table_has_one_check_and_every_check_a_rule() -> None:
    assert [rule.id for rule in load_rules()] == list(CHECKS)


def test_each_rule_points_at_a_field_of_the_step_it_is_shown_in() -> None:
    for rule in load_rules():
        if rule.field in FIELDS_BY_PATH:
            assert step_of_path(rule.field) == rule.step, rule.id


def test_the_rules_file_ships_in_the_wheel() -> None:
    from hatchling.builders.wheel import WheelBuilder

    root = Path(__file__).resolve().parents[2]
    shipped = {f.distribution_path for f in WheelBuilder(str(root)).recurse_included_files()}
    assert "porting_tui/domain/preflight/rules.toml" in shipped


def test_a_hurried_order_trips_every_rule_and_every_placeholder_is_filled() -> None:
    wireless = [number(f"+1312555{i:04d}", "T-Mobile", {PIN: "", ACCOUNT: ""}) for i in range(51)]
    facts = order(
        *wireless,
        number(TORONTO, "Bell Canada"),
        number("+13125559001", "Lumen", {STATE: "IN", ZIP: "46204"}),
        number(
            "+13125559002", "Lumen", {ZIP: "10001", "portOutInfo.authorizingDate": "2025-12-01"}
        ),
        number("+13125559003", "Lumen", {"endUser.city": "Evanston"}),
        port_date="2026-03-07",
        documents=0,
        order_id=8123,
    )
    context = PreflightContext(
        TODAY,
        open_orders={"+13125559003": 8120},
        learned=[LearnedRejection("Lumen", "Address or ZIP", 3, 10, ZIP)],
    )
    found = preflight(facts, context)
    assert set(rule_ids(found)) == {rule.id for rule in load_rules()}
    for finding in found:
        assert "{" not in finding.text + finding.fix, finding
        assert finding.text and finding.fix.endswith("."), finding


def test_hits_that_read_the_same_are_one_finding_per_carrier() -> None:
    facts = order(
        number(CHICAGO, "T-Mobile", {PIN: ""}),
        number(CHICAGO_2, "t-mobile", {PIN: ""}),
        number("+13125550145", "Verizon Wireless", {PIN: ""}),
    )
    pins = [f for f in findings(facts) if f.rule_id == "wireless-pin"]
    assert [(f.carrier, f.numbers) for f in pins] == [
        ("T-Mobile", (CHICAGO, CHICAGO_2)),
        ("Verizon Wireless", ("+13125550145",)),
    ]
    assert pins[0].text == "No port-out PIN for 2 numbers of T-Mobile (wireless)"


def test_warnings_come_before_advice_then_the_findings_concerning_more_numbers() -> None:
    facts = order(
        number(CHICAGO, "T-Mobile", {PIN: "", ACCOUNT: "TM-1"}),
        number(CHICAGO_2, "Lumen", {ZIP: "10001"}),
        number("+13125550145", "Lumen", {ZIP: "10001"}),
        documents=0,
        order_id=8123,
    )
    found = findings(facts)
    assert [(f.rule_id, len(f.numbers)) for f in found] == [
        ("zip-state", 2),
        ("wireless-pin", 1),
        ("loa-missing", 3),
        ("several-carriers", 3),
    ]
    assert [f.severity for f in found] == [Severity.WARNING] * 2 + [Severity.ADVICE] * 2


def test_a_rule_left_out_of_the_table_is_not_run_and_its_texts_come_from_the_table() -> None:
    rules = parse_rules(RULE)
    facts = order(number(CHICAGO, "T-Mobile", {PIN: ""}), number(TORONTO, "Bell Canada"))
    [finding] = preflight(facts, PreflightContext(TODAY), rules)
    # A placeholder the check does not give stays visible instead of failing the wizard.
    assert finding.text == "T-Mobile wants a PIN for +1 312-555-0143 (1) {nope}"
    assert finding.fix == "Ask."


def test_a_rule_without_a_check_is_refused() -> None:
    rules = parse_rules(RULE.replace("wireless-pin", "moon-phase"))
    with pytest.raises(RulesFileError, match="no check for rule 'moon-phase'"):
        preflight(order(), PreflightContext(TODAY), rules)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("warning", "fatal"), "severity must be 'warning' or 'advice'"),
        (("END_USER", "PAYMENT"), "step must be one of NUMBERS"),
        (("{carrier} wants", "{0} wants"), "placeholders must be plain names"),
        (("{carrier} wants", "{carrier wants"), "'text'"),
        (('fix = "Ask."', ""), "'fix' must be a non-empty string"),
    ],
)
def test_a_bad_rules_file_says_which_rule_and_why(change: tuple[str, str], message: str) -> None:
    with pytest.raises(RulesFileError, match=message):
        parse_rules(RULE.replace(*change))


def test_a_rule_twice_or_no_rule_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RulesFileError, match="appears twice"):
        parse_rules(RULE + RULE)
    with pytest.raises(RulesFileError, match="no \\[\\[rule\\]\\]"):
        parse_rules("title = 1\n")
    with pytest.raises(RulesFileError, match="not valid TOML"):
        parse_rules("[[rule]\n")
    own = tmp_path / "rules.toml"
    own.write_text(RULE, encoding="utf-8")
    assert [rule.id for rule in load_rules(own)] == ["wireless-pin"]


def test_the_risk_summary_has_one_line_per_carrier_group_riskiest_first() -> None:
    facts = order(
        number(CHICAGO, "T-Mobile", {PIN: "", ACCOUNT: ""}),
        number(CHICAGO_2, "Lumen", {ZIP: "10001"}),
        number(TORONTO, "Bell Canada", base=TORONTO_OFFICE),
        port_date="2026-03-07",
    )
    found = findings(facts)
    summary = risk_summary(found, facts)
    assert [(r.carrier, r.numbers, r.warnings, r.advice) for r in summary] == [
        (None, (), 1, 1),
        ("Lumen", (CHICAGO_2,), 2, 0),
        ("T-Mobile", (CHICAGO,), 2, 0),
        ("Bell Canada", (TORONTO,), 1, 0),
    ]
    assert summary[0].texts == (
        "Port date 2026-03-07 is a Saturday: carriers do not port that day",
        "3 losing carriers in one order: T-Mobile, Lumen, Bell Canada",
    )
    assert summary[2].texts[0] == "No port-out PIN for +1 312-555-0143 of T-Mobile (wireless)"


def test_without_the_order_the_summary_lists_only_groups_with_findings() -> None:
    facts = order(number(CHICAGO, "T-Mobile", {PIN: ""}), number(CHICAGO_2, "T-Mobile"))
    summary = risk_summary(findings(facts))
    assert [(r.carrier, r.numbers, r.warnings) for r in summary] == [("T-Mobile", (CHICAGO,), 1)]
    assert risk_summary([], facts)[0].warnings == 0  # a clean group still has its line


def test_a_finding_that_repeats_an_error_of_its_field_is_dropped() -> None:
    facts = order(number(CHICAGO, "Lumen"), number(CHICAGO_2, "Lumen"), port_date="2026-03-07")
    found = findings(facts)
    assert {f.rule_id for f in found} == {"porting-day", "lead-time"}
    date_error = DraftProblem(Step.SCHEDULE, "desiredPortSchedule.desiredPortDate", "Saturday")
    assert without_errors(found, [date_error]) == []
    one_number = DraftProblem(Step.END_USER, "desiredPortSchedule.desiredPortDate", "x", CHICAGO)
    assert without_errors(found, [one_number]) == found


def test_an_error_on_the_numbers_as_a_whole_covers_no_finding() -> None:
    facts = order(number(CHICAGO, "Lumen"), number(CHICAGO_2, "T-Mobile"))
    found = findings(facts)
    assert "several-carriers" in {f.rule_id for f in found}
    not_portable = DraftProblem(Step.PORTABILITY, "phoneNumbers", "1 number is not portable")
    assert without_errors(found, [not_portable]) == found


def test_findings_are_grouped_by_the_step_that_shows_them() -> None:
    facts = order(number(CHICAGO, "T-Mobile", {PIN: ""}), number(CHICAGO_2, "Lumen"))
    by_step = findings_by_step(findings(facts))
    assert {step: rule_ids(found) for step, found in by_step.items()} == {
        Step.END_USER: ["wireless-pin"],
        Step.PORTABILITY: ["several-carriers"],
    }
