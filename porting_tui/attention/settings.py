"""The knobs of the Needs attention view, with their defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import timedelta
from typing import Any

OPEN_STATUSES = ("PENDING", "CONFIRMED")
"""Orders in these statuses can still need the operator; the others are settled."""

START_CONCURRENCY = 8
"""Detail requests in flight at the start of a fetch (fewer when the maximum is lower)."""
MAX_CONCURRENCY = 16
"""The most detail requests in flight a fetch ever allows, however many successes."""


@dataclass(frozen=True)
class AttentionSettings:
    stale_pending_days: int = 5
    """A PENDING order with no change for longer than this is flagged."""
    foc_business_days: int = 2
    """A FOC date within this many business days from today is flagged."""
    concurrency: int = MAX_CONCURRENCY
    """The most order details the background fetch requests at once. It starts at
    ``START_CONCURRENCY`` (or this, when lower), halves on each 429 and grows back by one
    after a run of successes; 4 here means 4 at most."""
    note_check: timedelta = timedelta(minutes=30)
    """How often, about, the details of an open order are read again although its list row did
    not change: a new note changes no counter of the row. Anything that does change the row,
    and any order a webhook names, is read again at the next refresh."""
    own_authors: frozenset[str] = field(default_factory=frozenset)
    """Note authors that are the operator (the key id the API writes as the author)."""

    def __post_init__(self) -> None:
        if not 1 <= self.concurrency <= MAX_CONCURRENCY:
            raise ValueError(f"concurrency must be 1 to {MAX_CONCURRENCY}")
        if self.note_check <= timedelta(0):
            raise ValueError("note_check must be positive")
        if self.stale_pending_days < 1:
            raise ValueError("stale_pending_days must be at least 1")
        if self.foc_business_days < 0:
            raise ValueError("foc_business_days cannot be negative")

    def with_overrides(self, values: Mapping[str, Any]) -> AttentionSettings:
        """These settings with the known keys of ``values`` (e.g. a config table) applied."""
        known = {f.name for f in fields(self)} - {"own_authors", "note_check"}
        changes: dict[str, Any] = {k: int(v) for k, v in values.items() if k in known}
        # max_detail_age_minutes: the name of the setting before notes had their own cadence.
        for key in ("max_detail_age_minutes", "note_check_minutes"):
            if key in values:
                changes["note_check"] = timedelta(minutes=float(values[key]))
        return replace(self, **changes)
