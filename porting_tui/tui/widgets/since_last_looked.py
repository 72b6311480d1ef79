"""SinceLastLookedBox: what changed on an order since the operator last opened it."""

from __future__ import annotations

from datetime import datetime, tzinfo

from textual.content import Content
from textual.widgets import Static

from porting_tui.attention.board import AttentionBoard
from porting_tui.attention.summary import SinceLastLooked
from porting_tui.client import Order
from porting_tui.domain.inert_text import inert_text


def seen_label(seen_at: datetime | None, zone: tzinfo | None = None) -> str:
    if seen_at is None:
        return "first look"
    return f"last looked {seen_at.astimezone(zone):%Y-%m-%d %H:%M}"


class SinceLastLookedBox(Static):
    """A bordered box of short lines (``+1 note from Sinch Porting``...), shown literally.

    Mount it with the summary the board gave when the order was opened:
    ``yield SinceLastLookedBox(board.open_order(order))``, or empty and ``show`` it later.
    """

    DEFAULT_CSS = """
    SinceLastLookedBox {
        border: round $accent;
        border-title-color: $text-accent;
        border-subtitle-color: $text-muted;
        padding: 0 1;
        height: auto;
        max-height: 8;
        &.-nothing-new { border: round $panel-lighten-2; color: $text-muted; }
    }
    """

    def __init__(
        self,
        summary: SinceLastLooked | None = None,
        *,
        zone: tzinfo | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = "Since you last looked"
        self._zone = zone
        self.summary: SinceLastLooked | None = None
        if summary is not None:
            self.show(summary)

    def show(self, summary: SinceLastLooked) -> None:
        """Show ``summary``: one change per line, server text never read as markup."""
        self.summary = summary
        lines = summary.items or (summary.text,)
        self.update(Content("\n".join(inert_text(line) for line in lines)))
        self.border_subtitle = seen_label(summary.seen_at, self._zone)
        self.set_class(not summary.items, "-nothing-new")

    def record_look(self, board: AttentionBoard, order: Order) -> None:
        """The operator sees ``order`` (opened or refreshed): mark it seen and say what changed.

        A refresh with nothing new keeps the summary the order was opened with.
        """
        summary = board.open_order(order)
        if self.summary is None or summary.items:
            self.show(summary)
