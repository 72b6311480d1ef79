"""NumbersPanel: an order's numbers with counts per status and group, and an attention filter."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from porting_tui.client import PhoneNumber
from porting_tui.domain.inert_text import inert_text
from porting_tui.domain.masking import mask_order_body
from porting_tui.tui.clipboard import copy_text
from porting_tui.tui.dialogs.copied_text_dialog import CopiedTextDialog
from porting_tui.tui.status_looks import StatusPalette
from porting_tui.tui.widgets.number_rows import (
    NumberHeader,
    NumberRow,
    RowLayout,
    group_counts,
    needs_attention,
    status_counts,
)

NOTHING_NEEDS_ATTENTION = "No number needs attention. Press a to show them all."


def _option_ids(numbers: Sequence[PhoneNumber]) -> list[str]:
    """One id per row: the phone number, made unique where an entry the app could not read
    has none, or the server lists a number twice."""
    seen: set[str] = set()
    ids = []
    for index, number in enumerate(numbers):
        key = number.phone_number
        if not key or key in seen:
            key = f"{key}#{index}"
        seen.add(key)
        ids.append(key)
    return ids


class NumbersPanel(Vertical):
    """Bordered: the title counts statuses, a line counts groups, one row per number."""

    DEFAULT_CSS = """
    NumbersPanel {
        height: auto;
        border: round $primary-muted;
        border-title-color: $text-primary;
        border-subtitle-color: $text-muted;
        &:focus-within { border: round $primary; }
        & > #numbers-groups { height: auto; max-height: 2; color: $text-muted; padding: 0 1; }
        & > #numbers-header { height: 1; text-style: bold; padding: 0 1; color: $text-muted; }
        & > OptionList {
            height: auto; max-height: 12; border: none; padding: 0;
            & > .option-list--option { padding: 0 1; }
        }
        & > OptionList:focus { border: none; }
    }
    """

    attention_only: reactive[bool] = reactive(False)
    """Show only the numbers that need the operator (rejected, excluded, unknown status)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.numbers: list[PhoneNumber] = []
        self._by_id: dict[str, PhoneNumber] = {}
        self.border_title = "Numbers"
        self.border_subtitle = "a: attention only"

    def compose(self) -> ComposeResult:
        yield Static(id="numbers-groups", markup=False)
        yield Static(id="numbers-header")
        yield OptionList(id="numbers")

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#numbers", OptionList)

    @property
    def shown(self) -> list[PhoneNumber]:
        if not self.attention_only:
            return list(self.numbers)
        return [number for number in self.numbers if needs_attention(number)]

    def show(self, numbers: Sequence[PhoneNumber]) -> None:
        """List ``numbers``; the highlighted number stays highlighted when it is still there."""
        self.numbers = list(numbers)
        counts = status_counts(self.numbers)
        self.border_title = f"Numbers ({len(self.numbers)})" + (f" · {counts}" if counts else "")
        self.query_one("#numbers-groups", Static).update(Text(group_counts(self.numbers)))
        self._fill()

    def watch_attention_only(self, attention_only: bool) -> None:
        self.border_subtitle = "a: show all" if attention_only else "a: attention only"
        self.set_class(attention_only, "-attention-only")
        if self.is_mounted:
            self._fill()

    def _fill(self) -> None:
        layout = RowLayout.for_numbers(self.numbers)
        self.query_one("#numbers-header", Static).update(NumberHeader(layout))
        options = self.option_list
        highlighted = options.highlighted_option
        keep = highlighted.id if highlighted is not None else None
        shown = self.shown
        ids = _option_ids(shown)
        if shown:
            palette = StatusPalette.of(self.app)
            options.set_options(
                Option(NumberRow(number, layout, palette=palette), id=key)
                for key, number in zip(ids, shown, strict=True)
            )
        else:
            empty = NOTHING_NEEDS_ATTENTION if self.numbers else "This order has no numbers."
            options.set_options([Option(Text(empty, style="italic"), disabled=True)])
        self._by_id = dict(zip(ids, shown, strict=True))
        options.highlighted = ids.index(keep) if keep in ids else (0 if ids else None)

    @property
    def current_number(self) -> PhoneNumber | None:
        option = self.option_list.highlighted_option
        if option is None or option.id is None:
            return None
        return self._by_id.get(option.id)

    def copy_numbers(self, order_id: int) -> None:
        """Copy every number of the order (not only those shown) and show what was copied."""
        if not self.numbers:
            self.notify("There are no numbers to copy yet.", severity="warning", timeout=4)
            return
        text = "\n".join(inert_text(number.phone_number) for number in self.numbers)
        where = copy_text(self.app, text)
        count = len(self.numbers)
        title = f"Copied {count} number{'s' if count != 1 else ''} of order {order_id}"
        self.app.push_screen(CopiedTextDialog(title, text, where))

    def show_as_sent(self) -> None:
        """The highlighted number as the server sent it, when the app could not read it."""
        number = self.current_number
        if number is None or number.unreadable is None:
            self.notify("Only a number marked unreadable has a raw form to show.", timeout=4)
            return
        # PINs and account numbers stay masked; ASCII escapes keep controls off the terminal.
        raw = mask_order_body({"phoneNumbers": [number.raw_entry]})["phoneNumbers"][0]
        text = json.dumps(raw, indent=2, ensure_ascii=True)
        where = copy_text(self.app, text)
        self.app.push_screen(CopiedTextDialog("The number as the server sent it", text, where))
