"""TimelineView: what happened to an order, oldest to newest, with the operator's own actions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from typing import ClassVar

from rich.text import Text

from porting_tui.domain.inert_text import inert_text
from porting_tui.local.timeline import SOURCE_HISTORY, SOURCE_YOU, TimelineEntry
from porting_tui.tui.widgets.table_keys import KeyedDataTable

SOURCE_LABELS = {SOURCE_YOU: "you", SOURCE_HISTORY: "order"}
"""Who the entry is about: the operator, the order's own dates, or (default) a seen change."""
_SOURCE_STYLES = {SOURCE_YOU: "bold", SOURCE_HISTORY: "dim"}


def entry_cells(entry: TimelineEntry, zone: tzinfo | None = None) -> tuple[Text, Text, Text]:
    """When, who and what, as literal text."""
    when = entry.happened_at.astimezone(zone)
    who = SOURCE_LABELS.get(entry.source, "seen")
    style = _SOURCE_STYLES.get(entry.source, "")
    return (
        Text(f"{when:%Y-%m-%d %H:%M}"),
        Text(who, style=style),
        Text(inert_text(entry.text), style=style),
    )


class TimelineView(KeyedDataTable[Text]):
    """The timeline of one order; ``show(entries)`` replaces what it lists.

    Mount it with ``yield TimelineView(board.timeline(order_id))``.
    """

    DEFAULT_CSS = """
    TimelineView { height: 1fr; }
    """
    COLUMNS: ClassVar[tuple[str, ...]] = ("When", "Who", "What")

    def __init__(
        self,
        entries: Sequence[TimelineEntry] = (),
        *,
        zone: tzinfo | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self._zone = zone
        self._entries = list(entries)

    def on_mount(self) -> None:
        self.add_columns(*self.COLUMNS)
        self.show(self._entries)

    def show(self, entries: Sequence[TimelineEntry]) -> None:
        self._entries = list(entries)
        if not self.columns:
            return
        self.clear()
        for index, entry in enumerate(self._entries):
            self.add_row(*entry_cells(entry, self._zone), key=str(index))
        if self._entries:
            # The newest entry is what the operator looks for first.
            self.move_cursor(row=len(self._entries) - 1)
