"""Checks run on every request before any I/O, so that mistakes never reach the API."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from porting_tui.client.errors import FieldViolation, PortingValidationError
from porting_tui.client.models.enums import TIME_ZONES
from porting_tui.client.models.wire_dates import day_of

if TYPE_CHECKING:
    from porting_tui.client.models.configuration import Configuration
    from porting_tui.client.models.order import (
        EndUser,
        NewOrder,
        NewPhoneNumber,
        Order,
        PhoneNumber,
        PortOutInfo,
    )

MAX_NUMBERS_PER_ORDER = 500
# Only Sinch's own skill documents this limit, but a longer reference is surely a mistake.
MAX_REFERENCE_LENGTH = 100
# NANP: +1, then an area code (NPA) and exchange (NXX) that both start with 2-9.
NANP_E164 = re.compile(r"\+1[2-9]\d{2}[2-9]\d{6}")
_STATE = re.compile(r"[A-Za-z]{2}")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d:[0-5]\d")
REQUIRED_END_USER_FIELDS = ("name", "street_num", "street_name", "city", "state", "zip_code")
# C0 and C1 controls and DEL: a carrier's records never hold them, and a terminal acts on them.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# The same, except line breaks and tabs, which a note may hold.
_CONTROL_IN_PROSE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_character_problem(text: str, *, prose: bool = False) -> str | None:
    """Why ``text`` cannot be sent (it holds a control character), or None.

    ``prose`` (a note) allows line breaks and tabs.
    """
    found = (_CONTROL_IN_PROSE if prose else _CONTROL).search(text)
    if found is None:
        return None
    return (
        f"contains the control character {found.group()!r} at position {found.start() + 1}; "
        "remove it"
    )


def _text_violations(prefix: str, value: Any) -> list[FieldViolation]:
    """A violation for every text in a JSON body that holds a control character."""
    if isinstance(value, str):
        problem = control_character_problem(value)
        return [FieldViolation(prefix, problem)] if problem else []
    if isinstance(value, dict):
        return [
            violation
            for key, item in value.items()
            for violation in _text_violations(f"{prefix}.{key}" if prefix else key, item)
        ]
    if isinstance(value, list):
        return [
            violation
            for index, item in enumerate(value)
            for violation in _text_violations(f"{prefix}[{index}]", item)
        ]
    return []


def is_nanp_e164(number: str) -> bool:
    """True for a North American number written as ``+1`` and ten digits."""
    return NANP_E164.fullmatch(number) is not None


def normalize_phone_number(text: str) -> str:
    """Turn what a person types (``(202) 555-0123``, ``1-202-...``) into E.164, or raise."""
    # Imported here: its metadata takes longer to load than the rest of the client, and only
    # typed numbers need it, never a start-up or a read.
    import phonenumbers

    try:
        parsed = phonenumbers.parse(text.strip(), "US")
    except phonenumbers.NumberParseException as exc:
        raise PortingValidationError(
            "Not a phone number", [FieldViolation("phoneNumber", f"{text!r} is not a number")]
        ) from exc
    number = str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
    if not is_nanp_e164(number):
        raise PortingValidationError(
            "Not a North American number",
            [FieldViolation("phoneNumber", f"{text!r} is not a +1 number with ten digits")],
        )
    return number


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _missing(value: str | None) -> bool:
    return value is None or not value.strip()


def _phone_violation(field: str, number: str) -> FieldViolation | None:
    if is_nanp_e164(number):
        return None
    return FieldViolation(
        field, f"{number!r} is not an E.164 North American number (+1 and ten digits)"
    )


def _end_user_violations(prefix: str, end_user: EndUser) -> list[FieldViolation]:
    found = [
        FieldViolation(f"{prefix}.{_camel(name)}", "is required")
        for name in REQUIRED_END_USER_FIELDS
        if _missing(getattr(end_user, name))
    ]
    state = end_user.state
    if not _missing(state) and _STATE.fullmatch(str(state).strip()) is None:
        found.append(FieldViolation(f"{prefix}.state", "must be a two-letter abbreviation"))
    if end_user.type_of_service not in (None, "B", "R"):
        found.append(FieldViolation(f"{prefix}.typeOfService", "must be B or R"))
    return found


def _port_out_violations(
    prefix: str, port_out: PortOutInfo | None, today: date
) -> list[FieldViolation]:
    if port_out is None or port_out.authorizing_date is None:
        return []
    day = day_of(port_out.authorizing_date)
    if day is None:
        return [FieldViolation(f"{prefix}.authorizingDate", "must be a date YYYY-MM-DD")]
    if day > today:
        return [FieldViolation(f"{prefix}.authorizingDate", "must be today or earlier")]
    return []


def _time_zone_violation(field: str, zone: str | None) -> list[FieldViolation]:
    if zone is None or zone in TIME_ZONES:
        return []
    return [FieldViolation(field, f"must be one of {', '.join(TIME_ZONES)}")]


def _time_violation(field: str, value: str | None) -> list[FieldViolation]:
    if value is None or _TIME.fullmatch(value):
        return []
    return [FieldViolation(field, "must be a time HH:MM:SS")]


def _numbers_violations(
    numbers: Sequence[NewPhoneNumber | PhoneNumber], today: date
) -> list[FieldViolation]:
    found: list[FieldViolation] = []
    if not numbers:
        found.append(FieldViolation("phoneNumbers", "at least one number is required"))
    if len(numbers) > MAX_NUMBERS_PER_ORDER:
        found.append(
            FieldViolation(
                "phoneNumbers", f"at most {MAX_NUMBERS_PER_ORDER} numbers fit in one order"
            )
        )
    seen: set[str] = set()
    for index, number in enumerate(numbers):
        prefix = f"phoneNumbers[{index}]"
        # Only a number read from the server (a PhoneNumber) can be unreadable.
        unreadable: str | None = getattr(number, "unreadable", None)
        if unreadable is not None:
            # Its raw value would go back unchecked; better to say so than to send it blind.
            found.append(
                FieldViolation(prefix, f"could not be read from the server ({unreadable})")
            )
            continue
        bad_number = _phone_violation(f"{prefix}.phoneNumber", number.phone_number)
        if bad_number:
            found.append(bad_number)
        elif number.phone_number in seen:
            found.append(FieldViolation(f"{prefix}.phoneNumber", "appears more than once"))
        seen.add(number.phone_number)
        found.extend(_end_user_violations(f"{prefix}.endUser", number.end_user))
        found.extend(_port_out_violations(f"{prefix}.portOutInfo", number.port_out_info, today))
    return found


def order_violations(order: NewOrder | Order, today: date | None = None) -> list[FieldViolation]:
    """Everything wrong with an order body, as field violations (empty when it is fine)."""
    today = today or date.today()
    found: list[FieldViolation] = []
    reference = order.customer_order_reference
    if reference is not None and len(reference) > MAX_REFERENCE_LENGTH:
        found.append(
            FieldViolation("customerOrderReference", f"at most {MAX_REFERENCE_LENGTH} characters")
        )
    schedule = order.desired_port_schedule
    if schedule is None:
        found.append(FieldViolation("desiredPortSchedule.desiredPortDate", "is required"))
    else:
        if day_of(schedule.desired_port_date) is None:
            found.append(
                FieldViolation("desiredPortSchedule.desiredPortDate", "must be a date YYYY-MM-DD")
            )
        found.extend(
            _time_zone_violation(
                "desiredPortSchedule.desiredPortTimeZone", schedule.desired_port_time_zone
            )
        )
        found.extend(
            _time_violation("desiredPortSchedule.desiredPortTime", schedule.desired_port_time)
        )
    found.extend(_numbers_violations(order.phone_numbers, today))
    named = {violation.field for violation in found}
    found.extend(v for v in _text_violations("", order.to_wire()) if v.field not in named)
    return found


def _raise_if_any(message: str, violations: Iterable[FieldViolation]) -> None:
    found = list(violations)
    if found:
        raise PortingValidationError(message, found)


def check_order(order: NewOrder | Order, today: date | None = None) -> None:
    """Raise ``PortingValidationError`` unless the order may be sent."""
    _raise_if_any("The order is not valid", order_violations(order, today))


def check_portability_numbers(numbers: Sequence[str]) -> None:
    """Raise unless ``numbers`` is a non-empty list of NANP E.164 numbers."""
    if isinstance(numbers, str):
        raise PortingValidationError(
            "Give a list of numbers, not one string",
            [FieldViolation("phoneNumbers", "must be a list")],
        )
    found = [
        violation
        for index, number in enumerate(numbers)
        if (violation := _phone_violation(f"phoneNumbers[{index}]", number))
    ]
    if not numbers:
        found.append(FieldViolation("phoneNumbers", "at least one number is required"))
    _raise_if_any("The numbers are not valid", found)


def check_configuration(config: Configuration) -> None:
    """Raise unless the configuration's time and time zone are well formed."""
    _raise_if_any(
        "The configuration is not valid",
        _time_zone_violation("defaultPortTimeZone", config.default_port_time_zone)
        + _time_violation("defaultPortTime", config.default_port_time)
        + _text_violations("", config.to_wire()),
    )


def check_not_blank(field: str, value: str) -> None:
    """Raise when a required text (note, document name) is empty."""
    if _missing(value):
        raise PortingValidationError(
            f"{field} must not be empty", [FieldViolation(field, "is required")]
        )


def check_text(field: str, value: str, *, prose: bool = False) -> None:
    """Raise when a text (note, document name or description) holds a control character."""
    problem = control_character_problem(value, prose=prose)
    if problem is not None:
        raise PortingValidationError(f"The {field} {problem}", [FieldViolation(field, problem)])


def order_id_path(order_id: int | str) -> str:
    """The order id as a path segment; only digits pass, so no path can be smuggled in."""
    text = str(order_id).strip()
    if isinstance(order_id, bool) or not text.isdigit() or not text.isascii():
        raise PortingValidationError(
            "An order id is a number", [FieldViolation("orderId", f"{order_id!r} is not a number")]
        )
    return text
