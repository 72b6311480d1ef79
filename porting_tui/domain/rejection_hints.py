"""What to fix for a rejected number, matched from its reason text (rules in rejection_hints.toml).

The rules are data so that the porting team can extend the playbook without touching code:
``load_hints()`` reads the packaged file, ``load_hints(path)`` another one.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

HINTS_FILE = "rejection_hints.toml"


class HintsFileError(ValueError):
    """The hints file is not usable; the message says which entry and why."""


@dataclass(frozen=True)
class RejectionHint:
    key: str
    title: str
    advice: str
    patterns: tuple[re.Pattern[str], ...]
    field: str | None = None
    """What to change to fix it: an order or per-number API path, or ``phoneNumbers``."""
    step: str = ""
    """The next step in two or three words (``fix PIN``), for Needs attention."""

    def matches(self, reason: str) -> bool:
        return any(pattern.search(reason) for pattern in self.patterns)


def _text(entry: dict[str, Any], name: str, index: int) -> str:
    value = entry.get(name)
    if not isinstance(value, str) or not value.strip():
        raise HintsFileError(f"hint {index + 1}: {name!r} must be a non-empty string")
    return value.strip()


def _hint(entry: Any, index: int) -> RejectionHint:
    if not isinstance(entry, dict):
        raise HintsFileError(f"hint {index + 1} is not a table")
    patterns = entry.get("patterns")
    if not isinstance(patterns, list) or not patterns:
        raise HintsFileError(f"hint {index + 1}: 'patterns' must be a non-empty list")
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(str(pattern), re.IGNORECASE))
        except re.error as error:
            raise HintsFileError(f"hint {index + 1}: pattern {pattern!r}: {error}") from None
    field = entry.get("field")
    if field is not None and (not isinstance(field, str) or not field.strip()):
        raise HintsFileError(f"hint {index + 1}: 'field' must be a non-empty string")
    title = _text(entry, "title", index)
    step = _text(entry, "step", index) if "step" in entry else f"fix {title.lower()}"
    return RejectionHint(
        _text(entry, "key", index),
        title,
        _text(entry, "advice", index),
        tuple(compiled),
        field.strip() if field else None,
        step,
    )


def parse_hints(text: str) -> tuple[RejectionHint, ...]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise HintsFileError(f"not valid TOML: {error}") from None
    entries = data.get("hint")
    if not isinstance(entries, list):
        raise HintsFileError("no [[hint]] entries")
    return tuple(_hint(entry, index) for index, entry in enumerate(entries))


@cache
def _packaged_hints() -> tuple[RejectionHint, ...]:
    text = resources.files(__package__ or "porting_tui.domain").joinpath(HINTS_FILE)
    return parse_hints(text.read_text(encoding="utf-8"))


def load_hints(path: Path | None = None) -> tuple[RejectionHint, ...]:
    """The hints of ``path``, or the ones packaged with porting-tui."""
    if path is None:
        return _packaged_hints()
    return parse_hints(path.read_text(encoding="utf-8"))


def hint_for(
    reason: str | None, hints: tuple[RejectionHint, ...] | None = None
) -> RejectionHint | None:
    """The first hint whose pattern occurs in ``reason``; None for no reason or no match."""
    if not reason or not reason.strip():
        return None
    for hint in load_hints() if hints is None else hints:
        if hint.matches(reason):
            return hint
    return None
