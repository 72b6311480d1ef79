"""How the losing carrier answers a submission: the documented rejection rules and FOC dates.

The rules look only at the submitted data, so a demo can show each case on purpose
(README, "Emulator"). The first matching rule wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from porting_tui.emulator.carriers import Carrier
from porting_tui.emulator.dates import (
    add_business_days,
    business_day_on_or_after,
    is_business_day,
    local_date,
    parse_date,
    port_instant,
)
from porting_tui.emulator.records import NumberRecord, OrderRecord

# How long the losing carrier takes to answer, and how many business days it needs after
# answering before it can release the number (its minimum lead time for the FOC).
ANSWER_DELAY = {True: timedelta(hours=1), False: timedelta(hours=4)}
LEAD_BUSINESS_DAYS = {True: 1, False: 3}
UNRESOLVED_REJECTION_LIMIT = timedelta(days=7)
CANCELATION_DELAY = timedelta(minutes=30)

BUSINESS_SUFFIXES = ("inc", "inc.", "llc", "ltd", "ltd.", "corp", "corp.", "co", "co.", "company")


@dataclass(frozen=True)
class Rejection:
    reason: str
    """The ``rejectReason`` shown on the number."""
    request: str
    """What Sinch's porting team asks for in its note (``{carrier}`` is filled in)."""


DUE_DATE = Rejection(
    "Due date not achievable: the desired port date is not a business day",
    "Please choose a desired port date on a business day (Monday to Friday, not a US federal "
    "holiday) and update the order.",
)
PIN_INVALID = Rejection(
    "Invalid port-out PIN",
    "Please confirm the current port-out PIN with the end user (they can request it from "
    "{carrier}) and update the order with it.",
)
PIN_MISSING = Rejection(
    "Port-out PIN required by the losing carrier",
    "{carrier} requires the account's port-out PIN for wireless numbers. Please add "
    "existingPortOutPin to these numbers and update the order.",
)
ACCOUNT_MISMATCH = Rejection(
    "Account number mismatch",
    "Please provide the account number exactly as it appears on a recent {carrier} bill, "
    "update the order and upload a copy of that bill.",
)
ADDRESS_MISMATCH = Rejection(
    "Address mismatch: ZIP code does not match the losing carrier's records",
    "Please provide the service address and ZIP code exactly as on the {carrier} account "
    "(a recent bill shows it) and update the order.",
)
NAME_MISMATCH = Rejection(
    "End-user name mismatch: business name on a residential account",
    "Please give the account holder's name exactly as on the {carrier} account, or correct "
    "the type of service (B for business), and update the order.",
)
PENDING_ORDER = Rejection(
    "Pending order at the losing carrier",
    "{carrier} reports another pending order on these numbers. Please ask the end user to "
    "cancel it with {carrier}, then resubmit this order (update it).",
)
ALL_REJECTIONS = (
    DUE_DATE,
    PIN_INVALID,
    PIN_MISSING,
    ACCOUNT_MISMATCH,
    ADDRESS_MISMATCH,
    NAME_MISMATCH,
    PENDING_ORDER,
)


def carrier_answer(order: OrderRecord, record: NumberRecord) -> Rejection | None:
    """The rejection the losing carrier gives this submission, or None to confirm it."""
    desired = parse_date(str(order.schedule.get("desiredPortDate", "")))
    if desired is not None and not is_business_day(desired):
        return DUE_DATE
    port_out = record.data.get("portOutInfo") or {}
    end_user = record.data.get("endUser") or {}
    pin = str(port_out.get("existingPortOutPin") or "").strip()
    if pin == "0000":
        return PIN_INVALID
    if record.carrier.wireless and not pin:
        return PIN_MISSING
    account = str(port_out.get("accountNum") or "").strip()
    if account and set(account) == {"0"}:
        return ACCOUNT_MISMATCH
    if str(end_user.get("zipCode") or "").strip() == "00000":
        return ADDRESS_MISMATCH
    name_words = str(end_user.get("name") or "").lower().split()
    if end_user.get("typeOfService") == "R" and name_words and name_words[-1] in BUSINESS_SUFFIXES:
        return NAME_MISMATCH
    if record.attempt == 1 and record.phone_number.endswith("9999"):
        return PENDING_ORDER
    return None


def answer_delay(carrier: Carrier) -> timedelta:
    return ANSWER_DELAY[carrier.wireless]


def firm_order_commitment(order: OrderRecord, carrier: Carrier, answered: datetime) -> datetime:
    """The FOC instant: the desired date, or the carrier's earliest business day if later."""
    zone = str(order.schedule["desiredPortTimeZone"])
    earliest = add_business_days(local_date(answered, zone), LEAD_BUSINESS_DAYS[carrier.wireless])
    desired = parse_date(str(order.schedule["desiredPortDate"])) or earliest
    day = business_day_on_or_after(max(desired, earliest))
    return port_instant(day, str(order.schedule["desiredPortTime"]), zone)


def sinch_note_for(carrier: Carrier, rejected: list[tuple[NumberRecord, Rejection]]) -> str:
    """The note Sinch's porting team adds when a carrier rejects numbers."""
    by_reason: dict[Rejection, list[str]] = {}
    for record, rejection in rejected:
        by_reason.setdefault(rejection, []).append(record.phone_number)
    parts = [f"{carrier.name} rejected the port request."]
    for rejection, numbers in by_reason.items():
        listed = ", ".join(numbers[:10]) + (
            f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
        )
        parts.append(
            f"{rejection.reason} for {listed}. {rejection.request.format(carrier=carrier.name)}"
        )
    return " ".join(parts)
