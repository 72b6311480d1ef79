"""The shared pydantic base, open enums and lenient timestamp types of the client models."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer
from pydantic.alias_generators import to_camel


class PortingModel(BaseModel):
    """Base of every model: camelCase on the wire, snake_case in Python, unknown fields kept."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="allow",
        validate_assignment=False,
    )

    def to_wire(self) -> dict[str, Any]:
        """The JSON-ready body with API field names, leaving out fields that are None."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


class OrderStatus(StrEnum):
    """Known order statuses; fields stay ``str`` so that a value the server adds later is kept."""

    PENDING = "PENDING"
    CONFIRMED = "CONFIRMED"
    COMPLETED = "COMPLETED"
    CANCELED = "CANCELED"
    PENDING_CANCELATION = "PENDING_CANCELATION"
    ORDER_BUILDING = "ORDER_BUILDING"


class NumberStatus(StrEnum):
    """Known per-number porting statuses (open, like ``OrderStatus``)."""

    PENDING = "PENDING"
    CONFIRMED = "CONFIRMED"
    REJECTED = "REJECTED"
    ACTIVATED = "ACTIVATED"
    CANCELED = "CANCELED"
    EXCLUDED = "EXCLUDED"


class TimeZone(StrEnum):
    """The port time zones the API documents."""

    US_EASTERN = "US/Eastern"
    US_CENTRAL = "US/Central"
    US_MOUNTAIN = "US/Mountain"
    US_PACIFIC = "US/Pacific"
    GMT = "GMT"


TIME_ZONES: tuple[str, ...] = tuple(zone.value for zone in TimeZone)


def _empty_as_none(value: Any) -> Any:
    # Servers often send "" for a timestamp that is not set yet; that means "none", not an error.
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _timestamp_to_wire(value: datetime | None) -> str | None:
    # The API writes UTC timestamps with a Z; a naive value is taken to be UTC already.
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


OptionalTimestamp = Annotated[
    datetime | None,
    BeforeValidator(_empty_as_none),
    PlainSerializer(_timestamp_to_wire, return_type=str | None, when_used="json"),
]
"""An ISO-8601 date-time or None (an empty string reads as None); written in UTC with a Z."""

OptionalDay = Annotated[date | None, BeforeValidator(_empty_as_none)]
"""A calendar date ``YYYY-MM-DD`` or None (an empty string reads as None)."""
