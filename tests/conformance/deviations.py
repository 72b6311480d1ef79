"""The allow-list of known departures from the official OpenAPI file (``deviations.toml``)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

DEVIATIONS_FILE = Path(__file__).with_name("deviations.toml")


@dataclass(frozen=True)
class Deviation:
    id: str
    check: str
    reason: str
    statuses: frozenset[int]
    """Response statuses it covers; empty means any."""
    operations: frozenset[str]
    """Operations such as ``GET /orders/portIns``; empty means every one."""
    message: re.Pattern[str] | None
    """A pattern the failure's text must contain, when the check alone is too broad."""
    wire_styles: frozenset[str]
    """The emulator's wire styles it occurs in; empty means both."""

    def covers(self, check: str, operation: str, status: int, text: str, style: str) -> bool:
        return (
            check == self.check
            and (not self.wire_styles or style in self.wire_styles)
            and (not self.statuses or status in self.statuses)
            and (not self.operations or operation in self.operations)
            and (self.message is None or self.message.search(text) is not None)
        )


def load_deviations(path: Path = DEVIATIONS_FILE) -> list[Deviation]:
    entries = tomllib.loads(path.read_text("utf-8"))["deviation"]
    deviations = []
    for entry in entries:
        if not entry.get("reason", "").strip():
            raise ValueError(f"deviation {entry['id']} gives no reason")
        pattern = entry.get("message")
        deviations.append(
            Deviation(
                id=entry["id"],
                check=entry["check"],
                reason=entry["reason"],
                statuses=frozenset(entry.get("statuses", [])),
                operations=frozenset(entry.get("operations", [])),
                message=re.compile(pattern, re.DOTALL) if pattern else None,
                wire_styles=frozenset(entry.get("wire_styles", [])),
            )
        )
    return deviations


def mock_adjustments(path: Path = DEVIATIONS_FILE) -> dict[str, str]:
    """The changes the Prism mock makes to the file, by id, each with its reason."""
    entries = tomllib.loads(path.read_text("utf-8")).get("mock_adjustment", [])
    return {entry["id"]: entry["reason"].strip() for entry in entries}


def explain(
    deviations: list[Deviation], check: str, operation: str, status: int, text: str, style: str
) -> Deviation | None:
    """The entry that allows this failure, or None when it is a new, unexplained one."""
    for deviation in deviations:
        if deviation.covers(check, operation, status, text, style):
            return deviation
    return None
