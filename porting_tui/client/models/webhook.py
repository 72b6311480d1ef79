"""Webhook events Sinch posts to the configured webhook URL."""

from __future__ import annotations

from typing import Any

from pydantic import field_validator

from porting_tui.client.models.base import PortingModel
from porting_tui.client.models.dates import OptionalTimestamp
from porting_tui.client.models.enums import WebhookEventType
from porting_tui.client.models.order import OrderSnapshot

__all__ = ["NumberPortingStatus", "WebhookEvent", "WebhookEventType"]


class NumberPortingStatus(PortingModel):
    """The new status of one number, as carried by the ``NUMBERS_*`` events."""

    phone_number: str
    status: str | None = None
    activated_date: OptionalTimestamp = None
    confirmed_date: OptionalTimestamp = None
    reject_reason: str | None = None


class WebhookEvent(PortingModel):
    """One webhook delivery; which optional field is set depends on ``type``."""

    type: str
    order_id: str
    order: OrderSnapshot | None = None
    """Set on ``ORDER_UPDATED``."""
    phone_numbers: list[NumberPortingStatus] | None = None
    """Set on ``NUMBERS_ACTIVATED``, ``NUMBERS_CONFIRMED`` and ``NUMBERS_REJECTED``."""
    note: str | None = None
    """Set on ``NEW_ORDER_NOTE``."""

    @field_validator("order_id", mode="before")
    @classmethod
    def _order_id_as_text(cls, value: Any) -> Any:
        # The spec says string, REST ids are numbers; a number is taken as its digits.
        if isinstance(value, bool):
            return value
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return value
