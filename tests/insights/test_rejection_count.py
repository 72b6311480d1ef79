"""Rejections counted from the details, the timeline and webhook events together, once each."""

from __future__ import annotations

from datetime import date

import pytest

from porting_tui.insights.compute import compute_insights, rejection_sources
from porting_tui.insights.figures import CarrierRejections, RejectionSources
from porting_tui.insights.past_rejections import (
    FROM_WEBHOOK,
    SEEN_BY_APP,
    PastRejection,
    PastRejections,
)
from porting_tui.insights.period import Period
from porting_tui.insights.rejection_count import count_rejections
from tests.insights.factories import number, order

SEPTEMBER = Period(date(2024, 9, 1), date(2024, 9, 30))
PIN = "Invalid port-out PIN"
ACCOUNT = "Account number mismatch"
SINCE = date(2024, 9, 2)


def seen(order_id: int, reason: str, *numbers: str, count: int | None = None) -> PastRejection:
    return PastRejection(order_id, reason, numbers, count or len(numbers), SEEN_BY_APP)


def webhook(order_id: int, reason: str, phone: str) -> PastRejection:
    return PastRejection(order_id, reason, (phone,), 1, FROM_WEBHOOK)


def only_carrier(figures: tuple[CarrierRejections, ...]) -> CarrierRejections:
    assert len(figures) == 1, figures
    return figures[0]


# Order 1 was rejected for a PIN, fixed and sent again: PENDING, its reason cleared.
FIXED = order(1, "PENDING", "2024-09-10", number("+1"), number("+2"))
# Order 2 has a number rejected now.
STILL = order(2, "PENDING", "2024-09-12", number("+3", "REJECTED", reason=PIN), number("+4"))


def test_without_past_rejections_only_numbers_rejected_now_count() -> None:
    figures, sources = count_rejections([FIXED, STILL])
    carrier = only_carrier(figures)
    assert (carrier.numbers, carrier.rejected) == (4, 1)
    assert [(r.reason, r.numbers, r.order_ids) for r in carrier.reasons] == [(PIN, 1, (2,))]
    assert sources == RejectionSources(still_rejected=1)


def test_a_rejection_only_the_timeline_remembers_counts() -> None:
    past = PastRejections((seen(1, PIN, "+1"),), SINCE)
    figures, sources = count_rejections([FIXED, STILL], past)
    carrier = only_carrier(figures)
    assert [(r.reason, r.numbers, r.order_ids) for r in carrier.reasons] == [(PIN, 2, (1, 2))]
    assert carrier.rejected == 2 and carrier.reasons[0].share == pytest.approx(2 / 4)
    assert sources == RejectionSources(still_rejected=1, seen_by_app=1, since=SINCE)


def test_a_rejection_seen_in_every_source_counts_once() -> None:
    past = PastRejections((seen(2, PIN, "+3"), seen(2, f"  {PIN} ", "+3"), webhook(2, PIN, "+3")))
    figures, sources = count_rejections([STILL], past)
    carrier = only_carrier(figures)
    assert (carrier.rejected, carrier.reasons[0].numbers) == (1, 1)
    assert sources == RejectionSources(still_rejected=1, seen_by_app=1, from_webhooks=1)


def test_a_rejection_only_a_webhook_carried_counts() -> None:
    figures, sources = count_rejections([FIXED], PastRejections((webhook(1, ACCOUNT, "+2"),)))
    carrier = only_carrier(figures)
    assert [(r.reason, r.numbers, r.order_ids) for r in carrier.reasons] == [(ACCOUNT, 1, (1,))]
    assert sources.from_webhooks == 1 and sources.still_rejected == 0


def test_a_number_rejected_for_two_reasons_counts_once_per_reason() -> None:
    past = PastRejections((seen(1, PIN, "+1"), webhook(1, ACCOUNT, "+1")))
    carrier = only_carrier(count_rejections([FIXED], past)[0])
    assert sorted((r.reason, r.numbers) for r in carrier.reasons) == [(ACCOUNT, 1), (PIN, 1)]
    # One number rejected, whatever the number of reasons.
    assert carrier.rejected == 1 and carrier.share == pytest.approx(1 / 2)


def test_numbers_a_long_timeline_entry_does_not_name_count_once() -> None:
    phones = [f"+{n}" for n in range(10, 17)]
    big = order(3, "PENDING", "2024-09-14", *(number(p) for p in phones))
    # Seven numbers rejected, five named; seen twice (by two app instances, say).
    entry = seen(3, PIN, *phones[:5], count=7)
    figures, sources = count_rejections([big], PastRejections((entry, entry)))
    carrier = only_carrier(figures)
    assert (carrier.rejected, carrier.reasons[0].numbers, carrier.numbers) == (7, 7, 7)
    assert sources.seen_by_app == 7


def test_a_rejected_number_since_removed_is_its_orders_carriers() -> None:
    past = PastRejections((seen(1, PIN, "+99"),))
    carrier = only_carrier(count_rejections([FIXED], past)[0])
    assert carrier.carrier == "Verizon Wireless"
    assert (carrier.numbers, carrier.rejected) == (3, 1)


def test_an_excluded_number_with_a_reason_counts_as_rejected() -> None:
    excluded = order(4, "CONFIRMED", "2024-09-15", number("+5", "EXCLUDED", reason=PIN))
    plain = order(5, "CONFIRMED", "2024-09-15", number("+6", "EXCLUDED"))
    carrier = only_carrier(count_rejections([excluded, plain])[0])
    assert [(r.reason, r.order_ids) for r in carrier.reasons] == [(PIN, (4,))]


def test_rejections_of_orders_outside_the_cohort_are_left_out() -> None:
    old = order(6, "PENDING", "2024-08-01", number("+7"))
    past = PastRejections((seen(6, PIN, "+7"), seen(1, PIN, "+1")))
    insights = compute_insights([old, FIXED], SEPTEMBER, today=date(2024, 9, 30), past=past)
    assert [r.order_ids for c in insights.rejections for r in c.reasons] == [(1,)]
    sources = rejection_sources([old, FIXED], SEPTEMBER, past)
    assert sources == RejectionSources(seen_by_app=1)


def test_compute_insights_without_past_keeps_its_figures() -> None:
    today = date(2024, 9, 30)
    assert compute_insights([FIXED, STILL], SEPTEMBER, today=today) == compute_insights(
        [FIXED, STILL], SEPTEMBER, today=today, past=PastRejections()
    )
