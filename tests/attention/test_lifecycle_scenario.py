"""Drive the emulator's clock through rejection, notes, a fix, FOC and activation, and check the
attention ranking, the change markers, the "since you last looked" text and the timeline at
each step."""

from __future__ import annotations

from datetime import datetime, timedelta

from porting_tui.attention.board import AttentionBoard
from porting_tui.attention.markers import CHANGED, NEW
from porting_tui.client import Order
from porting_tui.local.timeline import SOURCE_HISTORY, SOURCE_SERVER, SOURCE_YOU
from tests.attention.conftest import World, new_order, same_carrier_numbers

# The emulator starts on Tuesday 2025-03-11 at 11:00 in New York (EDT, UTC-4).
EASTERN_MIDNIGHT_THURSDAY = datetime.fromisoformat("2025-03-13T04:00:00+00:00")


def why(board: AttentionBoard) -> dict[int, str]:
    return {item.order_id: item.why for item in board.items()}


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
    assert why(board) == {order.id: "2 rejected · new note ✉ · FOC Thu 03-13"}
    assert markers(board) == {order.id: CHANGED}
    current = await client.orders.get(order.id)
    summary = board.open_order(current)
    assert summary.text == (
        "+1 note from Sinch Porting, +3 numbers CONFIRMED, "
        "2 numbers REJECTED: Invalid port-out PIN, FOC set to 2025-03-13"
    )
    assert markers(board) == {order.id: None}
    assert why(board) == {order.id: "FOC Thu 03-13"}
    history = timeline(board, order.id)
    assert history[0] == (SOURCE_HISTORY, "Order created")
    assert (SOURCE_YOU, "You created the order") in history
    assert (SOURCE_SERVER, "Note from Sinch Porting") in history
    assert (SOURCE_SERVER, f"3 numbers CONFIRMED: {', '.join(good)}") in history
    assert (
        SOURCE_SERVER,
        f"2 numbers REJECTED: Invalid port-out PIN ({', '.join(bad)})",
    ) in history

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
        "+2 numbers CONFIRMED, FOC set to 2025-03-13, order now CONFIRMED"
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


async def test_an_unfixed_rejection_goes_stale_and_undo_brings_the_marker_back(
    world: World,
) -> None:
    client, emulator = world.client, world.emulator
    [number] = same_carrier_numbers(1)
    order = await client.orders.create(
        new_order([number], date="2025-03-13", pins={number: "0000"})
    )
    emulator.advance(timedelta(hours=2))
    board = world.board()
    await board.refresh()
    assert why(board) == {order.id: "1 rejected · new note ✉"}
    board.open_order(await client.orders.get(order.id))
    assert why(board) == {}

    emulator.advance(timedelta(days=6))
    await board.refresh()
    assert why(board) == {order.id: "no change 6 days"}

    # Undoing the look brings back what the operator had not seen.
    assert board.undo_seen(order.id) is None
    assert why(board) == {order.id: "1 rejected · new note ✉ · no change 6 days"}
    assert markers(board) == {order.id: NEW}
