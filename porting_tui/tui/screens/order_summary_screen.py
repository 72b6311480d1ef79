"""OrderSummaryScreen: one order's summary fields and its numbers, read-only, Esc goes back."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Static

from porting_tui.client import Order, PhoneNumber, PortingError
from porting_tui.tui.problems import describe_problem
from porting_tui.tui.screens.session_screen import SessionScreen
from porting_tui.tui.session import Session
from porting_tui.tui.webhook_feed import WebhookEventReceived
from porting_tui.tui.widgets.order_columns import status_label
from porting_tui.tui.widgets.problem_banner import ProblemBanner
from porting_tui.tui.widgets.since_last_looked import SinceLastLookedBox
from porting_tui.tui.widgets.status_header import StatusHeader

_STATUS_CLASSES = {
    "PENDING": "pending",
    "CONFIRMED": "confirmed",
    "COMPLETED": "completed",
    "CANCELED": "canceled",
    "PENDING_CANCELATION": "pending-cancelation",
}
_NUMBER_STYLES = {
    "REJECTED": "bold red",
    "CONFIRMED": "blue",
    "ACTIVATED": "green",
    "PENDING": "yellow",
    "CANCELED": "dim",
    "EXCLUDED": "dim",
}


def summary_lines(order: Order) -> Text:
    """The order's summary fields as literal text, one fact per line."""
    schedule = order.desired_port_schedule
    port = " ".join(
        part
        for part in (
            schedule.desired_port_date.isoformat(),
            schedule.desired_port_time or "",
            schedule.desired_port_time_zone or "",
        )
        if part
    )
    activation = "on demand" if order.on_demand_activation else "on the port date"
    loa_date = f" on {order.loa_attachment_date:%Y-%m-%d}" if order.loa_attachment_date else ""
    lines = [
        f"Reference   {order.customer_order_reference or '—'}",
        f"Created     {order.created_date.isoformat() if order.created_date else '—'}",
        f"Port        {port} · activation {activation}",
        f"LOA         {order.loa_uploaded_by or '—'}{loa_date}",
        f"Reseller    {order.reseller_name or '—'}",
        f"Notes       {len(order.notes)} · documents {len(order.documents)}",
    ]
    return Text("\n".join(lines))


def number_row(number: PhoneNumber) -> tuple[Text, ...]:
    reason = number.reject_reason or number.exclusion_reason or ""
    foc = f"{number.foc_date:%Y-%m-%d}" if number.foc_date else "—"
    return (
        Text(number.phone_number),
        Text(number.status, style=_NUMBER_STYLES.get(number.status, "magenta")),
        Text(number.phone_number_group or "—"),
        Text(foc),
        Text(reason),
    )


class OrderSummaryScreen(SessionScreen):
    """GETs the order when shown and on ``r``; everything the server sent is shown as text."""

    HELP_TITLE = "Order summary"
    CSS_PATH = "order_summary_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("r", "refresh", "Refresh"),
        Binding("y", "copy_id", "Copy id"),
        Binding("U", "mark_unseen", "Mark as not seen", show=False),
    ]

    def __init__(self, session: Session, order_id: int) -> None:
        super().__init__(session)
        self.order_id = order_id
        self.order: Order | None = None

    def compose(self) -> ComposeResult:
        yield StatusHeader(self.session, subtitle=f"order {self.order_id}")
        yield ProblemBanner()
        with Horizontal(id="title-line"):
            yield Static(Text(f"Order {self.order_id}"), id="title")
            yield Static(id="status")
        yield Static(Text("Loading…"), id="summary")
        if self.session.attention is not None:
            yield SinceLastLookedBox(id="since-last-looked")
        yield DataTable(id="numbers", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#numbers", DataTable)
        table.add_columns("Number", "Status", "Group", "FOC", "Reason")
        table.focus()
        self.load()

    @work(exclusive=True, group="order")
    async def load(self) -> None:
        try:
            order = await self.session.client.orders.get(self.order_id)
        except PortingError as error:
            self.query_one(ProblemBanner).show(describe_problem(error, self.session))
            return
        self.query_one(ProblemBanner).show(None)
        self.order = order
        self._show(order)
        if self.session.attention is not None:
            self.query_one(SinceLastLookedBox).record_look(self.session.attention.board, order)
        self.refreshed()

    def _show(self, order: Order) -> None:
        status = self.query_one("#status", Static)
        status.update(Text(status_label(order.status)))
        status.set_classes(f"status-{_STATUS_CLASSES.get(order.status, 'unknown')}")
        self.query_one("#summary", Static).update(summary_lines(order))
        table = self.query_one("#numbers", DataTable)
        table.clear()
        for number in order.phone_numbers:
            table.add_row(*number_row(number), key=number.phone_number)
        table.border_title = f"Numbers ({len(order.phone_numbers)})"

    def on_webhook_event_received(self, message: WebhookEventReceived) -> None:
        if message.event.numeric_order_id == self.order_id:
            self.load()

    def action_back(self) -> None:
        self.dismiss()

    def action_refresh(self) -> None:
        self.load()

    def action_mark_unseen(self) -> None:
        if self.session.attention is not None:
            self.session.attention.board.undo_seen(self.order_id)
            self.notify(f"Order {self.order_id} is marked as not seen again", timeout=4)

    def action_copy_id(self) -> None:
        self.app.copy_to_clipboard(str(self.order_id))
        self.notify(f"Copied order id {self.order_id}", timeout=4, markup=False)
