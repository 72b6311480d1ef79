"""Short human descriptions of webhook events, the same in the terminal and in the app."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from porting_tui.client import WebhookEventType

if TYPE_CHECKING:
    from porting_tui.client import WebhookEvent

MAX_NOTE_CHARACTERS = 80
MAX_NUMBERS_LISTED = 3
MASK = "••••"
SECRET_KEYS = frozenset({"existingPortOutPin", "accountNum", "newPortOutPin"})
"""Port-out PINs and account numbers, which ORDER_UPDATED events carry per number."""
# Characters a terminal may act on even inside JSON strings: C1 controls, DEL, line
# separators and bidi overrides. JSON allows them raw; shown, they become \u escapes.
_TERMINAL_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def mask_secrets(data: Any) -> Any:
    """A copy of JSON data with every PIN and account number replaced by a fixed mask."""
    if isinstance(data, Mapping):
        return {
            key: MASK if key in SECRET_KEYS and value not in (None, "") else mask_secrets(value)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [mask_secrets(item) for item in data]
    return data


def inert_json(text: str) -> str:
    """JSON text that cannot drive a terminal; still the same JSON (escapes are equivalent)."""
    return _TERMINAL_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def pretty_json(data: Any) -> str:
    return inert_json(json.dumps(data, indent=2, ensure_ascii=False))


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
        count = len(order.phone_numbers)
        return f"order {order.status}, {count} number{'s' if count != 1 else ''}"
    if event.phone_numbers is not None:
        return _numbers_summary(event)
    return "event of a kind this version does not know"
