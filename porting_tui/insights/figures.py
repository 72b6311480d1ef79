"""The figures of Insights, as ``compute.compute_insights`` makes them from pictures of orders.

Which orders count where:

- *The cohort* is the orders created in the period (``OrderState.created_date``). The
  rejections, lead times and status counts describe the cohort. Rejections are those the
  details show now and, when given, those observed before (``rejection_count``): a number
  fixed and sent again no longer shows its own.
- *Weekly counts* place each event in the week it happened, for every order given, as long as
  the day is inside the period: creation (``created_date``), confirmation (the number's
  confirmation time, else its FOC date), completion (the last activation of a COMPLETED order)
  and cancellation (the API gives no time: the order's last activity). Numbers are counted on
  their own days; an order is confirmed on the day of its first confirmed number.
- *Stuck* is every PENDING order given, whenever created, by its age in calendar days on
  ``today`` (``AGE_BUCKETS``); one without a created date is listed apart.

Lead times are one sample per order and losing carrier: created -> the earliest FOC date of
that carrier's numbers on the order, and that FOC date -> the last activation of those numbers
(when at least one is activated). Negative spans (odd data) are left out and counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from porting_tui.insights.distribution import Distribution
from porting_tui.insights.period import Period

WEEKLY_KINDS = ("created", "confirmed", "completed", "cancelled")
"""The stacks of each week's bar, in order."""

ALL_CARRIERS = "All carriers"
"""The carrier name of the lead times of every carrier together."""


@dataclass(frozen=True, slots=True)
class AgeBucket:
    """An age range in calendar days, both ends included (``most`` None: no upper end)."""

    label: str
    least: int
    most: int | None

    def holds(self, age: int) -> bool:
        return age >= self.least and (self.most is None or age <= self.most)


AGE_BUCKETS = (
    AgeBucket("0-2 days", 0, 2),
    AgeBucket("3-5 days", 3, 5),
    AgeBucket("6-10 days", 6, 10),
    AgeBucket("11-20 days", 11, 20),
    AgeBucket("21+ days", 21, None),
)
"""Calendar days, not business days: a stuck order is waiting on weekends too."""


@dataclass(frozen=True, slots=True)
class Tally:
    """Orders (by id, for drill-down) and numbers counted together."""

    order_ids: tuple[int, ...] = ()
    numbers: int = 0

    @property
    def orders(self) -> int:
        return len(self.order_ids)


@dataclass(frozen=True, slots=True)
class WeekFigures:
    """What happened in one Monday-start week (cut to the period at either end)."""

    monday: date
    first_day: date
    last_day: date
    created: Tally
    confirmed: Tally
    completed: Tally
    cancelled: Tally

    def tally(self, kind: str) -> Tally:
        """The tally of one of ``WEEKLY_KINDS``."""
        if kind not in WEEKLY_KINDS:
            raise ValueError(f"no weekly count named {kind!r}; one of {', '.join(WEEKLY_KINDS)}")
        tally: Tally = getattr(self, kind)
        return tally


@dataclass(frozen=True, slots=True)
class RejectionReason:
    """One reason a carrier gave, with the numbers and orders it was given for."""

    reason: str
    numbers: int
    share: float
    """Of the carrier's numbers on the cohort's orders, 0 to 1."""
    order_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class CarrierRejections:
    """A losing carrier's rejections in the cohort, most frequent reason first."""

    carrier: str
    numbers: int
    """All of the carrier's numbers on the cohort's orders, rejected or not."""
    rejected: int
    reasons: tuple[RejectionReason, ...]

    @property
    def share(self) -> float:
        """The share of the carrier's numbers that are rejected, 0 to 1."""
        return self.rejected / self.numbers if self.numbers else 0.0


@dataclass(frozen=True, slots=True)
class RejectionSources:
    """Where the cohort's rejections (order, number, reason) were found; one may be in several.

    The order details only show the numbers rejected now: a number fixed and sent again is
    PENDING, its rejection gone. The app's timeline and the stored webhook events remember it.
    """

    still_rejected: int = 0
    """Numbers rejected (or excluded with a reason) in the orders' details now."""
    seen_by_app: int = 0
    """Rejections the app recorded in its timeline when it read the orders."""
    from_webhooks: int = 0
    """Rejections carried by stored NUMBERS_REJECTED webhook events."""
    since: date | None = None
    """The day the app's timeline of the profile starts; None: it has no entry."""


@dataclass(frozen=True, slots=True)
class LeadTimes:
    """Days from created to FOC, and from FOC to the last activation, for one carrier."""

    carrier: str
    to_foc: Distribution
    to_completion: Distribution
    skipped: int = 0
    """Samples left out because they were negative (a FOC before creation, say)."""


@dataclass(frozen=True, slots=True)
class StuckBucket:
    """PENDING orders of one age range, oldest first."""

    label: str
    least: int
    most: int | None
    order_ids: tuple[int, ...]

    @property
    def orders(self) -> int:
        return len(self.order_ids)


@dataclass(frozen=True, slots=True)
class StatusCount:
    """How many orders (or numbers) have a status; unknown statuses keep their own name."""

    status: str
    count: int


@dataclass(frozen=True, slots=True)
class Insights:
    """Every figure of one period, as of ``today``."""

    period: Period
    today: date
    orders: int
    """Orders in the cohort (created in the period)."""
    numbers: int
    """Numbers on the cohort's orders."""
    weeks: tuple[WeekFigures, ...]
    rejections: tuple[CarrierRejections, ...]
    """Carriers with at least one rejection, most rejected numbers first."""
    lead_times: tuple[LeadTimes, ...]
    """Carriers with at least one FOC date, by name."""
    lead_times_all: LeadTimes
    """Every carrier together (``ALL_CARRIERS``)."""
    stuck: tuple[StuckBucket, ...]
    """One per ``AGE_BUCKETS``, youngest first, empty ones included."""
    stuck_undated: tuple[int, ...]
    """PENDING orders without a created date: their age is unknown."""
    order_statuses: tuple[StatusCount, ...]
    """The cohort's orders by status, most first."""
    number_statuses: tuple[StatusCount, ...]
    """The cohort's numbers by status, most first."""
    undated_orders: tuple[int, ...] = ()
    """Orders given without a created date: in no cohort, so only in weekly events."""

    @property
    def stuck_orders(self) -> int:
        return sum(bucket.orders for bucket in self.stuck) + len(self.stuck_undated)
