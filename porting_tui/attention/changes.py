"""What changed between two pictures of an order, as facts for the timeline and the summary."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from porting_tui.local.order_state import NumberState, OrderState

LISTED_NUMBERS = 5

KIND_CREATED = "created"
KIND_STATUS = "status"
KIND_NUMBERS = "numbers"
KIND_ADDED = "added"
KIND_REMOVED = "removed"
KIND_FOC = "foc"
KIND_NOTE = "note"
KIND_DOCUMENT = "document"


@dataclass(frozen=True)
class Change:
    """One observed change; ``key`` identifies it, so whoever observes it records it once."""

    kind: str
    text: str
    """A sentence for the timeline."""
    key: str
    happened_at: datetime | None = None
    """The server's time of the change when the order says it; None: when it was observed."""
    count: int = 1
    """How many numbers, notes or documents the change is about."""
    subject: str = ""
    """The new status of numbers, the author of a note, the name of a document, a FOC date."""


def _digest(parts: Iterable[object]) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def listed(numbers: list[str]) -> str:
    shown = ", ".join(numbers[:LISTED_NUMBERS])
    more = len(numbers) - LISTED_NUMBERS
    return f"{shown} and {more} more" if more > 0 else shown


def _latest(moments: Iterable[datetime | None]) -> datetime | None:
    return max((m for m in moments if m is not None), default=None)


def _number_moves(old: OrderState | None, new: OrderState) -> list[Change]:
    before = {n.phone_number: n for n in old.numbers} if old else {}
    groups: dict[tuple[str, str], list[NumberState]] = {}
    for number in new.numbers:
        previous = before.get(number.phone_number)
        if previous is not None and previous.status == number.status:
            continue
        if previous is None and old is not None:
            continue
        reason = (number.reason or "") if number.status in ("REJECTED", "EXCLUDED") else ""
        groups.setdefault((number.status, reason), []).append(number)
    changes = []
    for (status, reason), members in groups.items():
        phones = [n.phone_number for n in members]
        text = f"{_plural(len(members), 'number')} {status}"
        text += f": {reason} ({listed(phones)})" if reason else f": {listed(phones)}"
        moments = [n.status_time for n in members]
        key = _digest(
            [status, reason, *sorted(f"{n.phone_number}@{n.status_time}" for n in members)]
        )
        changes.append(
            Change(
                KIND_NUMBERS,
                text,
                f"numbers:{key}",
                _latest(moments),
                len(members),
                f"{status}: {reason}" if reason else status,
            )
        )
    return changes


def _added_and_removed(old: OrderState, new: OrderState) -> list[Change]:
    old_phones = {n.phone_number for n in old.numbers}
    new_phones = {n.phone_number for n in new.numbers}
    changes = []
    for kind, phones, verb in (
        (KIND_ADDED, sorted(new_phones - old_phones), "added to"),
        (KIND_REMOVED, sorted(old_phones - new_phones), "removed from"),
    ):
        if phones:
            text = f"{_plural(len(phones), 'number')} {verb} the order: {listed(phones)}"
            changes.append(Change(kind, text, f"{kind}:{_digest(phones)}", None, len(phones)))
    return changes


def _foc_changes(old: OrderState | None, new: OrderState) -> list[Change]:
    before = {n.phone_number: n.foc_date for n in old.numbers} if old else {}
    groups: dict[tuple[str, str], list[NumberState]] = {}
    for number in new.numbers:
        if number.foc_date is None or before.get(number.phone_number) == number.foc_date:
            continue
        verb = "moved" if before.get(number.phone_number) else "set"
        day = new.local_date(number.foc_date).isoformat()
        groups.setdefault((verb, day), []).append(number)
    changes = []
    for (verb, day), members in sorted(groups.items(), key=lambda item: item[0][1]):
        text = f"FOC {verb} to {day} for {_plural(len(members), 'number')}"
        key = _digest([day, *sorted(n.phone_number for n in members)])
        moment = _latest(n.status_time for n in members)
        changes.append(Change(KIND_FOC, text, f"foc:{key}", moment, len(members), f"{verb} {day}"))
    return changes


def _note_changes(old: OrderState | None, new: OrderState) -> list[Change]:
    known = {note.digest for note in old.notes} if old else set()
    return [
        Change(
            KIND_NOTE,
            f"Note from {note.author or 'an unknown author'}",
            f"note:{note.digest}",
            note.created_time,
            1,
            note.author,
        )
        for note in new.notes
        if note.digest not in known
    ]


def _document_changes(old: OrderState | None, new: OrderState) -> list[Change]:
    known = {(d.id, d.name) for d in old.documents} if old else set()
    return [
        Change(
            KIND_DOCUMENT,
            f"Document added: {document.name}",
            f"document:{document.id}:{_digest([document.name])}",
            None,
            1,
            document.name,
        )
        for document in new.documents
        if (document.id, document.name) not in known
    ]


def diff_states(old: OrderState, new: OrderState) -> list[Change]:
    """The changes from ``old`` to ``new`` (two pictures of the same order)."""
    changes = _number_moves(old, new)
    changes += _added_and_removed(old, new)
    changes += _foc_changes(old, new)
    changes += _note_changes(old, new)
    changes += _document_changes(old, new)
    if old.status != new.status:
        # Last: the order's status follows from its numbers.
        fingerprint = _digest(sorted(f"{n.phone_number}:{n.status}" for n in new.numbers))
        changes.append(
            Change(
                KIND_STATUS,
                f"Order status {old.status} → {new.status}",
                f"status:{old.status}>{new.status}:{fingerprint}",
                subject=new.status,
            )
        )
    return changes


def history_changes(state: OrderState) -> list[Change]:
    """What the order's own dates tell of its past, for the first time the app sees it."""
    changes: list[Change] = []
    if state.created_date is not None:
        created = datetime(*state.created_date.timetuple()[:3], tzinfo=UTC)
        changes.append(Change(KIND_CREATED, "Order created", "created", created))
    changes += [c for c in _number_moves(None, state) if c.happened_at is not None]
    changes += _foc_changes(None, state)
    changes += _note_changes(None, state)
    changes += _document_changes(None, state)
    changes.append(
        Change(KIND_STATUS, f"Order status {state.status}", f"status:{state.status}:first")
    )
    return changes
