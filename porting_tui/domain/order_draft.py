"""The state of an order being built, as saved in a draft, and the order it turns into."""

from __future__ import annotations

import secrets
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field

from porting_tui.client.models import NewOrder
from porting_tui.domain.draft_fields import ORDER_FORM, Step
from porting_tui.domain.order_field_table import (
    VOICE_ID_NAMES,
    VOICE_ID_PATH,
    VOICE_TYPE_PATH,
    lenient,
    set_number_field,
    set_path,
)
from porting_tui.domain.phone_numbers import has_canadian_number

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


def number_body(number: str, values: dict[str, str]) -> dict[str, Any]:
    """The API body of one number from its effective values (blank values are left out)."""
    body: dict[str, Any] = {"phoneNumber": number, "endUser": {}, "portOutInfo": {}}
    for path, raw in values.items():
        value = lenient(path, raw)
        if value and not path.startswith(_VOICE_PREFIX):
            set_number_field(body, path, value)
    voice_type = lenient(VOICE_TYPE_PATH, values.get(VOICE_TYPE_PATH, ""))
    if voice_type in VOICE_ID_NAMES:
        voice_id = values.get(VOICE_ID_PATH, "").strip()
        body["voiceConfiguration"] = {"type": voice_type}
        if voice_id:
            set_number_field(body, f"{_VOICE_PREFIX}{VOICE_ID_NAMES[voice_type]}", voice_id)
    return body


def order_body(draft: OrderDraft) -> dict[str, Any]:
    """The create request body, exactly as it will be sent (before secrets are masked)."""
    # The reference, the activation flag and the port date are always in the body, in front.
    body: dict[str, Any] = {
        "customerOrderReference": draft.order.get("customerOrderReference", "").strip(),
        "onDemandActivation": draft.on_demand,
        "desiredPortSchedule": {"desiredPortDate": None},
    }
    for field in ORDER_FORM:
        text = draft.order.get(field.path, "").strip()
        if not text or field.path in ("onDemandActivation", "customerOrderReference"):
            continue
        if field.path == "resellerName" and not draft.needs_reseller:
            continue
        set_path(body, field.path, lenient(field.path, text))
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
