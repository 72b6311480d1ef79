"""Pre-flight in the edit dialog: the order checked as it would be saved, and where each
finding shows (under an order field, under a number field for the chosen numbers, or in the
dialog's pre-flight line)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from pydantic import ValidationError
from textual.content import Content

from porting_tui.client import Order
from porting_tui.domain.order_edit import ORDER_EDIT_FORM, OrderEdit, apply_edit, read_edit
from porting_tui.domain.preflight import (
    Finding,
    PreflightContext,
    facts_from_order,
    preflight,
    without_errors,
)
from porting_tui.tui.widgets.preflight_panel import (
    WARNING_MARK,
    concerning,
    count_text,
    distinct,
    finding_line,
    warning_count,
)

_ORDER_PATHS = frozenset(f.path for f in ORDER_EDIT_FORM)


@dataclass(frozen=True)
class FieldError:
    """A typed value the edit refuses (``read_edit``'s problem), as ``without_errors`` reads it."""

    path: str
    number: str | None = None


def edit_findings(
    order: Order, edit: OrderEdit, problems: Mapping[str, str], context: PreflightContext
) -> list[Finding]:
    """Pre-flight on ``order`` as ``edit`` would save it; a field holding a refused value
    shows its error only."""
    try:
        preview = apply_edit(order, edit)
    except (ValidationError, ValueError):
        preview = order
    findings = preflight(facts_from_order(preview), context)
    return without_errors(findings, [FieldError(path) for path in problems if path])


def check_edit(
    order: Order,
    order_input: Mapping[str, str],
    number_input: Mapping[str, str],
    selected: Collection[str],
    removed: Collection[str],
    today: date,
    context: PreflightContext,
) -> list[Finding]:
    """The findings of the order as the dialog's values would save it (pure: run in a
    thread)."""
    edit, problems = read_edit(order, order_input, number_input, selected, removed, today)
    return edit_findings(order, edit, problems, context)


def split_findings(
    findings: Sequence[Finding], chosen: Collection[str]
) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """(on order fields, on number fields about a chosen number, the others)."""
    ordered = [f for f in findings if f.field in _ORDER_PATHS]
    numbered = [f for f in findings if f.field not in _ORDER_PATHS]
    about_chosen = concerning(numbered, chosen)
    return ordered, about_chosen, [f for f in numbered if f not in about_chosen]


def preflight_line(findings: Sequence[Finding], elsewhere: Sequence[Finding]) -> Content:
    """One line: ``⚠ Pre-flight: 2 warnings · 1 advice (2 under the fields) · ℹ No document
    uploaded…``, naming what no field of the dialog shows (a missing document, numbers not
    chosen)."""
    mark = f"{WARNING_MARK} " if warning_count(findings) else ""
    text = Content(f"{mark}Pre-flight: {count_text(findings)}")
    if placed := len(findings) - len(elsewhere):
        text += Content(f" ({placed} under the fields)")
    for finding in distinct(elsewhere):
        text += Content(" · ") + finding_line(finding, fix=False)
    return text
