"""FindBar: the filters in words, and the find box that narrows the loaded rows."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from porting_tui.listing.filters import OrderFilters, describe


class FindBar(Horizontal):
    """Shows the filters; ``/`` opens its find box, whose text it reports as it changes."""

    class FindChanged(Message):
        """The text to find in the loaded rows is now ``text``."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class FindDone(Message):
        """Enter in the find box: back to the rows."""

    def compose(self) -> ComposeResult:
        yield Static(id="filter-summary")
        yield Input(placeholder="find in loaded rows", id="find", compact=True)

    @property
    def find(self) -> Input:
        return self.query_one("#find", Input)

    def show_filters(self, filters: OrderFilters, toggles: str = "") -> None:
        """The filters in words, and the quick toggles narrowing the loaded rows, if any."""
        summary = describe(filters) or "no filters: every order"
        if toggles:
            summary += f" · showing {toggles} (x m c)"
        text = Content(summary)
        self.query_one("#filter-summary", Static).update(text)

    def open_find(self) -> None:
        self.find.add_class("-shown")
        self.find.focus()

    def clear_find(self) -> None:
        """Empty and hide the find box (the screen unnarrows its rows at once)."""
        find = self.find
        if find.value:
            find.value = ""
        find.remove_class("-shown")

    @on(Input.Changed, "#find")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.FindChanged(event.value))

    @on(Input.Submitted, "#find")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.FindDone())
