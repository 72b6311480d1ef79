"""What the detail screen shows: summary, numbers with counts and hints, notes, documents."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from textual.widgets import Static, TabbedContent

from porting_tui.client import PhoneNumber
from porting_tui.tui.widgets.documents_list import DocumentsList
from porting_tui.tui.widgets.notes_thread import NotesThread
from porting_tui.tui.widgets.number_groups_table import NumberGroupsTable
from porting_tui.tui.widgets.number_rows import NumberRow, RowLayout, group_counts
from porting_tui.tui.widgets.numbers_panel import NOTHING_NEEDS_ATTENTION, NumbersPanel
from tests.tui.detail.conftest import NUMBERS, Detail, make_order, rejected_order, rewrite_order


def rendered(renderable: Any, width: int) -> str:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def shown_text(detail: Detail, selector: str) -> str:
    return str(detail.screen.query_one(selector, Static).render())


async def test_the_summary_shows_the_orders_own_fields(detail: Detail) -> None:
    order = await make_order(detail.app.session.client, {NUMBERS[2]: "1234"}, on_demand=True)
    await detail.open(order.id)
    summary = shown_text(detail, "#summary")
    assert summary.splitlines() == [
        "○ PENDING · ref ACME-42 · created 2026-11-27",
        "port 2026-12-15 09:00:00 US/Eastern · on-demand activation (A activates)",
        "LOA by — · reseller —",
    ]
    assert detail.screen.query_one("#summary").border_title == f"Order {order.id}"


async def test_numbers_are_counted_per_status_and_group_and_rejections_get_a_hint(
    detail: Detail,
) -> None:
    order = await rejected_order(detail)
    screen = await detail.open(order.id)
    panel = screen.query_one(NumbersPanel)
    assert panel.border_title == "Numbers (3) · CONFIRMED 1 · REJECTED 2"
    groups = str(panel.query_one("#numbers-groups", Static).render())
    assert groups == "GW Bandwidth Grp1: 3 numbers, CONFIRMED 1, REJECTED 2"
    rows = [rendered(option.prompt, 110) for option in panel.option_list.options]
    rejected = [" ".join(row.split()) for row in rows if "REJECTED" in row]
    assert len(rejected) == 2
    assert all("Invalid port-out PIN" in row for row in rejected)
    # Both are rejected for the same reason: the hint shows once, under the first.
    assert "↳ Ask the end user for the current port-out PIN" in rejected[0]
    assert rejected[0].endswith("(2 numbers)")
    assert "↳" not in rejected[1]
    assert all("↳" not in row for row in rows if "CONFIRMED" in row)


async def test_a_shows_only_numbers_that_need_attention_and_back(detail: Detail) -> None:
    order = await rejected_order(detail)
    screen = await detail.open(order.id)
    panel = screen.query_one(NumbersPanel)
    await detail.press("a")
    assert [option.id for option in panel.option_list.options] == [NUMBERS[0], NUMBERS[1]]
    assert panel.border_subtitle == "a: show all"
    await detail.press("a")
    assert panel.option_list.option_count == 3


async def test_the_attention_filter_says_so_when_nothing_needs_attention(detail: Detail) -> None:
    order = await make_order(detail.app.session.client, {NUMBERS[2]: "1234"})
    screen = await detail.open(order.id)
    await detail.press("a")
    (only,) = screen.query_one(NumbersPanel).option_list.options
    assert str(only.prompt) == NOTHING_NEEDS_ATTENTION and only.disabled


def test_group_counts_name_each_group_with_its_statuses() -> None:
    numbers = [
        PhoneNumber(phone_number="+1", status="CONFIRMED", phone_number_group="GW Lumen Grp1"),
        PhoneNumber(phone_number="+2", status="SUSPENDED", phone_number_group="GW Lumen Grp1"),
        PhoneNumber(phone_number="+3", status="PENDING"),
    ]
    assert group_counts(numbers) == (
        "GW Lumen Grp1: 2 numbers, CONFIRMED 1, SUSPENDED 1 · no group yet: 1 number, PENDING 1"
    )


def test_narrow_rows_drop_the_less_important_columns_first() -> None:
    layout = RowLayout(group_width=24)
    wide = [column.key for column in layout.columns(116)]
    narrow = [column.key for column in layout.columns(76)]
    assert wide == ["number", "status", "foc", "group", "confirmed"]
    assert narrow == ["number", "status", "foc"]
    number = PhoneNumber(phone_number="+13125550143", status="REJECTED", reject_reason="PIN bad")
    text = rendered(NumberRow(number, layout), 76)
    assert text.splitlines()[0].startswith("+13125550143  REJECTED   —           PIN bad")
    assert "↳ Ask the end user" in text


async def test_notes_run_oldest_first_with_author_and_time_and_wrap(detail: Detail) -> None:
    order = await rejected_order(detail)
    await detail.app.session.client.orders.add_note(order.id, "LOA attached. " * 20)
    screen = await detail.open(order.id)
    thread = screen.query_one(NotesThread)
    assert [note.created_by for note in thread.notes] == ["Sinch Porting", "demo-key"]
    text = rendered(thread.query_one("#notes-text", Static).content, 80)
    lines = text.splitlines()
    assert lines[0].startswith("2026-11-27 18:00  Sinch Porting")
    assert any(line.startswith("2026-11-27 19:00  demo-key (you)") for line in lines)
    assert max(len(line.rstrip()) for line in lines) <= 80
    tabs = screen.query_one(TabbedContent)
    assert str(tabs.get_tab("notes-tab").label) == "1 Notes (2)"


async def test_markup_and_escape_sequences_in_notes_and_reasons_show_as_typed(
    detail: Detail,
) -> None:
    order = await rejected_order(detail)
    hostile = "[bold red]PIN[/] \x1b[2J\x1b]52;c;ZXZpbA==\x07 done"

    def hostile_texts(body: dict[str, Any]) -> None:
        body["phoneNumbers"][0]["rejectReason"] = "[link=x]Invalid PIN[/link] \x1b[31m"
        body["notes"].append(
            {"note": hostile, "createdTime": "2026-11-27T19:00:00Z", "createdBy": "[i]x[/i]"}
        )

    rewrite_order(detail.transport, order.id, hostile_texts)
    screen = await detail.open(order.id)
    notes = rendered(screen.query_one("#notes-text", Static).content, 110)
    assert "[bold red]PIN[/] \\x1b[2J\\x1b]52;c;ZXZpbA==\\x07 done" in notes
    assert "[i]x[/i]" in notes
    first = screen.query_one(NumbersPanel).option_list.options[0]
    row = rendered(first.prompt, 110)
    assert "[link=x]Invalid PIN[/link] \\x1b[31m" in row
    assert "\x1b" not in notes + row


async def test_documents_and_groups_are_listed(detail: Detail) -> None:
    order = await rejected_order(detail)
    client = detail.app.session.client
    await client.orders.upload_document(order.id, "LOA [signed].pdf", b"%PDF", "LOA")

    def hostile_description(body: dict[str, Any]) -> None:
        body["documents"][0]["description"] = "LOA\x1b[1m"

    rewrite_order(detail.transport, order.id, hostile_description)
    screen = await detail.open(order.id)
    documents = screen.query_one(DocumentsList)
    assert documents.row_count == 1
    name, description = (str(cell) for cell in documents.get_row_at(0)[1:])
    assert (name, description) == ("LOA [signed].pdf", "LOA\\x1b[1m")
    groups = screen.query_one(NumberGroupsTable)
    assert sum(len(group.numbers) for group in groups.groups) == 3
    tabs = screen.query_one(TabbedContent)
    assert str(tabs.get_tab("documents-tab").label) == "2 Documents (1)"
