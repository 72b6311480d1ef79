"""Single wire values read by hand, as pydantic's lax mode reads them from JSON.

The plain readers of the order list use these instead of pydantic, and must agree with the
pydantic models value for value: tests/client/test_plain_listing.py compares the two.
"""

from __future__ import annotations

import re
from typing import Any

_WHOLE_TEXT = re.compile(r"[+-]?[0-9]+(?:_[0-9]+)*(?:\.0+)?", re.ASCII)
"""A whole number as text: digits with single underscores between them, and ``.0`` allowed."""
_LARGEST_FROM_FLOAT = 2**63
"""A float beyond a signed 64-bit integer is refused, as pydantic does."""
UNREADABLE_STATUS = "UNREADABLE"
"""The status of an entry that could not be read and did not carry a readable status."""
MAX_REASONS = 3
"""The most problems one unreadable entry or body names."""


class ValueUnreadable(ValueError):
    """A value of the wrong kind; the message says what was expected, never the value."""


class BodyUnreadable(ValueError):
    """A body that is not JSON (``not_json``), or not of the shape expected."""

    def __init__(self, reason: str, *, not_json: bool = False) -> None:
        super().__init__(reason)
        self.not_json = not_json


INTEGER_EXPECTED = "Input should be a valid integer"
TEXT_EXPECTED = "Input should be a valid string"


def whole_number(value: Any) -> int:
    """An int from an int, a bool, a whole float (``890192331.0``) or whole-number text."""
    kind = type(value)
    if kind is int:
        return value  # type: ignore[no-any-return]
    if kind is bool:
        return int(value)
    if kind is float:
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueUnreadable(f"{INTEGER_EXPECTED}, got a number that is not finite")
        if not value.is_integer():
            raise ValueUnreadable(f"{INTEGER_EXPECTED}, got a number with a fractional part")
        if abs(value) >= _LARGEST_FROM_FLOAT:
            raise ValueUnreadable(
                "Unable to parse input string as an integer, exceeded maximum size"
            )
        return int(value)
    if kind is str:
        text = value.strip()
        if _WHOLE_TEXT.fullmatch(text) is None:
            raise ValueUnreadable(f"{INTEGER_EXPECTED}, unable to parse string as an integer")
        return int(text.partition(".")[0])
    raise ValueUnreadable(INTEGER_EXPECTED)


def count(value: Any) -> int:
    """A count: a whole number, or 0 when the server sends null."""
    return 0 if value is None else whole_number(value)


def optional_number(value: Any) -> int | None:
    """A whole number, or None."""
    return None if value is None else whole_number(value)


def optional_text(value: Any) -> str | None:
    """Text, or None; a number or a list is not text (the strict reading pydantic does too)."""
    if value is None or type(value) is str:
        return value
    if isinstance(value, str):
        return str(value)
    raise ValueUnreadable(TEXT_EXPECTED)
