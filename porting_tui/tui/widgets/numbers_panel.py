"""NumbersPanel: an order's numbers with counts per status and group, and an attention filter."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TypeAlias

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static
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
    group_heading,
    group_key,
    group_order,
    needs_attention,
    shared_hints,
    status_counts,
)
from porting_tui.tui.widgets.table_keys import KeyedOptionList

NOTHING_NEEDS_ATTENTION = "No number needs attention. Press a to show them all."

Keyed: TypeAlias = tuple[str, PhoneNumber]
"""A number with the id of its option."""


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


def number_options(
    keyed: Sequence[Keyed],
    layout: RowLayout,
    palette: StatusPalette,
    *,
    attention_only: bool = False,
) -> list[Option]:
    """One option per number shown, grouped by activation group under a heading per group.

    Headings (only when the order has more than one group) are disabled options without an
    id, so the cursor never rests on one and a number's id is its phone number.
    """
    options: list[Option] = []
    keys = group_order([number for _, number in keyed])
    for key in keys:
        members = [(id_, number) for id_, number in keyed if group_key(number) == key]
        shown = [(id_, n) for id_, n in members if not attention_only or needs_attention(n)]
        if not shown:
            continue
        if len(keys) > 1:
            heading = group_heading(key, [number for _, number in members])
            options.append(Option(heading, disabled=True))
        hints = shared_hints([number for _, number in shown])
        for (id_, number), shared in zip(shown, hints, strict=True):
            hint, covers = shared if shared is not None else (None, 1)
            row = NumberRow(number, layout, hint=hint, palette=palette, covers=covers)
            options.append(Option(row, id=id_))
    return options


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
        self._keyed: list[Keyed] = []
        self._by_id: dict[str, PhoneNumber] = {}
        self.border_title = "Numbers"
        self.border_subtitle = "a: attention only"

    def compose(self) -> ComposeResult:
        yield Static(id="numbers-groups", markup=False)
        yield Static(id="numbers-header")
        yield KeyedOptionList(id="numbers")

    @property
    def option_list(self) -> KeyedOptionList:
        return self.query_one("#numbers", KeyedOptionList)

    @property
    def shown(self) -> list[PhoneNumber]:
        if not self.attention_only:
            return list(self.numbers)
        return [number for number in self.numbers if needs_attention(number)]

    def show(self, numbers: Sequence[PhoneNumber]) -> None:
        """List ``numbers``; the highlighted number stays highlighted when it is still there."""
        self.numbers = list(numbers)
        self._keyed = list(zip(_option_ids(self.numbers), self.numbers, strict=True))
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
        palette = StatusPalette.of(self.app)
        built = number_options(self._keyed, layout, palette, attention_only=self.attention_only)
        if built:
            options.set_options(built)
        else:
            empty = NOTHING_NEEDS_ATTENTION if self.numbers else "This order has no numbers."
            options.set_options([Option(Text(empty, style="italic"), disabled=True)])
        shown = {option.id: index for index, option in enumerate(built) if option.id}
        self._by_id = {id_: number for id_, number in self._keyed if id_ in shown}
        # The cursor starts on the first number needing attention (what the order was opened
        # for, perhaps below a screenful of confirmed ones), else on the first number.
        troubled = (shown[id_] for id_, n in self._keyed if id_ in shown and needs_attention(n))
        first = next(troubled, next(iter(shown.values()), None))
        options.highlighted = shown.get(keep, first) if keep is not None else first

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
