"""Each urgency rule fires when it should, says why, and stops once the cause is gone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from porting_tui.attention.ranking import AttentionItem, rank
from porting_tui.attention.rules import EXCLUDED, FOC_SOON, NOTE, READY, REJECTED, STALE, assess
from porting_tui.attention.settings import AttentionSettings
from porting_tui.local.order_state import OrderState
from tests.attention.factories import NOW, note, number, state

SETTINGS = AttentionSettings(own_authors=frozenset({"demo-key"}))
RECENT = NOW - timedelta(hours=2)


def kinds(
    order: OrderState,
    *,
    now: datetime = NOW,
    changed_at: datetime = RECENT,
    stale_pending_days: int = 5,
) -> list[tuple[str, str]]:
    options = AttentionSettings(
        own_authors=frozenset({"demo-key"}), stale_pending_days=stale_pending_days
    )
    reasons = assess(order, now=now, changed_at=changed_at, settings=options)
    return [(reason.kind, reason.text) for reason in reasons]


def test_a_quiet_pending_order_needs_nothing() -> None:
    assert kinds(state(number("+12125550001"))) == []


def test_rejected_numbers_count_while_they_are_rejected_and_name_the_fix() -> None:
    rejected = state(
        number("+12125550001", "REJECTED", reason="Invalid port-out PIN", at=RECENT),
        number("+12125550002", "REJECTED", reason="Invalid port-out PIN", at=RECENT),
        number("+12125550004", "REJECTED", reason="Address mismatch", at=RECENT),
        number("+12125550003", "CONFIRMED", foc=NOW + timedelta(days=20), at=RECENT),
    )
    assert kinds(rejected) == [(REJECTED, "3 rejected")]
    [reason] = assess(rejected, now=NOW, changed_at=RECENT, settings=SETTINGS)
    # The most common rejection names the next step.
    assert reason.step == "fix PIN"


def test_a_rejection_without_a_known_hint_asks_to_read_it() -> None:
    odd = state(number("+12125550001", "REJECTED", reason="Code 7731", at=RECENT))
    [reason] = assess(odd, now=NOW, changed_at=RECENT, settings=SETTINGS)
    assert reason.step == "read rejection"


def test_excluded_numbers_need_a_look_after_the_rejections() -> None:
    mixed = state(
        number("+12125550001", "EXCLUDED", reason="Not portable", at=RECENT),
        number("+12125550002", "REJECTED", at=RECENT),
    )
    assert kinds(mixed) == [(REJECTED, "1 rejected"), (EXCLUDED, "1 excluded")]


def test_fixed_numbers_leave_the_view_without_a_look() -> None:
    fixed = state(number("+12125550001", "PENDING"))
    assert kinds(fixed) == []


def test_a_note_from_someone_else_counts_until_answered() -> None:
    question = note("q1", "Sinch Porting", RECENT)
    asked = state(number("+12125550001"), notes=(question,))
    assert kinds(asked) == [(NOTE, "note ✉")]
    answered = state(
        number("+12125550001"), notes=(question, note("a1", "demo-key", RECENT + timedelta(1)))
    )
    assert kinds(answered) == []


def test_own_notes_never_need_attention() -> None:
    assert kinds(state(number("+12125550001"), notes=(note("n", "demo-key", RECENT),))) == []


def test_foc_within_two_business_days_skips_weekends_and_holidays() -> None:
    # Wednesday before Thanksgiving: Thursday is a holiday, so Monday is the 2nd business day.
    def foc_on(day: datetime) -> list[tuple[str, str]]:
        return kinds(state(number("+12125550001", "CONFIRMED", foc=day, at=RECENT)))

    assert foc_on(datetime(2026, 11, 25, 14, tzinfo=UTC)) == [(FOC_SOON, "FOC today")]
    assert foc_on(datetime(2026, 11, 26, 14, tzinfo=UTC)) == [(FOC_SOON, "FOC tomorrow")]
    assert foc_on(datetime(2026, 11, 30, 14, tzinfo=UTC)) == [(FOC_SOON, "FOC Mon 11-30")]
    assert foc_on(datetime(2026, 12, 1, 14, tzinfo=UTC)) == []
    assert foc_on(datetime(2026, 11, 24, 14, tzinfo=UTC)) == []


def test_the_foc_date_is_read_in_the_orders_time_zone() -> None:
    # 02:00 UTC on the 27th is still the 26th (Thanksgiving) in New York: tomorrow.
    late = state(number("+12125550001", "CONFIRMED", foc=datetime(2026, 11, 27, 2, tzinfo=UTC)))
    assert kinds(late) == [(FOC_SOON, "FOC tomorrow")]


def test_activated_numbers_have_no_foc_to_watch() -> None:
    done = state(number("+12125550001", "ACTIVATED", foc=NOW, at=NOW), status="CONFIRMED")
    assert kinds(done) == []


def test_on_demand_groups_are_ready_once_their_foc_day_has_begun() -> None:
    today = datetime(2026, 11, 25, 14, tzinfo=UTC)
    ready = state(
        number("+12125550001", "CONFIRMED", foc=today, group="GW A Grp1"),
        number("+12125550002", "CONFIRMED", foc=today, group="GW B Grp1"),
        status="CONFIRMED",
        on_demand=True,
    )
    assert kinds(ready) == [(READY, "2 groups ready")]
    one = state(number("+12125550001", "CONFIRMED", foc=today), status="CONFIRMED", on_demand=True)
    assert kinds(one) == [(READY, "ready to activate")]
    activated = state(number("+12125550001", "ACTIVATED", foc=today), on_demand=True)
    assert kinds(activated) == []


def test_pending_with_no_change_for_too_many_business_days_is_stale() -> None:
    # Tuesday 2026-11-10; Wednesday the 11th is Veterans Day, so the count starts on Thursday.
    old = datetime(2026, 11, 10, 15, tzinfo=UTC)
    quiet = state(number("+12125550001", "PENDING"), created=old.date())
    wednesday, thursday = old + timedelta(days=8), old + timedelta(days=9)
    assert kinds(quiet, now=wednesday, changed_at=old) == []
    assert kinds(quiet, now=thursday, changed_at=old) == [(STALE, "no change 6 bd")]
    assert kinds(quiet, now=thursday, changed_at=old, stale_pending_days=7) == []
    # A change the app observed counts even when the order's own dates are old.
    assert kinds(quiet, now=thursday, changed_at=thursday - timedelta(days=1)) == []


def test_settled_orders_need_nothing() -> None:
    for status in ("COMPLETED", "CANCELED", "PENDING_CANCELATION"):
        settled = state(number("+12125550001", "REJECTED", at=RECENT), status=status)
        assert kinds(settled) == []


def test_ranking_puts_rejections_first_then_notes_then_foc() -> None:
    def item(order_id: int, order: OrderState) -> AttentionItem:
        reasons = assess(order, now=NOW, changed_at=RECENT, settings=SETTINGS)
        return AttentionItem(order_id, order, reasons)

    foc = state(number("+1", "CONFIRMED", foc=NOW + timedelta(days=1)))
    noted = state(number("+1"), notes=(note("x", at=RECENT),))
    both = state(number("+1", "REJECTED", at=RECENT), notes=(note("y", at=RECENT),))
    rejected = state(number("+1", "REJECTED", at=RECENT))
    quiet = state(number("+1"))
    ranked = rank([item(1, foc), item(2, noted), item(3, rejected), item(4, both), item(5, quiet)])
    assert [i.order_id for i in ranked] == [4, 3, 2, 1]
    assert ranked[0].why == "1 rejected · note ✉"


def test_what_was_already_looked_at_sorts_after_news_of_the_same_urgency() -> None:
    def item(order_id: int, order: OrderState, *, looked: bool) -> AttentionItem:
        reasons = assess(order, now=NOW, changed_at=RECENT, settings=SETTINGS)
        return AttentionItem(order_id, order, reasons, looked=looked)

    rejected = state(number("+1", "REJECTED", at=RECENT))
    noted = state(number("+1"), notes=(note("x", at=RECENT),))
    ranked = rank(
        [
            item(9, rejected, looked=True),
            item(3, rejected, looked=False),
            item(5, noted, looked=False),
        ]
    )
    # Seen-state never outranks a reason: the looked-at rejection still beats a new note.
    assert [i.order_id for i in ranked] == [3, 9, 5]
