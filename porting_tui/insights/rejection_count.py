"""Counting the cohort's rejections per losing carrier and reason, now and in the past: pure.

A rejection is an order, a number and a reason: the same number rejected twice for the same
reason on one order counts once, for two reasons once per reason. It is found in the order's
details (rejected now), in the app's timeline or in a webhook event (``PastRejections``).

A timeline entry names only the first few numbers of a long rejection: the ones it does not
name count as many as the largest such entry says, less the numbers named for that reason,
so that two sightings of one rejection never count twice.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from porting_tui.insights import events
from porting_tui.insights.figures import CarrierRejections, RejectionReason, RejectionSources
from porting_tui.insights.past_rejections import (
    FROM_WEBHOOK,
    SEEN_BY_APP,
    PastRejection,
    PastRejections,
)
from porting_tui.local.order_state import OrderState

EXCLUDED = "EXCLUDED"
IN_DETAILS = "details"
"""The source of rejections the orders' details show now."""

_Number = tuple[int, str]
"""(order id, phone number)."""


def reason_of(text: str | None) -> str:
    return (text or "").strip() or events.NO_REASON


@dataclass
class _Tallies:
    """The cohort's rejections while they are being counted."""

    numbers: dict[str, set[_Number]] = field(default_factory=lambda: defaultdict(set))
    """Carrier -> its numbers on the cohort's orders."""
    named: dict[tuple[str, str], set[_Number]] = field(default_factory=lambda: defaultdict(set))
    """(carrier, reason) -> the numbers rejected for it."""
    unnamed: Counter[tuple[str, str, int]] = field(default_factory=Counter)
    """(carrier, reason, order id) -> numbers rejected whose number is not known."""
    sources: Counter[str] = field(default_factory=Counter)


def count_rejections(
    cohort: Sequence[OrderState], past: PastRejections | None = None
) -> tuple[tuple[CarrierRejections, ...], RejectionSources]:
    """Per losing carrier with a rejection: its reasons ranked by numbers, then by text; and
    how many rejections each source gave."""
    tallies = _Tallies()
    earlier = (past or PastRejections()).of_orders(order.order_id for order in cohort)
    for order in cohort:
        _count_order(tallies, order, earlier.get(order.order_id, []))
    sources = RejectionSources(
        still_rejected=tallies.sources[IN_DETAILS],
        seen_by_app=tallies.sources[SEEN_BY_APP],
        from_webhooks=tallies.sources[FROM_WEBHOOK],
        since=past.since if past is not None else None,
    )
    return _figures(tallies), sources


def _count_order(tallies: _Tallies, order: OrderState, earlier: list[PastRejection]) -> None:
    carriers = {number.phone_number: events.carrier_of(number) for number in order.numbers}
    for phone, carrier in carriers.items():
        tallies.numbers[carrier].add((order.order_id, phone))
    # A number no longer on the order (removed after its rejection) is its only carrier's.
    only = next(iter(set(carriers.values()))) if len(set(carriers.values())) == 1 else None
    found: dict[str, set[str]] = defaultdict(set)
    by_source: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for number in order.numbers:
        rejected = number.status == events.REJECTED
        if rejected or (number.status == EXCLUDED and (number.reason or "").strip()):
            reason = reason_of(number.reason)
            found[reason].add(number.phone_number)
            by_source[IN_DETAILS].add((number.phone_number, reason))
    largest: Counter[str] = Counter()
    for entry in earlier:
        reason = reason_of(entry.reason)
        found[reason].update(entry.numbers)
        by_source[entry.source].update((phone, reason) for phone in entry.numbers)
        if entry.count > len(entry.numbers):
            largest[reason] = max(largest[reason], entry.count)
    for source, rejections in by_source.items():
        tallies.sources[source] += len(rejections)
    for reason, count in largest.items():
        named = sum(1 for _, of in by_source[SEEN_BY_APP] if of == reason)
        tallies.sources[SEEN_BY_APP] += max(0, count - named)
    for reason, phones in found.items():
        blamed = set()
        for phone in phones:
            carrier = carriers.get(phone) or only or events.UNKNOWN_CARRIER
            blamed.add(carrier)
            tallies.numbers[carrier].add((order.order_id, phone))
            tallies.named[carrier, reason].add((order.order_id, phone))
        unnamed = largest[reason] - len(phones)
        if unnamed > 0:
            # Carriers reject by activation group: the unnamed numbers are most likely the
            # named ones' carrier.
            carrier = next(iter(blamed)) if len(blamed) == 1 else only or events.UNKNOWN_CARRIER
            tallies.unnamed[carrier, reason, order.order_id] += unnamed


def _figures(tallies: _Tallies) -> tuple[CarrierRejections, ...]:
    reason_numbers: dict[str, Counter[str]] = defaultdict(Counter)
    reason_orders: dict[tuple[str, str], set[int]] = defaultdict(set)
    rejected: dict[str, set[_Number]] = defaultdict(set)
    unnamed_most: Counter[tuple[str, int]] = Counter()
    for (carrier, reason), numbers in tallies.named.items():
        reason_numbers[carrier][reason] += len(numbers)
        reason_orders[carrier, reason].update(order_id for order_id, _ in numbers)
        rejected[carrier].update(numbers)
    for (carrier, reason, order_id), count in tallies.unnamed.items():
        reason_numbers[carrier][reason] += count
        reason_orders[carrier, reason].add(order_id)
        # Unnamed numbers of two reasons may be the same numbers: the larger count is sure.
        unnamed_most[carrier, order_id] = max(unnamed_most[carrier, order_id], count)
    figures = []
    for carrier, reasons in reason_numbers.items():
        distinct = len(rejected[carrier]) + sum(
            count for (of, _), count in unnamed_most.items() if of == carrier
        )
        # Never a share above 1, should unnamed numbers be ones the details no longer list.
        total = max(len(tallies.numbers[carrier]), distinct)
        ranked = sorted(reasons.items(), key=lambda item: (-item[1], item[0]))
        figures.append(
            CarrierRejections(
                carrier=carrier,
                numbers=total,
                rejected=distinct,
                reasons=tuple(
                    RejectionReason(
                        reason=reason,
                        numbers=count,
                        share=count / total,
                        order_ids=tuple(sorted(reason_orders[carrier, reason])),
                    )
                    for reason, count in ranked
                ),
            )
        )
    return tuple(sorted(figures, key=lambda figure: (-figure.rejected, figure.carrier)))
