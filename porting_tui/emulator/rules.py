"""How the losing carrier answers a submission: the documented rejection rules and FOC dates.

The rules look at the submitted data (and, for the one-open-order rule, at the other open
orders), so a demo can show each case on purpose (README, "Emulator"). They follow the
app's pre-flight warnings: an order that passes pre-flight clean is confirmed, and each
warning ignored comes back as a rejection with the note the carrier would send. The first
matching rule wins, date problems first.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from porting_tui.emulator.carriers import Carrier
from porting_tui.emulator.dates import (
    add_business_days,
    business_day_on_or_after,
    is_business_day,
    local_date,
    parse_date,
    parse_day_or_timestamp,
    port_instant,
)
from porting_tui.emulator.places import country_of_region, npa_region, zip_in_region
from porting_tui.emulator.records import JsonObject, NumberRecord, OrderRecord

# How long the losing carrier takes to answer, and how many business days it needs between
# the submission and the port date (its lead time; also the least between answer and FOC).
ANSWER_DELAY = {True: timedelta(hours=1), False: timedelta(hours=4)}
LEAD_BUSINESS_DAYS = {True: 1, False: 3}
BATCH_LIMITS = {True: 50, False: 100}
"""The most numbers of one losing carrier it takes in one order: wireless, wireline."""
LOA_VALID_DAYS = 60
"""How old an ``authorizingDate`` may be on the day of the submission."""
UNRESOLVED_REJECTION_LIMIT = timedelta(days=7)
CANCELATION_DELAY = timedelta(minutes=30)

BUSINESS_SUFFIXES = ("inc", "inc.", "llc", "ltd", "ltd.", "corp", "corp.", "co", "co.", "company")


class _KeepUnknown(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class Rejection:
    reason: str
    """The ``rejectReason`` shown on the number."""
    request: str
    """What Sinch's porting team asks for in its note (``{carrier}`` is filled in)."""

    def filled(self, **values: object) -> Rejection:
        """This rejection with the ``{name}`` placeholders of ``values`` filled in."""
        known = _KeepUnknown(values)
        return Rejection(self.reason.format_map(known), self.request.format_map(known))


DUE_DATE = Rejection(
    "Due date not achievable: the desired port date is not a business day",
    "Please choose a desired port date on a business day (Monday to Friday, not a US federal "
    "holiday) and update the order.",
)
LEAD_TIME = Rejection(
    "Due date not achievable: {carrier} needs {notice} notice",
    "{carrier} needs {notice} notice for {kind} numbers: the desired port date must be at "
    "least {lead} after the day the order is submitted. Please choose a later desired port "
    "date on a business day and update the order.",
)
TOO_MANY_NUMBERS = Rejection(
    "Too many numbers for one order at {carrier}: split the order",
    "{carrier} takes at most {limit} {kind} numbers in one port request. Please remove "
    "numbers from this order until {limit} or fewer remain, update it, and port the others "
    "in another order.",
)
OPEN_ORDER = Rejection(
    "Number is in another open order ({order}) at Sinch",
    "A number can be in only one open port-in order, and these are also in order {order}. "
    "Please cancel one of the two orders (or remove the numbers from one of them), then "
    "update the order that keeps them.",
)
LOA_EXPIRED = Rejection(
    f"LOA expired: authorization older than {LOA_VALID_DAYS} days",
    f"{{carrier}} accepts an authorization signed at most {LOA_VALID_DAYS} days before the "
    "submission. Please have the end user sign a new letter of authorization, upload it, "
    "and update the order with its authorizingDate.",
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
ACCOUNT_MISSING = Rejection(
    "Account number required by the losing carrier",
    "{carrier} requires the account number for wireless numbers. Please add accountNum, "
    "exactly as on a recent {carrier} bill, to these numbers and update the order.",
)
ACCOUNT_MISMATCH = Rejection(
    "Account number mismatch",
    "Please provide the account number exactly as it appears on a recent {carrier} bill, "
    "update the order and upload a copy of that bill.",
)
WRONG_COUNTRY = Rejection(
    "Service address is not in the number's country",
    "A US number needs a US service address and a Canadian number a Canadian one. Please "
    "give the service address exactly as on the {carrier} account (a recent bill shows it) "
    "and update the order.",
)
ADDRESS_MISMATCH = Rejection(
    "Address mismatch: ZIP code does not match the losing carrier's records",
    "Please provide the service address and ZIP code exactly as on the {carrier} account "
    "(a recent bill shows it) and update the order.",
)
OUTSIDE_RATE_CENTER = Rejection(
    "Service address is outside the number's rate center area",
    "{carrier} ports a wireline number only with a service address in the state or province "
    "of its area code. Please give the service address exactly as on the {carrier} account "
    "(a recent bill shows it) and update the order.",
)
ACCOUNT_DETAILS_DIFFER = Rejection(
    "End-user details differ between numbers of one account",
    "{carrier} keeps one name and one service address per account. Please give every number "
    "of the account the same end-user name and address, exactly as on the {carrier} bill, "
    "and update the order.",
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
    LEAD_TIME,
    TOO_MANY_NUMBERS,
    OPEN_ORDER,
    LOA_EXPIRED,
    PIN_INVALID,
    PIN_MISSING,
    ACCOUNT_MISSING,
    ACCOUNT_MISMATCH,
    WRONG_COUNTRY,
    ADDRESS_MISMATCH,
    OUTSIDE_RATE_CENTER,
    ACCOUNT_DETAILS_DIFFER,
    NAME_MISMATCH,
    PENDING_ORDER,
)
"""Every rule's rejection, in the order the rules are tried. The reasons of LEAD_TIME,
TOO_MANY_NUMBERS and OPEN_ORDER have placeholders, filled in per answer."""

_RELEASED = frozenset({"EXCLUDED", "CANCELED"})
ACCOUNT_FIELDS = ("name", "streetNum", "streetName", "city", "state", "zipCode")
"""The ``endUser`` fields the numbers of one account must agree on."""

OpenOrders = Callable[[str], Collection[int]]
"""The ids of the open orders holding a phone number (the number's own order included)."""


@dataclass(frozen=True)
class OrderView:
    """What a losing carrier sees of the whole order when it answers one of its numbers."""

    carrier_counts: dict[Carrier, int]
    """How many numbers of each losing carrier the order holds (excluded ones aside)."""
    mixed_accounts: frozenset[str]
    """Account numbers (as compared) whose numbers give different end-user details."""


def view_of(order: OrderRecord) -> OrderView:
    counts: dict[Carrier, int] = {}
    by_account: dict[str, list[NumberRecord]] = {}
    for record in order.numbers:
        if record.status in _RELEASED:
            continue
        counts[record.carrier] = counts.get(record.carrier, 0) + 1
        if account := _same(_port_out(record).get("accountNum")):
            by_account.setdefault(account, []).append(record)
    mixed = frozenset(
        account
        for account, records in by_account.items()
        if len(records) > 1 and _details_differ(records)
    )
    return OrderView(counts, mixed)


def _details_differ(records: list[NumberRecord]) -> bool:
    seen: dict[str, set[str]] = {}
    for record in records:
        end_user = _end_user(record)
        for key in ACCOUNT_FIELDS:
            # An empty value is a missing field (a 422 of its own), not a different one.
            if value := _same(end_user.get(key)):
                seen.setdefault(key, set()).add(value)
    return any(len(found) > 1 for found in seen.values())


def carrier_answer(
    order: OrderRecord,
    record: NumberRecord,
    *,
    view: OrderView | None = None,
    open_orders: OpenOrders | None = None,
) -> Rejection | None:
    """The rejection the losing carrier gives this submission, or None to confirm it.

    ``view`` is the order as a whole (worked out here when not given, once per answer by
    the lifecycle); ``open_orders`` says which open orders hold a number.
    """
    carrier = record.carrier
    zone = str(order.schedule.get("desiredPortTimeZone") or "US/Eastern")
    submitted = local_date(record.submitted or order.created, zone)
    rejection = (
        _date_problem(order, record, submitted)
        or _order_problem(order, record, view or view_of(order), open_orders)
        or _port_out_problem(record, submitted)
        or _address_problem(record)
        or _account_problem(record, view or view_of(order))
        or _other_problem(record)
    )
    if rejection is None:
        return None
    return rejection.filled(carrier=carrier.name, kind=carrier.kind)


def _date_problem(order: OrderRecord, record: NumberRecord, submitted: date) -> Rejection | None:
    desired = parse_date(str(order.schedule.get("desiredPortDate", "")))
    if desired is None:
        return None
    if not is_business_day(desired):
        return DUE_DATE
    lead = LEAD_BUSINESS_DAYS[record.carrier.wireless]
    if desired < add_business_days(submitted, lead):
        if lead == 1:
            return LEAD_TIME.filled(lead="1 business day", notice="1 business day's")
        return LEAD_TIME.filled(lead=f"{lead} business days", notice=f"{lead} business days'")
    return None


def _order_problem(
    order: OrderRecord, record: NumberRecord, view: OrderView, open_orders: OpenOrders | None
) -> Rejection | None:
    limit = BATCH_LIMITS[record.carrier.wireless]
    if view.carrier_counts.get(record.carrier, 0) > limit:
        return TOO_MANY_NUMBERS.filled(limit=limit)
    others = sorted(set(open_orders(record.phone_number) if open_orders else ()) - {order.id})
    if others:
        return OPEN_ORDER.filled(order=others[0])
    return None


def _port_out_problem(record: NumberRecord, submitted: date) -> Rejection | None:
    port_out = _port_out(record)
    authorized = parse_day_or_timestamp(str(port_out.get("authorizingDate") or ""))
    if authorized is not None and authorized < submitted - timedelta(days=LOA_VALID_DAYS):
        return LOA_EXPIRED
    pin = str(port_out.get("existingPortOutPin") or "").strip()
    if pin == "0000":
        return PIN_INVALID
    if record.carrier.wireless and not pin:
        return PIN_MISSING
    account = str(port_out.get("accountNum") or "").strip()
    if record.carrier.wireless and not account:
        return ACCOUNT_MISSING
    if account and set(account) == {"0"}:
        return ACCOUNT_MISMATCH
    return None


def _address_problem(record: NumberRecord) -> Rejection | None:
    end_user = _end_user(record)
    state = str(end_user.get("state") or "").strip().upper()
    zip_code = str(end_user.get("zipCode") or "").strip()
    address_country = country_of_region(state)
    if address_country is not None and address_country != record.country_code:
        return WRONG_COUNTRY
    if zip_code == "00000" or zip_in_region(zip_code, state) is False:
        return ADDRESS_MISMATCH
    if not record.carrier.wireless and state:
        region = npa_region(record.phone_number[2:5])
        if region is not None and region != state:
            return OUTSIDE_RATE_CENTER
    return None


def _account_problem(record: NumberRecord, view: OrderView) -> Rejection | None:
    account = _same(_port_out(record).get("accountNum"))
    if account and account in view.mixed_accounts:
        return ACCOUNT_DETAILS_DIFFER
    return None


def _other_problem(record: NumberRecord) -> Rejection | None:
    end_user = _end_user(record)
    name_words = str(end_user.get("name") or "").lower().split()
    if end_user.get("typeOfService") == "R" and name_words and name_words[-1] in BUSINESS_SUFFIXES:
        return NAME_MISMATCH
    if record.attempt == 1 and record.phone_number.endswith("9999"):
        return PENDING_ORDER
    return None


def _same(value: object) -> str:
    """A value as the numbers of one account are compared: case and spaces do not count."""
    return "".join(str(value or "").split()).casefold()


def _port_out(record: NumberRecord) -> JsonObject:
    port_out = record.data.get("portOutInfo")
    return port_out if isinstance(port_out, dict) else {}


def _end_user(record: NumberRecord) -> JsonObject:
    end_user = record.data.get("endUser")
    return end_user if isinstance(end_user, dict) else {}


def answer_delay(carrier: Carrier) -> timedelta:
    return ANSWER_DELAY[carrier.wireless]


def firm_order_commitment(
    order: OrderRecord, carrier: Carrier, answered: datetime, slip: int = 0
) -> datetime:
    """The FOC instant: the desired date, or the carrier's earliest business day if later,
    then ``slip`` business days on (the carrier's own lead, ``carrier_profiles.py``).

    The lead-time rule already rejects a date too soon for the day of the submission; the
    FOC still moves on when the answer itself falls on a later day (a wireline answer given
    four hours after an evening submission).
    """
    zone = str(order.schedule["desiredPortTimeZone"])
    earliest = add_business_days(local_date(answered, zone), LEAD_BUSINESS_DAYS[carrier.wireless])
    desired = parse_date(str(order.schedule["desiredPortDate"])) or earliest
    day = add_business_days(business_day_on_or_after(max(desired, earliest)), slip)
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
        request = rejection.filled(carrier=carrier.name, kind=carrier.kind).request
        parts.append(f"{rejection.reason} for {listed}. {request}")
    return " ".join(parts)
