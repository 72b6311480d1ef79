"""The emulator's stored state: orders, their numbers, notes, documents and configuration.

Submitted data (end user, port-out info, voice/SMS configuration...) is kept as the JSON
objects the client sent and is replaced, never mutated, so responses and logged webhook
bodies may share it without copying.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from porting_tui.emulator.carriers import Carrier

JsonObject = dict[str, Any]

# Per-number fields a client may write; everything else on a number is set by the emulator.
NUMBER_WRITABLE_FIELDS = (
    "voiceConfiguration",
    "smsConfiguration",
    "endUser",
    "portOutInfo",
    "features",
    "newPortOutPin",
)

ORDER_OPEN_STATUSES = frozenset({"PENDING", "CONFIRMED", "PENDING_CANCELATION"})


@dataclass(eq=False)
class NumberRecord:
    phone_number: str
    country_code: str
    carrier: Carrier
    group: str
    data: JsonObject
    """The writable fields as last submitted (see NUMBER_WRITABLE_FIELDS)."""
    status: str = "PENDING"
    attempt: int = 1
    """How many times the number was submitted to the losing carrier (create, then fixes)."""
    answer_due: datetime | None = None
    """When the losing carrier answers the current submission, while PENDING."""
    submitted: datetime | None = None
    """When the current submission was made (the create, or the update resubmitting it)."""
    reject_reason: str | None = None
    exclusion_reason: str = ""
    exclusion_date: datetime | None = None
    confirmed_date: datetime | None = None
    foc_date: datetime | None = None
    activated_date: datetime | None = None
    activate_user: str | None = None
    ready_announced: bool = False
    """For on-demand orders: NUMBERS_CONFIRMED already said the number can be activated."""


@dataclass(eq=False)
class NoteRecord:
    id: int
    note: str
    created_time: datetime
    created_by: str


@dataclass(eq=False)
class DocumentRecord:
    id: int
    name: str
    description: str
    content: str
    """Base64 exactly as uploaded, so downloads return the same bytes."""
    content_type: str


@dataclass(eq=False)
class OrderRecord:
    id: int
    created: datetime
    status: str
    customer_order_reference: str
    on_demand: bool
    schedule: JsonObject
    """desiredPortSchedule with time and zone filled in from the defaults."""
    reseller_name: str
    numbers: list[NumberRecord]
    loa_uploaded_by: str | None = None
    loa_attachment_date: datetime | None = None
    notes: list[NoteRecord] = field(default_factory=list)
    documents: list[DocumentRecord] = field(default_factory=list)
    cancel_due: datetime | None = None

    def number(self, phone_number: str) -> NumberRecord | None:
        for record in self.numbers:
            if record.phone_number == phone_number:
                return record
        return None

    def counts(self) -> dict[str, int]:
        """How many numbers are in each per-number status (the list counters)."""
        tally: dict[str, int] = {}
        for record in self.numbers:
            tally[record.status] = tally.get(record.status, 0) + 1
        return tally

    @property
    def is_open(self) -> bool:
        return self.status in ORDER_OPEN_STATUSES
