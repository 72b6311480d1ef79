"""Running the pre-flight rules on an order: findings ranked, and the risk of each carrier group.

Findings are warnings and advice, never errors: they say what a losing carrier is likely to
reject, and the operator may submit anyway. What the API itself refuses is checked by
``draft_checks`` as errors, and ``without_errors`` keeps a finding from repeating one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from porting_tui.domain.draft_fields import Step, step_of_path
from porting_tui.domain.phone_numbers import format_for_display
from porting_tui.domain.preflight.carrier_kinds import carrier_key
from porting_tui.domain.preflight.checks import CHECKS, Hit
from porting_tui.domain.preflight.context import PreflightContext
from porting_tui.domain.preflight.facts import OrderFacts
from porting_tui.domain.preflight.rule_table import Rule, RulesFileError, Severity, load_rules

WHOLE_LIST_PATHS = frozenset({"phoneNumbers"})
"""Paths of a list as a whole, whose errors never cover a finding."""
UNKNOWN_CARRIER = "the losing carrier"
"""What ``{carrier}`` reads when a finding is not about one known carrier."""


@dataclass(frozen=True)
class Finding:
    """One thing a losing carrier is likely to reject (or worth knowing), and how to fix it."""

    rule_id: str
    severity: Severity
    text: str
    fix: str
    step: Step
    """The wizard step whose form has ``field``."""
    field: str
    """The API path to fix: per-number (``endUser.state``) or of the order."""
    numbers: tuple[str, ...]
    """The numbers concerned (every number, for a finding about the whole order)."""
    carrier: str | None
    """The losing carrier concerned; None for the order as a whole or no known carrier."""

    def __str__(self) -> str:
        return f"{self.severity}: {self.text}. {self.fix}"


class _Values(dict[str, str]):
    """Template values; a name the check does not give stays visible rather than failing
    (a reworded rules file must never stop the wizard)."""

    def __missing__(self, name: str) -> str:
        return f"{{{name}}}"


def _numbers_text(numbers: Sequence[str]) -> str:
    if len(numbers) == 1:
        return format_for_display(numbers[0])
    return f"{len(numbers)} numbers"


def _finding(rule: Rule, hits: Sequence[Hit]) -> Finding:
    first = hits[0]
    numbers = tuple(dict.fromkeys(phone for hit in hits for phone in hit.numbers))
    values = _Values(
        carrier=first.carrier or UNKNOWN_CARRIER,
        count=str(len(numbers)),
        numbers=_numbers_text(numbers),
    )
    values.update(first.params)
    field = first.field or rule.field
    return Finding(
        rule_id=rule.id,
        severity=rule.severity,
        text=rule.text.format_map(values),
        fix=rule.fix.format_map(values),
        step=rule.step if first.field is None else step_of_path(field),
        field=field,
        numbers=numbers,
        # Hits of several carriers merged (the texts name none) belong to the whole order.
        carrier=first.carrier if len({carrier_key(h.carrier or "") for h in hits}) == 1 else None,
    )


def _findings_of(rule: Rule, facts: OrderFacts, context: PreflightContext) -> list[Finding]:
    # Hits that would read the same (one carrier, equal values, same field) become one
    # finding, so that 40 numbers without a PIN are one line, not 40.
    # A rule whose texts do not name the carrier reads the same for every carrier: one line.
    per_carrier = "{carrier}" in rule.text or "{carrier}" in rule.fix
    groups: dict[tuple[str, tuple[tuple[str, str], ...], str | None], list[Hit]] = {}
    for hit in CHECKS[rule.id](facts, context):
        carrier = carrier_key(hit.carrier or "") if per_carrier else ""
        key = (carrier, hit.params, hit.field)
        groups.setdefault(key, []).append(hit)
    return [_finding(rule, hits) for hits in groups.values()]


def preflight(
    facts: OrderFacts, context: PreflightContext, rules: Sequence[Rule] | None = None
) -> list[Finding]:
    """Every finding on ``facts``: warnings first, then those concerning more numbers.

    ``rules`` defaults to the packaged table; a rule left out of it is not run, and a rule
    with no check is a ``RulesFileError``.
    """
    table = load_rules() if rules is None else rules
    unknown = [rule.id for rule in table if rule.id not in CHECKS]
    if unknown:
        raise RulesFileError(f"no check for rule {', '.join(map(repr, unknown))}")
    found = [finding for rule in table for finding in _findings_of(rule, facts, context)]
    # sorted() is stable: among equals, the table's order stays.
    return sorted(found, key=lambda f: (f.severity != Severity.WARNING, -len(f.numbers)))


class FieldProblem(Protocol):
    """An error on a field (``draft_checks.DraftProblem``): None as number means every one."""

    @property
    def path(self) -> str: ...

    @property
    def number(self) -> str | None: ...


def without_errors(findings: Iterable[Finding], problems: Iterable[FieldProblem]) -> list[Finding]:
    """The findings that do not repeat an error: one is dropped when its field has an error
    for all of its numbers (a weekend port date is an error of a draft and a warning of an
    order already sent)."""
    covered: dict[str, set[str | None]] = {}
    for problem in problems:
        # An error on the numbers as a whole (one not portable, not checked yet) is not what a
        # finding on them says (another order holds one): only single fields' errors repeat.
        if problem.path not in WHOLE_LIST_PATHS:
            covered.setdefault(problem.path, set()).add(problem.number)
    return [
        f
        for f in findings
        if not (
            f.field in covered and (None in covered[f.field] or set(f.numbers) <= covered[f.field])
        )
    ]


@dataclass(frozen=True)
class CarrierRisk:
    """The review's risk line of one carrier group."""

    carrier: str | None
    """None: the order as a whole, and numbers of no known carrier."""
    numbers: tuple[str, ...]
    warnings: int
    advice: int
    texts: tuple[str, ...]
    """The findings' texts, most important first."""


def risk_summary(findings: Sequence[Finding], facts: OrderFacts | None = None) -> list[CarrierRisk]:
    """The findings by losing carrier, riskiest group first (the order-wide one leads).

    With ``facts`` every carrier group of the order has a line, clean ones too, and lists all
    its numbers; without, only groups with findings, listing the numbers concerned.
    """
    names: dict[str, str | None] = {}
    numbers: dict[str, dict[str, None]] = {}
    grouped: dict[str, list[Finding]] = {}

    def group(carrier: str | None) -> str:
        key = carrier_key(carrier or "")
        names.setdefault(key, carrier or None)
        numbers.setdefault(key, {})
        grouped.setdefault(key, [])
        return key

    if facts is not None:
        for number in facts.numbers:
            numbers[group(number.carrier)][number.phone] = None
    for finding in findings:
        key = group(finding.carrier)
        grouped[key].append(finding)
        if facts is None:
            numbers[key].update(dict.fromkeys(finding.numbers))
    risks = [
        CarrierRisk(
            names[key],
            tuple(numbers[key]),
            sum(f.severity == Severity.WARNING for f in grouped[key]),
            sum(f.severity == Severity.ADVICE for f in grouped[key]),
            tuple(f.text for f in grouped[key]),
        )
        for key in numbers
    ]
    return sorted(
        risks,
        key=lambda r: (
            r.carrier is not None,
            -r.warnings,
            -r.advice,
            -len(r.numbers),
            carrier_key(r.carrier or ""),
        ),
    )


def findings_by_step(findings: Iterable[Finding]) -> Mapping[Step, list[Finding]]:
    """The findings each wizard step shows next to its fields (review shows them all)."""
    by_step: dict[Step, list[Finding]] = {}
    for finding in findings:
        by_step.setdefault(finding.step, []).append(finding)
    return by_step
