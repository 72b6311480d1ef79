"""Reading the past rejections the local store remembers: its timeline and webhook events."""

from __future__ import annotations

from porting_tui.client import InvalidResponseError, WebhookEventType
from porting_tui.insights.past_rejections import (
    FROM_WEBHOOK,
    SEEN_BY_APP,
    PastRejection,
    PastRejections,
)
from porting_tui.local.rejection_history import parse_rejected_entry, rejection_texts
from porting_tui.local.store import LocalStore
from porting_tui.local.timeline import Timeline
from porting_tui.webhooks.event_store import MAX_KEPT_EVENTS, WebhookEventStore


def read_past_rejections(store: LocalStore, profile: str) -> PastRejections:
    """Every rejection of ``profile``'s orders the app recorded, and every one a stored
    NUMBERS_REJECTED event carried (events received without a profile included: a receiver
    run without one still served this project, most likely)."""
    entries = [
        PastRejection(order_id, entry.reason, entry.numbers, entry.count, SEEN_BY_APP)
        for order_id, text in rejection_texts(store, profile)
        if (entry := parse_rejected_entry(text)) is not None
    ]
    events = WebhookEventStore(store).recent(
        profile=profile, event_type=WebhookEventType.NUMBERS_REJECTED, limit=MAX_KEPT_EVENTS
    )
    for received in events:
        order_id = received.numeric_order_id
        try:
            event = received.event()
        except InvalidResponseError:
            continue  # kept as received, but not readable as an event: nothing to count
        if order_id is None or not event.phone_numbers:
            continue
        for number in event.phone_numbers:
            if number.status not in (None, "REJECTED"):
                continue
            reason = number.reject_reason or ""
            entries.append(PastRejection(order_id, reason, (number.phone_number,), 1, FROM_WEBHOOK))
    first = Timeline(store, profile).first_observed()
    # The operator's own calendar day, as the screen's dates are.
    since = first.astimezone().date() if first is not None else None
    return PastRejections(tuple(entries), since)
