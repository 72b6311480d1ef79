"""HelpScreen: every key binding active on the screen it was opened from, grouped by owner."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


@dataclass(frozen=True)
class BindingEntry:
    """One action reachable by key on a screen, with every key that triggers it."""

    keys: str
    description: str
    owner: str
    action: str
    node: DOMNode


def described_bindings(screen: Screen[object]) -> list[BindingEntry]:
    """Every enabled, described binding active on ``screen``, one entry per action and node.

    Keys bound to the same action on the same node are joined ("↑ k"), as the footer does.
    """
    grouped: dict[tuple[int, str], tuple[DOMNode, Binding, list[str]]] = {}
    active: dict[str, ActiveBinding] = screen.active_bindings
    for active_binding in active.values():
        node, binding = active_binding.node, active_binding.binding
        if not binding.description or not active_binding.enabled:
            continue
        slot = grouped.setdefault((id(node), binding.action), (node, binding, []))
        display = screen.app.get_key_display(binding)
        if display not in slot[2]:
            slot[2].append(display)
    entries = []
    for node, binding, keys in grouped.values():
        owner = "app" if node is screen.app else type(node).__name__
        entries.append(
            BindingEntry(" ".join(keys), binding.description, owner, binding.action, node)
        )
    return entries


class HelpScreen(ModalScreen[None]):
    """Opened with ``?``; closed with Esc, ``?`` or ``q``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close help"),
    ]
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > #dialog {
            width: 72; max-width: 100%; height: auto; max-height: 100%;
            border: round $primary; background: $surface; padding: 0 1;
        }
        & VerticalScroll { height: auto; max-height: 100%; }
        & #footnote { color: $text-muted; }
    }
    """

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self._entries = described_bindings(screen)
        self._title = getattr(screen, "HELP_TITLE", None) or type(screen).__name__
        self._extra: tuple[tuple[str, str], ...] = getattr(screen, "HELP_EXTRA", ())

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, show_header=True, header_style="bold")
        table.add_column("Key", style="bold", no_wrap=True)
        table.add_column("Does")
        table.add_column("Where", style="dim", no_wrap=True)
        for entry in self._entries:
            table.add_row(Text(entry.keys), Text(entry.description), Text(entry.owner))
        for keys, description in self._extra:
            table.add_row(Text(keys), Text(description), Text(self._title))
        with Vertical(id="dialog") as dialog:
            dialog.border_title = f"Keys · {self._title}"
            with VerticalScroll():
                yield Static(table)
            yield Static(
                "ctrl+p opens the command palette: every action, themes and more.",
                id="footnote",
                markup=False,
            )

    def action_close(self) -> None:
        self.dismiss(None)
