"""Text from the server made inert: nothing in it can move the cursor, recolour or reorder."""

from __future__ import annotations

import unicodedata

# Characters a terminal may act on: C0/C1 controls, DEL, and the bidi overrides that reorder
# what is shown. Server text containing them is shown as visible escapes instead.
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escape_char(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert_text(value: object, *, multiline: bool = False) -> str:
    """``value`` as text that cannot move the cursor, change colours or reorder the line.

    Controls become visible escapes (ESC shows as ``\\x1b``), so text is displayed as typed;
    tabs and carriage returns become spaces, and newlines too unless ``multiline``.
    """
    if value is None:
        return ""
    text = str(value)
    out: list[str] = []
    for char in text:
        if char == "\n" and multiline:
            out.append(char)
        elif char in "\t\n\r":
            out.append(" ")
        elif unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS:
            out.append(_escape_char(char))
        else:
            out.append(char)
    return "".join(out)
