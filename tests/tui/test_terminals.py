"""The app in the terminals operators have: NO_COLOR, 8 colours, small windows."""

from __future__ import annotations

import pytest
from rich.console import Console
from textual.app import App

from porting_tui.listing.session import Session
from porting_tui.tui.app import PortingApp
from porting_tui.tui.status_looks import STATUS_GLYPHS, status_label
from porting_tui.tui.widgets.order_columns import layout_columns
from porting_tui.tui.widgets.order_table import OrderTable
from tests.tui.conftest import settle

SIZES = [(80, 24), (60, 20), (40, 12)]


def shown(app: App[object]) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_no_color_shows_the_order_list_at_every_size(
    monkeypatch: pytest.MonkeyPatch, session: Session, size: tuple[int, int]
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = PortingApp(session)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert app.no_color
        table = app.screen.query_one(OrderTable)
        assert table.visible_orders
        text = shown(app)
        assert "Order" in text
        first = table.visible_orders[0]
        assert str(first.id) in text
    assert not app.return_code


async def test_the_header_keeps_its_style_on_every_cell(session: Session) -> None:
    app = PortingApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        header = app.screen.query_one(OrderTable).render_line(0)
        styles = [segment.style for segment in header if segment.text.strip()]
        assert styles and all(style is not None and style.bold for style in styles)


def test_every_status_has_its_own_mark_that_survives_the_narrow_column() -> None:
    width = next(c.width for c in layout_columns(80, 6) if c.key == "status")
    cells = {status: status_label(status)[:width] for status in STATUS_GLYPHS}
    marks = [cell.split(" ", 1)[0] for cell in cells.values()]
    assert len(set(marks)) == len(marks), cells
    assert len(set(cells.values())) == len(cells), cells
    assert status_label("SOMETHING_NEW").split(" ", 1)[0] not in marks


def test_marks_are_plain_text_that_eight_colours_do_not_change() -> None:
    console = Console(color_system="standard", force_terminal=True, width=40)
    with console.capture() as captured:
        for status in STATUS_GLYPHS:
            console.print(status_label(status), style="white")
    lines = [line for line in captured.get().splitlines() if line]
    assert len(set(lines)) == len(STATUS_GLYPHS)
