"""A CSV of numbers (with per-number end-user, port-out and routing values) into a draft."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from porting_tui.domain.draft_fields import VOICE_ID_NAMES
from porting_tui.domain.order_csv import OrderFileError, read_order_csv
from porting_tui.domain.order_draft import OrderDraft
from porting_tui.domain.phone_numbers import MAX_NUMBERS_PER_ORDER

__all__ = ["CsvImport", "OrderFileError", "apply_import", "flatten", "import_order_csv"]


@dataclass
class CsvImport:
    """Numbers and values read from a CSV; nothing may be used while ``problems`` has any."""

    source: str
    numbers: list[str] = field(default_factory=list)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per-number values by E.164 number, by the draft's field paths."""
    order: dict[str, str] = field(default_factory=dict)
    """Order-level values (reference, port date...) by path."""
    problems: list[str] = field(default_factory=list)
    """Every bad cell or row: ``line N, column X: what is wrong``."""


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def flatten(node: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """``{"endUser": {"city": "X"}}`` as ``{"endUser.city": "X"}`` (values as text)."""
    flat: dict[str, str] = {}
    for key, value in node.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, path + "."))
        else:
            flat[path] = _text(value)
    return flat


def _number_values(number: dict[str, Any]) -> dict[str, str]:
    number = dict(number)
    number.pop("phoneNumber", None)
    voice = number.pop("voiceConfiguration", None)
    values = flatten(number)
    if isinstance(voice, dict):
        kind = str(voice.get("type", ""))
        values["voiceConfiguration.type"] = kind
        id_name = VOICE_ID_NAMES.get(kind, "")
        values["voiceConfiguration.id"] = _text(voice.get(id_name, ""))
    return values


def import_order_csv(text: str, source: str) -> CsvImport:
    """Read an order CSV; OrderFileError when the file is not an order CSV at all."""
    parsed = read_order_csv(text, source)
    body = dict(parsed.body)
    numbers = body.pop("phoneNumbers", [])
    result = CsvImport(source, problems=list(parsed.problems))
    result.order = flatten(body)
    for number in numbers:
        result.numbers.append(number["phoneNumber"])
        values = _number_values(number)
        if values:
            result.values[number["phoneNumber"]] = values
    if len(result.numbers) > MAX_NUMBERS_PER_ORDER and not result.problems:
        result.problems.append(
            f"{len(result.numbers)} numbers; one order holds at most {MAX_NUMBERS_PER_ORDER}"
        )
    return result


def _shared_values(imported: CsvImport) -> dict[str, str]:
    """Values every number has, and has the same: they become the values for all numbers."""
    rows = [imported.values.get(number, {}) for number in imported.numbers]
    if not rows:
        return {}
    shared = {
        path: value for path, value in rows[0].items() if all(r.get(path) == value for r in rows)
    }
    voice = [path for path in ("voiceConfiguration.type", "voiceConfiguration.id")]
    if not all(path in shared for path in voice) or not all(
        {p: v for p, v in r.items() if p.startswith("voiceConfiguration.")}
        == {p: shared[p] for p in voice}
        for r in rows
    ):
        # A voice route is shared only when every number has exactly the same one.
        for path in voice:
            shared.pop(path, None)
    return shared


def apply_import(draft: OrderDraft, imported: CsvImport) -> None:
    """Replace the draft's numbers with the CSV's.

    Values that every row has in common become the values for all numbers; the others become
    per-number overrides.
    """
    draft.set_numbers(imported.numbers)
    draft.numbers_text = "\n".join(imported.numbers)
    shared = _shared_values(imported)
    draft.common.update(shared)
    draft.overrides = {}
    for number, values in imported.values.items():
        own = {path: value for path, value in values.items() if path not in shared}
        if own:
            draft.overrides[number] = own
    draft.portability = {}
    draft.order.update({path: value for path, value in imported.order.items() if value})
    draft.csv_source = imported.source
