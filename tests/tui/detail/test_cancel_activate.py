"""C cancels after a confirmation naming the order; A activates on-demand groups with results."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import OptionList, Static

from porting_tui.client import Order
from porting_tui.tui.dialogs.activation_dialog import NOTHING_READY, ActivationDialog
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.widgets.numbers_panel import NumbersPanel
from porting_tui.tui.widgets.problem_banner import ProblemBanner
from tests.tui.detail.conftest import (
    NUMBERS,
    Detail,
    fail_requests,
    make_order,
    rejected_order,
    stop_intercepting,
)

FOC_DAY_COME = timedelta(days=4, hours=22)
"""From the start (Friday 14:00 UTC) to Wednesday 12:00 UTC: the FOC day of the order below."""


def summary_text(detail: Detail) -> str:
    return str(detail.screen.query_one("#summary", Static).render())


async def test_cancel_names_the_order_and_then_shows_the_new_status(detail: Detail) -> None:
    order = await rejected_order(detail)
    screen = await detail.open(order.id)
    await detail.press("C")
    dialog = detail.app.screen
    assert isinstance(dialog, ConfirmDialog)
    question = str(dialog.query_one("#question", Static).render())
    assert question.startswith(
        f"Cancel order {order.id} (ACME-42, 3 numbers) on profile 'acme-test'?"
    )
    await detail.press("y")
    assert detail.app.screen is screen
    assert summary_text(detail).startswith("⊘ PENDING_CANCELATION")
    assert f"Order {order.id} is now PENDING_CANCELATION." in detail.notifications()


async def test_saying_no_cancels_nothing(detail: Detail) -> None:
    order = await rejected_order(detail)
    await detail.open(order.id)
    detail.transport.forget()
    await detail.press("C", "n")
    assert [r.method for r in detail.transport.requests] == []
    assert summary_text(detail).startswith("○ PENDING")


async def test_a_failed_cancel_says_why_and_leaves_the_order_shown(detail: Detail) -> None:
    order = await rejected_order(detail)
    screen = await detail.open(order.id)
    fail_requests(detail.transport, "DELETE", 409)
    await detail.press("C", "y")
    assert detail.app.screen is screen
    assert "refused the request (HTTP 409)" in str(screen.query_one(ProblemBanner).render())
    assert any(f"Order {order.id} was not cancelled" in n for n in detail.notifications())
    assert summary_text(detail).startswith("○ PENDING ·")


async def on_demand_order(detail: Detail) -> Order:
    client = detail.app.session.client
    pins = {NUMBERS[0]: "1234", NUMBERS[2]: "1234"}
    order = await make_order(client, pins, on_demand=True, port_date=date(2026, 12, 2))
    detail.emulator.advance(FOC_DAY_COME)
    return order


async def test_activation_lists_groups_confirms_and_shows_the_result_per_group(
    detail: Detail,
) -> None:
    order = await on_demand_order(detail)
    screen = await detail.open(order.id)
    await detail.press("A")
    dialog = detail.app.screen
    assert isinstance(dialog, ActivationDialog)
    (group,) = dialog.groups
    assert group.phone_number_group == "GW Bandwidth Grp1"
    assert {n.phone_number for n in group.phone_numbers} == {NUMBERS[0], NUMBERS[2]}
    options = dialog.query_one("#groups", OptionList)
    assert options.option_count == 1
    await detail.press("ctrl+s")
    confirm = detail.app.screen
    assert isinstance(confirm, ConfirmDialog)
    question = str(confirm.query_one("#question", Static).render())
    assert f"GW Bandwidth Grp1 of order {order.id} (ref ACME-42): 2 numbers" in question
    await detail.press("y")
    assert detail.app.screen is dialog
    results = str(dialog.query_one("#results", Static).render())
    assert "GW Bandwidth Grp1: ACTIVATED" in results
    await detail.press("escape")
    assert detail.app.screen is screen
    numbers = screen.query_one(NumbersPanel).numbers
    assert {n.status for n in numbers} == {"ACTIVATED"}


async def test_no_ready_group_says_when_groups_become_available(detail: Detail) -> None:
    order = await make_order(detail.app.session.client, {NUMBERS[2]: "1234"}, on_demand=True)
    await detail.open(order.id)
    await detail.press("A")
    dialog = detail.app.screen
    assert isinstance(dialog, ActivationDialog)
    assert str(dialog.query_one("#status", Static).render()) == NOTHING_READY
    detail.transport.forget()
    await detail.press("ctrl+s")
    assert not [r for r in detail.transport.requests if r.method == "POST"]


async def test_a_failed_activation_shows_the_error_in_the_dialog(detail: Detail) -> None:
    order = await on_demand_order(detail)
    await detail.open(order.id)
    await detail.press("A")
    dialog = detail.app.screen
    fail_requests(detail.transport, "POST", 502, "/activate")
    await detail.press("ctrl+s", "y")
    assert detail.app.screen is dialog
    error = str(dialog.query_one("#error", Static).render())
    assert "failed with HTTP 502" in error and "may have been activated" in error
    stop_intercepting(detail.transport, detail.emulator)
    await detail.press("ctrl+s", "y")
    assert "ACTIVATED" in str(dialog.query_one("#results", Static).render())
