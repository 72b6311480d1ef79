"""The order's numbers grouped by activation group, one hint per identical rejection, and keys."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets.option_list import Option

from porting_tui.client import PhoneNumber
from porting_tui.tui.status_looks import DEFAULT_PALETTE
from porting_tui.tui.widgets.number_rows import NumberRow, RowLayout
from porting_tui.tui.widgets.numbers_panel import NumbersPanel, number_options
from porting_tui.tui.widgets.table_keys import KeyedOptionList
from tests.waiting import wait_until

PIN = "Invalid port-out PIN"
PIN_ADVICE = "↳ Ask the end user for the current port-out PIN"
DATE = "Due date not achievable"
DATE_ADVICE = "↳ Choose a later desired port date"


def number(
    phone: str, status: str = "CONFIRMED", group: str | None = None, reason: str | None = None
) -> PhoneNumber:
    return PhoneNumber(
        phone_number=phone, status=status, phone_number_group=group, reject_reason=reason
    )


def options_of(numbers: list[PhoneNumber], *, attention_only: bool = False) -> list[Option]:
    keyed = [(n.phone_number or "", n) for n in numbers]
    layout = RowLayout.for_numbers(numbers)
    return number_options(keyed, layout, DEFAULT_PALETTE, attention_only=attention_only)


def rendered(renderable: Any, width: int = 110) -> str:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def rows(options: list[Option]) -> list[str]:
    """Headings as ``# heading``; rows as their id, and the key of their hint and how many
    numbers it speaks for when they have one."""
    out = []
    for option in options:
        row = option.prompt
        if option.disabled:
            out.append(f"# {row}")
        elif isinstance(row, NumberRow) and row.hint is not None:
            out.append(f"{option.id} {row.hint.key} x{row.covers}")
        else:
            out.append(str(option.id))
    return out


MIXED = [
    number("+1", "PENDING"),
    number("+2", "CONFIRMED", "GW Verizon Grp1"),
    number("+3", "REJECTED", "GW Lumen Grp1", PIN),
    number("+4", "REJECTED", "GW Verizon Grp1", PIN),
]


def test_numbers_of_one_group_show_in_order_without_a_heading() -> None:
    numbers = [number("+2", group="G1"), number("+1", "PENDING", group="G1")]
    options = options_of(numbers)
    assert [option.id for option in options] == ["+2", "+1"]
    assert not any(option.disabled for option in options)


def test_groups_follow_first_sight_under_a_heading_with_no_group_yet_last() -> None:
    options = options_of(MIXED)
    assert [f"# {option.prompt}" if option.disabled else option.id for option in options] == [
        "# GW Verizon Grp1 · 2 numbers · CONFIRMED 1 · REJECTED 1",
        "+2",
        "+4",
        "# GW Lumen Grp1 · 1 number · REJECTED 1",
        "+3",
        "# no group yet · 1 number · PENDING 1",
        "+1",
    ]
    headings = [option for option in options if option.disabled]
    assert all(option.id is None and isinstance(option.prompt, Text) for option in headings)


def test_identical_rejections_of_a_group_share_one_hint_under_the_first() -> None:
    numbers = [
        number("+1", "REJECTED", "G1", PIN),
        number("+2", "CONFIRMED", "G1"),
        number("+3", "REJECTED", "G1", PIN),
        number("+4", "REJECTED", "G1", DATE),
        number("+5", "REJECTED", "G2", PIN),
        number("+6", "REJECTED", "G1", PIN),
    ]
    options = options_of(numbers)
    assert rows(options) == [
        "# G1 · 5 numbers · CONFIRMED 1 · REJECTED 4",
        "+1 port-out-pin x3",
        "+2",
        "+3",
        "+4 due-date x1",
        "+6",
        "# G2 · 1 number · REJECTED 1",
        "+5 port-out-pin x1",
    ]
    shared = " ".join(rendered(options[1].prompt).split())
    assert PIN_ADVICE in shared and shared.endswith("(3 numbers)")
    alone = " ".join(rendered(options[4].prompt).split())
    assert DATE_ADVICE in alone and "numbers)" not in alone


def test_a_row_given_no_hint_shows_none_and_one_left_alone_works_it_out() -> None:
    rejected = number("+13125550143", "REJECTED", reason=PIN)
    layout = RowLayout(group_width=5)
    assert "↳" not in rendered(NumberRow(rejected, layout, hint=None))
    assert PIN_ADVICE in rendered(NumberRow(rejected, layout))


def test_attention_only_leaves_out_the_heading_of_a_group_with_nothing_shown() -> None:
    assert rows(options_of(MIXED, attention_only=True)) == [
        "# GW Verizon Grp1 · 2 numbers · CONFIRMED 1 · REJECTED 1",
        "+4 port-out-pin x1",
        "# GW Lumen Grp1 · 1 number · REJECTED 1",
        "+3 port-out-pin x1",
    ]


def test_group_names_from_the_server_show_as_typed() -> None:
    hostile = "[bold red]Grp[/] \x1b[2J"
    options = options_of([number("+1", group=hostile), number("+2", group="G2")])
    heading = options[0]
    assert isinstance(heading.prompt, Text)
    assert rendered(heading.prompt).startswith("[bold red]Grp[/] \\x1b[2J · 1 number")


class PanelApp(App[None]):
    def compose(self) -> ComposeResult:
        yield NumbersPanel()


def highlighted_id(app: PanelApp) -> str | None:
    option = app.query_one(NumbersPanel).option_list.highlighted_option
    return option.id if option is not None else None


async def test_movement_keys_land_on_numbers_and_the_highlight_survives_a_refresh() -> None:
    numbers = [number(f"+1{n:02}", "CONFIRMED", "GW Verizon Grp1") for n in range(14)]
    numbers += [number("+200", "REJECTED", "GW Lumen Grp1", PIN), number("+300", "PENDING")]
    app = PanelApp()
    async with app.run_test(size=(110, 40)) as pilot:
        panel = app.query_one(NumbersPanel)
        panel.show(numbers)
        listed = panel.option_list
        assert isinstance(listed, KeyedOptionList)
        listed.focus()
        await wait_until(pilot, lambda: listed.has_focus, "the numbers to have focus")
        # The cursor starts on the rejected number, below the confirmed ones.
        assert listed.options[0].disabled and highlighted_id(app) == "+200"

        async def press(key: str, expected: str | None = None) -> None:
            """Press ``key`` and check the highlight moved to ``expected`` (a number if None)."""
            before = highlighted_id(app)
            await pilot.press(key)
            await wait_until(pilot, lambda: highlighted_id(app) != before, f"{key} to move")
            moved_to = highlighted_id(app)
            assert (moved_to == expected) if expected else panel.current_number is not None, key

        await press("g", "+100")
        await press("G", "+300")
        await press("g", "+100")
        await press("end", "+300")
        await press("home", "+100")
        await press("j", "+101")
        await press("pageup", "+100")
        await press("pagedown")
        await press("G", "+300")
        await press("k", "+200")
        await press("k", "+113")

        panel.show([*numbers[:-2], number("+200", "CONFIRMED", "GW Lumen Grp1"), numbers[-1]])
        await press("j", "+200")
        panel.show(list(reversed(numbers)))
        assert highlighted_id(app) == "+200"
        panel.attention_only = True
        assert highlighted_id(app) == "+200"
        assert [option.id for option in listed.options] == [None, "+200"]
