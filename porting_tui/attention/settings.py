"""The knobs of the Needs attention view, with their defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import timedelta
from typing import Any

OPEN_STATUSES = ("PENDING", "CONFIRMED")
"""Orders in these statuses can still need the operator; the others are settled."""


@dataclass(frozen=True)
class AttentionSettings:
    stale_pending_days: int = 5
    """A PENDING order with no change for longer than this is flagged."""
    foc_business_days: int = 2
    """A FOC date within this many business days from today is flagged."""
    concurrency: int = 4
    """How many order details the background fetch requests at once."""
    max_detail_age: timedelta = timedelta(minutes=15)
    """Cached details are fetched again after this long even if the list row did not change
    (a new note changes no counter of the list row)."""
    own_authors: frozenset[str] = field(default_factory=frozenset)
    """Note authors that are the operator (the key id the API writes as the author)."""

    def __post_init__(self) -> None:
        if self.concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        if self.stale_pending_days < 1:
            raise ValueError("stale_pending_days must be at least 1")
        if self.foc_business_days < 0:
            raise ValueError("foc_business_days cannot be negative")

    def with_overrides(self, values: Mapping[str, Any]) -> AttentionSettings:
        """These settings with the known keys of ``values`` (e.g. a config table) applied."""
        known = {f.name for f in fields(self)} - {"own_authors", "max_detail_age"}
        changes: dict[str, Any] = {k: int(v) for k, v in values.items() if k in known}
        if "max_detail_age_minutes" in values:
            changes["max_detail_age"] = timedelta(minutes=float(values["max_detail_age_minutes"]))
        return replace(self, **changes)
