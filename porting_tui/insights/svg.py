"""A small writer of static SVG: rectangles, lines and text, every piece of text escaped."""

from __future__ import annotations

from html import escape

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
"""Fonts the reader's machine already has: the report never loads one."""
CHAR_WIDTH = 6.6
"""About how wide a character of 12 px text is, to leave room for labels."""


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _attributes(attributes: dict[str, object]) -> str:
    return "".join(
        f' {name.rstrip("_").replace("_", "-")}="{escape(str(value), quote=True)}"'
        for name, value in attributes.items()
        if value is not None
    )


class Svg:
    """One SVG picture, built up shape by shape; ``render`` gives its markup."""

    def __init__(self, width: float, height: float, title: str) -> None:
        self.width = width
        self.height = height
        self._parts: list[str] = [f"<title>{escape(title)}</title>"]
        self.title = title

    def rect(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        fill: str,
        *,
        tooltip: str | None = None,
        **attributes: object,
    ) -> None:
        shape = (
            f'<rect x="{_number(x)}" y="{_number(y)}" width="{_number(max(width, 0))}"'
            f' height="{_number(max(height, 0))}" fill="{escape(fill)}"{_attributes(attributes)}'
        )
        if tooltip:
            self._parts.append(f"{shape}><title>{escape(tooltip)}</title></rect>")
        else:
            self._parts.append(f"{shape}/>")

    def line(
        self, x1: float, y1: float, x2: float, y2: float, stroke: str = "#444", **attributes: object
    ) -> None:
        self._parts.append(
            f'<line x1="{_number(x1)}" y1="{_number(y1)}" x2="{_number(x2)}" y2="{_number(y2)}"'
            f' stroke="{escape(stroke)}"{_attributes(attributes)}/>'
        )

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        anchor: str = "start",
        size: int = 12,
        fill: str = "#222",
        tooltip: str | None = None,
        **attributes: object,
    ) -> None:
        inner = escape(content)
        if tooltip:
            inner += f"<title>{escape(tooltip)}</title>"
        self._parts.append(
            f'<text x="{_number(x)}" y="{_number(y)}" text-anchor="{escape(anchor)}"'
            f' font-size="{size}" fill="{escape(fill)}"{_attributes(attributes)}>{inner}</text>'
        )

    def render(self) -> str:
        return (
            # Inline in HTML: the parser gives it the SVG namespace, no xmlns (nor URL) needed.
            f'<svg role="img"'
            f' width="{_number(self.width)}" height="{_number(self.height)}"'
            f' viewBox="0 0 {_number(self.width)} {_number(self.height)}"'
            f' font-family="{escape(FONT, quote=True)}">' + "".join(self._parts) + "</svg>"
        )


def shorten(text: str, most: int) -> str:
    """``text`` cut to ``most`` characters with an ellipsis (the full text goes in a tooltip)."""
    return text if len(text) <= most else text[: max(most - 1, 1)] + "…"


def nice_top(value: float) -> float:
    """A round number at or above ``value`` for the end of an axis (1, 2, 5 times 10^n)."""
    if value <= 0:
        return 1.0
    scale = 1.0
    while scale * 10 <= value:
        scale *= 10
    while scale > value:
        scale /= 10
    for step in (1, 2, 5, 10):
        if step * scale >= value:
            return step * scale
    return 10 * scale
