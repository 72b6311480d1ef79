"""Small field checks that collect every violation of a request before answering 422."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from porting_tui.emulator.dates import (
    ZONES,
    parse_date,
    parse_day_or_timestamp,
    parse_time,
    parse_timestamp,
)
from porting_tui.emulator.errors import ApiError, FieldViolation, invalid
from porting_tui.emulator.records import JsonObject


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


US_STATES = _codes(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP"
)
CA_PROVINCES = _codes("AB BC MB NB NL NS NT NU ON PE QC SK YT")


def parse_json(raw: bytes, *, allow_empty: bool = False) -> Any:
    """The decoded request body; 400 when it is not JSON (or empty, unless allowed)."""
    if not raw.strip():
        if allow_empty:
            return None
        raise ApiError(400, "The request body is empty; a JSON object is required.")
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(
            400,
            "The request could not be understood by the server due to malformed syntax "
            f"(invalid JSON: {exc}).",
        ) from None


def require_object(body: Any) -> JsonObject:
    if not isinstance(body, dict):
        raise ApiError(400, "The request body must be a JSON object.")
    return body


class Checks:
    """Collects field violations; ``raise_if_any`` turns them into one 422."""

    def __init__(self) -> None:
        self.violations: list[FieldViolation] = []

    def add(self, field: str, description: str) -> None:
        self.violations.append(FieldViolation(field, description))

    def raise_if_any(self) -> None:
        if self.violations:
            raise invalid(self.violations)

    def string(
        self,
        obj: JsonObject,
        key: str,
        path: str,
        *,
        required: bool = False,
        max_length: int | None = None,
    ) -> str | None:
        value = obj.get(key)
        if value is None:
            if required:
                self.add(path, f"{key} is required")
            return None
        if not isinstance(value, str):
            self.add(path, f"{key} must be a string")
            return None
        if required and not value.strip():
            self.add(path, f"{key} must not be empty")
            return None
        if max_length is not None and len(value) > max_length:
            self.add(path, f"{key} must be at most {max_length} characters")
            return None
        return value

    def obj(self, parent: JsonObject, key: str, path: str, *, required: bool = False) -> JsonObject:
        value = parent.get(key)
        if value is None:
            if required:
                self.add(path, f"{key} is required")
            return {}
        if not isinstance(value, dict):
            self.add(path, f"{key} must be an object")
            return {}
        return value

    def boolean(self, obj: JsonObject, key: str, path: str) -> bool | None:
        value = obj.get(key)
        if value is not None and not isinstance(value, bool):
            self.add(path, f"{key} must be true or false")
            return None
        return value

    def zone(self, obj: JsonObject, key: str, path: str) -> str | None:
        value = self.string(obj, key, path)
        if value is not None and value not in ZONES:
            self.add(path, f"{key} must be one of {', '.join(ZONES)}")
            return None
        return value

    def clock_time(self, obj: JsonObject, key: str, path: str) -> str | None:
        value = self.string(obj, key, path)
        if value is not None and parse_time(value) is None:
            self.add(path, f"{key} must be a time in HH:MM:SS format")
            return None
        return value

    def day(self, obj: JsonObject, key: str, path: str, *, required: bool = False) -> date | None:
        value = self.string(obj, key, path, required=required)
        if value is None:
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.add(path, f"{key} must be a date in YYYY-MM-DD format")
        return parsed

    def day_or_timestamp(self, obj: JsonObject, key: str, path: str) -> date | None:
        """A date the OpenAPI file writes ``YYYY-MM-DD`` and the reference ``...T12:00:00Z``."""
        value = self.string(obj, key, path)
        if value is None:
            return None
        parsed = parse_day_or_timestamp(value)
        if parsed is None:
            self.add(path, f"{key} must be a date (YYYY-MM-DD) or an ISO-8601 date-time")
        return parsed

    def timestamp(self, obj: JsonObject, key: str, path: str) -> datetime | None:
        value = self.string(obj, key, path)
        if value is None:
            return None
        parsed = parse_timestamp(value)
        if parsed is None or "T" not in value:
            self.add(path, f"{key} must be an ISO-8601 date-time such as 2024-09-24T12:00:00Z")
            return None
        return parsed

    def state(self, obj: JsonObject, key: str, path: str) -> None:
        value = self.string(obj, key, path, required=True)
        if value is not None and value not in US_STATES | CA_PROVINCES:
            self.add(path, f"{key} must be a two-letter US state or Canadian province code")
