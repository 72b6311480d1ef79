"""CopiedTextDialog: what was just put on the clipboard, to copy by hand where OSC 52 fails."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from porting_tui.tui.clipboard import OSC52
from porting_tui.tui.dialogs.dialog import Dialog


class CopiedTextDialog(Dialog[None]):
    """A read-only text area holding the copied text; Esc closes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]
    DEFAULT_CSS = """
    CopiedTextDialog {
        & > #dialog { width: 60; }
        & #intro { color: $text-muted; margin-bottom: 1; }
        & TextArea { height: auto; max-height: 16; }
    }
    """

    def __init__(self, title: str, text: str, where: str = OSC52) -> None:
        """``where`` the text went, as :func:`copy_text` says."""
        super().__init__()
        self._title = title
        self._text = text
        self._where = where

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = self._title
            yield Static(
                Text(
                    f"Copied to {self._where}. If it did not arrive, select the text below "
                    "with the mouse. Esc closes."
                ),
                id="intro",
            )
            yield TextArea(self._text, read_only=True, soft_wrap=False, id="copied")

    def action_close(self) -> None:
        self.dismiss(None)
