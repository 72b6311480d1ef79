"""The order list's filters: the text the user typed, and its translation to list parameters."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

# PENDING_CANCELATION and ORDER_BUILDING are documented but missing from the spec's enum
# (REFERENCE.md §5.11); they are sent all the same.
KNOWN_STATUSES = (
    "PENDING",
    "CONFIRMED",
    "COMPLETED",
    "CANCELED",
    "PENDING_CANCELATION",
    "ORDER_BUILDING",
)
# People type the British spelling; the API has one L.
_STATUS_ALIASES = {"CANCELLED": "CANCELED", "PENDING_CANCELLATION": "PENDING_CANCELATION"}
_RELATIVE_DATE = re.compile(r"^([+-])(\d{1,4})([dw])$")
_NAMED_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
DATE_FORMS = "2026-11-27, today, yesterday, tomorrow, -7d, -2w, +3d"
MAX_REFERENCE_LENGTH = 100


@dataclass(frozen=True)
class OrderFilters:
    """The filters as typed, kept as text so that a saved ``-7d`` stays relative."""

    status: str = ""
    created_from: str = ""
    created_to: str = ""
    foc_from: str = ""
    foc_to: str = ""
    reference: str = ""
    phone: str = ""
    order_id: str = ""

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> OrderFilters:
        """Build from a saved view's table; unknown keys are ignored, values made text."""
        names = {field.name for field in fields(cls)}
        return cls(**{k: str(v).strip() for k, v in values.items() if k in names})

    def to_mapping(self) -> dict[str, str]:
        """The non-empty filters, for saving."""
        return {name: value for name, value in asdict(self).items() if value}

    def with_values(self, **values: str) -> OrderFilters:
        return replace(self, **{k: v.strip() for k, v in values.items()})

    def is_empty(self) -> bool:
        return not self.to_mapping()


FIELD_LABELS: dict[str, str] = {
    "status": "Status",
    "created_from": "Created from",
    "created_to": "Created to",
    "foc_from": "FOC from",
    "foc_to": "FOC to",
    "reference": "Customer reference",
    "phone": "Phone number",
    "order_id": "Order id",
}


class FilterErrors(ValueError):
    """One or more filters cannot be understood; ``errors`` maps each field to its message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{FIELD_LABELS[k]}: {v}" for k, v in self.errors.items()))


def parse_status(text: str) -> str:
    """An order status from any case, a unique prefix or the British spelling."""
    wanted = text.strip().upper().replace(" ", "_").replace("-", "_")
    wanted = _STATUS_ALIASES.get(wanted, wanted)
    if wanted in KNOWN_STATUSES:
        return wanted
    matches = [status for status in KNOWN_STATUSES if status.startswith(wanted)]
    # "pend" means PENDING, not PENDING_CANCELATION: a match that begins every other wins.
    shortest = min(matches, key=len, default="")
    if wanted and matches and all(match.startswith(shortest) for match in matches):
        return shortest
    if len(matches) > 1:
        raise ValueError(f"{text.strip()!r} could be {' or '.join(matches)}")
    raise ValueError(f"unknown status {text.strip()!r}; use one of {', '.join(KNOWN_STATUSES)}")


def parse_date(text: str, today: date) -> date:
    """A calendar date, absolute (2026-11-27) or relative to ``today`` (-7d, -2w, yesterday)."""
    cleaned = text.strip().lower()
    if cleaned in _NAMED_DAYS:
        return today + timedelta(days=_NAMED_DAYS[cleaned])
    relative = _RELATIVE_DATE.match(cleaned)
    if relative:
        sign, amount, unit = relative.groups()
        days = int(amount) * (7 if unit == "w" else 1)
        return today + timedelta(days=days if sign == "+" else -days)
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a date; use {DATE_FORMS}") from None


def normalise_phone_number(text: str, region: str = "US") -> str:
    """A phone number typed in any common format, as E.164 (+13125550143)."""
    # Imported when a number filter is first typed: its metadata costs the app's start ~14 ms.
    import phonenumbers

    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_possible_number(number):
        raise ValueError(f"{text.strip()!r} is not a phone number; try +1 312 555 0143")
    formatted: str = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return formatted


def parse_order_id(text: str) -> int:
    cleaned = text.strip().lstrip("#")
    if not cleaned.isdigit() or int(cleaned) == 0:
        raise ValueError(f"{text.strip()!r} is not an order id; an order id is a number")
    return int(cleaned)


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _day_end(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=UTC)


def _parse_range(
    filters: OrderFilters, prefix: str, today: date, errors: dict[str, str]
) -> tuple[date | None, date | None]:
    bounds: list[date | None] = []
    for edge in ("from", "to"):
        name = f"{prefix}_{edge}"
        text = getattr(filters, name)
        day = None
        if text:
            try:
                day = parse_date(text, today)
            except ValueError as error:
                errors[name] = str(error)
        bounds.append(day)
    start, end = bounds
    if start and end and end < start:
        errors[f"{prefix}_to"] = f"{end.isoformat()} is before the start {start.isoformat()}"
    return start, end


def to_query(filters: OrderFilters, today: date) -> dict[str, Any]:
    """Keyword arguments for ``client.orders.list_page`` / ``list``; raises FilterErrors."""
    errors: dict[str, str] = {}
    query: dict[str, Any] = {}
    if filters.status:
        try:
            query["status"] = parse_status(filters.status)
        except ValueError as error:
            errors["status"] = str(error)
    created = _parse_range(filters, "created", today, errors)
    foc = _parse_range(filters, "foc", today, errors)
    for key, bounds in (("created", created), ("foc", foc)):
        start, end = bounds
        if start:
            query[f"{key}_start"] = _day_start(start)
        if end:
            query[f"{key}_end"] = _day_end(end)
    if filters.reference:
        if len(filters.reference) > MAX_REFERENCE_LENGTH:
            errors["reference"] = f"at most {MAX_REFERENCE_LENGTH} characters"
        query["customer_order_reference"] = filters.reference
    if filters.phone:
        try:
            query["phone_number"] = normalise_phone_number(filters.phone)
        except ValueError as error:
            errors["phone"] = str(error)
    if filters.order_id:
        try:
            query["order_id"] = parse_order_id(filters.order_id)
        except ValueError as error:
            errors["order_id"] = str(error)
    if errors:
        raise FilterErrors(errors)
    return query


_SHORT_LABELS = {"reference": "ref", "phone": "number", "order_id": "order"}


def describe(filters: OrderFilters) -> str:
    """A one-line summary such as ``status PENDING · created -7d..today · ref ACME``."""
    parts: list[str] = []
    if filters.status:
        parts.append(f"status {filters.status.upper()}")
    for key, label in (("created", "created"), ("foc", "FOC")):
        start, end = getattr(filters, f"{key}_from"), getattr(filters, f"{key}_to")
        if start or end:
            parts.append(f"{label} {start or '…'}..{end or '…'}")
    for name, label in _SHORT_LABELS.items():
        value = getattr(filters, name)
        if value:
            parts.append(f"{label} {value}")
    return " · ".join(parts)
