"""StatusHeader: the always-visible "where am I" line (profile, project, host, flags, freshness)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.color import ColorParseError
from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from porting_tui.listing.session import Session
from porting_tui.tui.widgets.header_bar import HeaderBar


def short_project_id(project_id: str, room: int) -> str:
    """The project id, shortened to ``1f2e…9a`` when the line has no room for all of it."""
    if len(project_id) <= room:
        return project_id
    return f"{project_id[:4]}…{project_id[-2:]}"


class StatusHeader(HeaderBar):
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

    subtitle: reactive[str] = reactive("")

    def __init__(self, session: Session, *, subtitle: str = "") -> None:
        super().__init__(demo_clock=session.now if session.demo else None)
        self._session = session
        self.set_reactive(StatusHeader.subtitle, subtitle)

    def badges(self) -> Iterable[Static]:
        if self._session.read_only:
            yield Static("READ-ONLY", id="read-only", classes="badge")

    def watch_subtitle(self) -> None:
        if self.is_mounted:
            self.update_where()

    def where_text(self) -> Text:
        session = self._session
        room = 36 if self.size.width >= 110 else 12
        where = Text(no_wrap=True, overflow="ellipsis")
        where.append(session.profile_name, style=_profile_style(session.color))
        where.append(f" · proj {short_project_id(session.project_id, room)} · {session.api_host}")
        if self.subtitle:
            where.append(f" › {self.subtitle}")
        return where


def _profile_style(color: str | None) -> Style:
    """Bold in the profile's colour; a colour rich cannot read is ignored, not fatal."""
    if color:
        try:
            return Style(bold=True, color=color)
        except ColorParseError:
            pass
    return Style(bold=True)
