"""A before/after table of what a save will change, shared by the edit and defaults dialogs."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text

from porting_tui.domain.inert_text import inert_text

NOT_SET = "(not set)"


def changes_table(
    rows: Iterable[tuple[str, str | None, str | None]],
    *,
    label_title: str,
    label_ratio: int | None = None,
) -> Table:
    """One row per (label, now, after saving); every value is shown literally.

    ``label_ratio`` lets long labels (dotted field paths) take a share of the width and fold;
    without it labels stay on one line.
    """
    table = Table(box=None, padding=(0, 1), expand=True, show_edge=False)
    if label_ratio is None:
        table.add_column(label_title, no_wrap=True, style="bold")
    else:
        table.add_column(label_title, style="bold", ratio=label_ratio, overflow="fold")
    table.add_column("Now", overflow="fold", ratio=1)
    table.add_column("After saving", overflow="fold", ratio=1)
    for label, before, after in rows:
        now, then = inert_text(before), inert_text(after)
        table.add_row(
            Text(inert_text(label)),
            Text(now or NOT_SET, style="" if now else "dim"),
            Text(then or NOT_SET, style="bold" if then else "dim"),
        )
    return table
