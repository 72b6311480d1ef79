"""Pre-flight: what a losing carrier is likely to reject, found before the order is submitted.

Headless and pure: facts of a draft or an order in, ranked findings out. The rules' texts and
fields are data (``rules.toml``); each rule id has one check (``checks.py``)::

    facts = facts_from_draft(draft)  # or facts_from_order(order)
    findings = preflight(facts, PreflightContext(today=date.today()))
    risk_summary(findings, facts)  # the review step's lines, one per carrier group
"""

from __future__ import annotations

from porting_tui.domain.preflight.carrier_kinds import carrier_key, carrier_kind, is_wireless
from porting_tui.domain.preflight.context import LearnedRejection, PreflightContext
from porting_tui.domain.preflight.engine import (
    CarrierRisk,
    FieldProblem,
    Finding,
    findings_by_step,
    preflight,
    risk_summary,
    without_errors,
)
from porting_tui.domain.preflight.facts import (
    NumberFacts,
    OrderFacts,
    facts_from_body,
    facts_from_draft,
    facts_from_order,
)
from porting_tui.domain.preflight.rule_table import (
    Rule,
    RulesFileError,
    Severity,
    load_rules,
    parse_rules,
)

__all__ = [
    "CarrierRisk",
    "FieldProblem",
    "Finding",
    "LearnedRejection",
    "NumberFacts",
    "OrderFacts",
    "PreflightContext",
    "Rule",
    "RulesFileError",
    "Severity",
    "carrier_key",
    "carrier_kind",
    "facts_from_body",
    "facts_from_draft",
    "facts_from_order",
    "findings_by_step",
    "is_wireless",
    "load_rules",
    "parse_rules",
    "preflight",
    "risk_summary",
    "without_errors",
]
