"""EventsScreen: received webhook events, newest first, filterable, with each one's JSON."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Input, Select, Static

from porting_tui.client import PortingError, WebhookEventType
from porting_tui.domain.inert_text import inert_text
from porting_tui.listing.session import Session
from porting_tui.tui.screens.session_screen import SessionScreen
from porting_tui.tui.status_looks import NUMBER_LOOKS, UNKNOWN_LOOK, StatusLook, StatusPalette
from porting_tui.tui.webhook_feed import WebhookEventReceived, WebhookFeed
from porting_tui.tui.widgets.key_footer import KeyFooter
from porting_tui.tui.widgets.status_header import StatusHeader
from porting_tui.tui.widgets.table_keys import KeyedDataTable
from porting_tui.webhooks import (
    ReceivedEvent,
    describe_event,
    inert_json,
    mask_secrets,
    pretty_json,
)

SHOWN_EVENTS = 500
TYPE_LOOKS: dict[str, StatusLook | None] = {
    WebhookEventType.ORDER_UPDATED: None,
    WebhookEventType.NUMBERS_CONFIRMED: NUMBER_LOOKS["CONFIRMED"],
    WebhookEventType.NUMBERS_ACTIVATED: NUMBER_LOOKS["ACTIVATED"],
    WebhookEventType.NUMBERS_REJECTED: NUMBER_LOOKS["REJECTED"],
    WebhookEventType.NEW_ORDER_NOTE: NUMBER_LOOKS["PENDING"],
}
"""An event type in the colour of the number status it announces; an unknown type stands out."""


def event_summary(event: ReceivedEvent) -> str:
    try:
        return describe_event(event.event())
    except PortingError:
        return ""


def raw_text(event: ReceivedEvent, *, as_received: bool) -> Text:
    """The event's JSON as text (never markup): pretty with secrets masked, or as received."""
    if as_received:
        return Text(inert_json(event.body))
    return Text(pretty_json(mask_secrets(event.data())))


class EventsScreen(SessionScreen):
    """Reads the local store; the app's ``WebhookEventReceived`` messages keep it current."""

    HELP_TITLE = "Webhook events"
    CSS_PATH = "events_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("t", "filter_type", "Filter type"),
        Binding("o", "filter_order", "Filter order"),
        Binding("x", "clear_filters", "Clear filters"),
        Binding("r", "refresh", "Refresh"),
        Binding("u", "toggle_as_received", "As received"),
    ]

    def __init__(self, session: Session, feed: WebhookFeed) -> None:
        super().__init__(session)
        self.feed = feed
        self.as_received = False
        self.shown: list[ReceivedEvent] = []

    def compose(self) -> ComposeResult:
        yield StatusHeader(self.session, subtitle="webhook events")
        yield Static(id="receiver")
        with Horizontal(id="event-filters"):
            yield Select(
                [(kind.value, kind.value) for kind in WebhookEventType],
                prompt="All types",
                id="type-filter",
                compact=True,
            )
            yield Input(placeholder="order id", id="order-filter", compact=True, restrict=r"\d*")
            yield Static(id="event-count")
        yield KeyedDataTable[Text](id="events", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="raw-pane"):
            yield Static(id="raw")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#events", DataTable)
        table.add_column("Received", key="received")
        table.add_column("Type", key="type")
        table.add_column("Order", key="order")
        table.add_column("What", key="what")
        table.focus()
        self.query_one("#receiver", Static).update(Text(self.feed.describe()))
        self.show_events()

    @property
    def type_filter(self) -> str | None:
        select = self.query_one("#type-filter", Select)
        return None if select.is_blank() else str(select.value)

    @property
    def order_filter(self) -> str | None:
        return self.query_one("#order-filter", Input).value.strip() or None

    def show_events(self) -> None:
        """Read the events matching the filters; the cursor stays on the event it was on."""
        table = self.query_one("#events", DataTable)
        selected = self.selected_event
        store = self.feed.events
        events = (
            store.recent(
                profile=self.session.profile_name,
                event_type=self.type_filter,
                order_id=self.order_filter,
                limit=SHOWN_EVENTS,
            )
            if store is not None
            else []
        )
        self.shown = events
        table.clear()
        zone = self.session.now().tzinfo
        palette = StatusPalette.of(self.app)
        for event in events:
            look = TYPE_LOOKS.get(event.event_type, UNKNOWN_LOOK)
            received = event.received_at.astimezone(zone)
            table.add_row(
                Text(f"{received:%m-%d %H:%M:%S}"),
                Text(
                    inert_text(event.event_type),
                    style=palette.style(look) if look is not None else "",
                ),
                Text(inert_text(event.order_id)),
                Text(inert_text(event_summary(event))),
                key=str(event.id),
            )
        if selected is not None:
            index = next((i for i, e in enumerate(events) if e.id == selected.id), 0)
            table.move_cursor(row=index, animate=False)
        self._update_count()
        self._show_raw()

    @property
    def selected_event(self) -> ReceivedEvent | None:
        table = self.query_one("#events", DataTable)
        if not self.shown or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def _update_count(self) -> None:
        count = len(self.shown)
        filtered = self.type_filter or self.order_filter
        text = f"{count}{'+' if count == SHOWN_EVENTS else ''} event{'s' if count != 1 else ''}"
        if filtered:
            text += " matching"
        self.query_one("#event-count", Static).update(Text(text))

    def _show_raw(self) -> None:
        pane = self.query_one("#raw-pane", VerticalScroll)
        raw = self.query_one("#raw", Static)
        event = self.selected_event
        if event is None:
            pane.border_title = "Event"
            pane.border_subtitle = ""
            filtered = self.type_filter or self.order_filter
            message = "No events match the filters." if filtered else "No events received yet."
            raw.update(Text(message, style="dim"))
            return
        how = "as received" if self.as_received else "PINs masked · u: as received"
        pane.border_title = f"Event {event.id} · {event.event_type} · order {event.order_id}"
        pane.border_subtitle = how
        raw.update(raw_text(event, as_received=self.as_received))
        pane.scroll_home(animate=False)

    @on(DataTable.RowHighlighted, "#events")
    def _highlighted(self) -> None:
        self._show_raw()

    @on(Select.Changed, "#type-filter")
    @on(Input.Changed, "#order-filter")
    def _filters_changed(self) -> None:
        self.show_events()

    @on(Input.Submitted, "#order-filter")
    def _order_submitted(self) -> None:
        self.query_one("#events", DataTable).focus()

    def on_webhook_event_received(self, message: WebhookEventReceived) -> None:
        self.show_events()

    def action_filter_type(self) -> None:
        self.query_one("#type-filter", Select).focus()

    def action_filter_order(self) -> None:
        self.query_one("#order-filter", Input).focus()

    def action_clear_filters(self) -> None:
        with self.prevent(Select.Changed, Input.Changed):
            self.query_one("#type-filter", Select).clear()
            self.query_one("#order-filter", Input).value = ""
        self.show_events()

    def action_refresh(self) -> None:
        self.feed.poll()
        self.query_one("#receiver", Static).update(Text(self.feed.describe()))
        self.show_events()

    def action_toggle_as_received(self) -> None:
        self.as_received = not self.as_received
        self._show_raw()

    def action_back(self) -> None:
        table = self.query_one("#events", DataTable)
        if not table.has_focus:
            # Esc in a filter goes back to the list first, as in the order list.
            table.focus()
            return
        self.dismiss()
