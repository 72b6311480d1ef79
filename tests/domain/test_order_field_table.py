"""The order field table covers every field of the client's NewOrder, and drives the rest."""

from __future__ import annotations

import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from porting_tui.client.models import NewOrder
from porting_tui.domain.draft_fields import ORDER_FORM, PER_NUMBER_FORM
from porting_tui.domain.masking import mask_order_body
from porting_tui.domain.order_edit import NUMBER_EDIT_FORM, ORDER_EDIT_FORM
from porting_tui.domain.order_field_table import (
    ORDER_FIELDS,
    READ_ONLY_PATHS,
    SECRET_PATHS,
    VOICE_ID_PATH,
)
from porting_tui.domain.order_fields import COLUMN_NAMES, resolve


def _models(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models inside an annotation (through Optional, unions, lists, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = get_origin(annotation)
    if origin is Annotated:
        return _models(get_args(annotation)[0])
    if origin in (Union, types.UnionType, list):
        return [model for arg in get_args(annotation) for model in _models(arg)]
    return []


def settable_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every leaf field of ``model`` by API path; list items add no index (per-number paths)."""
    paths: set[str] = set()
    for name, info in model.model_fields.items():
        alias = info.alias or name
        nested = _models(info.annotation)
        if not nested:
            paths.add(f"{prefix}{alias}")
        elif get_origin(info.annotation) is list:
            for item in nested:
                paths |= settable_paths(item)
        else:
            for item in nested:
                paths |= settable_paths(item, f"{prefix}{alias}.")
    return paths


def test_every_field_of_a_new_order_is_in_the_table() -> None:
    table = {field.path for field in ORDER_FIELDS}
    missing = settable_paths(NewOrder) - table - READ_ONLY_PATHS
    assert missing == set(), f"add these fields to ORDER_FIELDS: {sorted(missing)}"


def test_the_table_names_only_fields_of_a_new_order() -> None:
    unknown = {field.path for field in ORDER_FIELDS} - settable_paths(NewOrder) - {VOICE_ID_PATH}
    assert unknown == set()


def test_every_settable_field_has_a_csv_column_that_resolves_to_it() -> None:
    for field in ORDER_FIELDS:
        if field.column_name is not None:
            assert field.column_name in COLUMN_NAMES
            assert resolve(field.column_name) == field.path
            assert resolve(field.path) == field.path


def test_the_wizard_and_the_edit_dialog_show_the_table_fields() -> None:
    wizard = {f.path for f in ORDER_FORM + PER_NUMBER_FORM}
    assert wizard == {f.path for f in ORDER_FIELDS if f.in_wizard}
    assert {f.path for f in ORDER_EDIT_FORM} == {
        f.path for f in ORDER_FIELDS if f.editable and not f.per_number
    }
    assert {f.path for f in NUMBER_EDIT_FORM} <= wizard


def test_every_secret_of_the_table_is_masked_in_a_body() -> None:
    number: dict[str, Any] = {}
    for path in SECRET_PATHS:
        *parents, last = path.split(".")
        node = number
        for name in parents:
            node = node.setdefault(name, {})
        node[last] = "1234"
    masked = mask_order_body({"phoneNumbers": [number]})
    assert "1234" not in repr(masked) and "1234" in repr(number)
