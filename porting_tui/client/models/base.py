"""The shared pydantic base and whole-number ids of the client models (the enums are re-exported
from ``enums``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

from porting_tui.client.models.enums import TIME_ZONES, NumberStatus, OrderStatus, TimeZone

__all__ = [
    "TIME_ZONES",
    "NumberStatus",
    "OrderStatus",
    "PortingModel",
    "TimeZone",
    "WholeNumber",
]


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


WholeNumber = int
"""An id or count typed ``number`` on the wire: pydantic's lax mode reads a whole float such as
890192331.0 as 890192331 and refuses a fraction, with no Python call per value (order lists
are long)."""
