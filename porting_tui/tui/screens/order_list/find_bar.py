"""FindBar: the filters in words, and the find box that narrows the loaded rows."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widget import AwaitMount
from textual.widgets import Input, Static

from porting_tui.listing.filters import OrderFilters, describe


class FindBox(Input):
    """The find box, whose footer says how to leave it ("/" is typed in it, as any key)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Back to rows"),
        Binding("escape", "screen.clear_find", "Clear find"),
    ]


class FindBar(Horizontal):
    """Shows the filters; ``/`` opens its find box, whose text it reports as it changes."""

    class FindChanged(Message):
        """The text to find in the loaded rows is now ``text``."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class FindDone(Message):
        """Enter in the find box: back to the rows."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._find_mounting: AwaitMount | None = None

    def compose(self) -> ComposeResult:
        # The find box is mounted after the list's first page (prepare_find): hidden until it
        # is opened, it would only be styled (an Input and its parts, twice) before the rows.
        yield Static(id="filter-summary")

    @property
    def find(self) -> Input | None:
        """The find box; None until it is mounted."""
        return next(self.query("#find").results(Input), None)

    def prepare_find(self) -> AwaitMount:
        """Mount the find box, hidden, unless that is done; await the result to know it is."""
        if self._find_mounting is None:
            box = FindBox(placeholder="find in loaded rows", id="find", compact=True)
            self._find_mounting = self.mount(box)
        return self._find_mounting

    def show_filters(self, filters: OrderFilters, toggles: str = "") -> None:
        """The filters in words, and the quick toggles narrowing the loaded rows, if any."""
        summary = describe(filters) or "no filters: every order"
        if toggles:
            summary += f" · showing {toggles} (x m c)"
        text = Content(summary)
        self.query_one("#filter-summary", Static).update(text)

    async def open_find(self) -> None:
        """Show the find box and focus it at once: the keys after "/" go to it (see that key)."""
        await self.prepare_find()
        find = self.query_one("#find", Input)
        find.add_class("-shown")
        # At once rather than at the loop's next turn, as Widget.focus would.
        self.screen.set_focus(find)

    def clear_find(self) -> None:
        """Empty and hide the find box (the screen unnarrows its rows at once)."""
        find = self.find
        if find is None:
            return
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
