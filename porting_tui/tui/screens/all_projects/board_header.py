"""BoardHeader: the board's "where am I" line: every project shown, DEMO, freshness."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text

from porting_tui.domain.inert_text import inert_text
from porting_tui.tui.widgets.header_bar import HeaderBar


class BoardHeader(HeaderBar):
    """``All projects: acme · globex · initech`` on the left; DEMO and freshness on the right.

    Busy, activity and the last refresh are the app's, as every screen's header shows them.
    """

    DEFAULT_CSS = """
    BoardHeader {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        & > #title {
            width: auto; padding: 0 1; background: $primary; color: $text; text-style: bold;
        }
        & > #where { width: 1fr; padding: 0 1; }
        & > #demo {
            width: auto; padding: 0 1; margin-left: 1; text-style: bold;
            background: $warning; color: $text;
        }
        & > #freshness { width: auto; max-width: 40; padding: 0 1; color: $text-muted; }
    }
    """

    def __init__(self, names: list[str], *, demo_clock: Callable[[], datetime] | None) -> None:
        super().__init__(demo_clock=demo_clock)
        self._names = names

    def where_text(self) -> Text:
        where = Text(no_wrap=True, overflow="ellipsis")
        where.append("All projects", style="bold")
        where.append(": " + " · ".join(inert_text(name) for name in self._names))
        return where
