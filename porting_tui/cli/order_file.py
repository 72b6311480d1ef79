"""Load an order from a JSON or CSV file and check it, reporting every problem with its place."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from porting_tui.cli.files import read_text_input
from porting_tui.cli.output import MASK, SECRET_FIELDS
from porting_tui.domain.order_csv import OrderFileError, read_order_csv

if TYPE_CHECKING:
    from pydantic import ValidationError

    from porting_tui.client import NewOrder


@dataclass
class LoadedOrder:
    """An order body with the API's field names, and how to point at a field in its file."""

    source: str
    body: dict[str, Any]
    locate: Callable[[str], str]
    problems: list[str] = field(default_factory=list)
    """Problems found while reading, before the order as a whole is checked."""
    reported: set[str] = field(default_factory=set)
    """Violation paths that ``problems`` already covers."""


def _json_place(path: str) -> str:
    return f"field {path}"


def load_order_file(source: str) -> LoadedOrder:
    """Read ``source`` (``-`` is stdin): JSON when it starts with ``{``, otherwise CSV."""
    text = read_text_input(source, "order file")
    name = "stdin" if source == "-" else source
    if text.lstrip().startswith(("{", "[")) or name.lower().endswith(".json"):
        try:
            body = json.loads(text)
        except json.JSONDecodeError as error:
            raise OrderFileError(
                name, [f"line {error.lineno}, column {error.colno}: {error.msg} (not valid JSON)"]
            ) from None
        if not isinstance(body, dict):
            raise OrderFileError(name, ["the JSON must be one order object, {...}"])
        return LoadedOrder(name, body, _json_place)
    csv_order = read_order_csv(text, name)
    return LoadedOrder(
        name, csv_order.body, csv_order.locate, csv_order.problems, csv_order.reported
    )


def path_text(location: tuple[int | str, ...]) -> str:
    """``("phoneNumbers", 0, "endUser")`` as ``phoneNumbers[0].endUser``."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _pydantic_problems(error: ValidationError, loaded: LoadedOrder) -> list[str]:
    problems = []
    for item in error.errors():
        # Tagged unions add the tag to the location; it is not a field of the file.
        location = tuple(p for p in item["loc"] if p not in ("RTC", "EST", "FAX", "unknown"))
        path = path_text(location)
        if path not in loaded.reported:
            problems.append(f"{loaded.locate(path)}: {item['msg']}")
    return problems


def masked_fields(body: dict[str, Any]) -> Iterator[tuple[int, str]]:
    """(number index, field) of every secret that holds the mask of ``orders get`` output."""
    for index, number in enumerate(body.get("phoneNumbers") or []):
        if not isinstance(number, dict):
            continue
        if number.get("newPortOutPin") == MASK:
            yield index, "newPortOutPin"
        port_out = number.get("portOutInfo")
        if isinstance(port_out, dict):
            for name in sorted(SECRET_FIELDS):
                if port_out.get(name) == MASK:
                    yield index, f"portOutInfo.{name}"


def checked_order(loaded: LoadedOrder, *, allow_masked: bool = False) -> NewOrder:
    """The order of ``loaded`` as a NewOrder, or OrderFileError listing every problem."""
    from pydantic import ValidationError

    from porting_tui.client import NewOrder
    from porting_tui.client.validation import order_violations

    problems = list(loaded.problems)
    if not allow_masked:
        problems += [
            f"{loaded.locate(f'phoneNumbers[{index}].{name}')}: holds {MASK} (from 'orders get' "
            "output); write the real value, or export the order with --reveal"
            for index, name in masked_fields(loaded.body)
        ]
    try:
        order = NewOrder.model_validate(loaded.body)
    except ValidationError as error:
        raise OrderFileError(loaded.source, problems + _pydantic_problems(error, loaded)) from None
    problems += [
        f"{loaded.locate(violation.field)}: {violation.description}"
        for violation in order_violations(order)
        if violation.field not in loaded.reported
    ]
    if problems:
        raise OrderFileError(loaded.source, problems)
    return order
