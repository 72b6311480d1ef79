"""Why an open order needs the operator now: one rule per reason, each with a weight.

Every rule reads the order as it is now, so a reason disappears on its own once resolved:
fixed numbers are no longer REJECTED, an activated group is no longer ready, a FOC date
passes, an answered note is older than the operator's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from porting_tui.attention.settings import OPEN_STATUSES, AttentionSettings
from porting_tui.domain.business_days import add_business_days
from porting_tui.local.order_state import OrderState
from porting_tui.local.seen_state import SeenOrder

REJECTED = "rejected"
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
    """What the Why column says, e.g. ``2 rejected`` or ``FOC tomorrow``."""


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def new_rejections(state: OrderState, seen: SeenOrder | None) -> int:
    """REJECTED numbers the operator has not seen rejected (again) yet."""
    known = set()
    if seen is not None:
        known = {
            (n.phone_number, n.status_time) for n in seen.state.numbers if n.status == "REJECTED"
        }
    return sum(
        1
        for n in state.numbers
        if n.status == "REJECTED" and (n.phone_number, n.status_time) not in known
    )


def unanswered_notes(state: OrderState, seen: SeenOrder | None, own: frozenset[str]) -> int:
    """Notes by someone else, newer than the last look and than the operator's latest note."""
    own_times = [n.created_time for n in state.notes if n.author in own and n.created_time]
    latest_own = max(own_times, default=None)
    seen_digests = {n.digest for n in seen.state.notes} if seen else set()
    count = 0
    for note in state.notes:
        if note.author in own or note.digest in seen_digests:
            continue
        if latest_own is not None and note.created_time and note.created_time <= latest_own:
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


def _foc_phrase(day: date, today: date) -> str:
    if day == today:
        return "FOC today"
    if day == today + timedelta(days=1):
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


def assess(
    state: OrderState,
    seen: SeenOrder | None,
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
    rejected = new_rejections(state, seen)
    if rejected:
        reasons.append(Reason(REJECTED, 100, f"{rejected} rejected"))
    notes = unanswered_notes(state, seen, settings.own_authors)
    if notes:
        reasons.append(Reason(NOTE, 80, "new note ✉" if notes == 1 else f"{notes} new notes ✉"))
    groups = ready_groups(state, today)
    if groups:
        text = "ready to activate" if len(groups) == 1 else f"{len(groups)} groups ready"
        reasons.append(Reason(READY, 70, text))
    foc = soon_foc(state, today, settings.foc_business_days)
    if foc is not None and not (groups and foc <= today):
        reasons.append(Reason(FOC_SOON, 65 - min((foc - today).days, 5), _foc_phrase(foc, today)))
    if state.status == "PENDING":
        moments = [m for m in (changed_at, state.last_activity()) if m is not None]
        if moments:
            idle = now - max(moments)
            if idle > timedelta(days=settings.stale_pending_days):
                days = idle.days
                reasons.append(Reason(STALE, 40 + min(days, 20), f"no change {days} days"))
    reasons.sort(key=lambda reason: -reason.weight)
    return tuple(reasons)
