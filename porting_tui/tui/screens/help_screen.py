"""HelpScreen: every key binding active on the screen it was opened from, grouped by owner."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.scroll_view import ScrollView
from textual.widgets import Static

from porting_tui.tui.widgets.table_keys import (
    MOVEMENT_KEYS,
    ROW_KEYS,
    KeyedDataTable,
    KeyedOptionList,
)


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
        keys_text = " ".join(keys)
        entries.append(
            BindingEntry(keys_text, binding.description, _owner(screen, node), binding.action, node)
        )
    return entries


_GENERIC_ACTIONS = {
    binding.action
    for owner in (App, Screen, ScrollView)
    for binding in owner.BINDINGS
    if isinstance(binding, Binding)
}


def _owner(screen: Screen[object], node: DOMNode) -> str:
    """The heading a binding is listed under: this screen, a widget of it, or everywhere."""
    if node is screen.app:
        return "Everywhere"
    if node is screen:
        return screen_title(screen)
    if isinstance(node, KeyedDataTable | KeyedOptionList):
        # Every table shares its keys: they are listed once, under "Tables".
        return TABLES
    return _readable(type(node).__name__)


def _readable(class_name: str) -> str:
    """ "OrderTable" reads as "Order table"."""
    words = re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", class_name)
    return " ".join(words).capitalize() or class_name


def screen_title(screen: Screen[object]) -> str:
    """The screen's HELP_TITLE, or its class name made readable ("Settings")."""
    title = getattr(screen, "HELP_TITLE", "")
    return (
        title
        if isinstance(title, str) and title
        else _readable(type(screen).__name__.removesuffix("Screen"))
    )


def _sections(
    entries: list[BindingEntry], title: str, extra: tuple[tuple[str, str], ...]
) -> dict[str, list[tuple[str, str]]]:
    """Rows by heading: the screen's own keys first, then its widgets', then app-wide ones."""
    sections: dict[str, list[tuple[str, str]]] = {title: []}
    # Textual's own keys (focus, copy, scrolling) come after the ones this app defines.
    ordered = sorted(entries, key=lambda entry: entry.action in _GENERIC_ACTIONS)
    generic = [entry for entry in ordered if entry.action in _GENERIC_ACTIONS]
    for entry in ordered:
        if entry.owner == "Everywhere" or (entry.owner == title and entry in generic):
            continue
        sections.setdefault(entry.owner, []).append((entry.keys, entry.description))
    sections[title].extend(extra)
    sections[title].extend((e.keys, e.description) for e in generic if e.owner == title)
    for entry in ordered:
        if entry.owner == "Everywhere":
            sections.setdefault("Everywhere", []).append((entry.keys, entry.description))
    return {heading: rows for heading, rows in sections.items() if rows}


_ROW_KEY_NAMES = frozenset(key for keys in ROW_KEYS.values() for key in keys)
TABLES = "Tables"


def without_table_movement(
    screen: Screen[object], entries: list[BindingEntry]
) -> tuple[list[BindingEntry], bool]:
    """The entries minus the movement keys of tables, and whether the screen has a table.

    Every table moves with the same keys (``table_keys.py``): the help lists them once under
    "Tables" instead of under each table, where they would crowd out what is particular.
    """
    bound: dict[int, tuple[set[str], set[str]]] = {}
    for key, active in screen.active_bindings.items():
        if key in _ROW_KEY_NAMES:
            keys, actions = bound.setdefault(id(active.node), (set(), set()))
            keys.add(key)
            actions.add(active.binding.action)
    # Whatever answers every movement key is a table, the order list's own ScrollView too.
    moving = {
        (node, action)
        for node, (keys, actions) in bound.items()
        if keys == _ROW_KEY_NAMES
        for action in actions
    }
    kept = [entry for entry in entries if (id(entry.node), entry.action) not in moving]
    return kept, bool(moving or screen.query("KeyedDataTable, KeyedOptionList"))


def with_tables(sections: dict[str, list[tuple[str, str]]]) -> dict[str, list[tuple[str, str]]]:
    """The sections with "Tables" (the movement keys) before the keys that work everywhere."""
    everywhere = sections.pop("Everywhere", None)
    sections[TABLES] = list(MOVEMENT_KEYS) + sections.pop(TABLES, [])
    if everywhere is not None:
        sections["Everywhere"] = everywhere
    return sections


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
        self._entries, self._tables = without_table_movement(screen, described_bindings(screen))
        self._title = screen_title(screen)
        self._extra: tuple[tuple[str, str], ...] = getattr(screen, "HELP_EXTRA", ())

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 1))
        table.add_column("Key", style="bold", no_wrap=True, min_width=10)
        table.add_column("Does")
        sections = _sections(self._entries, self._title, self._extra)
        if self._tables:
            sections = with_tables(sections)
        for number, (heading, rows) in enumerate(sections.items()):
            if number:
                table.add_row()
            table.add_row(Text(heading, style="bold underline"), Text())
            for keys, description in rows:
                table.add_row(Text(keys), Text(description))
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
