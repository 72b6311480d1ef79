"""Pre-flight on the command line: the wizard's warnings for an order file, before it is sent.

The rules are the app's (``domain/preflight``); what they need from the API is asked here:
each number's losing carrier (the portability check) and whether another open order holds it
(the order list's phone-number filter). Both are reads: a dry run still creates nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from porting_tui.cli.output import info, print_table

if TYPE_CHECKING:
    from porting_tui.client import PortingClient
    from porting_tui.domain.preflight import Finding

PORTABILITY_BATCH = 100


@dataclass(frozen=True)
class PreflightReport:
    """The findings for one order file, and what could not be asked."""

    findings: list[Finding]
    unchecked: list[str] = field(default_factory=list)
    """Numbers whose open-order lookup failed: nobody knows whether another order holds them."""
    problem: str = ""
    """Why the API could not be asked at all (the rules ran without carriers), or ""."""

    @property
    def warnings(self) -> int:
        return sum(1 for finding in self.findings if finding.severity == "warning")

    @property
    def advice(self) -> int:
        return len(self.findings) - self.warnings

    def to_json(self) -> dict[str, Any]:
        return {
            "warnings": self.warnings,
            "advice": self.advice,
            "findings": [
                {
                    "rule": finding.rule_id,
                    "severity": str(finding.severity),
                    "text": finding.text,
                    "fix": finding.fix,
                    "field": finding.field,
                    "carrier": finding.carrier,
                    "numbers": list(finding.numbers),
                }
                for finding in self.findings
            ],
            "openOrdersNotChecked": self.unchecked,
            **({"problem": self.problem} if self.problem else {}),
        }


def _numbers_of(body: Mapping[str, Any]) -> list[str]:
    entries = body.get("phoneNumbers")
    return [
        entry["phoneNumber"]
        for entry in (entries if isinstance(entries, list) else [])
        if isinstance(entry, Mapping) and isinstance(entry.get("phoneNumber"), str)
    ]


async def preflight_order(
    client: PortingClient, body: Mapping[str, Any], today: date
) -> PreflightReport:
    """Run the pre-flight rules on an order's request body, asking the API what they need.

    An API that cannot be reached does not fail the command: the rules that need a carrier or
    the other orders stay quiet, and the report says why.
    """
    from porting_tui.client import PortingError
    from porting_tui.domain.preflight import PreflightContext, facts_from_body, preflight
    from porting_tui.listing.preflight_context import look_up_open_orders

    numbers = _numbers_of(body)
    carriers: dict[str, str] = {}
    problem = ""
    try:
        for start in range(0, len(numbers), PORTABILITY_BATCH):
            results = await client.portability.check(numbers[start : start + PORTABILITY_BATCH])
            carriers.update({r.phone_number: r.carrier or "" for r in results if r.phone_number})
    except PortingError as error:
        problem = f"the portability check failed ({error}); rules that need the carrier skipped"
    holders = await look_up_open_orders(client, numbers)
    context = PreflightContext(today, holders.holders)
    findings = preflight(facts_from_body(body, carriers), context)
    return PreflightReport(findings, sorted(holders.failed), problem)


def print_report(report: PreflightReport) -> None:
    """The findings as a table on stdout, and a one-line verdict on stderr."""
    if report.problem:
        info(f"Pre-flight: {report.problem}.")
    if report.findings:
        print_table(
            ("Severity", "Rule", "Numbers", "What", "Fix"),
            (
                (
                    str(finding.severity),
                    finding.rule_id,
                    _numbers_text(finding.numbers),
                    finding.text,
                    finding.fix,
                )
                for finding in report.findings
            ),
        )
    if report.unchecked:
        info(
            f"Pre-flight: {len(report.unchecked)} number(s) could not be looked up in other "
            "open orders."
        )
    info(verdict(report))


def verdict(report: PreflightReport) -> str:
    if not report.warnings:
        extra = f" ({report.advice} advice)" if report.advice else ""
        return f"Pre-flight: clean, no known risk{extra}."
    return (
        f"Pre-flight: {report.warnings} warning(s), {report.advice} advice: the losing carrier "
        "is likely to reject what the warnings name; fix them, or send anyway."
    )


def _numbers_text(numbers: tuple[str, ...]) -> str:
    if len(numbers) <= 2:
        return ", ".join(numbers)
    return f"{numbers[0]} and {len(numbers) - 1} more"
