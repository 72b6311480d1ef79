"""Status looks: one glyph and theme colour per status, the same in the table as elsewhere."""

from __future__ import annotations

import re

from textual.app import App
from textual.color import Color

from porting_tui.tui.status_looks import (
    NUMBER_LOOKS,
    ORDER_LOOKS,
    UNKNOWN_LOOK,
    StatusPalette,
)
from porting_tui.tui.widgets.order_table import (
    STATUS_COMPONENTS,
    UNKNOWN_STATUS_COMPONENT,
    OrderTable,
)


def table_colour(component: str) -> str:
    rule = re.search(rf"\.{component} {{ color: \$([a-z-]+);", OrderTable.DEFAULT_CSS)
    assert rule is not None, f"no colour rule for {component}"
    return rule.group(1)


def test_the_order_table_colours_each_status_with_its_looks_theme_variable() -> None:
    assert set(STATUS_COMPONENTS) == set(ORDER_LOOKS)
    for status, component in STATUS_COMPONENTS.items():
        assert table_colour(component) == ORDER_LOOKS[status].variable, status
    assert table_colour(UNKNOWN_STATUS_COMPONENT) == UNKNOWN_LOOK.variable


def test_each_status_has_its_own_glyph_so_colour_is_not_needed() -> None:
    for looks in (ORDER_LOOKS, NUMBER_LOOKS):
        glyphs = [look.glyph for look in looks.values()] + [UNKNOWN_LOOK.glyph]
        assert len(set(glyphs)) == len(glyphs)


async def test_the_palette_follows_the_apps_theme() -> None:
    app: App[None] = App()
    async with app.run_test():
        styles = {}
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            palette = StatusPalette.of(app)
            expected = Color.parse(app.get_css_variables()["text-warning"]).hex
            assert palette.order("PENDING") == expected
            styles[theme] = palette.number("REJECTED")
        assert styles["textual-dark"] != styles["textual-light"]
        assert all(style.startswith("bold ") for style in styles.values())
