"""PathInput: an Input that completes file and folder paths as they are typed (tab accepts)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.suggester import Suggester
from textual.widgets import Input


def expand(text: str) -> Path:
    return Path(os.path.expanduser(text.strip()))


def _entries(folder: Path, prefix: str, folders_only: bool) -> list[str]:
    try:
        children = list(folder.iterdir())
    except OSError:
        return []
    names = []
    for child in children:
        if not child.name.startswith(prefix):
            continue
        # Hidden entries only when asked for with a leading dot.
        if child.name.startswith(".") and not prefix.startswith("."):
            continue
        is_dir = child.is_dir()
        if folders_only and not is_dir:
            continue
        names.append(child.name + ("/" if is_dir else ""))
    return sorted(names)


def _common_start(names: list[str]) -> str:
    """The longest text every name starts with (characters, not path components)."""
    first, last = min(names), max(names)
    length = 0
    while length < min(len(first), len(last)) and first[length] == last[length]:
        length += 1
    return first[:length]


def complete_path(text: str, *, folders_only: bool = False) -> str | None:
    """``text`` extended as far as the entries it can name agree; None when nothing matches."""
    if not text.strip():
        return None
    head, _, prefix = text.rpartition("/")
    folder = expand(head + "/") if head or text.startswith("/") else Path.cwd()
    matches = _entries(folder, prefix, folders_only)
    if not matches:
        return None
    common = _common_start(matches)
    if len(common) <= len(prefix):
        return None
    return text + common[len(prefix) :]


class PathSuggester(Suggester):
    def __init__(self, *, folders_only: bool = False) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.folders_only = folders_only

    async def get_suggestion(self, value: str) -> str | None:
        return await asyncio.to_thread(complete_path, value, folders_only=self.folders_only)


class PathInput(Input):
    """Typing shows the completion greyed out; tab (or →) takes it, tab again moves on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "complete", "Complete the path", show=False),
    ]

    def __init__(
        self,
        value: str = "",
        *,
        folders_only: bool = False,
        placeholder: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(
            value,
            placeholder=placeholder,
            suggester=PathSuggester(folders_only=folders_only),
            compact=True,
            id=id,
        )

    def action_complete(self) -> None:
        if self._suggestion and len(self._suggestion) > len(self.value):
            self.value = self._suggestion
            self.cursor_position = len(self.value)
            return
        self.screen.focus_next()

    @property
    def path(self) -> Path:
        return expand(self.value)
