"""The footer of every screen: Textual's Footer, rebuilt only when what it shows changes.

Textual's Footer throws its keys away and composes new ones whenever the screen's bindings
are updated, which happens on every focus move, even when the keys it shows stay the same
(Tab through ten wizard fields that bind nothing of their own: ten rebuilds). Each rebuild
mounts and styles a widget per key; at 20-30 ms a rebuild that is most of the cost of a
focus move. This footer remembers what it last showed and keeps it when nothing changed.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


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

    def __init__(self, *, show_command_palette: bool = True, compact: bool = False) -> None:
        super().__init__(show_command_palette=show_command_palette, compact=compact)
        self._composed_from: tuple[Hashable, ...] | None = None

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._composed_from = shown_keys(self.screen)
        yield from super().compose()

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if (
            self._composed_from is not None
            and self.is_attached
            and screen is self.screen
            and shown_keys(screen) == self._composed_from
        ):
            return
        super().bindings_changed(screen)
