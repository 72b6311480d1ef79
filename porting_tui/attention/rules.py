"""Why an open order needs the operator now: one rule per reason, each with a weight.

Every rule reads the order as it is now and nothing else: what the operator has already seen
does not make a reason go away (seen-state only dims and orders the rows). A reason leaves
once its cause is gone: fixed numbers are no longer REJECTED, an answered note is older than
the operator's own, an activated group is no longer ready, a FOC date passes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from porting_tui.attention.settings import OPEN_STATUSES, AttentionSettings
from porting_tui.domain.business_days import add_business_days, business_days_between
from porting_tui.domain.rejection_hints import hint_for
from porting_tui.local.order_state import NumberState, OrderState

REJECTED = "rejected"
EXCLUDED = "excluded"
NOTE = "note"
READY = "ready"
FOC_SOON = "foc_soon"
STALE = "stale"


@dataclass(frozen=True)
class Reason:
    kind: str
    weight: int
    """Higher is more urgent; the ranking sorts on it."""
    text: str
    """The reason as a short chip, e.g. ``2 rejected`` or ``FOC tomorrow``."""
    step: str
    """The next step it asks for, e.g. ``fix PIN``, ``answer note``, ``activate``."""


def numbers_in(state: OrderState, status: str) -> list[NumberState]:
    return [number for number in state.numbers if number.status == status]


def rejection_step(rejected: list[NumberState]) -> str:
    """What fixes the most common rejection of the order, from the hints playbook."""
    steps = Counter(
        hint.step if (hint := hint_for(number.reason)) is not None else "read rejection"
        for number in rejected
    )
    return steps.most_common(1)[0][0]


def unanswered_notes(state: OrderState, own: frozenset[str]) -> int:
    """Notes by someone else (Sinch, the carrier) newer than the operator's latest note."""
    own_times = [n.created_time for n in state.notes if n.author in own and n.created_time]
    latest_own = max(own_times, default=None)
    count = 0
    for note in state.notes:
        if note.author in own:
            continue
        if latest_own is not None and (
            note.created_time is None or note.created_time <= latest_own
        ):
            continue
        count += 1
    return count


def ready_groups(state: OrderState, today: date) -> list[str]:
    """Groups of an on-demand order with CONFIRMED numbers whose FOC day has come."""
    if not state.on_demand:
        return []
    groups = {
        n.group or "(no group)"
        for n in state.numbers
        if n.status == "CONFIRMED" and n.foc_date and state.local_date(n.foc_date) <= today
    }
    return sorted(groups)


def foc_phrase(day: date, today: date) -> str:
    if day == today:
        return "FOC today"
    if (day - today).days == 1:
        return "FOC tomorrow"
    return f"FOC {day:%a %m-%d}"


def soon_foc(state: OrderState, today: date, business_days: int) -> date | None:
    """The nearest FOC date of a CONFIRMED number from today to ``business_days`` ahead."""
    horizon = add_business_days(today, business_days)
    days = [
        state.local_date(n.foc_date)
        for n in state.numbers
        if n.status == "CONFIRMED" and n.foc_date is not None
    ]
    upcoming = [day for day in days if today <= day <= horizon]
    return min(upcoming, default=None)


def idle_business_days(state: OrderState, changed_at: datetime | None, now: datetime) -> int:
    """Business days since the order last changed (as far as the app and the server know)."""
    moments = [m for m in (changed_at, state.last_activity()) if m is not None]
    if not moments:
        return 0
    return business_days_between(state.local_date(max(moments)), state.local_date(now))


def assess(
    state: OrderState,
    *,
    now: datetime,
    changed_at: datetime | None,
    settings: AttentionSettings,
) -> tuple[Reason, ...]:
    """The reasons the order needs attention now, most urgent first (empty: it does not)."""
    if state.status not in OPEN_STATUSES:
        return ()
    today = state.local_date(now)
    reasons: list[Reason] = []
    rejected = numbers_in(state, "REJECTED")
    if rejected:
        reasons.append(Reason(REJECTED, 100, f"{len(rejected)} rejected", rejection_step(rejected)))
    notes = unanswered_notes(state, settings.own_authors)
    if notes:
        text = "note ✉" if notes == 1 else f"{notes} notes ✉"
        reasons.append(Reason(NOTE, 80, text, "answer note"))
    groups = ready_groups(state, today)
    if groups:
        text = "ready to activate" if len(groups) == 1 else f"{len(groups)} groups ready"
        reasons.append(Reason(READY, 70, text, "activate"))
    foc = soon_foc(state, today, settings.foc_business_days)
    if foc is not None and not (groups and foc <= today):
        weight = 65 - min((foc - today).days, 5)
        reasons.append(Reason(FOC_SOON, weight, foc_phrase(foc, today), "prepare cut-over"))
    excluded = numbers_in(state, "EXCLUDED")
    if excluded:
        reasons.append(Reason(EXCLUDED, 50, f"{len(excluded)} excluded", "review exclusion"))
    if state.status == "PENDING":
        idle = idle_business_days(state, changed_at, now)
        if idle > settings.stale_pending_days:
            reasons.append(Reason(STALE, 40 + min(idle, 20), f"no change {idle} bd", "ask Sinch"))
    reasons.sort(key=lambda reason: -reason.weight)
    return tuple(reasons)
