"""Validation of an order body (create or full-replace update) into normalized input."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from porting_tui.emulator.carriers import NumberFacts, e164_problem, number_facts
from porting_tui.emulator.checks import Checks, require_object
from porting_tui.emulator.dates import DEFAULT_PORT_TIME, DEFAULT_PORT_ZONE, local_date
from porting_tui.emulator.records import NUMBER_WRITABLE_FIELDS, JsonObject

MAX_REFERENCE_LENGTH = 100
_END_USER_REQUIRED = ("name", "streetNum", "streetName", "city", "zipCode")
_END_USER_OPTIONAL = (
    "streetPreDir",
    "streetType",
    "streetPostDir",
    "locationType1",
    "locationValue1",
    "locationType2",
    "locationValue2",
    "locationType3",
    "locationValue3",
)
_PORT_OUT_STRINGS = ("existingPortOutPin", "accountNum", "accountPhoneNumber", "authorizingName")
_VOICE_ID_FIELD = {"RTC": "appId", "EST": "trunkId", "FAX": "serviceId"}


@dataclass(frozen=True)
class NumberInput:
    phone_number: str
    facts: NumberFacts
    data: JsonObject


@dataclass(frozen=True)
class OrderInput:
    customer_order_reference: str
    on_demand: bool
    schedule: JsonObject
    loa_uploaded_by: str | None
    loa_attachment_date: datetime | None
    reseller_name: str
    numbers: list[NumberInput]


def read_order(
    body: Any,
    *,
    now: datetime,
    max_numbers: int,
    defaults: JsonObject | None,
) -> OrderInput:
    """Validate an order body; raise 400 (not an object) or 422 listing every violation.

    A number already in another open order is accepted here: Sinch rejects it when the
    carrier's answer comes (``rules.OPEN_ORDER``). Read-only fields (id, status, notes,
    per-number status...) are ignored, as readOnly fields in a request are.
    """
    order = require_object(body)
    checks = Checks()
    reference = checks.string(
        order, "customerOrderReference", "customerOrderReference", max_length=MAX_REFERENCE_LENGTH
    )
    on_demand = checks.boolean(order, "onDemandActivation", "onDemandActivation")
    schedule = _read_schedule(checks, order, now, defaults or {})
    loa_by = checks.string(order, "loaUploadedBy", "loaUploadedBy")
    loa_date = checks.timestamp(order, "loaAttachmentDate", "loaAttachmentDate")
    reseller = checks.string(order, "resellerName", "resellerName")
    zone = schedule.get("desiredPortTimeZone", DEFAULT_PORT_ZONE)
    numbers = _read_numbers(checks, order, now, zone, max_numbers)
    checks.raise_if_any()
    return OrderInput(
        customer_order_reference=reference or "",
        on_demand=bool(on_demand),
        schedule=schedule,
        loa_uploaded_by=loa_by,
        loa_attachment_date=loa_date,
        reseller_name=reseller or "",
        numbers=numbers,
    )


def _read_schedule(
    checks: Checks, order: JsonObject, now: datetime, defaults: JsonObject
) -> JsonObject:
    schedule = checks.obj(order, "desiredPortSchedule", "desiredPortSchedule", required=True)
    if not isinstance(order.get("desiredPortSchedule"), dict):
        return {}
    path = "desiredPortSchedule."
    port_time = checks.clock_time(schedule, "desiredPortTime", path + "desiredPortTime")
    zone = checks.zone(schedule, "desiredPortTimeZone", path + "desiredPortTimeZone")
    zone = zone or defaults.get("defaultPortTimeZone") or DEFAULT_PORT_ZONE
    day = checks.day(schedule, "desiredPortDate", path + "desiredPortDate", required=True)
    if day is not None and day < local_date(now, zone):
        checks.add(
            path + "desiredPortDate",
            f"desiredPortDate {day.isoformat()} is in the past; choose today or a later date",
        )
    return {
        "desiredPortDate": day.isoformat() if day else "",
        "desiredPortTime": port_time or defaults.get("defaultPortTime") or DEFAULT_PORT_TIME,
        "desiredPortTimeZone": zone,
    }


def _read_numbers(
    checks: Checks,
    order: JsonObject,
    now: datetime,
    zone: str,
    max_numbers: int,
) -> list[NumberInput]:
    items = order.get("phoneNumbers")
    if not isinstance(items, list) or not items:
        checks.add("phoneNumbers", "phoneNumbers must be a non-empty array of numbers to port")
        return []
    if len(items) > max_numbers:
        checks.add(
            "phoneNumbers",
            f"An order holds at most {max_numbers} numbers ({len(items)} given); "
            "for larger orders contact Sinch support",
        )
        return []
    seen: set[str] = set()
    numbers: list[NumberInput] = []
    for index, item in enumerate(items):
        path = f"phoneNumbers[{index}]"
        if not isinstance(item, dict):
            checks.add(path, "each phone number entry must be an object")
            continue
        number = _read_number_id(checks, item, path, seen)
        _read_end_user(checks, item, path + ".endUser")
        _read_port_out(checks, item, path + ".portOutInfo", now, zone)
        _read_configurations(checks, item, path)
        if number is not None:
            data = without_nulls(
                {key: item[key] for key in NUMBER_WRITABLE_FIELDS if item.get(key) is not None}
            )
            data.setdefault("portOutInfo", {})
            numbers.append(NumberInput(number.phone_number, number, data))
    return numbers


def without_nulls(value: Any) -> Any:
    """``value`` with every null member dropped: null means absent (see the README).

    The contract's optional fields are not nullable, so a null must never be echoed back.
    """
    if isinstance(value, dict):
        return {key: without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [without_nulls(item) for item in value]
    return value


def _read_number_id(
    checks: Checks,
    item: JsonObject,
    path: str,
    seen: set[str],
) -> NumberFacts | None:
    phone = item.get("phoneNumber")
    path += ".phoneNumber"
    if phone is None:
        checks.add(path, "phoneNumber is required")
        return None
    problem = e164_problem(phone)
    if problem is not None:
        checks.add(path, problem)
        return None
    assert isinstance(phone, str)
    if phone in seen:
        checks.add(path, f"The ({phone}) appears more than once in this order")
        return None
    seen.add(phone)
    facts = number_facts(phone)
    if not facts.portable:
        checks.add(path, f"The ({phone}) is not portable: {facts.reason}")
        return None
    return facts


def _read_end_user(checks: Checks, item: JsonObject, path: str) -> None:
    end_user = checks.obj(item, "endUser", path, required=True)
    if not end_user and "endUser" not in item:
        return
    for key in _END_USER_REQUIRED:
        checks.string(end_user, key, f"{path}.{key}", required=True)
    checks.state(end_user, "state", f"{path}.state")
    for key in _END_USER_OPTIONAL:
        checks.string(end_user, key, f"{path}.{key}")
    service = end_user.get("typeOfService")
    if service is not None and service not in ("B", "R"):
        checks.add(f"{path}.typeOfService", "typeOfService must be B (business) or R (residence)")


def _read_port_out(checks: Checks, item: JsonObject, path: str, now: datetime, zone: str) -> None:
    port_out = checks.obj(item, "portOutInfo", path)
    for key in _PORT_OUT_STRINGS:
        checks.string(port_out, key, f"{path}.{key}")
    authorized = checks.day_or_timestamp(port_out, "authorizingDate", f"{path}.authorizingDate")
    if authorized is not None and authorized > local_date(now, zone):
        checks.add(f"{path}.authorizingDate", "authorizingDate cannot be in the future")


def _read_configurations(checks: Checks, item: JsonObject, path: str) -> None:
    voice = checks.obj(item, "voiceConfiguration", path + ".voiceConfiguration")
    if voice:
        kind = voice.get("type")
        # isinstance first: {} or [] as a type are unhashable and must be a 422, not a 500.
        if not isinstance(kind, str) or kind not in _VOICE_ID_FIELD:
            checks.add(path + ".voiceConfiguration.type", "type must be one of RTC, EST, FAX")
        else:
            key = _VOICE_ID_FIELD[kind]
            checks.string(voice, key, f"{path}.voiceConfiguration.{key}", required=True)
    sms = checks.obj(item, "smsConfiguration", path + ".smsConfiguration")
    checks.string(sms, "smsAppId", path + ".smsConfiguration.smsAppId")
    features = checks.obj(item, "features", path + ".features")
    checks.obj(features, "e911", path + ".features.e911")
    checks.string(item, "newPortOutPin", path + ".newPortOutPin")
