"""Short human descriptions of webhook events, the same in the terminal and in the app."""

from __future__ import annotations

from collections import Counter

from porting_tui.client import WebhookEvent, WebhookEventType

MAX_NOTE_CHARACTERS = 80
MAX_NUMBERS_LISTED = 3


def _numbers_summary(event: WebhookEvent) -> str:
    numbers = event.phone_numbers or []
    if not numbers:
        return "no numbers"
    statuses = Counter(number.status or "?" for number in numbers)
    counts = ", ".join(f"{count} {status}" for status, count in statuses.items())
    listed = []
    for number in numbers[:MAX_NUMBERS_LISTED]:
        reason = f" ({number.reject_reason})" if number.reject_reason else ""
        listed.append(f"{number.phone_number}{reason}")
    hidden = len(numbers) - MAX_NUMBERS_LISTED
    more = f" +{hidden} more" if hidden > 0 else ""
    return f"{counts}: {', '.join(listed)}{more}"


def describe_event(event: WebhookEvent) -> str:
    """What happened, in one line (server text included as is: render it literally)."""
    if event.type == WebhookEventType.NEW_ORDER_NOTE:
        note = " ".join((event.note or "").split())
        if len(note) > MAX_NOTE_CHARACTERS:
            note = note[: MAX_NOTE_CHARACTERS - 1] + "…"
        return f"note: {note}"
    if event.type == WebhookEventType.ORDER_UPDATED:
        order = event.order
        if order is None:
            return "order updated"
        return f"order {order.status}, {len(order.phone_numbers)} numbers"
    if event.phone_numbers is not None:
        return _numbers_summary(event)
    return "event of a kind this version does not know"
