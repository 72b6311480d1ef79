"""The project's porting defaults: contact, webhook URL and default port time."""

from __future__ import annotations

from porting_tui.client.models.base import PortingModel


class Contact(PortingModel):
    """Who Sinch contacts about porting orders."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None


class Configuration(PortingModel):
    """Project-wide porting defaults."""

    contact: Contact | None = None
    webhook_url: str | None = None
    """Where Sinch posts porting webhooks."""
    default_port_time: str | None = None
    """``HH:MM:SS``, used when an order gives no port time."""
    default_port_time_zone: str | None = None
    """One of ``TIME_ZONES``, used when an order gives no time zone."""
