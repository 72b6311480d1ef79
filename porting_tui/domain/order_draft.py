"""The state of an order being built, as saved in a draft, and the order it turns into."""

from __future__ import annotations

import re
import secrets
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field

from porting_tui.client.models import NewOrder
from porting_tui.domain.draft_fields import VOICE_ID_NAMES, Step
from porting_tui.domain.phone_numbers import has_canadian_number
from porting_tui.domain.regions import normalize_postal_code, normalize_state

DRAFT_FORMAT = 1
_VOICE_PREFIX = "voiceConfiguration."


class PortabilityRecord(BaseModel):
    """What the portability check said about one number."""

    portable: bool | None = None
    carrier: str = ""
    reason: str = ""


class OrderDraft(BaseModel):
    """Everything typed so far; every value is text exactly as the user left it."""

    format: int = DRAFT_FORMAT
    step: Step = Step.NUMBERS
    numbers_text: str = ""
    """The paste box, kept as typed so a resumed draft shows the same text."""
    numbers: list[str] = Field(default_factory=list)
    """The accepted E.164 numbers, in order."""
    portability: dict[str, PortabilityRecord] = Field(default_factory=dict)
    common: dict[str, str] = Field(default_factory=dict)
    """Per-number field values that apply to every number, by path (``endUser.city``)."""
    overrides: dict[str, dict[str, str]] = Field(default_factory=dict)
    """Values for one number (typed, or from the CSV) that win over ``common``."""
    order: dict[str, str] = Field(default_factory=dict)
    """Order-level values by path (``desiredPortSchedule.desiredPortDate``)."""
    csv_source: str = ""
    """The CSV file the numbers came from, if any."""
    submit_pending: bool = False
    """A submit was sent and its outcome is unknown (lost answer, crash): the order must be
    looked up by its reference before it is sent again."""

    def values_for(self, number: str) -> dict[str, str]:
        """The effective per-number values of ``number``: common ones, then its own."""
        own = self.overrides.get(number, {})
        values = dict(self.common)
        if any(path.startswith(_VOICE_PREFIX) for path in own):
            # A voice route is a type and an id together; never mix one number's with the other.
            values = {k: v for k, v in values.items() if not k.startswith(_VOICE_PREFIX)}
        values.update(own)
        return values

    def set_value(self, number: str | None, path: str, value: str) -> None:
        """Set a value for every number (``number`` None) or as an override of one number."""
        if number is None:
            self.common[path] = value
            return
        own = self.overrides.setdefault(number, {})
        if value == self.common.get(path, "") and not path.startswith(_VOICE_PREFIX):
            own.pop(path, None)
        else:
            own[path] = value
        if not own:
            del self.overrides[number]

    def clear_overrides(self, number: str, paths: tuple[str, ...]) -> None:
        own = self.overrides.get(number, {})
        for path in paths:
            own.pop(path, None)
        if not own and number in self.overrides:
            del self.overrides[number]

    def set_numbers(self, numbers: list[str]) -> None:
        """Replace the number list.

        Portability results and per-number values of numbers no longer in the list are kept
        (they are used only for listed numbers), so deleting a line by mistake and typing it
        again loses nothing.
        """
        self.numbers = list(numbers)

    def remove_numbers(self, numbers: set[str]) -> None:
        """Take numbers out of the order for good, with everything recorded about them."""
        self.numbers = [n for n in self.numbers if n not in numbers]
        self.numbers_text = "\n".join(self.numbers)
        self.portability = {n: r for n, r in self.portability.items() if n not in numbers}
        self.overrides = {n: v for n, v in self.overrides.items() if n not in numbers}

    @property
    def needs_reseller(self) -> bool:
        return has_canadian_number(self.numbers)

    @property
    def on_demand(self) -> bool:
        return self.order.get("onDemandActivation", "") == "true"

    def title(self) -> str:
        """A short name for lists of drafts."""
        reference = self.order.get("customerOrderReference", "").strip()
        count = len(self.numbers)
        what = f"{count} number{'s' if count != 1 else ''}"
        first = f" from {self.numbers[0]}" if self.numbers else ""
        return f"{reference}: {what}" if reference else f"{what}{first}"


def generate_reference(now: datetime) -> str:
    """A customer order reference that is unique enough to find the order again."""
    return f"PT-{now:%Y%m%d-%H%M}-{secrets.token_hex(2).upper()}"


def _nest(target: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node = target
    for name in parents:
        node = node.setdefault(name, {})
    node[last] = value


def _clean(path: str, value: str) -> str:
    text = value.strip()
    if path.endswith((".state",)):
        return normalize_state(text)
    if path in ("endUser.zipCode", "features.e911.postalCode"):
        return normalize_postal_code(text)
    if path == "voiceConfiguration.type":
        return text.upper()
    return text


def number_body(number: str, values: dict[str, str]) -> dict[str, Any]:
    """The API body of one number from its effective values (blank values are left out)."""
    body: dict[str, Any] = {"phoneNumber": number, "endUser": {}, "portOutInfo": {}}
    voice_type = _clean("voiceConfiguration.type", values.get("voiceConfiguration.type", ""))
    for path, raw in values.items():
        value = _clean(path, raw)
        if not value or path.startswith(_VOICE_PREFIX):
            continue
        _nest(body, path, value)
    voice_id = values.get("voiceConfiguration.id", "").strip()
    if voice_type in VOICE_ID_NAMES:
        voice: dict[str, str] = {"type": voice_type}
        if voice_id:
            voice[VOICE_ID_NAMES[voice_type]] = voice_id
        body["voiceConfiguration"] = voice
    return body


_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


def port_time_text(text: str) -> str:
    """``9:00`` -> ``09:00:00``; anything else is returned stripped, for the checks to refuse."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return text.strip()
    hours, minutes, seconds = match.groups()
    return f"{int(hours):02d}:{minutes}:{seconds or '00'}"


def loa_timestamp(text: str) -> str | None:
    """The LOA date as the API's date-time (a bare date means midnight UTC)."""
    value = text.strip()
    if not value:
        return None
    if len(value) == 10:
        return f"{value}T00:00:00Z"
    return value


def order_body(draft: OrderDraft) -> dict[str, Any]:
    """The create request body, exactly as it will be sent (before secrets are masked)."""
    order = {path: value.strip() for path, value in draft.order.items()}
    schedule: dict[str, Any] = {"desiredPortDate": order.get("desiredPortSchedule.desiredPortDate")}
    port_time = order.get("desiredPortSchedule.desiredPortTime", "")
    if port_time:
        schedule["desiredPortTime"] = port_time_text(port_time)
    zone = order.get("desiredPortSchedule.desiredPortTimeZone", "")
    if zone:
        schedule["desiredPortTimeZone"] = zone
    body: dict[str, Any] = {
        "customerOrderReference": order.get("customerOrderReference", ""),
        "onDemandActivation": draft.on_demand,
        "desiredPortSchedule": schedule,
    }
    if order.get("loaUploadedBy"):
        body["loaUploadedBy"] = order["loaUploadedBy"]
    loa_date = loa_timestamp(order.get("loaAttachmentDate", ""))
    if loa_date:
        body["loaAttachmentDate"] = loa_date
    if draft.needs_reseller and order.get("resellerName"):
        body["resellerName"] = order["resellerName"]
    body["phoneNumbers"] = [number_body(n, draft.values_for(n)) for n in draft.numbers]
    return body


def build_new_order(draft: OrderDraft) -> NewOrder:
    """The draft as the client's model; the same body ``order_body`` shows."""
    return NewOrder.model_validate(order_body(draft))


def parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None
