"""Writing a list of order summaries to a CSV or JSON file for spreadsheets and scripts.

Server text is made harmless on the way out: control characters (ESC, BEL, C1) and bidi
overrides are dropped in both formats, and a CSV cell that a spreadsheet would run as a
formula (``=HYPERLINK(...)``, ``+``, ``-``, ``@``...) is written with a leading ``'``
(defusedcsv, the OWASP rule). The file is 0600: it names customers.
"""

from __future__ import annotations

import io
import json
import os
import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from defusedcsv import csv

from porting_tui.client import OrderListItem
from porting_tui.domain.inert_text import BIDI_CONTROLS

ExportFormat = Literal["csv", "json"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "json")

# The API's own field names, so the files read like the API's documentation.
CSV_COLUMNS = (
    "id",
    "status",
    "customerOrderReference",
    "createdDate",
    "phoneNumberQuantity",
    "focQuantity",
    "activatedQuantity",
    "rejectedQuantity",
    "excludedQuantity",
)
_UNSAFE_NAME_CHARACTERS = re.compile(r"[^A-Za-z0-9_.-]+")
_DROPPED = BIDI_CONTROLS | {"\u061c", "\u2028", "\u2029"}


def clean_text(text: str) -> str:
    """``text`` without control characters or bidi overrides; tabs and line breaks become
    spaces, so that a cell stays one line."""
    return "".join(
        " " if char in "\t\n\r" else char
        for char in text
        if char in "\t\n\r" or not (unicodedata.category(char) == "Cc" or char in _DROPPED)
    )


def clean_data(value: Any) -> Any:
    """A copy of JSON data with every string (keys too) cleaned."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(str(key)): clean_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clean_data(item) for item in value]
    return value


def export_file_name(profile: str, when: datetime, fmt: ExportFormat) -> str:
    """``orders-<profile>-<YYYYmmdd-HHMMSS>.<fmt>``, safe on every file system."""
    safe_profile = _UNSAFE_NAME_CHARACTERS.sub("_", profile).strip("._") or "profile"
    return f"orders-{safe_profile}-{when:%Y%m%d-%H%M%S}.{fmt}"


def render_csv(orders: Sequence[OrderListItem]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for order in orders:
        row = clean_data(order.model_dump(mode="json", by_alias=True))
        writer.writerow(
            {column: "" if row.get(column) is None else row[column] for column in CSV_COLUMNS}
        )
    return buffer.getvalue()


def render_json(orders: Sequence[OrderListItem]) -> str:
    # Fields the server sent that this client does not know are kept (extra="allow").
    rows = [clean_data(order.model_dump(mode="json", by_alias=True)) for order in orders]
    return (
        json.dumps({"orders": rows, "totalItems": len(rows)}, indent=2, ensure_ascii=False) + "\n"
    )


def write_export(
    orders: Sequence[OrderListItem], fmt: ExportFormat, directory: Path, file_name: str
) -> Path:
    """Write the file (mode 0600) into ``directory`` (created if needed), never over an
    existing file."""
    directory.mkdir(parents=True, exist_ok=True)
    text = render_csv(orders) if fmt == "csv" else render_json(orders)
    target = directory / file_name
    stem, suffix = target.stem, target.suffix
    counter = 1
    while True:
        try:
            # O_EXCL refuses to overwrite (or to follow a planted symlink), so two exports in
            # the same second both survive; 0600 from the start, whatever the umask.
            descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as output:
                output.write(text)
            return target
        except FileExistsError:
            counter += 1
            target = directory / f"{stem}-{counter}{suffix}"
