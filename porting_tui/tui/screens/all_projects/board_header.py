"""BoardHeader: the board's "where am I" line: every project shown, DEMO, freshness."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Static

from porting_tui.domain.inert_text import inert_text

_SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class BoardHeader(Horizontal):
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

    busy: reactive[bool] = reactive(False)
    activity: reactive[str] = reactive("")
    refreshed_at: reactive[datetime | None] = reactive(None)
    _frame: reactive[int] = reactive(0)

    def __init__(self, names: list[str], *, demo_clock: Callable[[], datetime] | None) -> None:
        super().__init__()
        self._names = names
        self._demo_clock = demo_clock

    def compose(self) -> ComposeResult:
        yield Static("porting-tui", id="title")
        yield Static(id="where")
        if self._demo_clock is not None:
            yield Static("DEMO", id="demo")
        yield Static(id="freshness")

    def on_mount(self) -> None:
        self._spin_timer = self.set_interval(0.1, self._spin, pause=True)
        self.watch(self.app, "busy", self._mirror_busy)
        self.watch(self.app, "activity", self._mirror_activity)
        self.watch(self.app, "refreshed_at", self._mirror_refreshed_at)
        self._update_where()
        self.show_demo_clock()
        if self._demo_clock is not None:
            self.set_interval(1.0, self.show_demo_clock)

    def on_resize(self) -> None:
        self.query_one("#title", Static).display = self.size.width >= 100
        self.show_demo_clock()

    def show_demo_clock(self) -> None:
        if self._demo_clock is None:
            return
        moment = self._demo_clock().astimezone(UTC)
        shown = (
            f"{moment:%Y-%m-%d %H:%M} UTC" if self.size.width >= 100 else f"{moment:%m-%d %H:%M}"
        )
        self.query_one("#demo", Static).update(f"DEMO {shown}")

    def _update_where(self) -> None:
        where = Text(no_wrap=True, overflow="ellipsis")
        where.append("All projects", style="bold")
        where.append(": " + " · ".join(inert_text(name) for name in self._names))
        self.query_one("#where", Static).update(where)

    def _mirror_busy(self, busy: bool) -> None:
        self.busy = busy

    def _mirror_activity(self, activity: str) -> None:
        self.activity = activity

    def _mirror_refreshed_at(self, refreshed_at: datetime | None) -> None:
        self.refreshed_at = refreshed_at

    def watch_busy(self, busy: bool) -> None:
        if not self.is_mounted:
            return
        if busy:
            self._spin_timer.resume()
        else:
            self._spin_timer.pause()
        self._update_freshness()

    def watch_activity(self) -> None:
        if self.is_mounted:
            self._update_freshness()

    def watch_refreshed_at(self) -> None:
        if self.is_mounted:
            self._update_freshness()

    def _spin(self) -> None:
        self._frame = (self._frame + 1) % len(_SPINNER)
        self._update_freshness(layout=False)

    def _update_freshness(self, *, layout: bool = True) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        if self.busy:
            text.append(f"{_SPINNER[self._frame]} ", style="bold")
            text.append(self.activity or "loading")
        elif self.refreshed_at is not None:
            text.append(f"updated {self.refreshed_at:%H:%M:%S}")
        self.query_one("#freshness", Static).update(text, layout=layout)
