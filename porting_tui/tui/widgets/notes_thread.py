"""NotesThread: an order's notes oldest first, with author and time, wrapped, shown literally."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from porting_tui.client import OrderNote, moment_of
from porting_tui.domain.inert_text import inert_text

NO_NOTES = "No notes yet. Press n to write one."
_NO_TIME = datetime.min.replace(tzinfo=UTC)


def in_time_order(notes: Sequence[OrderNote]) -> list[OrderNote]:
    """Oldest first; notes without a time keep their place before the timed ones."""
    return sorted(notes, key=lambda note: moment_of(note.created_time) or _NO_TIME)


def note_renderable(note: OrderNote, own_authors: frozenset[str], zone: tzinfo | None) -> Group:
    moment = moment_of(note.created_time)
    # A time the client could not read shows as the server sent it.
    when = f"{moment.astimezone(zone):%Y-%m-%d %H:%M}" if moment else inert_text(note.created_time)
    when = when or "—"
    author = inert_text(note.created_by) or "unknown"
    if note.created_by in own_authors:
        author += " (you)"
    heading = Text(f"{when}  ", style="dim")
    heading.append(author, style="bold")
    body = Text(inert_text(note.note, multiline=True))
    return Group(heading, Padding(body, (0, 0, 1, 2)))


class NotesThread(VerticalScroll):
    """Scrolls to the newest note whenever the notes change."""

    DEFAULT_CSS = """
    NotesThread { height: 1fr; padding: 0 1; }
    NotesThread > #notes-text { height: auto; }
    """

    def __init__(
        self,
        *,
        own_authors: frozenset[str] = frozenset(),
        zone: tzinfo | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._own_authors = own_authors
        self._zone = zone
        self.notes: list[OrderNote] = []

    def compose(self) -> ComposeResult:
        yield Static(Text(NO_NOTES, style="italic"), id="notes-text")

    def show(self, notes: Sequence[OrderNote]) -> None:
        changed = list(notes) != self.notes
        self.notes = in_time_order(notes)
        parts: list[RenderableType] = [
            note_renderable(note, self._own_authors, self._zone) for note in self.notes
        ]
        self.query_one("#notes-text", Static).update(
            Group(*parts) if parts else Text(NO_NOTES, style="italic")
        )
        if changed:
            self.call_after_refresh(self.scroll_end, animate=False)
