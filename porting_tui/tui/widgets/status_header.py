"""StatusHeader: the always-visible "where am I" line (profile, project, host, flags, freshness)."""

from __future__ import annotations

from datetime import UTC, datetime

from rich.color import ColorParseError
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Static

from porting_tui.listing.session import Session

_SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


def short_project_id(project_id: str, room: int) -> str:
    """The project id, shortened to ``1f2e…9a`` when the line has no room for all of it."""
    if len(project_id) <= room:
        return project_id
    return f"{project_id[:4]}…{project_id[-2:]}"


class StatusHeader(Horizontal):
    """Profile, project id and API host on the left; READ-ONLY, DEMO, last refresh on the right."""

    DEFAULT_CSS = """
    StatusHeader {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        & > #title {
            width: auto; padding: 0 1; background: $primary; color: $text; text-style: bold;
        }
        & > #where { width: 1fr; padding: 0 1; }
        & > .badge { width: auto; padding: 0 1; margin-left: 1; text-style: bold; }
        & > #read-only { background: $error; color: $text; }
        & > #demo { background: $warning; color: $text; }
        & > #freshness { width: auto; max-width: 40; padding: 0 1; color: $text-muted; }
    }
    """

    busy: reactive[bool] = reactive(False)
    """Requests are running (the app sets this for every header)."""
    activity: reactive[str] = reactive("")
    """What the requests in flight do, shown beside the spinner."""
    refreshed_at: reactive[datetime | None] = reactive(None)
    subtitle: reactive[str] = reactive("")
    _frame: reactive[int] = reactive(0)

    def __init__(self, session: Session, *, subtitle: str = "") -> None:
        super().__init__()
        self._session = session
        self.set_reactive(StatusHeader.subtitle, subtitle)

    def compose(self) -> ComposeResult:
        yield Static("porting-tui", id="title")
        yield Static(id="where")
        if self._session.read_only:
            yield Static("READ-ONLY", id="read-only", classes="badge")
        if self._session.demo:
            yield Static("DEMO", id="demo", classes="badge")
        yield Static(id="freshness")

    def on_mount(self) -> None:
        self._spin_timer = self.set_interval(0.1, self._spin, pause=True)
        # The app owns these two facts; every screen's header mirrors them.
        self.watch(self.app, "busy", self._mirror_busy)
        self.watch(self.app, "activity", self._mirror_activity)
        self.watch(self.app, "refreshed_at", self._mirror_refreshed_at)
        self._update_where()
        self._update_freshness()
        if self._session.demo:
            # The demo runs on the emulator's clock, which only moves when told (``+``).
            self.show_demo_clock()
            self.set_interval(1.0, self.show_demo_clock)

    def show_demo_clock(self) -> None:
        if not self._session.demo:
            return
        moment = self._session.now().astimezone(UTC)
        # Below 100 columns the year and zone give way to the profile and host.
        shown = (
            f"{moment:%Y-%m-%d %H:%M} UTC" if self.size.width >= 100 else f"{moment:%m-%d %H:%M}"
        )
        self.query_one("#demo", Static).update(f"DEMO {shown}")

    def on_resize(self) -> None:
        # Below 100 columns the app's name gives way to what matters: profile, project, host.
        self.query_one("#title", Static).display = self.size.width >= 100
        self._update_where()
        self.show_demo_clock()

    def watch_subtitle(self) -> None:
        if self.is_mounted:
            self._update_where()

    def watch_busy(self, busy: bool) -> None:
        if not self.is_mounted:
            return
        if busy:
            self._spin_timer.resume()
        else:
            self._spin_timer.pause()
        self._update_freshness()

    def watch_refreshed_at(self) -> None:
        if self.is_mounted:
            self._update_freshness()

    def _mirror_busy(self, busy: bool) -> None:
        self.busy = busy

    def _mirror_activity(self, activity: str) -> None:
        self.activity = activity

    def watch_activity(self) -> None:
        if self.is_mounted:
            self._update_freshness()

    def _mirror_refreshed_at(self, refreshed_at: datetime | None) -> None:
        self.refreshed_at = refreshed_at

    def _spin(self) -> None:
        self._frame = (self._frame + 1) % len(_SPINNER)
        # Only the spinner's one cell changed: redraw it without laying out the screen.
        self._update_freshness(layout=False)

    def _update_where(self) -> None:
        session = self._session
        room = 36 if self.size.width >= 110 else 12
        where = Text(no_wrap=True, overflow="ellipsis")
        where.append(session.profile_name, style=_profile_style(session.color))
        where.append(f" · proj {short_project_id(session.project_id, room)} · {session.api_host}")
        if self.subtitle:
            where.append(f" › {self.subtitle}")
        self.query_one("#where", Static).update(where)

    def _update_freshness(self, *, layout: bool = True) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        if self.busy:
            # While a request runs the header says what it is; the time of the last answer
            # comes back as soon as it ends.
            text.append(f"{_SPINNER[self._frame]} ", style="bold")
            text.append(self.activity or "loading")
        elif self.refreshed_at is not None:
            text.append(f"updated {self.refreshed_at:%H:%M:%S}")
        self.query_one("#freshness", Static).update(text, layout=layout)


def _profile_style(color: str | None) -> Style:
    """Bold in the profile's colour; a colour rich cannot read is ignored, not fatal."""
    if color:
        try:
            return Style(bold=True, color=color)
        except ColorParseError:
            pass
    return Style(bold=True)
