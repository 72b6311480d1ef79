"""Results of portability checks, notes, documents and activation."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any

from pydantic import Field, model_validator

from porting_tui.client.models.base import PortingModel, WholeNumber
from porting_tui.client.models.dates import OptionalTimestamp
from porting_tui.client.models.degrade import EMPTY_WHEN_NULL, DegradableModel, degrade_to
from porting_tui.client.models.voice import SmsConfiguration, VoiceConfiguration


class PortabilityResult(PortingModel):
    """Whether one number can be ported to Sinch, and from which carrier."""

    phone_number: str
    portable: bool | None = None
    carrier: str | None = None
    """The current (losing) carrier."""
    reason: str | None = None
    """Why the number is not portable, when it is not."""


class NoteCreated(PortingModel):
    """The answer to adding a note."""

    id: WholeNumber | None = None
    note: str | None = None


class DocumentContent(PortingModel):
    """A downloaded document: metadata and the decoded file bytes."""

    id: WholeNumber | None = None
    document_id: WholeNumber | None = None
    document_name: str | None = None
    description: str | None = None
    content_type: str | None = None
    """The MIME type, e.g. ``application/pdf``."""
    content: bytes = Field(default=b"", repr=False, exclude=True)
    """The file bytes, decoded from the base64 ``fileContent`` of the response."""

    @model_validator(mode="before")
    @classmethod
    def _decode_file_content(cls, data: Any) -> Any:
        if isinstance(data, dict) and "fileContent" in data:
            data = dict(data)
            encoded = data.pop("fileContent") or ""
            try:
                data["content"] = base64.b64decode(encoded, validate=True)
            except (binascii.Error, ValueError, TypeError) as exc:
                raise ValueError("fileContent is not valid base64") from exc
        return data


class ActivationNumber(PortingModel):
    """A number of an activation group, with the routing it will get."""

    phone_number: str
    voice_configuration: VoiceConfiguration | None = None
    sms_configuration: SmsConfiguration | None = None


class ActivationGroup(DegradableModel):
    """Numbers of one losing carrier that can be activated now; the spec requires no name."""

    phone_number_group: str | None = None
    foc_date: OptionalTimestamp = None
    phone_numbers: Annotated[list[ActivationNumber], EMPTY_WHEN_NULL] = Field(default_factory=list)


ActivationGroups = Annotated[list[ActivationGroup], EMPTY_WHEN_NULL, degrade_to(ActivationGroup)]
"""The groups of an order; one that cannot be read stays in the list as unreadable."""


class GroupActivation(PortingModel):
    """The outcome of activating one group."""

    phone_number_group: str | None = None
    status: str | None = None


class PortabilityAnswer(PortingModel):
    """The answer to a portability check: one result per number asked about."""

    phone_numbers: list[PortabilityResult] = Field(default_factory=list)


class ActivationAnswer(PortingModel):
    """The answer to an activation: what happened to each group."""

    phone_number_groups: list[GroupActivation] = Field(default_factory=list)
