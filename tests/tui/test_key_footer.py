"""KeyFooter: keys held back until asked for (the order list's, at most until its start is over),
one rebuild for changes that come together, and keys styled once each."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import httpx
import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.widgets import Footer, Input
from textual.widgets._footer import FooterKey

from porting_tui.tui.app import PortingApp
from porting_tui.tui.widgets.key_footer import KeyFooter
from tests.tui.conftest import make_emulator, make_session, wait_until
from tests.tui.test_loading_indicator import HeldTransport


class FooterApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5", "bell", "Ring"),
        Binding("f6", "refresh", "Redraw"),
    ]

    def __init__(self, *, hold_keys: bool, compact: bool = False) -> None:
        super().__init__()
        self.hold_keys = hold_keys
        self.compact = compact
        self.rebuilds = 0

    def compose(self) -> ComposeResult:
        yield Input(id="first")
        yield Input(id="second")
        yield CountingFooter(hold_keys=self.hold_keys, compact=self.compact)


class CountingFooter(KeyFooter):
    def compose(self) -> ComposeResult:
        if self._bindings_ready and not self.holding_keys:
            app = self.app
            assert isinstance(app, FooterApp)
            app.rebuilds += 1
        yield from super().compose()


def shown(app: App[object]) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey) if key.description]


async def test_held_keys_show_only_when_asked_for() -> None:
    app = FooterApp(hold_keys=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert shown(app) == []
        footer = app.query_one(KeyFooter)
        footer.show_keys()
        await pilot.pause()
        while not shown(app):
            await pilot.pause()
        assert {"Ring", "Redraw"} <= set(shown(app))
        assert not footer.holding_keys


async def test_binding_changes_that_come_together_rebuild_once() -> None:
    app = FooterApp(hold_keys=False)
    async with app.run_test() as pilot:
        while not shown(app):
            await pilot.pause()
        before = app.rebuilds
        footer = app.query_one(Footer)
        # Notices in a row, as a focus move and two mounts give them, in the footer's own
        # context as Textual sends them: three with the keys unchanged, three as if changed.
        for _ in range(3):
            footer.call_later(footer.bindings_changed, app.screen)
        footer.call_later(setattr, footer, "_composed_from", None)
        for _ in range(3):
            footer.call_later(footer.bindings_changed, app.screen)
        await pilot.pause()
        await pilot.pause()
        assert app.rebuilds - before == 1


async def test_a_first_page_that_never_comes_does_not_keep_the_keys_away(tmp_path: Path) -> None:
    transport = HeldTransport(httpx.ASGITransport(app=make_emulator(orders=20).app))
    transport.hold = True
    app = PortingApp(make_session(transport, tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        footer = app.screen.query_one(KeyFooter)
        assert footer.holding_keys
        # The screen's own timer (START_AT_MOST_S) lets the keys out; the request still hangs.
        await wait_until(pilot, lambda: bool(shown(app)), "the footer's keys")
        assert "Refresh" in shown(app)
        assert app.busy
        transport.released.set()
        await wait_until(pilot, lambda: not app.busy, "the first page")


@pytest.mark.parametrize("compact", [False, True])
async def test_each_key_is_styled_once_in_the_footers_style(
    compact: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's keys start compact and restyle themselves at once on every change of style;
    the footer's keys come in its style, so mounting styles them and nothing restyles them."""
    restyled: list[DOMNode] = []
    update_node_styles = DOMNode.update_node_styles

    def counted(node: DOMNode, animate: bool = True) -> None:
        if isinstance(node, FooterKey):
            restyled.append(node)
        update_node_styles(node, animate)

    monkeypatch.setattr(DOMNode, "update_node_styles", counted)
    app = FooterApp(hold_keys=False, compact=compact)
    async with app.run_test() as pilot:
        while not shown(app):
            await pilot.pause()
        keys = list(app.screen.query(FooterKey))
        assert {"Ring", "Redraw"} <= set(shown(app))
        for key in keys:
            # As Textual draws them: the palette's key compact always, the others as the footer.
            expected = compact or key.has_class("-command-palette")
            assert key.compact is expected and key.has_class("-compact") is expected, key
        assert any(key.has_class("-command-palette") for key in keys)
        assert restyled == []
