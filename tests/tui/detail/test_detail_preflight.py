"""Pre-flight on a pending order: a line in the detail (p lists the findings), and in the
edit dialog the findings of the fields being edited, gone once fixed."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Static

from porting_tui.client import DesiredPortSchedule, NewOrder, Order
from porting_tui.tui.dialogs.edit_order_dialog import EditOrderDialog
from porting_tui.tui.dialogs.preflight_dialog import PreflightDialog
from porting_tui.tui.widgets.preflight_panel import PreflightPanel
from porting_tui.tui.widgets.wizard_field_form import field_dom_id
from tests.tui.conftest import new_number
from tests.tui.detail.conftest import CARRIER_ANSWERS, Detail, rejected_order

PIN = "portOutInfo.existingPortOutPin"
T_MOBILE = "+12125550100"
TORONTO = "+14165550123"


async def wireless_order_without_pin(detail: Detail, *, with_loa: bool = True) -> Order:
    """A T-Mobile number sent without its PIN (the carrier rejects it) and a Toronto number
    with an Illinois address (rejected too), with or without an LOA uploaded."""
    client = detail.app.session.client
    no_pin = new_number(T_MOBILE)
    assert no_pin.port_out_info is not None
    no_pin.port_out_info.existing_port_out_pin = None
    order = await client.orders.create(
        NewOrder(
            customer_order_reference="ACME-PF",
            reseller_name="Acme Reseller",
            desired_port_schedule=DesiredPortSchedule(
                desired_port_date=date(2026, 12, 15),
                desired_port_time="09:00:00",
                desired_port_time_zone="US/Eastern",
            ),
            phone_numbers=[no_pin, new_number(TORONTO)],
        )
    )
    if with_loa:
        await client.orders.upload_document(order.id, "LOA.pdf", b"%PDF", "signed LOA")
    detail.emulator.advance(CARRIER_ANSWERS)
    return order


def panel_text(detail: Detail) -> str:
    panel = detail.screen.query_one(PreflightPanel)
    return str(panel.render()) if panel.styles.display != "none" else ""


def warning_under(dialog: EditOrderDialog, path: str) -> str:
    line = dialog.number_form.query_one(f"#warning-{field_dom_id(path)}")
    return str(line.render()) if line.has_class("-shown") else ""


async def test_the_detail_of_a_pending_order_shows_its_warnings_and_p_lists_them(
    detail: Detail,
) -> None:
    order = await wireless_order_without_pin(detail, with_loa=False)
    await detail.open(order.id)
    line = panel_text(detail)
    assert line.startswith("⚠ Pre-flight: 2 warnings · 2 advice · p lists them")
    await detail.press("p")
    dialog = detail.app.screen
    assert isinstance(dialog, PreflightDialog)
    risk = str(dialog.query_one("#risk", Static).render())
    assert "⚠ T-Mobile (1 number) · 1 warning: No port-out PIN for +1 212-555-0100" in risk
    assert "⚠ Cogeco (1 number) · 1 warning: Address in the US for +1 416-555-0123" in risk
    findings = str(dialog.query_one("#findings", Static).render())
    assert "they get it from T-Mobile" in findings
    assert "ℹ No document uploaded" in findings
    await detail.press("escape")
    assert detail.app.screen is detail.screen


async def test_a_pending_order_with_nothing_to_fear_says_so(detail: Detail) -> None:
    order = await rejected_order(detail)  # a wrong PIN is the carrier's to tell
    client = detail.app.session.client
    await client.orders.upload_document(order.id, "LOA.pdf", b"%PDF", "signed LOA")
    await detail.open(order.id)
    assert panel_text(detail) == "Pre-flight: no known risk"


async def test_an_order_no_longer_pending_has_no_preflight_line(detail: Detail) -> None:
    order = await rejected_order(detail)
    await detail.app.session.client.orders.cancel(order.id)
    screen = await detail.open(order.id)
    assert panel_text(detail) == ""
    await detail.press("p")
    assert detail.app.screen is screen
    assert "pre-flight looks at pending orders" in detail.notifications()[-1]


async def test_the_edit_dialog_shows_the_warnings_of_the_fields_and_drops_them_once_fixed(
    detail: Detail,
) -> None:
    order = await wireless_order_without_pin(detail)
    await detail.open(order.id)
    await detail.press("E")
    dialog = detail.app.screen
    assert isinstance(dialog, EditOrderDialog)
    line = dialog.query_one("#preflight", Static)
    several = "ℹ 2 losing carriers in one order: T-Mobile, Cogeco"
    assert (
        str(line.render())
        == f"⚠ Pre-flight: 2 warnings · 1 advice (2 under the fields) · {several}"
    )
    assert "No port-out PIN for +1 212-555-0100 of T-Mobile" in warning_under(dialog, PIN)
    assert "Address in the US for +1 416-555-0123" in warning_under(dialog, "endUser.state")
    # Only the T-Mobile number chosen: the address warning is about a number not chosen.
    dialog.numbers_list.focus()
    await detail.press("space")  # the cursor is on the first number, T-Mobile's
    assert set(dialog.numbers_list.selected) == {TORONTO}
    assert warning_under(dialog, PIN) == ""
    assert "Address in the US" in warning_under(dialog, "endUser.state")
    await detail.press("space")
    assert set(dialog.numbers_list.selected) == {T_MOBILE, TORONTO}
    # Typed, the PIN's warning goes at once; the ON address fixes the other.
    pin = dialog.number_form.field_widget(PIN)
    assert isinstance(pin, Input)
    pin.value = "4321"
    await detail.settle()
    assert warning_under(dialog, PIN) == ""
    assert (
        str(line.render()) == f"⚠ Pre-flight: 1 warning · 1 advice (1 under the fields) · {several}"
    )
    pin.value = ""
    await detail.settle()
    assert warning_under(dialog, PIN)
