"""The shared pydantic base, open enums and whole-number ids of the client models."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class PortingModel(BaseModel):
    """Base of every model: camelCase on the wire, snake_case in Python, unknown fields kept."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="allow",
        validate_assignment=False,
        # Validators and serializers are built when a model is first used, not at import: a
        # start-up reads a page of orders and need not pay for the ~36 models it never reads.
        defer_build=True,
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


WholeNumber = int
"""An id or count typed ``number`` on the wire: pydantic's lax mode reads a whole float such as
890192331.0 as 890192331 and refuses a fraction, with no Python call per value (order lists
are long)."""
