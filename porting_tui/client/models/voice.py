"""Voice and SMS routing of a number: the voice configuration is a union on ``type``."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Tag

from porting_tui.client.models.base import PortingModel


class RtcVoice(PortingModel):
    """Route calls to a Voice API application."""

    type: Literal["RTC"] = "RTC"
    app_id: str | None = None
    """The Voice API application id."""


class EstVoice(PortingModel):
    """Route calls to an Elastic SIP Trunk."""

    type: Literal["EST"] = "EST"
    trunk_id: str | None = None
    """The Elastic SIP Trunking trunk id."""


class FaxVoice(PortingModel):
    """Route calls to a fax service."""

    type: Literal["FAX"] = "FAX"
    service_id: str | None = None
    """The fax service id."""


class UnknownVoice(PortingModel):
    """A voice configuration of a type this client does not know; its fields are kept as sent."""

    type: str | None = None


_KNOWN_VOICE_TYPES = frozenset({"RTC", "EST", "FAX"})


def _voice_tag(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return kind if kind in _KNOWN_VOICE_TYPES else "unknown"


VoiceConfiguration = Annotated[
    Annotated[RtcVoice, Tag("RTC")]
    | Annotated[EstVoice, Tag("EST")]
    | Annotated[FaxVoice, Tag("FAX")]
    | Annotated[UnknownVoice, Tag("unknown")],
    Discriminator(_voice_tag),
]
"""RTC, EST or FAX by ``type``; any other type parses as ``UnknownVoice`` instead of failing."""


class SmsConfiguration(PortingModel):
    """Messaging routing of a number."""

    sms_app_id: str | None = None
    """The SMS service (app) id."""
