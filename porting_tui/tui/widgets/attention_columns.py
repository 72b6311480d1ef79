"""The Needs attention table's columns: which fit the terminal, and each row's cells.

Every cell of a row comes from the same read of the order as its reasons, so a row never says
"2 rejected" beside a count of 0 taken from an older list page.
"""

from __future__ import annotations

from rich.text import Text

from porting_tui.attention.markers import MARKER_SYMBOLS
from porting_tui.attention.ranking import AttentionItem
from porting_tui.attention.rules import EXCLUDED, FOC_SOON, NOTE, READY, REJECTED, STALE
from porting_tui.domain.inert_text import inert_text
from porting_tui.tui.status_looks import DEFAULT_PALETTE, StatusPalette, status_label

# (key, label, width); the Why column takes the rest.
_COLUMNS = (
    ("marker", "", 1),
    ("id", "Order", 6),
    ("status", "Status", 12),
    ("reference", "Reference", 14),
    ("numbers", "#", 3),
    ("rejected", "Rej", 3),
    ("age", "Age", 4),
    ("step", "Next step", 18),
)
# Narrow terminals drop these first; the reasons, the rejected count and the order stay.
_NARROW_DROPS = ("numbers", "reference", "status", "age", "step")
MIN_WHY_WIDTH = 26
_CELL_PADDING = 2


def layout_columns(width: int) -> list[tuple[str, str, int]]:
    """The columns that fit ``width`` cells, the Why column last with what is left."""
    columns = list(_COLUMNS)
    for dropped in _NARROW_DROPS:
        used = sum(w + _CELL_PADDING for _, _, w in columns) + _CELL_PADDING
        if width - used >= MIN_WHY_WIDTH:
            break
        columns = [column for column in columns if column[0] != dropped]
    used = sum(w + _CELL_PADDING for _, _, w in columns) + _CELL_PADDING
    return [*columns, ("why", "Why", max(MIN_WHY_WIDTH, width - used))]


def _chip_styles(palette: StatusPalette) -> dict[str, str]:
    return {
        REJECTED: palette.number("REJECTED"),
        NOTE: "bold",
        READY: palette.number("ACTIVATED"),
        FOC_SOON: palette.order("PENDING"),
        EXCLUDED: "",
        STALE: "",
    }


def why_text(item: AttentionItem, palette: StatusPalette = DEFAULT_PALETTE) -> Text:
    """The reasons as chips, each in its colour; the text says it all without colour."""
    styles = _chip_styles(palette)
    text = Text(no_wrap=True, overflow="ellipsis")
    for index, reason in enumerate(item.reasons):
        if index:
            text.append(" · ", style="dim")
        text.append(inert_text(reason.text), style=styles.get(reason.kind, ""))
    return text


def age_text(days: int) -> str:
    """Business days since the last change, e.g. ``3bd``; ``0bd`` is today."""
    return f"{days}bd"


def item_cells(item: AttentionItem, palette: StatusPalette = DEFAULT_PALETTE) -> dict[str, Text]:
    """The cells of a row by column key, as literal text (references come from the server)."""
    state = item.state
    rejected = item.count("REJECTED")
    cells = {
        "marker": Text(MARKER_SYMBOLS.get(item.marker or "", " "), style="bold"),
        "id": Text(str(item.order_id)),
        "status": Text(status_label(inert_text(state.status)), style=palette.order(state.status)),
        "reference": Text(inert_text(state.reference)),
        "numbers": Text(str(len(state.numbers)), justify="right"),
        "rejected": Text(
            str(rejected),
            justify="right",
            style=palette.number("REJECTED") if rejected else "dim",
        ),
        "age": Text(age_text(item.age_days), justify="right"),
        "step": Text(item.step),
        "why": why_text(item, palette),
    }
    if item.looked:
        # Seen since its last change: still listed while the reasons hold, but quieter.
        for cell in cells.values():
            cell.stylize("dim")
    return cells
