"""How a status is drawn: one glyph and one theme variable per order and number status."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.color import Color, ColorParseError
from textual.theme import BUILTIN_THEMES


@dataclass(frozen=True)
class StatusLook:
    """A glyph (statuses stay apart in 8 colours and with NO_COLOR) and a theme colour."""

    glyph: str
    variable: str
    """A theme variable without its ``$``, such as ``text-warning``."""
    emphasis: str = ""


ORDER_LOOKS: Mapping[str, StatusLook] = {
    "PENDING": StatusLook("○", "text-warning"),
    "CONFIRMED": StatusLook("●", "text-primary"),
    "COMPLETED": StatusLook("✓", "text-success"),
    "CANCELED": StatusLook("×", "text-muted"),
    "PENDING_CANCELATION": StatusLook("⊘", "text-muted", "italic"),
}
NUMBER_LOOKS: Mapping[str, StatusLook] = {
    "PENDING": StatusLook("○", "text-warning"),
    "CONFIRMED": StatusLook("●", "text-primary"),
    "ACTIVATED": StatusLook("✓", "text-success"),
    "REJECTED": StatusLook("✗", "text-error", "bold"),
    "CANCELED": StatusLook("×", "text-muted"),
    "EXCLUDED": StatusLook("–", "text-muted"),
}
UNKNOWN_LOOK = StatusLook("?", "text-secondary")
"""A status the server added after this app was written: shown as sent, in its own colour."""

STATUS_GLYPHS = {status: look.glyph for status, look in ORDER_LOOKS.items()}
UNKNOWN_STATUS_GLYPH = UNKNOWN_LOOK.glyph


def status_label(status: str) -> str:
    """An order status with its glyph, e.g. ``○ PENDING``."""
    return f"{ORDER_LOOKS.get(status, UNKNOWN_LOOK).glyph} {status}"


class StatusPalette:
    """The looks as Rich styles in one theme's colours, for text drawn outside of CSS."""

    def __init__(self, variables: Mapping[str, str]) -> None:
        self._variables = variables

    @classmethod
    def of(cls, app: App[Any]) -> StatusPalette:
        """The palette of ``app``'s current theme."""
        return cls(app.get_css_variables())

    def style(self, look: StatusLook) -> str:
        try:
            colour = Color.parse(self._variables.get(look.variable, "")).hex
        except ColorParseError:
            # Muted colours ("auto 60%") blend with a background a Rich style does not know.
            colour = "dim"
        return f"{look.emphasis} {colour}".strip()

    def order(self, status: str | None) -> str:
        return self.style(ORDER_LOOKS.get(status or "", UNKNOWN_LOOK))

    def number(self, status: str | None) -> str:
        return self.style(NUMBER_LOOKS.get(status or "", UNKNOWN_LOOK))


DEFAULT_PALETTE = StatusPalette(BUILTIN_THEMES["textual-dark"].to_color_system().generate())
"""For text drawn before (or without) an app: the default theme's colours."""
