"""The footer of every screen: Textual's Footer, rebuilt only when what it shows changes.

Textual's Footer throws its keys away and composes new ones whenever the screen's bindings
are updated, which happens on every focus move, even when the keys it shows stay the same
(Tab through ten wizard fields that bind nothing of their own: ten rebuilds). Each rebuild
mounts and styles a widget per key; at 20-30 ms a rebuild that is most of the cost of a
focus move. This footer remembers what it last showed and keeps it when nothing changed, and
rebuilds once for changes that come together (three in the same moment rebuilt three times).

Each key is also made in the footer's style before it is mounted: Textual's keys start compact
and are then told the footer's style, and each change of style restyles the key at once, so a
key of a plain footer was styled three times over where once is enough.

A footer made with ``hold_keys`` shows no keys until ``show_keys()``: the order list holds
its keys until the first page is drawn, so that building and styling them (about 50 ms of
the app's launch) comes after the rows, not before.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Footer's key widget; textual.widgets omits it


def shown_keys(screen: Screen[Any]) -> tuple[Hashable, ...]:
    """Everything the footer's keys are built from: each shown binding as the footer draws
    it (key, label, action, enabled, tooltip, group), and the command palette's key."""
    shown: list[Hashable] = []
    for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items():
        if binding.show or key == screen.app.COMMAND_PALETTE_BINDING:
            group = binding.group
            shown.append(
                (
                    key,
                    binding.key,
                    binding.key_display,
                    binding.action,
                    binding.description,
                    binding.tooltip,
                    binding.show,
                    enabled,
                    tooltip,
                    None if group is None else (group.description, group.compact),
                )
            )
    return tuple(shown)


class KeyFooter(Footer):
    """A Footer that recomposes only when the keys it would show differ from those shown."""

    def __init__(
        self, *, show_command_palette: bool = True, compact: bool = False, hold_keys: bool = False
    ) -> None:
        super().__init__(show_command_palette=show_command_palette, compact=compact)
        self._composed_from: tuple[Hashable, ...] | None = None
        self._recompose_pending = False
        self._holding = hold_keys

    @property
    def holding_keys(self) -> bool:
        """Whether the keys are held back until ``show_keys()``."""
        return self._holding

    def compose(self) -> ComposeResult:
        self._recompose_pending = False
        if self._holding:
            return
        if self._bindings_ready:
            self._composed_from = shown_keys(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                self._styled_as_footer(widget)
            yield widget

    def _styled_as_footer(self, key: FooterKey) -> None:
        """Give ``key`` the footer's style before it is mounted, so mounting it styles it once
        (its data binding then finds the same value and changes nothing)."""
        # Textual draws the command palette's key compact in every footer (it is not bound to
        # the footer's style); the other keys take the footer's.
        compact = True if key.has_class("-command-palette") else self.compact
        key.set_reactive(FooterKey.compact, compact)
        key.set_class(compact, "-compact", update=False)

    def show_keys(self) -> None:
        """Show the keys held back since the footer was made (``hold_keys``)."""
        if self._holding:
            # In the footer's own context, as Textual calls bindings_changed: its keys bind
            # their data to the footer that is composing them.
            self.call_later(self._show_held_keys)

    def _show_held_keys(self) -> None:
        if not self._holding:
            return
        self._holding = False
        if self._bindings_ready and self.is_attached:
            self.bindings_changed(self.screen)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self._holding:
            self._bindings_ready = True
            return
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            super().bindings_changed(screen)  # Textual's bookkeeping; it rebuilds nothing here
            return
        if self._recompose_pending:
            return  # the rebuild already asked for reads the bindings as they are by then
        if self._composed_from is not None and shown_keys(screen) == self._composed_from:
            return
        self._recompose_pending = True
        super().bindings_changed(screen)
