"""Editing a PENDING order: typed values checked, what will change, and the change applied.

The change is applied to the order the server has at save time (``client.orders.edit``), so
fields the operator did not touch keep whatever value they have then.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from porting_tui.client import Order
from porting_tui.domain.business_days import port_date_problem
from porting_tui.domain.masking import mask
from porting_tui.domain.order_field_table import (
    ORDER_FIELDS,
    SECRET_PATHS,
    OrderField,
    convert,
    set_number_field,
    set_path,
)

ORDER_EDIT_FORM: tuple[OrderField, ...] = tuple(
    f for f in ORDER_FIELDS if f.editable and not f.per_number
)
NUMBER_EDIT_FORM: tuple[OrderField, ...] = tuple(
    f for f in ORDER_FIELDS if f.editable and f.per_number
)
LOCKED_NUMBER_STATUSES = frozenset({"CONFIRMED", "ACTIVATED"})
"""Numbers the carrier has committed to; the API refuses to remove them from the order."""
_REQUIRED_ORDER_PATHS = frozenset({"desiredPortSchedule.desiredPortDate"})
_PORT_DATE = "desiredPortSchedule.desiredPortDate"
_AUTHORIZING_DATE = "portOutInfo.authorizingDate"
_LABELS = {f.path: f.label for f in ORDER_EDIT_FORM + NUMBER_EDIT_FORM}
_LISTED_NUMBERS = 3


def _read(body: Mapping[str, Any], path: str) -> Any:
    node: Any = body
    for name in path.split("."):
        if not isinstance(node, Mapping):
            return None
        node = node.get(name)
    return node


def value_text(value: Any) -> str:
    """An API value as the form shows it: booleans as ``yes``/``no``, None as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def order_body(order: Order) -> dict[str, Any]:
    """The order as the API spells it (every field the server sent, unknown ones too)."""
    return order.model_dump(by_alias=True, mode="json", exclude_none=True)


def order_texts(order: Order) -> dict[str, str]:
    """The current value of each order field of the form, as text."""
    body = order_body(order)
    return {f.path: value_text(_read(body, f.path)) for f in ORDER_EDIT_FORM}


def shared_number_texts(order: Order, numbers: Collection[str]) -> dict[str, str | None]:
    """Per number field: the value all of ``numbers`` share, or None where they differ."""
    bodies = [n for n in order_body(order).get("phoneNumbers", []) if n["phoneNumber"] in numbers]
    shared: dict[str, str | None] = {}
    for f in NUMBER_EDIT_FORM:
        values = {value_text(_read(body, f.path)) for body in bodies}
        shared[f.path] = values.pop() if len(values) == 1 else None
    return shared


@dataclass(frozen=True)
class OrderEdit:
    """What the operator changes: only fields whose value differs from the order's."""

    order_values: Mapping[str, Any] = field(default_factory=dict)
    """API path -> new value (None clears the field)."""
    number_values: Mapping[str, Any] = field(default_factory=dict)
    """Per-number API path -> new value, for each of ``numbers``."""
    numbers: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.order_values or (self.number_values and self.numbers) or self.removed)


def _changed_value(path: str, text: str, baseline: str | None, current: Any) -> tuple[bool, Any]:
    """Whether ``text`` changes the field and its API value; ValueError when it is not valid."""
    typed = text.strip()
    if typed == (baseline or "").strip():
        return False, None
    if not typed:
        # Numbers that differ show an empty field, which leaves each as it is.
        return (False, None) if baseline is None else (True, None)
    value = convert(path, typed)
    return (value != current), value


def read_edit(
    order: Order,
    order_input: Mapping[str, str],
    number_input: Mapping[str, str],
    numbers: Collection[str],
    removed: Collection[str],
    today: date,
) -> tuple[OrderEdit, dict[str, str]]:
    """The edit the typed values make, and a problem per field path ('' for the numbers)."""
    problems: dict[str, str] = {}
    body = order_body(order)
    current_order = order_texts(order)
    order_values: dict[str, Any] = {}
    for path, text in order_input.items():
        try:
            changed, value = _changed_value(
                path, text, current_order.get(path, ""), _read(body, path)
            )
        except ValueError as error:
            problems[path] = str(error)
            continue
        if not changed:
            continue
        if value is None and path in _REQUIRED_ORDER_PATHS:
            problems[path] = "is required"
        elif path == _PORT_DATE and (
            problem := port_date_problem(date.fromisoformat(value), today)
        ):
            problems[path] = problem
        else:
            order_values[path] = value
    chosen = frozenset(numbers) - frozenset(removed)
    shared = shared_number_texts(order, chosen)
    current_numbers = [n for n in body.get("phoneNumbers", []) if n["phoneNumber"] in chosen]
    number_values: dict[str, Any] = {}
    for path, text in number_input.items():
        currents = {value_text(_read(n, path)) for n in current_numbers}
        current = _read(current_numbers[0], path) if len(currents) == 1 else object()
        try:
            changed, value = _changed_value(path, text, shared.get(path), current)
        except ValueError as error:
            problems[path] = str(error)
            continue
        if not changed:
            continue
        form_field = next(f for f in NUMBER_EDIT_FORM if f.path == path)
        if value is None and form_field.required:
            problems[path] = "is required"
        elif path == _AUTHORIZING_DATE and value and date.fromisoformat(value) > today:
            problems[path] = "must be today or earlier"
        else:
            number_values[path] = value
    if number_values and not chosen:
        problems[""] = "choose the numbers the changes apply to (space)"
    problems.update(_removal_problems(order, frozenset(removed)))
    edit = OrderEdit(order_values, number_values, chosen, frozenset(removed))
    return edit, problems


def _removal_problems(order: Order, removed: frozenset[str]) -> dict[str, str]:
    if not removed:
        return {}
    locked = [
        n.phone_number
        for n in order.phone_numbers
        if n.phone_number in removed and n.status in LOCKED_NUMBER_STATUSES
    ]
    if locked:
        return {"": f"{', '.join(locked)}: confirmed numbers cannot be removed"}
    if all(n.phone_number in removed for n in order.phone_numbers):
        return {"": "an order keeps at least one number; cancel the order (C) instead"}
    return {}


def apply_edit(order: Order, edit: OrderEdit) -> Order:
    """``order`` (the server's current one) with the edit applied; everything else kept."""
    body = order_body(order)
    for path, value in edit.order_values.items():
        set_path(body, path, value)
    kept = []
    for number in body.get("phoneNumbers", []):
        if number["phoneNumber"] in edit.removed:
            continue
        if number["phoneNumber"] in edit.numbers:
            for path, value in edit.number_values.items():
                set_number_field(number, path, value)
        kept.append(number)
    body["phoneNumbers"] = kept
    return Order.model_validate(body)


@dataclass(frozen=True)
class EditChange:
    label: str
    before: str
    after: str


def _shown(path: str, text: str, reveal: bool) -> str:
    return mask(text) if path in SECRET_PATHS and text and not reveal else text


def _numbers_label(numbers: Collection[str]) -> str:
    ordered = sorted(numbers)
    if len(ordered) <= _LISTED_NUMBERS:
        return ", ".join(ordered)
    return f"{len(ordered)} numbers"


def edit_changes(order: Order, edit: OrderEdit, *, reveal: bool = False) -> list[EditChange]:
    """Each change as label, value now and value after saving; secrets masked unless ``reveal``."""
    changes: list[EditChange] = []
    body = order_body(order)
    for path, value in edit.order_values.items():
        before = value_text(_read(body, path))
        changes.append(EditChange(_LABELS.get(path, path), before, value_text(value)))
    if edit.numbers:
        shared = shared_number_texts(order, edit.numbers)
        where = _numbers_label(edit.numbers)
        for path, value in edit.number_values.items():
            now = shared.get(path)
            changes.append(
                EditChange(
                    f"{_LABELS.get(path, path)} · {where}",
                    "(differs)" if now is None else _shown(path, now, reveal),
                    _shown(path, value_text(value), reveal),
                )
            )
    if edit.removed:
        changes.append(EditChange("Numbers", _numbers_label(edit.removed), "removed"))
    return changes


def resubmitted(order: Order, edit: OrderEdit) -> list[str]:
    """The REJECTED numbers that saving sends to the losing carrier again (all that stay)."""
    return sorted(
        n.phone_number
        for n in order.phone_numbers
        if n.status == "REJECTED" and n.phone_number not in edit.removed
    )
