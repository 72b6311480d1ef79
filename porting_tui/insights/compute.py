"""Computing the figures of Insights from pictures of orders: pure functions, no I/O."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from porting_tui.insights import events
from porting_tui.insights.distribution import distribution
from porting_tui.insights.figures import (
    AGE_BUCKETS,
    ALL_CARRIERS,
    Insights,
    LeadTimes,
    RejectionSources,
    StatusCount,
    StuckBucket,
    Tally,
    WeekFigures,
)
from porting_tui.insights.past_rejections import PastRejections
from porting_tui.insights.period import Period, monday_of
from porting_tui.insights.rejection_count import count_rejections
from porting_tui.local.order_state import OrderState


def compute_insights(
    orders: Iterable[OrderState],
    period: Period,
    *,
    today: date,
    past: PastRejections | None = None,
) -> Insights:
    """Every figure of ``period`` from ``orders`` (``figures``' docstring says which count).

    ``past``: rejections observed earlier (the local timeline, webhook events), counted with
    those the orders show now; without it, only the numbers rejected now count.
    """
    given = list(orders)
    cohort = [order for order in given if period.contains(order.created_date)]
    samples = _lead_samples(cohort)
    return Insights(
        period=period,
        today=today,
        orders=len(cohort),
        numbers=sum(len(order.numbers) for order in cohort),
        weeks=weekly_figures(given, period),
        rejections=count_rejections(cohort, past)[0],
        lead_times=tuple(_lead_times(carrier, pairs) for carrier, pairs in sorted(samples.items())),
        lead_times_all=_lead_times(
            ALL_CARRIERS, [pair for pairs in samples.values() for pair in pairs]
        ),
        stuck=stuck_buckets(given, today),
        stuck_undated=tuple(
            sorted(
                order.order_id
                for order in given
                if order.status == events.PENDING_ORDER and order.created_date is None
            )
        ),
        order_statuses=status_counts(Counter(order.status or events.NO_STATUS for order in cohort)),
        number_statuses=status_counts(
            Counter(
                number.status or events.NO_STATUS for order in cohort for number in order.numbers
            )
        ),
        undated_orders=tuple(sorted(o.order_id for o in given if o.created_date is None)),
    )


def rejection_sources(
    orders: Iterable[OrderState], period: Period, past: PastRejections | None = None
) -> RejectionSources:
    """Where the rejections of ``compute_insights``' figure were found (``RejectionSources``)."""
    cohort = [order for order in orders if period.contains(order.created_date)]
    return count_rejections(cohort, past)[1]


def status_counts(statuses: Counter[str]) -> tuple[StatusCount, ...]:
    """Most frequent first, then by name."""
    ranked = sorted(statuses.items(), key=lambda item: (-item[1], item[0]))
    return tuple(StatusCount(status, count) for status, count in ranked)


class _Week:
    """A week's tallies while they are being counted."""

    def __init__(self) -> None:
        self.orders: dict[str, set[int]] = defaultdict(set)
        self.numbers: Counter[str] = Counter()

    def add(self, kind: str, order_id: int, numbers: int) -> None:
        self.orders[kind].add(order_id)
        self.numbers[kind] += numbers

    def add_numbers(self, kind: str, numbers: int) -> None:
        self.numbers[kind] += numbers

    def tally(self, kind: str) -> Tally:
        return Tally(tuple(sorted(self.orders[kind])), self.numbers[kind])


def weekly_figures(orders: Sequence[OrderState], period: Period) -> tuple[WeekFigures, ...]:
    """Orders and numbers created, confirmed, completed and cancelled, week by week."""
    weeks = {week.monday: _Week() for week in period.weeks()}

    def week_of(day: date | None) -> _Week | None:
        return weeks[monday_of(day)] if day is not None and period.contains(day) else None

    for order in orders:
        if (week := week_of(order.created_date)) is not None:
            week.add("created", order.order_id, len(order.numbers))
        confirmed = [day for n in order.numbers if (day := events.confirmed_day(order, n))]
        for day in confirmed:
            if (week := week_of(day)) is not None:
                week.add_numbers("confirmed", 1)
        if confirmed and (week := week_of(min(confirmed))) is not None:
            week.add("confirmed", order.order_id, 0)
        for number in order.numbers:
            if (week := week_of(events.activated_day(order, number))) is not None:
                week.add_numbers("completed", 1)
            if (week := week_of(events.number_cancelled_day(order, number))) is not None:
                week.add_numbers("cancelled", 1)
        if (week := week_of(events.completed_day(order))) is not None:
            week.add("completed", order.order_id, 0)
        if (week := week_of(events.cancelled_day(order))) is not None:
            week.add("cancelled", order.order_id, 0)
    return tuple(
        WeekFigures(
            monday=week.monday,
            first_day=week.first_day,
            last_day=week.last_day,
            created=weeks[week.monday].tally("created"),
            confirmed=weeks[week.monday].tally("confirmed"),
            completed=weeks[week.monday].tally("completed"),
            cancelled=weeks[week.monday].tally("cancelled"),
        )
        for week in period.weeks()
    )


_Pair = tuple[int | None, int | None]
"""Days created -> FOC and FOC -> completion of one order and carrier (None: not known)."""


def _lead_samples(cohort: Sequence[OrderState]) -> dict[str, list[_Pair]]:
    samples: dict[str, list[_Pair]] = defaultdict(list)
    for order in cohort:
        focs: dict[str, list[date]] = defaultdict(list)
        activations: dict[str, list[date]] = defaultdict(list)
        for number in order.numbers:
            carrier = events.carrier_of(number)
            if (foc := events.foc_day(order, number)) is not None:
                focs[carrier].append(foc)
            if (activated := events.activated_day(order, number)) is not None:
                activations[carrier].append(activated)
        for carrier, days in focs.items():
            foc = min(days)
            to_foc = (foc - order.created_date).days if order.created_date else None
            done = activations.get(carrier)
            samples[carrier].append((to_foc, (max(done) - foc).days if done else None))
    return samples


def _lead_times(carrier: str, pairs: Sequence[_Pair]) -> LeadTimes:
    to_foc = [days for days, _ in pairs if days is not None]
    to_done = [days for _, days in pairs if days is not None]
    skipped = sum(1 for days in (*to_foc, *to_done) if days < 0)
    return LeadTimes(
        carrier=carrier,
        to_foc=distribution([days for days in to_foc if days >= 0]),
        to_completion=distribution([days for days in to_done if days >= 0]),
        skipped=skipped,
    )


def stuck_buckets(orders: Sequence[OrderState], today: date) -> tuple[StuckBucket, ...]:
    """PENDING orders by calendar-day age on ``today``, oldest first in each bucket."""
    aged = sorted(
        ((today - order.created_date).days, order.order_id)
        for order in orders
        if order.status == events.PENDING_ORDER and order.created_date is not None
    )
    return tuple(
        StuckBucket(
            label=bucket.label,
            least=bucket.least,
            most=bucket.most,
            # An order "created" after today (clocks apart) is as young as can be.
            order_ids=tuple(
                order_id for age, order_id in reversed(aged) if bucket.holds(max(age, 0))
            ),
        )
        for bucket in AGE_BUCKETS
    )
