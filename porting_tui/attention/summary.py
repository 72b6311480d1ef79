"""The "since you last looked" summary of an order, in a few short phrases."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from porting_tui.attention.changes import (
    KIND_ADDED,
    KIND_DOCUMENT,
    KIND_FOC,
    KIND_NOTE,
    KIND_NUMBERS,
    KIND_REMOVED,
    KIND_STATUS,
    Change,
    diff_states,
)
from porting_tui.local.order_state import OrderState
from porting_tui.local.seen_state import SeenOrder

FIRST_LOOK = "First look at this order"
NOTHING_NEW = "Nothing new since you last looked"


@dataclass(frozen=True)
class SinceLastLooked:
    seen_at: datetime | None
    """When the operator last looked; None for a first look."""
    items: tuple[str, ...]

    @property
    def first_look(self) -> bool:
        return self.seen_at is None

    @property
    def text(self) -> str:
        """One line: ``+1 note from Sinch Porting, +3 numbers CONFIRMED, FOC set to ...``."""
        if self.items:
            return ", ".join(self.items)
        return FIRST_LOOK if self.first_look else NOTHING_NEW


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _note_phrases(notes: list[Change], own_authors: Collection[str]) -> list[str]:
    by_author: dict[str, int] = {}
    for note in notes:
        author = "you" if note.subject in own_authors else (note.subject or "someone")
        by_author[author] = by_author.get(author, 0) + 1
    return [f"+{_plural(count, 'note')} from {author}" for author, count in by_author.items()]


def _phrase(change: Change) -> str:
    if change.kind == KIND_NUMBERS:
        sign = "" if ":" in change.subject else "+"
        return f"{sign}{_plural(change.count, 'number')} {change.subject}"
    if change.kind == KIND_ADDED:
        return f"+{_plural(change.count, 'number')} added"
    if change.kind == KIND_REMOVED:
        return f"{_plural(change.count, 'number')} removed"
    if change.kind == KIND_FOC:
        return f"FOC {change.subject.replace(' ', ' to ', 1)}"
    if change.kind == KIND_STATUS:
        return f"order now {change.subject}"
    return change.text


def summarize(changes: list[Change], own_authors: Collection[str] = ()) -> list[str]:
    """Short phrases for ``changes``: notes first, then numbers, FOC, documents, status."""
    phrases = _note_phrases([c for c in changes if c.kind == KIND_NOTE], own_authors)
    for kind in (KIND_NUMBERS, KIND_ADDED, KIND_REMOVED, KIND_FOC):
        phrases += [_phrase(c) for c in changes if c.kind == kind]
    documents = [c.subject for c in changes if c.kind == KIND_DOCUMENT]
    if documents:
        phrases.append(f"+{_plural(len(documents), 'document')}: {', '.join(documents)}")
    phrases += [_phrase(c) for c in changes if c.kind == KIND_STATUS]
    return phrases


def since_last_looked(
    seen: SeenOrder | None, current: OrderState, *, own_authors: Collection[str] = ()
) -> SinceLastLooked:
    """What changed on the order since the operator last looked at it."""
    if seen is None:
        return SinceLastLooked(None, ())
    return SinceLastLooked(
        seen.seen_at, tuple(summarize(diff_states(seen.state, current), own_authors))
    )
