"""E edits a PENDING order: fix a PIN, reschedule, remove a number; preview; nothing lost."""

from __future__ import annotations

from textual.widgets import Input, Static

from porting_tui.tui.dialogs.changes_dialog import ChangesDialog
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.dialogs.edit_order_dialog import NOT_SET, EditOrderDialog
from porting_tui.tui.widgets.numbers_panel import NumbersPanel
from tests.tui.detail.conftest import (
    CARRIER_ANSWERS,
    NUMBERS,
    Detail,
    fail_requests,
    rejected_order,
    stop_intercepting,
)

PIN = "portOutInfo.existingPortOutPin"


def statuses(detail: Detail) -> dict[str, str]:
    return {n.phone_number: n.status for n in detail.screen.query_one(NumbersPanel).numbers}


async def open_edit(detail: Detail) -> EditOrderDialog:
    await detail.press("E")
    dialog = detail.app.screen
    assert isinstance(dialog, EditOrderDialog), f"on {type(dialog).__name__}"
    return dialog


def field(dialog: EditOrderDialog, path: str) -> Input:
    form = dialog.order_form if path.startswith(("desired", "customer")) else dialog.number_form
    widget = form.field_widget(path)
    assert isinstance(widget, Input)
    return widget


async def preview(detail: Detail) -> ChangesDialog:
    await detail.press("ctrl+s")
    changes = detail.app.screen
    assert isinstance(changes, ChangesDialog), f"on {type(changes).__name__}"
    return changes


async def test_fixing_the_pin_sends_the_rejected_numbers_back_until_confirmed(
    detail: Detail,
) -> None:
    order = await rejected_order(detail)
    screen = await detail.open(order.id)
    dialog = await open_edit(detail)
    assert set(dialog.numbers_list.selected) == {NUMBERS[0], NUMBERS[1]}
    pin = field(dialog, PIN)
    assert pin.password and pin.value == "0000"
    assert dialog.focused is pin, "the dialog opens where the rejection points"
    status = str(dialog.query_one("#status", Static).render())
    assert status == "The carrier said “Invalid port-out PIN”: Port-out PIN is where to start."
    await detail.press("ctrl+r")
    assert not pin.password
    pin.value = "4321"
    changes = await preview(detail)
    (change,) = changes.changes
    assert change.label == f"Port-out PIN · {NUMBERS[0]}, {NUMBERS[1]}"
    assert (change.before, change.after) == ("0000", "4321")
    assert changes.resubmitted == [NUMBERS[0], NUMBERS[1]]
    await detail.press("y")
    assert detail.app.screen is screen
    assert statuses(detail) == {
        NUMBERS[0]: "PENDING",
        NUMBERS[1]: "PENDING",
        NUMBERS[2]: "CONFIRMED",
    }

    saved = await detail.app.session.client.orders.get(order.id)
    kept = {n.phone_number: n for n in saved.phone_numbers}
    assert kept[NUMBERS[2]].port_out_info is not None
    assert kept[NUMBERS[2]].port_out_info.existing_port_out_pin == "1234"
    first = kept[NUMBERS[0]]
    assert first.port_out_info is not None and first.port_out_info.account_num == "A1"
    assert first.end_user.zip_code == "60601" and first.voice_configuration is not None

    detail.emulator.advance(CARRIER_ANSWERS)
    await detail.press("r")
    assert set(statuses(detail).values()) == {"CONFIRMED"}


async def test_secrets_stay_masked_in_the_preview_until_revealed(detail: Detail) -> None:
    order = await rejected_order(detail)
    await detail.open(order.id)
    dialog = await open_edit(detail)
    field(dialog, "portOutInfo.accountNum").value = "998877"
    changes = await preview(detail)
    (change,) = changes.changes
    assert (change.before, change.after) == ("••••", "••••")
    table = str(changes.query_one("#changes", Static).render())
    assert "998877" not in table


async def test_an_api_error_keeps_everything_typed_and_says_what_happened(
    detail: Detail,
) -> None:
    order = await rejected_order(detail)
    screen = await detail.open(order.id)
    dialog = await open_edit(detail)
    field(dialog, PIN).value = "4321"
    field(dialog, "customerOrderReference").value = "ACME-43"
    fail_requests(detail.transport, "PUT", 422)
    await preview(detail)
    await detail.press("y")
    assert detail.app.screen is dialog
    error = str(dialog.query_one("#error", Static).render())
    assert "refused the request (HTTP 422)" in error and "What you typed is kept" in error
    assert field(dialog, PIN).value == "4321"
    assert field(dialog, "customerOrderReference").value == "ACME-43"

    stop_intercepting(detail.transport, detail.emulator)
    await preview(detail)
    await detail.press("y")
    assert detail.app.screen is screen
    assert screen.order is not None and screen.order.customer_order_reference == "ACME-43"


async def test_schedule_values_are_checked_before_anything_is_sent(detail: Detail) -> None:
    order = await rejected_order(detail)
    await detail.open(order.id)
    dialog = await open_edit(detail)
    field(dialog, "desiredPortSchedule.desiredPortDate").value = "2026-12-19"
    detail.transport.forget()
    await detail.press("ctrl+s")
    assert detail.app.screen is dialog
    form_errors = str(dialog.order_form.query_one(".wizard-field-error.-shown", Static).render())
    assert "2026-12-19 is a Saturday; try 2026-12-21" in form_errors
    assert detail.transport.requests == []


async def test_a_new_schedule_and_a_removed_number_are_saved(detail: Detail) -> None:
    order = await rejected_order(detail)
    screen = await detail.open(order.id)
    dialog = await open_edit(detail)
    field(dialog, "desiredPortSchedule.desiredPortDate").value = "2026-12-16"
    field(dialog, "desiredPortSchedule.desiredPortTime").value = "10:30"
    dialog.numbers_list.focus()
    dialog.numbers_list.highlighted = 1
    await detail.press("x")
    assert dialog.removed == {NUMBERS[1]}
    changes = await preview(detail)
    labels = [(c.label, c.after) for c in changes.changes]
    assert ("Port date", "2026-12-16") in labels
    assert ("Port time", "10:30:00") in labels
    assert ("Numbers", "removed") in labels
    await detail.press("y")
    assert screen.order is not None
    assert [n.phone_number for n in screen.order.phone_numbers] == [NUMBERS[0], NUMBERS[2]]
    schedule = screen.order.desired_port_schedule
    assert (str(schedule.desired_port_date), schedule.desired_port_time) == (
        "2026-12-16",
        "10:30:00",
    )


async def test_nothing_to_save_says_so(detail: Detail) -> None:
    order = await rejected_order(detail)
    await detail.open(order.id)
    dialog = await open_edit(detail)
    await detail.press("ctrl+s")
    assert detail.app.screen is dialog
    assert "Nothing to save" in str(dialog.query_one("#error", Static).render())


async def test_empty_fields_say_not_set_rather_than_showing_an_example(detail: Detail) -> None:
    order = await rejected_order(detail, reference="")
    await detail.open(order.id)
    dialog = await open_edit(detail)
    reference = field(dialog, "customerOrderReference")
    assert (reference.value, reference.placeholder) == ("", NOT_SET)
    assert field(dialog, "endUser.streetPreDir").placeholder == NOT_SET


async def test_esc_after_a_refused_save_asks_before_dropping_what_was_typed(
    detail: Detail,
) -> None:
    order = await rejected_order(detail)
    await detail.open(order.id)
    dialog = await open_edit(detail)
    date_field = field(dialog, "desiredPortSchedule.desiredPortDate")
    date_field.focus()
    date_field.value = ""
    await detail.pilot.press(*"2026-12-20")  # a Sunday: refused
    await detail.press("ctrl+s")
    assert detail.app.screen is dialog
    await detail.press("escape")
    confirm = detail.app.screen
    assert isinstance(confirm, ConfirmDialog), f"on {type(confirm).__name__}"
    await detail.press("escape")
    assert detail.app.screen is dialog
    assert date_field.value == "2026-12-20"


async def test_esc_without_changes_closes_at_once(detail: Detail) -> None:
    order = await rejected_order(detail)
    screen = await detail.open(order.id)
    await open_edit(detail)
    await detail.press("escape")
    assert detail.app.screen is screen


async def test_quit_asks_when_the_edit_dialog_holds_changes(detail: Detail) -> None:
    order = await rejected_order(detail)
    await detail.open(order.id)
    dialog = await open_edit(detail)
    field(dialog, "customerOrderReference").value = "ACME-99"
    await detail.press("ctrl+q")
    confirm = detail.app.screen
    assert isinstance(confirm, ConfirmDialog), f"on {type(confirm).__name__}"
    question = str(confirm.query_one("#question", Static).render())
    assert f"Edit order {order.id}" in question and "what you typed is lost" in question
    await detail.press("n")
    assert detail.app.screen is dialog
