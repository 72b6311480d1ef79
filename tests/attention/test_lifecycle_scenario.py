"""Drive the emulator's clock through rejection, notes, a fix, FOC and activation, and check the
attention ranking, the change markers, the "since you last looked" text and the timeline at
each step.

The rule under test: a Needs attention row stays while its reason holds, however often the
operator opens the order, leaves once the reason is resolved, and its counts always come from
the same read as its reasons.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from porting_tui.attention.board import AttentionBoard
from porting_tui.attention.markers import CHANGED, NEW
from porting_tui.attention.rules import EXCLUDED, REJECTED
from porting_tui.client import Order
from porting_tui.local.timeline import SOURCE_HISTORY, SOURCE_SERVER, SOURCE_YOU
from tests.attention.conftest import World, new_order, same_carrier_numbers

# The emulator starts on Tuesday 2025-03-11 at 11:00 in New York (EDT, UTC-4).
EASTERN_MIDNIGHT_THURSDAY = datetime.fromisoformat("2025-03-13T04:00:00+00:00")


def why(board: AttentionBoard) -> dict[int, str]:
    """Each listed order's reasons, after checking its counts agree with them."""
    for item in board.items():
        for reason in item.reasons:
            if reason.kind in (REJECTED, EXCLUDED):
                count = item.count(reason.kind.upper())
                assert reason.text.startswith(f"{count} "), (reason.text, count)
    return {item.order_id: item.why for item in board.items()}


def looked(board: AttentionBoard) -> dict[int, bool]:
    return {item.order_id: item.looked for item in board.items()}


def markers(board: AttentionBoard) -> dict[int, str | None]:
    return {order_id: board.marker(row) for order_id, row in board.rows.items()}


def timeline(board: AttentionBoard, order_id: int) -> list[tuple[str, str]]:
    return [(entry.source, entry.text) for entry in board.timeline(order_id)]


async def test_an_on_demand_order_from_rejection_to_activation(world: World) -> None:
    client, emulator = world.client, world.emulator
    # Two losing carriers: two activation groups.
    good = same_carrier_numbers(3)
    bad = same_carrier_numbers(2, not_of=good[0])
    pins = dict.fromkeys(bad, "0000")
    order = await client.orders.create(
        new_order(good + bad, date="2025-03-13", on_demand=True, pins=pins)
    )
    board = world.board()
    await board.refresh()

    # Step 1: a fresh order needs nothing yet, and shows as new until opened.
    assert why(board) == {}
    assert markers(board) == {order.id: NEW}
    summary = board.open_order(await client.orders.get(order.id))
    assert summary.text == "First look at this order"
    assert markers(board) == {order.id: None}

    # Step 2: the carrier answers: 3 confirmed for Thursday, 2 rejected, and Sinch writes.
    emulator.advance(timedelta(hours=2))
    await board.refresh()
    assert why(board) == {order.id: "2 rejected · note ✉ · FOC Thu 03-13"}
    assert [item.step for item in board.items()] == ["fix PIN"]
    assert markers(board) == {order.id: CHANGED}
    assert looked(board) == {order.id: False}
    current = await client.orders.get(order.id)
    summary = board.open_order(current)
    assert summary.text == (
        "+1 note from Sinch Porting, +3 numbers CONFIRMED, "
        "2 numbers REJECTED: Invalid port-out PIN, FOC set to 2025-03-13"
    )
    # Opening it is not fixing it: the row stays, only quieter.
    assert markers(board) == {order.id: None}
    assert why(board) == {order.id: "2 rejected · note ✉ · FOC Thu 03-13"}
    assert looked(board) == {order.id: True}
    history = timeline(board, order.id)
    assert history[0] == (SOURCE_HISTORY, "Order created")
    assert (SOURCE_YOU, "You created the order") in history
    assert (SOURCE_SERVER, "Note from Sinch Porting") in history
    assert (SOURCE_SERVER, f"3 numbers CONFIRMED: {', '.join(good)}") in history
    assert (
        SOURCE_SERVER,
        f"2 numbers REJECTED: Invalid port-out PIN ({', '.join(bad)})",
    ) in history

    # Step 2b: the operator answers the note: that reason goes, the rejection stays.
    await client.orders.add_note(order.id, "Asking the customer for the PIN now.")
    board.observe(await client.orders.get(order.id))
    assert why(board) == {order.id: "2 rejected · FOC Thu 03-13"}

    # Step 3: the operator fixes the PINs; the rejection is resolved without another look.
    def fix_pins(draft: Order) -> None:
        for number in draft.phone_numbers:
            if number.phone_number in bad and number.port_out_info is not None:
                number.port_out_info.existing_port_out_pin = "4821"

    await client.orders.edit(order.id, fix_pins)
    await board.refresh()
    assert why(board) == {order.id: "FOC Thu 03-13"}
    assert markers(board) == {order.id: CHANGED}
    assert timeline(board, order.id)[-2:] == [
        (SOURCE_YOU, "You updated the order"),
        (SOURCE_SERVER, f"2 numbers PENDING: {', '.join(bad)}"),
    ]

    # Step 4: the fixed numbers are confirmed too; the order is CONFIRMED.
    emulator.advance(timedelta(hours=2))
    await board.refresh()
    current = await client.orders.get(order.id)
    assert current.status == "CONFIRMED"
    assert board.since_last_looked(board.observe(current).state).text == (
        "+1 note from you, +2 numbers CONFIRMED, FOC set to 2025-03-13, order now CONFIRMED"
    )
    assert why(board) == {order.id: "FOC Thu 03-13"}

    # Step 5: Wednesday: the FOC is tomorrow.
    emulator.advance(timedelta(days=1))
    await board.refresh()
    assert why(board) == {order.id: "FOC tomorrow"}

    # Step 6: Thursday, midnight in New York: both groups can be activated.
    emulator.advance(EASTERN_MIDNIGHT_THURSDAY - emulator.clock.now() + timedelta(minutes=5))
    await board.refresh()
    group_of = {n.phone_number: n.phone_number_group or "" for n in current.phone_numbers}
    groups = [group_of[good[0]], group_of[bad[0]]]
    assert groups[0] != groups[1]
    assert why(board) == {order.id: "2 groups ready"}
    await client.activation.activate(order.id, groups[:1])
    await board.refresh()
    assert why(board) == {order.id: "ready to activate"}

    # Step 7: all activated: the order is COMPLETED and leaves the view on its own.
    await client.activation.activate(order.id, groups[1:])
    await board.refresh()
    assert why(board) == {}
    assert board.rows == {}
    board.observe(await client.orders.get(order.id))
    tail = [text for _, text in timeline(board, order.id)[-5:]]
    assert tail[0] == tail[2] == "You activated numbers"
    assert tail[1].startswith("3 numbers ACTIVATED") and tail[3].startswith("2 numbers ACTIVATED")
    assert tail[4] == "Order status CONFIRMED → COMPLETED"
    times = [entry.happened_at for entry in board.timeline(order.id)]
    assert times == sorted(times)


async def test_an_unfixed_rejection_stays_goes_stale_and_undo_brings_the_marker_back(
    world: World,
) -> None:
    client, emulator = world.client, world.emulator
    [number] = same_carrier_numbers(1)
    order = await client.orders.create(
        new_order([number], date="2025-03-13", pins={number: "0000"})
    )
    emulator.advance(timedelta(hours=2))
    board = world.board(stale_pending_days=3)
    await board.refresh()
    assert why(board) == {order.id: "1 rejected · note ✉"}
    board.open_order(await client.orders.get(order.id))
    assert why(board) == {order.id: "1 rejected · note ✉"}
    assert looked(board) == {order.id: True}

    # Six calendar days from Tuesday are four business days without a change.
    emulator.advance(timedelta(days=6))
    await board.refresh()
    assert why(board) == {order.id: "1 rejected · note ✉ · no change 4 bd"}
    [item] = board.items()
    assert item.age_days == 4

    # Undoing the look brings back the marker of what the operator had not seen.
    assert board.undo_seen(order.id) is None
    assert looked(board) == {order.id: False}
    assert markers(board) == {order.id: NEW}


async def test_a_snooze_until_the_next_change_ends_with_the_change(world: World) -> None:
    client, emulator = world.client, world.emulator
    [number] = same_carrier_numbers(1)
    order = await client.orders.create(
        new_order([number], date="2025-03-13", pins={number: "0000"})
    )
    emulator.advance(timedelta(hours=2))
    board = world.board()
    await board.refresh()
    assert board.snooze(order.id, None) is not None
    assert why(board) == {}
    assert [item.order_id for item in board.snoozed_items()] == [order.id]

    # Nothing changes for a day: still snoozed.
    emulator.advance(timedelta(days=1))
    await board.refresh()
    assert why(board) == {}

    # Sinch writes again: the order is back, and the snooze is over for good.
    record = emulator.store.get(order.id)
    assert record is not None
    emulator.lifecycle.add_note(
        record, "Still waiting for a PIN.", "Sinch Porting", emulator.clock.now()
    )
    await board.reread(order.id)
    assert why(board) == {order.id: "1 rejected · 2 notes ✉"}
    assert board.snoozed_items() == []
    assert board.snoozes.get(order.id) is None


async def test_a_snooze_until_a_day_and_its_undo(world: World) -> None:
    client, emulator = world.client, world.emulator
    [number] = same_carrier_numbers(1)
    order = await client.orders.create(
        new_order([number], date="2025-03-13", pins={number: "0000"})
    )
    emulator.advance(timedelta(hours=2))
    board = world.board()
    await board.refresh()
    friday = emulator.clock.now().date() + timedelta(days=3)
    board.snooze(order.id, friday)
    assert why(board) == {}
    assert board.undo_snooze() == order.id
    assert why(board) == {order.id: "1 rejected · note ✉"}
    board.snooze(order.id, friday)
    board.unsnooze(order.id)
    assert why(board) == {order.id: "1 rejected · note ✉"}
    assert board.undo_snooze() == order.id
    assert why(board) == {}

    # The snooze survives a restart (it is in the local store) and ends on Friday.
    board = world.board()
    await board.refresh()
    assert why(board) == {}
    emulator.advance(timedelta(days=3))
    await board.refresh()
    assert why(board) == {order.id: "1 rejected · note ✉"}
