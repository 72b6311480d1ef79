"""The API's open enumerations: known values, while fields stay ``str`` for values added later."""

from __future__ import annotations

from enum import StrEnum


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


class WebhookEventType(StrEnum):
    """Known event types; ``WebhookEvent.type`` stays ``str`` for types added later."""

    ORDER_UPDATED = "ORDER_UPDATED"
    NUMBERS_ACTIVATED = "NUMBERS_ACTIVATED"
    NUMBERS_CONFIRMED = "NUMBERS_CONFIRMED"
    NUMBERS_REJECTED = "NUMBERS_REJECTED"
    NEW_ORDER_NOTE = "NEW_ORDER_NOTE"
