"""HeaderBar: the line docked at the top of every screen: who and where, DEMO, freshness."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import var
from textual.widgets import Static

_SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class HeaderBar(Horizontal):
    """The app's name, then what the subclass says of where the user is (``where_text``), its
    badges, and on the right a spinner with what the requests in flight do, or the time of
    the last answer. Busy, activity and the last refresh are the app's: every header mirrors
    them. A demo shows its clock, which only moves when told (``+``)."""

    # Vars: the bar redraws what they show itself (_update_freshness), a line, not the bar.
    busy: var[bool] = var(False)
    """Requests are running (the app sets this for every header)."""
    activity: var[str] = var("")
    """What the requests in flight do, shown beside the spinner."""
    refreshed_at: var[datetime | None] = var(None)
    _frame: var[int] = var(0)

    def __init__(self, *, demo_clock: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self._demo_clock = demo_clock
        self._freshness_width = -1

    def badges(self) -> Iterable[Static]:
        """The flags shown between where and freshness (``#demo`` is added by the bar)."""
        return ()

    def where_text(self) -> Text:
        """Who and where the user is, beside the app's name (a bar of its own says nothing)."""
        return Text()

    def compose(self) -> ComposeResult:
        yield Static("porting-tui", id="title")
        yield Static(id="where")
        yield from self.badges()
        if self._demo_clock is not None:
            yield Static("DEMO", id="demo", classes="badge")
        yield Static(id="freshness")

    def on_mount(self) -> None:
        self._spin_timer = self.set_interval(0.1, self._spin, pause=True)
        self.watch(self.app, "busy", self._mirror_busy)
        self.watch(self.app, "activity", self._mirror_activity)
        self.watch(self.app, "refreshed_at", self._mirror_refreshed_at)
        self.update_where()
        self._update_freshness()
        if self._demo_clock is not None:
            self.show_demo_clock()
            self.set_interval(1.0, self.show_demo_clock)

    def on_resize(self) -> None:
        # Below 100 columns the app's name gives way to what matters: who and where.
        self.query_one("#title", Static).display = self.size.width >= 100
        self.update_where()
        self.show_demo_clock()

    def update_where(self) -> None:
        self.query_one("#where", Static).update(self.where_text())

    def show_demo_clock(self) -> None:
        if self._demo_clock is None:
            return
        moment = self._demo_clock().astimezone(UTC)
        # Below 100 columns the year and zone give way to the profile and host.
        shown = (
            f"{moment:%Y-%m-%d %H:%M} UTC" if self.size.width >= 100 else f"{moment:%m-%d %H:%M}"
        )
        self.query_one("#demo", Static).update(f"DEMO {shown}")

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

    def _mirror_busy(self, busy: bool) -> None:
        self.busy = busy

    def _mirror_activity(self, activity: str) -> None:
        self.activity = activity

    def _mirror_refreshed_at(self, refreshed_at: datetime | None) -> None:
        self.refreshed_at = refreshed_at

    def _spin(self) -> None:
        self._frame = (self._frame + 1) % len(_SPINNER)
        self._update_freshness()

    def _update_freshness(self) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        if self.busy:
            # While a request runs the header says what it is; the time of the last answer
            # comes back as soon as it ends.
            text.append(f"{_SPINNER[self._frame]} ", style="bold")
            text.append(self.activity or "loading")
        elif self.refreshed_at is not None:
            text.append(f"updated {self.refreshed_at:%H:%M:%S}")
        # The screen is laid out again only when the text's width changes: what the requests do
        # changes with each of them (Needs attention's first refresh: dozens a second), and a
        # layout redraws the whole screen.
        width = text.cell_len
        self.query_one("#freshness", Static).update(text, layout=width != self._freshness_width)
        self._freshness_width = width
