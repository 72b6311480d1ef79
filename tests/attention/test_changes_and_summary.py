"""What changed between two looks, as timeline sentences and as the "since you last looked" line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from porting_tui.attention.changes import diff_states, history_changes
from porting_tui.attention.summary import FIRST_LOOK, NOTHING_NEW, since_last_looked
from porting_tui.local.order_state import DocumentState
from porting_tui.local.seen_state import SeenOrder
from tests.attention.factories import NOW, note, number, state

FOC = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)
EARLIER = NOW - timedelta(days=1)
PHONES = [f"+1212555000{i}" for i in range(6)]


def _before() -> SeenOrder:
    return SeenOrder(
        EARLIER,
        state(*(number(p) for p in PHONES[:5]), notes=(note("old", "demo-key", EARLIER),)),
    )


def test_the_issue_example_reads_as_expected() -> None:
    after = state(
        *(number(p, "CONFIRMED", foc=FOC, at=NOW) for p in PHONES[:3]),
        *(number(p) for p in PHONES[3:5]),
        notes=(note("old", "demo-key", EARLIER), note("new", "Sinch Porting", NOW)),
    )
    summary = since_last_looked(_before(), after, own_authors={"demo-key"})
    assert summary.text == "+1 note from Sinch Porting, +3 numbers CONFIRMED, FOC set to 2026-12-03"
    assert summary.seen_at == EARLIER


def test_rejections_name_their_reason_and_the_status_and_documents_follow() -> None:
    after = state(
        *(number(p, "REJECTED", reason="Invalid port-out PIN", at=NOW) for p in PHONES[:2]),
        *(number(p) for p in PHONES[2:5]),
        number(PHONES[5]),
        notes=(note("old", "demo-key", EARLIER), note("mine", "demo-key", NOW)),
        documents=(DocumentState(4, "bill.pdf"),),
        status="PENDING",
    )
    text = since_last_looked(_before(), after, own_authors={"demo-key"}).text
    assert text == (
        "+1 note from you, 2 numbers REJECTED: Invalid port-out PIN, +1 number added, "
        "+1 document: bill.pdf"
    )


def test_a_status_change_and_a_moved_foc_are_reported() -> None:
    before = state(number(PHONES[0], "CONFIRMED", foc=FOC), status="PENDING")
    after = state(number(PHONES[0], "CONFIRMED", foc=FOC + timedelta(days=1)), status="CONFIRMED")
    text = since_last_looked(SeenOrder(EARLIER, before), after).text
    assert text == "FOC moved to 2026-12-04, order now CONFIRMED"


def test_first_look_and_nothing_new_have_their_own_words() -> None:
    current = _before().state
    assert since_last_looked(None, current).text == FIRST_LOOK
    assert since_last_looked(None, current).first_look
    assert since_last_looked(_before(), current).text == NOTHING_NEW


def test_timeline_sentences_list_the_numbers_and_carry_server_times() -> None:
    after = state(
        *(number(p, "CONFIRMED", foc=FOC, at=NOW) for p in PHONES[:5]),
        notes=(note("old", "demo-key", EARLIER), note("new", "Sinch Porting", NOW)),
        status="CONFIRMED",
    )
    changes = {c.kind: c for c in diff_states(_before().state, after)}
    assert changes["numbers"].text == f"5 numbers CONFIRMED: {', '.join(PHONES[:5])}"
    assert changes["numbers"].happened_at == NOW
    assert changes["note"].text == "Note from Sinch Porting"
    assert changes["foc"].text == "FOC set to 2026-12-03 for 5 numbers"
    assert changes["status"].text == "Order status PENDING → CONFIRMED"
    assert changes["status"].happened_at is None


def test_the_same_change_has_the_same_key_whoever_sees_it() -> None:
    after = state(number(PHONES[0], "CONFIRMED", foc=FOC, at=NOW))
    before = state(number(PHONES[0]))
    first = [c.key for c in diff_states(before, after)]
    second = [c.key for c in diff_states(before, after)]
    assert first == second and len(set(first)) == len(first)


def test_history_of_a_first_observation_comes_from_the_orders_own_dates() -> None:
    current = state(
        number(PHONES[0], "CONFIRMED", foc=FOC, at=NOW),
        number(PHONES[1]),
        notes=(note("n", "Sinch Porting", EARLIER),),
        documents=(DocumentState(1, "LOA.pdf"),),
    )
    texts = [c.text for c in history_changes(current)]
    assert texts == [
        "Order created",
        f"1 number CONFIRMED: {PHONES[0]}",
        "FOC set to 2026-12-03 for 1 number",
        "Note from Sinch Porting",
        "Document added: LOA.pdf",
        "Order status PENDING",
    ]
