"""Read a port-in order from CSV: one row per number, columns named like the API's fields.

Columns (header names in any case; spaces, '_' and '-' ignored):

* ``phoneNumber`` (required): any common format, normalised to E.164.
* Per number: ``endUser.<field>`` and ``portOutInfo.<field>`` (or just ``<field>``, e.g.
  ``city``, ``zipCode``, ``existingPortOutPin``), ``newPortOutPin``, ``appId`` / ``trunkId`` /
  ``serviceId`` (voice routing; the type follows from the column), ``smsAppId``, and
  ``e911.<field>`` for the emergency address.
* For the whole order: ``desiredPortDate``, ``desiredPortTime``, ``desiredPortTimeZone``,
  ``onDemandActivation``, ``customerOrderReference``, ``loaUploadedBy``, ``loaAttachmentDate``,
  ``resellerName`` (every order field of ``order_field_table``). Fill them on one row or
  repeat them; rows that disagree are an error.

UTF-8 with or without a byte-order mark, comma or semicolon separated. Blank rows are skipped.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from porting_tui.domain.order_fields import (
    COLUMN_NAMES,
    ORDER_PATHS,
    VOICE_ID_FIELDS,
    convert,
    resolve,
    set_number_field,
    set_path,
)
from porting_tui.domain.regions import postal_code_problem
from porting_tui.domain.text_files import csv_delimiter

MAX_ROWS = 500


class OrderFileError(ValueError):
    """An order file that cannot be used; ``problems`` holds one line per problem."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(
            f"{source}: {len(problems)} problem(s), nothing was sent:\n"
            + "\n".join(f"  {problem}" for problem in problems)
        )


@dataclass
class CsvOrder:
    """The order body read from a CSV, and where each number and field came from."""

    body: dict[str, Any]
    lines: list[int] = field(default_factory=list)
    """The file line of each entry of ``phoneNumbers``."""
    headers: dict[str, str] = field(default_factory=dict)
    """The header as written, by API path."""
    order_lines: dict[str, int] = field(default_factory=dict)
    """The line that gave each order-level value."""
    number_lines: dict[str, int] = field(default_factory=dict)
    """The line of each number (E.164), to report duplicates."""
    problems: list[str] = field(default_factory=list)
    """What is wrong with the rows, each with its line and column."""
    reported: set[str] = field(default_factory=set)
    """Violation paths already covered by ``problems`` (a bad cell is left out of the body)."""

    def locate(self, violation_field: str) -> str:
        """``line N, column X`` for a violation path such as ``phoneNumbers[2].endUser.city``."""
        if violation_field.startswith("phoneNumbers["):
            index_text, _, rest = violation_field.removeprefix("phoneNumbers[").partition("]")
            path = rest.lstrip(".") or "phoneNumber"
            line = self.lines[int(index_text)] if index_text.isdigit() else None
            where = f"line {line}" if line is not None else "a row"
            return f"{where}, column {self._column(path)}"
        if violation_field in self.order_lines:
            return (
                f"line {self.order_lines[violation_field]}, column {self._column(violation_field)}"
            )
        return f"column {self._column(violation_field)}"

    def _column(self, path: str) -> str:
        if path in self.headers:
            return self.headers[path]
        return f"{path.rsplit('.', 1)[-1]} (no such column; add it)"


def _header_paths(header: list[str]) -> tuple[list[str | None], list[str]]:
    paths: list[str | None] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    for position, name in enumerate(header, start=1):
        title = name.strip()
        if not title:
            paths.append(None)
            continue
        path = resolve(title)
        if path is None:
            problems.append(f"line 1, column {position} {title!r}: unknown column")
        elif path in seen:
            problems.append(f"line 1, column {title!r}: repeats column {seen[path]!r}")
            path = None
        else:
            seen[path] = title
        paths.append(path)
    if problems:
        problems.append(f"the known columns are: {', '.join(COLUMN_NAMES)}")
    elif "phoneNumber" not in seen:
        problems.append("line 1: no phoneNumber column; the first row must name the columns")
    return paths, problems


def read_order_csv(text: str, source: str) -> CsvOrder:
    """Parse ``text`` into an order body and the problems of its rows.

    Raises OrderFileError only when the file cannot be read as an order at all (bad header,
    broken CSV, no rows); the problems of single cells are in ``problems``.
    """
    text = text.removeprefix("\ufeff")
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text), delimiter=csv_delimiter(first_line))
    try:
        header = next(reader, [])
        paths, problems = _header_paths(header)
        if problems:
            raise OrderFileError(source, problems)
        result = CsvOrder(body={"phoneNumbers": []})
        result.headers = {
            path: title.strip() for path, title in zip(paths, header, strict=True) if path
        }
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            _read_row(row, reader.line_num, paths, result)
    except csv.Error as error:
        raise OrderFileError(source, [f"line {reader.line_num}: {error}"]) from None
    if not result.body["phoneNumbers"] and not result.problems:
        raise OrderFileError(source, ["the file has no rows of numbers under its header"])
    if len(result.body["phoneNumbers"]) > MAX_ROWS:
        result.problems.append(
            f"{len(result.body['phoneNumbers'])} numbers; at most {MAX_ROWS} fit in one order: "
            "split the file"
        )
        result.reported.add("phoneNumbers")
    return result


def _read_row(
    row: list[str],
    line: int,
    paths: list[str | None],
    result: CsvOrder,
) -> None:
    problems = result.problems
    index = len(result.body["phoneNumbers"])
    row_reported: set[str] = set()
    number: dict[str, Any] = {}
    if len(row) > len(paths):
        problems.append(f"line {line}: {len(row)} cells but the header names {len(paths)}")
        return
    voice_type: str | None = None
    bad_number = False
    for path, cell in zip(paths, row, strict=False):
        if path is None or not cell.strip():
            continue
        column = result.headers[path]
        try:
            value = convert(path, cell)
        except ValueError as error:
            problems.append(f"line {line}, column {column}: {error}")
            bad_number = bad_number or path == "phoneNumber"
            if path in ORDER_PATHS:
                result.reported.add(path)
            else:
                row_reported.add(f"phoneNumbers[{index}].{path}")
            continue
        if path in ORDER_PATHS:
            _set_order_value(path, value, line, column, result)
        elif path == "voiceConfiguration.type":
            voice_type = value
        elif path == "phoneNumber":
            number["phoneNumber"] = value
        else:
            set_number_field(number, path, value)
    if voice_type is not None:
        voice = number.setdefault("voiceConfiguration", {"type": voice_type})
        if voice["type"] != voice_type:
            id_name = next(name for name in VOICE_ID_FIELDS if name in voice)
            problems.append(
                f"line {line}, column {result.headers['voiceConfiguration.type']}: {voice_type} "
                f"routing does not use {id_name} (RTC uses appId, EST trunkId, FAX serviceId)"
            )
    _check_postal_codes(number, line, index, result, row_reported)
    if bad_number:
        return
    if "phoneNumber" not in number:
        problems.append(f"line {line}, column {result.headers['phoneNumber']}: is empty")
        return
    other_line = result.number_lines.get(number["phoneNumber"])
    if other_line is not None:
        problems.append(
            f"line {line}, column {result.headers['phoneNumber']}: {number['phoneNumber']} "
            f"is already on line {other_line}"
        )
        return
    result.number_lines[number["phoneNumber"]] = line
    result.reported |= row_reported
    result.body["phoneNumbers"].append(number)
    result.lines.append(line)


def _check_postal_codes(
    number: dict[str, Any], line: int, index: int, result: CsvOrder, row_reported: set[str]
) -> None:
    """A ZIP code with a Canadian province (or the other way round) is wrong on its row."""
    features = number.get("features")
    places = [
        ("endUser", "zipCode", "state", number.get("endUser")),
        ("features.e911", "postalCode", "state", features.get("e911") if features else None),
    ]
    for prefix, code_name, state_name, place in places:
        if not isinstance(place, dict) or code_name not in place or state_name not in place:
            continue
        problem = postal_code_problem(place[code_name], place[state_name])
        if problem is not None:
            path = f"{prefix}.{code_name}"
            result.problems.append(f"line {line}, column {result.headers[path]}: {problem}")
            row_reported.add(f"phoneNumbers[{index}].{path}")
            del place[code_name]


def _set_order_value(
    path: str,
    value: Any,
    line: int,
    column: str,
    result: CsvOrder,
) -> None:
    if path in result.order_lines:
        earlier: Any = result.body
        for name in path.split("."):
            earlier = earlier[name]
        if earlier != value:
            result.problems.append(
                f"line {line}, column {column}: {value!r} differs from {earlier!r} on line "
                f"{result.order_lines[path]}; an order has one value (leave the other rows blank)"
            )
        return
    result.order_lines[path] = line
    set_path(result.body, path, value)
