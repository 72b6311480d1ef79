"""Every figure of Insights on a fixed, hand-built set of orders (September 2024)."""

from __future__ import annotations

from datetime import date

import pytest

from porting_tui.insights.compute import compute_insights
from porting_tui.insights.distribution import Distribution, distribution
from porting_tui.insights.figures import ALL_CARRIERS, Insights
from porting_tui.insights.period import Period
from tests.insights.factories import number, order

SEPTEMBER = Period(date(2024, 9, 1), date(2024, 9, 30))
TODAY = date(2024, 9, 30)

ORDERS = (
    # Created on a Friday, confirmed the next week, activated the week after.
    order(
        1, "COMPLETED", "2024-09-06",
        number("+1", "ACTIVATED", foc="2024-09-16", confirmed="2024-09-09", at="2024-09-16"),
        number("+2", "ACTIVATED", foc="2024-09-16", confirmed="2024-09-10", at="2024-09-17"),
    ),
    order(
        2, "PENDING", "2024-09-20",
        number("+3", "REJECTED", carrier="AT&T", reason="Invalid port-out PIN", at="2024-09-23"),
        number("+4", "REJECTED", carrier="AT&T", reason="Invalid port-out PIN", at="2024-09-23"),
        number("+5", "PENDING", carrier="AT&T"),
    ),
    order(
        3, "CONFIRMED", "2024-09-10",
        number("+6", "CONFIRMED", carrier="AT&T", foc="2024-09-24", at="2024-09-12"),
        number("+7", "REJECTED", carrier="AT&T", reason="Account number mismatch"),
        number("+8", "REJECTED", reason=None),
    ),
    order(4, "CANCELED", "2024-09-03", number("+9", "CANCELED")),
    order(5, "ON_HOLD_NEW", "2024-09-25", number("+10", "WAITING_X")),
    order(6, "PENDING", "2024-08-01"),
    order(7, "PENDING", None),
    # Activated without a FOC date: counted as completed, not in the lead times.
    order(8, "COMPLETED", "2024-09-12", number("+11", "ACTIVATED", at="2024-09-20")),
    order(
        9, "COMPLETED", "2024-09-02",
        number("+12", "ACTIVATED", foc="2024-09-05", at="2024-09-05"),
    ),
    order(
        10, "COMPLETED", "2024-09-03",
        number("+13", "ACTIVATED", foc="2024-09-23", at="2024-09-25"),
    ),
)  # fmt: skip


@pytest.fixture(scope="module")
def insights() -> Insights:
    return compute_insights(ORDERS, SEPTEMBER, today=TODAY)


def test_the_cohort_is_the_orders_created_in_the_period(insights: Insights) -> None:
    assert insights.orders == 8  # not 6 (August) nor 7 (no created date)
    assert insights.numbers == 13
    assert insights.undated_orders == (7,)


def test_weeks_start_on_monday_and_are_cut_to_the_period(insights: Insights) -> None:
    mondays = [week.monday for week in insights.weeks]
    assert mondays == [date(2024, 8, 26), date(2024, 9, 2), date(2024, 9, 9), date(2024, 9, 16),
                       date(2024, 9, 23), date(2024, 9, 30)]  # fmt: skip
    assert (insights.weeks[0].first_day, insights.weeks[0].last_day) == (
        date(2024, 9, 1),
        date(2024, 9, 1),
    )
    assert insights.weeks[-1].first_day == insights.weeks[-1].last_day == date(2024, 9, 30)
    assert insights.weeks[1].monday == insights.weeks[1].first_day


def test_an_order_spanning_a_week_boundary_counts_each_event_in_its_own_week(
    insights: Insights,
) -> None:
    by_monday = {week.monday: week for week in insights.weeks}
    created, confirmed, completed = (
        by_monday[date(2024, 9, 2)],
        by_monday[date(2024, 9, 9)],
        by_monday[date(2024, 9, 16)],
    )
    assert 1 in created.created.order_ids and 1 not in created.confirmed.order_ids
    assert 1 in confirmed.confirmed.order_ids
    assert 1 in completed.completed.order_ids


def test_weekly_counts_of_orders_and_numbers(insights: Insights) -> None:
    week = {w.monday: w for w in insights.weeks}
    sep2, sep9, sep16, sep23 = (week[date(2024, 9, d)] for d in (2, 9, 16, 23))
    assert sep2.created.order_ids == (1, 4, 9, 10) and sep2.created.numbers == 5
    # Order 9 has no confirmation time: its FOC date stands in for it.
    assert sep2.confirmed.order_ids == (9,) and sep2.confirmed.numbers == 1
    assert sep2.cancelled.order_ids == (4,) and sep2.cancelled.numbers == 1
    assert sep9.created.order_ids == (3, 8) and sep9.created.numbers == 4
    assert sep9.confirmed.order_ids == (1, 3) and sep9.confirmed.numbers == 3
    assert sep16.completed.order_ids == (1, 8) and sep16.completed.numbers == 3
    assert sep16.created.order_ids == (2,)
    assert sep23.completed.order_ids == (10,) and sep23.created.order_ids == (5,)
    assert sum(w.completed.numbers for w in insights.weeks) == 5
    assert sep2.completed.numbers == 1  # order 9, activated on the 5th


def test_rejections_are_ranked_per_losing_carrier_with_their_share(insights: Insights) -> None:
    att, verizon = insights.rejections
    assert (att.carrier, att.numbers, att.rejected) == ("AT&T", 5, 3)
    assert [(r.reason, r.numbers, r.order_ids) for r in att.reasons] == [
        ("Invalid port-out PIN", 2, (2,)),
        ("Account number mismatch", 1, (3,)),
    ]
    assert att.reasons[0].share == pytest.approx(2 / 5)
    assert att.share == pytest.approx(3 / 5)
    assert verizon.carrier == "Verizon Wireless"
    assert [(r.reason, r.numbers) for r in verizon.reasons] == [("(no reason given)", 1)]
    assert verizon.reasons[0].share == pytest.approx(1 / 8)


def test_lead_times_per_carrier_have_median_quartiles_and_p90(insights: Insights) -> None:
    leads = {lead.carrier: lead for lead in insights.lead_times}
    assert sorted(leads) == ["AT&T", "Verizon Wireless"]
    # Verizon: created -> FOC of orders 1, 9, 10 is 10, 3 and 20 days.
    assert leads["Verizon Wireless"].to_foc == Distribution(3, 3.0, 6.5, 10.0, 15.0, 18.0, 20.0)
    # FOC -> last activation: 1, 0 and 2 days.
    assert leads["Verizon Wireless"].to_completion.median == 1.0
    assert leads["AT&T"].to_foc == Distribution(1, 14.0, 14.0, 14.0, 14.0, 14.0, 14.0)
    assert leads["AT&T"].to_completion == Distribution()
    every = insights.lead_times_all
    assert every.carrier == ALL_CARRIERS and every.to_foc.count == 4


def test_an_order_without_a_foc_date_is_left_out_of_the_lead_times_only(
    insights: Insights,
) -> None:
    assert insights.lead_times_all.to_foc.count == 4  # orders 1, 3, 9, 10; not 8
    week = {w.monday: w for w in insights.weeks}
    assert 8 in week[date(2024, 9, 16)].completed.order_ids


def test_stuck_pending_orders_by_calendar_age_whenever_created(insights: Insights) -> None:
    buckets = {bucket.label: bucket.order_ids for bucket in insights.stuck}
    assert buckets == {
        "0-2 days": (),
        "3-5 days": (),
        "6-10 days": (2,),
        "11-20 days": (),
        "21+ days": (6,),
    }
    assert insights.stuck_undated == (7,)
    assert insights.stuck_orders == 3


def test_unknown_statuses_are_counted_under_their_own_name(insights: Insights) -> None:
    orders = {count.status: count.count for count in insights.order_statuses}
    numbers = {count.status: count.count for count in insights.number_statuses}
    assert orders == {"COMPLETED": 4, "PENDING": 1, "CONFIRMED": 1, "CANCELED": 1,
                      "ON_HOLD_NEW": 1}  # fmt: skip
    assert numbers["WAITING_X"] == 1 and numbers["ACTIVATED"] == 5
    assert insights.order_statuses[0].status == "COMPLETED"


def test_an_empty_period_has_empty_weeks_and_no_figures() -> None:
    empty = compute_insights([], Period(date(2024, 9, 2), date(2024, 9, 15)), today=TODAY)
    assert empty.orders == empty.numbers == 0
    assert len(empty.weeks) == 2
    assert all(week.tally(kind).orders == 0 for week in empty.weeks for kind in
               ("created", "confirmed", "completed", "cancelled"))  # fmt: skip
    assert empty.rejections == () and empty.lead_times == ()
    assert empty.lead_times_all.to_foc == Distribution()
    assert [bucket.orders for bucket in empty.stuck] == [0, 0, 0, 0, 0]


def test_a_foc_before_creation_is_left_out_and_counted() -> None:
    odd = order(1, "CONFIRMED", "2024-09-10", number("+1", "CONFIRMED", foc="2024-09-08"))
    figures = compute_insights([odd], SEPTEMBER, today=TODAY)
    assert figures.lead_times[0].to_foc.count == 0 and figures.lead_times[0].skipped == 1


def test_a_number_without_activation_group_has_an_unknown_carrier() -> None:
    lone = order(1, "PENDING", "2024-09-10", number("+1", "REJECTED", carrier=None, reason="x"))
    figures = compute_insights([lone], SEPTEMBER, today=TODAY)
    assert figures.rejections[0].carrier == "(unknown carrier)"


def test_weekly_tally_names_only_the_four_kinds(insights: Insights) -> None:
    with pytest.raises(ValueError, match="created, confirmed, completed, cancelled"):
        insights.weeks[0].tally("rejected")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], Distribution()),
        ([7], Distribution(1, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0)),
        ([4, 1, 3, 2], Distribution(4, 1.0, 1.75, 2.5, 3.25, 3.7, 4.0)),
        ([0, 10], Distribution(2, 0.0, 2.5, 5.0, 7.5, 9.0, 10.0)),
        (list(range(1, 11)), Distribution(10, 1.0, 3.25, 5.5, 7.75, 9.1, 10.0)),
    ],
)
def test_percentiles_interpolate_linearly_between_closest_ranks(
    values: list[int], expected: Distribution
) -> None:
    assert distribution(values) == expected
