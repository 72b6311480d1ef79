"""Writing a list of order summaries to a CSV or JSON file for spreadsheets and scripts."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Literal

from porting_tui.client import OrderListItem

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


def export_file_name(profile: str, when: datetime, fmt: ExportFormat) -> str:
    """``orders-<profile>-<YYYYmmdd-HHMMSS>.<fmt>``, safe on every file system."""
    safe_profile = _UNSAFE_NAME_CHARACTERS.sub("_", profile).strip("._") or "profile"
    return f"orders-{safe_profile}-{when:%Y%m%d-%H%M%S}.{fmt}"


def render_csv(orders: Sequence[OrderListItem]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for order in orders:
        row = order.model_dump(mode="json", by_alias=True)
        writer.writerow(
            {column: "" if row.get(column) is None else row[column] for column in CSV_COLUMNS}
        )
    return buffer.getvalue()


def render_json(orders: Sequence[OrderListItem]) -> str:
    # Fields the server sent that this client does not know are kept (extra="allow").
    rows = [order.model_dump(mode="json", by_alias=True) for order in orders]
    return (
        json.dumps({"orders": rows, "totalItems": len(rows)}, indent=2, ensure_ascii=False) + "\n"
    )


def write_export(
    orders: Sequence[OrderListItem], fmt: ExportFormat, directory: Path, file_name: str
) -> Path:
    """Write the file into ``directory`` (created if needed), never over an existing file."""
    directory.mkdir(parents=True, exist_ok=True)
    text = render_csv(orders) if fmt == "csv" else render_json(orders)
    target = directory / file_name
    stem, suffix = target.stem, target.suffix
    counter = 1
    while True:
        try:
            # Mode "x" refuses to overwrite, so two exports in the same second both survive.
            with target.open("x", encoding="utf-8", newline="") as output:
                output.write(text)
            return target
        except FileExistsError:
            counter += 1
            target = directory / f"{stem}-{counter}{suffix}"
