"""OrderSummaryPanel: an order's own fields in three short lines, server text shown literally."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from porting_tui.client import Order, date_text
from porting_tui.domain.inert_text import inert_text
from porting_tui.tui.status_looks import DEFAULT_PALETTE, StatusPalette, status_label


def port_text(order: Order) -> str:
    schedule = order.desired_port_schedule
    parts = (
        date_text(schedule.desired_port_date),
        schedule.desired_port_time or "",
        schedule.desired_port_time_zone or "",
    )
    when = " ".join(inert_text(part) for part in parts if part)
    if order.on_demand_activation:
        return f"port {when} · on-demand activation (A activates)"
    return f"port {when} · activates on the port date"


def summary_text(order: Order, palette: StatusPalette = DEFAULT_PALETTE) -> Text:
    """Status, reference and created date; the port schedule; the LOA and the reseller."""
    text = Text()
    text.append(status_label(inert_text(order.status)), palette.order(order.status))
    reference = inert_text(order.customer_order_reference) or "—"
    created = inert_text(date_text(order.created_date)) or "—"
    text.append(f" · ref {reference} · created {created}\n")
    text.append(port_text(order) + "\n")
    loa = inert_text(order.loa_uploaded_by) or "—"
    if order.loa_attachment_date:
        loa += f" {inert_text(date_text(order.loa_attachment_date))}"
    text.append(f"LOA by {loa} · reseller {inert_text(order.reseller_name) or '—'}")
    return text


class OrderSummaryPanel(Static):
    """Bordered, titled with the order id; ``show(order)`` fills it."""

    DEFAULT_CSS = """
    OrderSummaryPanel {
        height: auto;
        border: round $primary-muted;
        border-title-color: $text-primary;
        padding: 0 1;
    }
    """

    def __init__(self, order_id: int, *, id: str | None = None) -> None:
        super().__init__(Text("Loading…"), id=id)
        self.border_title = f"Order {order_id}"
        self.order: Order | None = None

    def show(self, order: Order) -> None:
        self.order = order
        self.update(summary_text(order, StatusPalette.of(self.app)))
