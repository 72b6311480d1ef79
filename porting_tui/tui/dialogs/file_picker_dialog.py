"""FilePickerDialog: browse the file system for a file (or a folder) with a directory tree."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DirectoryTree, Static

from porting_tui.domain.inert_text import inert_text
from porting_tui.tui.dialogs.dialog import Dialog


def start_folder(path: Path) -> Path:
    """The closest existing folder at or above ``path``; the home folder when there is none."""
    for candidate in (path, *path.parents):
        if candidate.is_dir():
            return candidate
    return Path.home()


class FilePickerDialog(Dialog[Path | None]):
    """Enter picks the highlighted file (or, with ``folders``, folder); backspace goes up."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_picker", "Close"),
        Binding("backspace", "parent", "Parent folder"),
        Binding("ctrl+s", "pick_folder", "Choose this folder", show=False),
    ]
    DEFAULT_CSS = """
    FilePickerDialog {
        & > #dialog { height: 80%; }
        & #where { color: $text-muted; height: auto; }
        & DirectoryTree { height: 1fr; }
        & #keys { color: $text-muted; height: auto; }
    }
    """

    def __init__(self, start: Path, *, folders: bool = False, title: str = "Choose a file") -> None:
        super().__init__()
        self.folder = start_folder(start)
        self.folders = folders
        self._title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = self._title
            yield Static(Text(inert_text(str(self.folder))), id="where")
            yield DirectoryTree(self.folder, id="tree")
            keys = "enter open · backspace parent folder · esc close"
            if self.folders:
                keys = "ctrl+s choose the highlighted folder · " + keys
            yield Static(Text(keys), id="keys")

    def on_mount(self) -> None:
        self.query_one(DirectoryTree).focus()

    def _show_folder(self, folder: Path) -> None:
        self.folder = folder
        self.query_one(DirectoryTree).path = folder
        self.query_one("#where", Static).update(Text(inert_text(str(folder))))

    def action_parent(self) -> None:
        if self.folder.parent != self.folder:
            self._show_folder(self.folder.parent)

    def action_pick_folder(self) -> None:
        if not self.folders:
            return
        node = self.query_one(DirectoryTree).cursor_node
        chosen = node.data.path if node is not None and node.data is not None else self.folder
        self.dismiss(chosen if chosen.is_dir() else chosen.parent)

    def action_dismiss_picker(self) -> None:
        self.dismiss(None)

    @on(DirectoryTree.FileSelected)
    def _file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        if not self.folders:
            self.dismiss(event.path)
