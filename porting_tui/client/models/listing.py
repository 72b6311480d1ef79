"""Order summaries and pages of the order list, read by hand rather than by pydantic.

The first page of the order list is what the app draws first and what ``orders list`` prints;
read by hand, neither needs pydantic nor the build of the other models (about a tenth of the
app's launch). The reading is the pydantic models' own, value for value (lax whole numbers,
lenient dates, unknown fields kept, one unreadable row degrading alone), and these classes
answer the same calls: ``model_validate``, ``model_validate_json`` and ``model_dump``.
tests/client/test_plain_listing.py compares them with pydantic models of the same fields.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, Self

from porting_tui.client.models.lenient_values import (
    MAX_REASONS,
    UNREADABLE_STATUS,
    BodyUnreadable,
    ValueUnreadable,
    count,
    optional_number,
    optional_text,
    whole_number,
)
from porting_tui.client.models.wire_dates import day_to_wire, read_day

Field = tuple[str, str, Callable[[Any], Any]]
"""A field's Python name, its name on the wire, and how one value of it is read."""

_ROW_FIELDS: tuple[Field, ...] = (
    ("id", "id", whole_number),
    ("status", "status", optional_text),
    ("customer_order_reference", "customerOrderReference", optional_text),
    ("created_date", "createdDate", read_day),
    ("phone_number_quantity", "phoneNumberQuantity", count),
    ("foc_quantity", "focQuantity", count),
    ("activated_quantity", "activatedQuantity", count),
    ("rejected_quantity", "rejectedQuantity", count),
    ("excluded_quantity", "excludedQuantity", count),
)
_PAGE_FIELDS: tuple[Field, ...] = (
    ("page", "page", optional_number),
    ("page_size", "pageSize", optional_number),
    ("total_pages", "totalPages", optional_number),
    ("total_items", "totalItems", optional_number),
)
_ROW_KEYS = frozenset(key for name, alias, _ in _ROW_FIELDS for key in (name, alias))
_PAGE_KEYS = frozenset(
    key for name, alias, _ in (*_PAGE_FIELDS, ("orders", "orders", None)) for key in (name, alias)
)
_NOT_AN_OBJECT = "Input should be a valid dictionary or instance of OrderListItem"


def _read_fields(
    fields: tuple[Field, ...], entry: dict[str, Any], errors: list[str]
) -> dict[str, Any]:
    """The fields ``entry`` carries, read, by Python name; each failure is added to ``errors``.

    A field is found under its wire name, or else under its Python name (as pydantic's
    ``populate_by_name``); one missing keeps its default.
    """
    values: dict[str, Any] = {}
    for name, alias, read in fields:
        key = alias if alias in entry else name
        if key not in entry:
            continue
        try:
            values[name] = read(entry[key])
        except ValueUnreadable as error:
            errors.append(f"{key}: {error}")
    return values


def _unknown_fields(entry: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    if known.issuperset(entry):
        return {}
    return {key: value for key, value in entry.items() if key not in known}


def _dumped(
    values: list[tuple[str, str, Any]],
    unknown: dict[str, Any],
    *,
    by_alias: bool,
    exclude_none: bool,
) -> dict[str, Any]:
    data = {
        alias if by_alias else name: value
        for name, alias, value in values
        if not (exclude_none and value is None)
    }
    data.update(
        (key, value) for key, value in unknown.items() if not (exclude_none and value is None)
    )
    return data


DumpMode = Literal["python", "json"]


@dataclass(slots=True)
class OrderListItem:
    """One row of the order list: a summary with counts of numbers per status.

    A row the client cannot read stays on the page as an unreadable row (``unreadable`` says
    why, ``raw_entry`` holds it as sent); its id is 0 when even that could not be read.
    """

    id: int
    status: str | None = None
    """An ``OrderStatus`` value, a newer one this client does not know, or None when unsent."""
    customer_order_reference: str | None = None
    created_date: date | str | None = None
    phone_number_quantity: int = 0
    foc_quantity: int = 0
    """Numbers with a Firm Order Commitment (status ``CONFIRMED``)."""
    activated_quantity: int = 0
    rejected_quantity: int = 0
    excluded_quantity: int = 0
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)
    """Fields the server sent that this client does not know, by their wire names: kept, and
    written back out."""
    unreadable: str | None = field(default=None, compare=False)
    """Why this row could not be read, or None when it was read."""
    raw_entry: Any = field(default=None, compare=False, repr=False)
    """The row exactly as the server sent it, when it could not be read."""

    @classmethod
    def model_validate(cls, entry: Any) -> Self:
        """The row read from ``entry``; ValueError (saying where, never the values) if odd."""
        row = cls.read_entry(entry)
        if row.unreadable is not None:
            raise ValueError(row.unreadable)
        return row

    @classmethod
    def read_entry(cls, entry: Any) -> Self:
        """The row read from ``entry``, or an unreadable row standing for it.

        The unreadable row keeps the fields that could be read; its id is 0 and its status
        UNREADABLE when those could not.
        """
        if not isinstance(entry, dict):
            return cls(id=0, status=UNREADABLE_STATUS, unreadable=_NOT_AN_OBJECT, raw_entry=entry)
        errors: list[str] = []
        values = _read_fields(_ROW_FIELDS, entry, errors)
        if "id" not in entry:
            errors.insert(0, "id: Field required")
        if errors:
            # What an unreadable row keeps is found under wire names only, as pydantic's is.
            values = {
                name: values[name]
                for name, alias, _ in _ROW_FIELDS
                if alias in entry and name in values
            }
            values.setdefault("id", 0)
            values.setdefault("status", UNREADABLE_STATUS)
            reason = "; ".join(errors[:MAX_REASONS])
            return cls(**values, unreadable=reason, raw_entry=entry)
        return cls(**values, unknown_fields=_unknown_fields(entry, _ROW_KEYS))

    def model_dump(
        self, *, mode: DumpMode = "python", by_alias: bool = False, exclude_none: bool = False
    ) -> Any:
        """The row as a dict (wire names with ``by_alias``, ``YYYY-MM-DD`` dates in ``json``
        mode); an unreadable row is given back exactly as it was sent."""
        if self.unreadable is not None:
            return self.raw_entry
        day = day_to_wire(self.created_date, json=mode == "json")
        values = [
            (name, alias, day if name == "created_date" else getattr(self, name))
            for name, alias, _ in _ROW_FIELDS
        ]
        return _dumped(values, self.unknown_fields, by_alias=by_alias, exclude_none=exclude_none)


def _rows(value: Any) -> list[OrderListItem]:
    if value is None:
        return []  # a list sent as null has no entries: not worth failing the page for
    if not isinstance(value, list):
        raise ValueUnreadable("Input should be a valid array")
    return [OrderListItem.read_entry(entry) for entry in value]


@dataclass(slots=True)
class OrderPage:
    """One page of the order list with the server's paging figures."""

    orders: list[OrderListItem] = field(default_factory=list)
    page: int | None = None
    page_size: int | None = None
    total_pages: int | None = None
    total_items: int | None = None
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def model_validate(cls, body: Any) -> Self:
        """The page read from a decoded body; ``BodyUnreadable`` when it is not a page at all
        (not an object, ``orders`` not a list, a paging figure not a whole number)."""
        if not isinstance(body, dict):
            raise BodyUnreadable("Input should be an object")
        errors: list[str] = []
        values = _read_fields((("orders", "orders", _rows), *_PAGE_FIELDS), body, errors)
        if errors:
            raise BodyUnreadable("; ".join(errors[:MAX_REASONS]))
        return cls(**values, unknown_fields=_unknown_fields(body, _PAGE_KEYS))

    @classmethod
    def model_validate_json(cls, text: str | bytes) -> Self:
        """The page read from JSON text; ``BodyUnreadable`` when it is not JSON or not a page."""
        try:
            body = json.loads(text)
        except ValueError:
            raise BodyUnreadable("Invalid JSON", not_json=True) from None
        return cls.model_validate(body)

    def model_dump(
        self, *, mode: DumpMode = "python", by_alias: bool = False, exclude_none: bool = False
    ) -> dict[str, Any]:
        """The page as a dict, its rows as ``OrderListItem.model_dump`` gives them."""
        rows = [
            row.model_dump(mode=mode, by_alias=by_alias, exclude_none=exclude_none)
            for row in self.orders
        ]
        values = [("orders", "orders", rows)]
        values += [(name, alias, getattr(self, name)) for name, alias, _ in _PAGE_FIELDS]
        return _dumped(values, self.unknown_fields, by_alias=by_alias, exclude_none=exclude_none)
