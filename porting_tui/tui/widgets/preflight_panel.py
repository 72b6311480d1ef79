"""Pre-flight findings as the screens show them: one line per finding, lines per field, the
review's risk per carrier group, and PreflightPanel, the order detail's one-line summary.

Finding texts name carriers and values the server sent, so every piece is built with
``Content.assemble`` from inert text: nothing in them is ever read as markup.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from textual.content import Content
from textual.widgets import Static

from porting_tui.domain.inert_text import inert_text
from porting_tui.domain.preflight import CarrierRisk, Finding, OrderFacts, Severity, risk_summary

WARNING_MARK = "⚠"
ADVICE_MARK = "ℹ"
WARNING_STYLE = "$text-warning"
ADVICE_STYLE = "$text-muted"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def warning_count(findings: Iterable[Finding]) -> int:
    return sum(1 for f in findings if f.severity == Severity.WARNING)


def count_text(findings: Sequence[Finding]) -> str:
    """``2 warnings · 1 advice``; ``no known risk`` when there is nothing. Findings that read
    the same (one per carrier) count once, as they are shown once."""
    shown = distinct(findings)
    warnings = warning_count(shown)
    advice = len(shown) - warnings
    parts = [_plural(warnings, "warning")] if warnings else []
    if advice:
        parts.append(f"{advice} advice")
    return " · ".join(parts) or "no known risk"


def distinct(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per text: two carriers' identical findings (a ZIP code not in the state)
    read the same under a field, and are shown once."""
    seen: set[tuple[Severity, str]] = set()
    kept = []
    for finding in findings:
        key = (finding.severity, finding.text)
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    return kept


def finding_line(finding: Finding, *, fix: bool = True) -> Content:
    """``⚠ No port-out PIN for 3 numbers of T-Mobile (wireless) — Wireless carriers reject…``"""
    if finding.severity == Severity.WARNING:
        mark = (f"{WARNING_MARK} ", WARNING_STYLE)
    else:
        mark = (f"{ADVICE_MARK} ", ADVICE_STYLE)
    parts: list[str | tuple[str, str]] = [mark, inert_text(finding.text)]
    if fix:
        parts.append((f" — {inert_text(finding.fix)}", "$text-muted"))
    return Content.assemble(*parts)


def findings_lines(
    findings: Sequence[Finding], *, limit: int | None = None, more: str = "the review lists all"
) -> Content:
    """A line per finding (identical texts once), at most ``limit`` and a line saying how
    many more there are."""
    kept = distinct(findings)
    shown = kept if limit is None else kept[:limit]
    lines = [finding_line(finding) for finding in shown]
    if len(kept) > len(shown):
        lines.append(Content(f"… and {len(kept) - len(shown)} more: {more}"))
    return Content("\n").join(lines)


def by_field(
    findings: Iterable[Finding], paths: Collection[str]
) -> tuple[dict[str, Content], list[Finding]]:
    """The lines to show under each field of ``paths``, and the findings of no such field."""
    placed: dict[str, list[Finding]] = {}
    elsewhere: list[Finding] = []
    for finding in findings:
        if finding.field in paths:
            placed.setdefault(finding.field, []).append(finding)
        else:
            elsewhere.append(finding)
    return {path: findings_lines(found) for path, found in placed.items()}, elsewhere


def concerning(findings: Iterable[Finding], numbers: Collection[str]) -> list[Finding]:
    """The findings about at least one of ``numbers``."""
    wanted = set(numbers)
    return [f for f in findings if wanted.intersection(f.numbers)]


def group_name(risk: CarrierRisk) -> str:
    count = _plural(len(risk.numbers), "number")
    if risk.carrier is not None:
        return f"{inert_text(risk.carrier)} ({count})"
    return f"No known carrier ({count})" if risk.numbers else "Whole order"


def risk_line(risk: CarrierRisk) -> Content:
    """``⚠ T-Mobile (6 numbers) · 2 warnings: No port-out PIN…; No account number…``"""
    name = (group_name(risk), "bold")
    if not risk.warnings:
        return Content.assemble(("✓ ", "$text-success"), name, " · no known risk")
    texts = "; ".join(inert_text(text) for text in risk.texts[: risk.warnings])
    count = (f" · {_plural(risk.warnings, 'warning')}", f"bold {WARNING_STYLE}")
    return Content.assemble((f"{WARNING_MARK} ", WARNING_STYLE), name, count, f": {texts}")


def risk_text(
    findings: Sequence[Finding],
    facts: OrderFacts,
    open_orders: str = "",
    *,
    with_advice: bool = True,
) -> Content:
    """The review's risk section: a line per carrier group (riskiest first, clean ones too),
    then the advice with what to do, then ``open_orders`` (how far that check got)."""
    heading = Content.assemble(("Risk", "bold"), f" · pre-flight found {count_text(findings)}")
    lines = [heading]
    for risk in risk_summary(findings, facts):
        if risk.carrier is None and not risk.numbers and not risk.warnings:
            continue  # the whole order has only advice: listed below
        lines.append(risk_line(risk))
    advice = [f for f in findings if f.severity == Severity.ADVICE] if with_advice else []
    lines += [finding_line(finding) for finding in distinct(advice)]
    if open_orders:
        lines.append(Content.styled(open_orders, "$text-muted"))
    return Content("\n").join(lines)


class PreflightPanel(Static):
    """One line: what pre-flight found on an order, and the key that lists it."""

    DEFAULT_CSS = """
    PreflightPanel {
        height: 1;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        color: $text-muted;
        &.-warnings { color: $text-warning; }
        &.-off { display: none; }
    }
    """

    def __init__(self, *, key: str = "p", id: str | None = None) -> None:
        """Hidden until shown; the class ``-clean`` says there is nothing to show (a screen
        short of rows may hide the line then)."""
        super().__init__("", id=id, classes="-off")
        self.key = key
        self.findings: list[Finding] = []

    def show(self, findings: Sequence[Finding] | None) -> None:
        """Show ``findings`` (None: hide the line, the order is not one pre-flight looks at)."""
        self.set_class(findings is None, "-off")
        self.set_class(not findings, "-clean")
        self.findings = list(findings or ())
        if findings is None:
            return
        warnings = warning_count(findings)
        text = f"Pre-flight: {count_text(findings)}"
        if findings:
            first = inert_text(findings[0].text)
            text += f" · {self.key} lists them · {first}"
        mark = f"{WARNING_MARK} " if warnings else ""
        self.update(Content(mark + text))
        self.set_class(warnings > 0, "-warnings")
