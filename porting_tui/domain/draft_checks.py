"""Checks of each wizard step, and server field violations traced back to their step and field."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from porting_tui.client.errors import FieldViolation
from porting_tui.client.models import TIME_ZONES
from porting_tui.client.validation import control_character_problem
from porting_tui.domain.business_days import port_date_problem
from porting_tui.domain.draft_fields import (
    E911_FORM,
    END_USER_FORM,
    ORDER_PATHS,
    PORT_OUT_FORM,
    ROUTING_FORM,
    VOICE_ID_LABELS,
    VOICE_ID_NAMES,
    Step,
    label_of,
    step_of_path,
)
from porting_tui.domain.order_draft import OrderDraft, parse_day
from porting_tui.domain.phone_numbers import MAX_NUMBERS_PER_ORDER, parse_numbers, to_e164
from porting_tui.domain.regions import postal_code_problem, state_problem, zip_plus_four_problem
from porting_tui.domain.value_checks import check_port_time

MAX_REFERENCE_LENGTH = 100


@dataclass(frozen=True)
class DraftProblem:
    """Something to fix before going on: which step, which number (None: all), which field."""

    step: Step
    path: str
    message: str
    number: str | None = None

    def __str__(self) -> str:
        where = f"{self.number}: " if self.number else ""
        return f"{where}{label_of(self.path)} {self.message}"


def _end_user_problems(values: dict[str, str], today: date) -> dict[str, str]:
    found: dict[str, str] = {}
    for field in END_USER_FORM:
        if field.required and not values.get(field.path, "").strip():
            found[field.path] = "is required"
    state = values.get("endUser.state", "")
    if state.strip() and (problem := state_problem(state)):
        found["endUser.state"] = problem
    zip_code = values.get("endUser.zipCode", "")
    if zip_code.strip() and (problem := postal_code_problem(zip_code, state)):
        found["endUser.zipCode"] = problem
    service = values.get("endUser.typeOfService", "").strip().upper()
    if service not in ("", "B", "R"):
        found["endUser.typeOfService"] = "must be B (business) or R (residence)"
    authorized_text = values.get("portOutInfo.authorizingDate", "").strip()
    if authorized_text:
        authorized = parse_day(authorized_text)
        if authorized is None:
            found["portOutInfo.authorizingDate"] = "must be a date YYYY-MM-DD"
        elif authorized > today:
            found["portOutInfo.authorizingDate"] = "must be today or earlier"
    account_phone = values.get("portOutInfo.accountPhoneNumber", "").strip()
    if account_phone and to_e164(account_phone)[0] is None:
        found["portOutInfo.accountPhoneNumber"] = to_e164(account_phone)[1]
    return found


def _routing_problems(values: dict[str, str]) -> dict[str, str]:
    found: dict[str, str] = {}
    voice_type = values.get("voiceConfiguration.type", "").strip().upper()
    if voice_type and voice_type not in VOICE_ID_NAMES:
        found["voiceConfiguration.type"] = "must be RTC, EST or FAX"
    elif voice_type and not values.get("voiceConfiguration.id", "").strip():
        found["voiceConfiguration.id"] = f"is required: the {VOICE_ID_LABELS[voice_type]}"
    if any(values.get(field.path, "").strip() for field in E911_FORM):
        for field in E911_FORM:
            if field.required and not values.get(field.path, "").strip():
                found[field.path] = "is required for an E911 address"
        state = values.get("features.e911.state", "")
        if state.strip() and (problem := state_problem(state)):
            found["features.e911.state"] = problem
        postal = values.get("features.e911.postalCode", "")
        if postal.strip() and (problem := postal_code_problem(postal, state)):
            found["features.e911.postalCode"] = problem
        plus_four = values.get("features.e911.postalCodePlusFour", "")
        if problem := zip_plus_four_problem(plus_four):
            found["features.e911.postalCodePlusFour"] = problem
    return found


_END_USER_PATHS = tuple(field.path for field in END_USER_FORM + PORT_OUT_FORM)
_ROUTING_PATHS = tuple(field.path for field in ROUTING_FORM + E911_FORM)


def _control_character_problems(
    values: dict[str, str], paths: tuple[str, ...], found: dict[str, str]
) -> dict[str, str]:
    """Add a problem for each field of ``paths`` holding a control character (pasted, or
    from a CSV file), unless the field already has one."""
    for path in paths:
        problem = control_character_problem(values.get(path, ""))
        if problem is not None and path not in found:
            found[path] = problem
    return found


def _section_problems(step: Step, values: dict[str, str], today: date) -> dict[str, str]:
    if step == Step.END_USER:
        return _control_character_problems(
            values, _END_USER_PATHS, _end_user_problems(values, today)
        )
    return _control_character_problems(values, _ROUTING_PATHS, _routing_problems(values))


def per_number_problems(draft: OrderDraft, step: Step, today: date) -> list[DraftProblem]:
    """Problems of the end-user (or routing) step, for the shared values and each number.

    A problem that the shared values have by themselves is reported once, without a number;
    one that comes from a number's own values names the number.
    """
    shared = _section_problems(step, draft.common, today)
    found: list[DraftProblem] = []
    reported_shared: set[str] = set()
    for number in draft.numbers:
        own = draft.overrides.get(number, {})
        for path, message in _section_problems(step, draft.values_for(number), today).items():
            if path not in own and shared.get(path) == message:
                if path not in reported_shared:
                    reported_shared.add(path)
                    found.append(DraftProblem(step, path, message))
            else:
                found.append(DraftProblem(step, path, message, number))
    return found


def numbers_problems(draft: OrderDraft) -> list[DraftProblem]:
    unreadable = parse_numbers(draft.numbers_text).problems
    if unreadable:
        return [
            DraftProblem(
                Step.NUMBERS,
                "phoneNumbers",
                f"has {len(unreadable)} entries that are not US or Canadian numbers "
                f"(first: {unreadable[0]}); fix or delete them",
            )
        ]
    if not draft.numbers:
        return [DraftProblem(Step.NUMBERS, "phoneNumbers", "needs at least one number")]
    if len(draft.numbers) > MAX_NUMBERS_PER_ORDER:
        return [
            DraftProblem(
                Step.NUMBERS,
                "phoneNumbers",
                f"has {len(draft.numbers)} numbers; one order holds at most "
                f"{MAX_NUMBERS_PER_ORDER}: split them into several orders",
            )
        ]
    return []


def portability_problems(draft: OrderDraft) -> list[DraftProblem]:
    unchecked = [n for n in draft.numbers if n not in draft.portability]
    if unchecked:
        return [
            DraftProblem(
                Step.PORTABILITY, "phoneNumbers", f"{len(unchecked)} not checked yet", None
            )
        ]
    blocked = [n for n in draft.numbers if draft.portability[n].portable is not True]
    if blocked:
        return [
            DraftProblem(
                Step.PORTABILITY,
                "phoneNumbers",
                f"{len(blocked)} not portable: remove them (x) before going on",
            )
        ]
    return []


def schedule_problems(draft: OrderDraft, today: date) -> list[DraftProblem]:
    order = {path: value.strip() for path, value in draft.order.items()}
    found: dict[str, str] = {}
    date_path = "desiredPortSchedule.desiredPortDate"
    day_text = order.get(date_path, "")
    day = parse_day(day_text)
    if not day_text:
        found[date_path] = "is required"
    elif day is None:
        found[date_path] = "must be a date YYYY-MM-DD"
    elif problem := port_date_problem(day, today):
        found[date_path] = problem
    time_path = "desiredPortSchedule.desiredPortTime"
    try:
        check_port_time(order.get(time_path, ""))
    except ValueError:
        found[time_path] = "must be a time HH:MM (24-hour clock)"
    zone_path = "desiredPortSchedule.desiredPortTimeZone"
    if order.get(zone_path, "") not in TIME_ZONES:
        found[zone_path] = f"must be one of {', '.join(TIME_ZONES)}"
    if len(order.get("customerOrderReference", "")) > MAX_REFERENCE_LENGTH:
        found["customerOrderReference"] = f"must be at most {MAX_REFERENCE_LENGTH} characters"
    loa_text = order.get("loaAttachmentDate", "")
    loa_day = parse_day(loa_text) if len(loa_text) == 10 else None
    if loa_text and loa_day is None:
        found["loaAttachmentDate"] = "must be a date YYYY-MM-DD"
    elif loa_day is not None and loa_day > today:
        found["loaAttachmentDate"] = "must be today or earlier"
    if draft.needs_reseller and not order.get("resellerName", ""):
        found["resellerName"] = "is required: the order has Canadian numbers"
    _control_character_problems(draft.order, ORDER_PATHS, found)
    return [DraftProblem(Step.SCHEDULE, path, message) for path, message in found.items()]


def step_problems(draft: OrderDraft, step: Step, today: date) -> list[DraftProblem]:
    """What keeps ``draft`` from leaving ``step``; empty when it may go on."""
    if step == Step.NUMBERS:
        return numbers_problems(draft)
    if step == Step.PORTABILITY:
        return portability_problems(draft)
    if step in (Step.END_USER, Step.ROUTING):
        return per_number_problems(draft, step, today)
    if step == Step.SCHEDULE:
        return schedule_problems(draft, today)
    return []


def first_blocking_problems(draft: OrderDraft, today: date) -> list[DraftProblem]:
    """The problems of the first step that has any (all steps before review)."""
    for step in Step:
        if step == Step.REVIEW:
            break
        found = step_problems(draft, step, today)
        if found:
            return found
    return []


_NUMBER_FIELD = re.compile(r"phoneNumbers\[(\d+)\]\.?(.*)")
_VOICE_ID_PATHS = {f"voiceConfiguration.{name}" for name in VOICE_ID_NAMES.values()}


def problem_from_violation(draft: OrderDraft, violation: FieldViolation) -> DraftProblem:
    """Where a field violation (from the server or the client's checks) is fixed in the form."""
    field = violation.field.strip().removeprefix("$.")
    match = _NUMBER_FIELD.fullmatch(field)
    if match is None:
        return DraftProblem(step_of_path(field), field, violation.description)
    index, path = int(match.group(1)), match.group(2) or "phoneNumber"
    number = draft.numbers[index] if index < len(draft.numbers) else None
    if path in _VOICE_ID_PATHS:
        path = "voiceConfiguration.id"
    step = step_of_path(path)
    if step == Step.NUMBERS and path == "phoneNumber" and "portable" in violation.description:
        step = Step.PORTABILITY
    # A value shared by every number is fixed once, in the shared form.
    if (
        number is not None
        and path not in draft.overrides.get(number, {})
        and step
        not in (
            Step.NUMBERS,
            Step.PORTABILITY,
        )
    ):
        return DraftProblem(step, path, violation.description, None)
    return DraftProblem(step, path, violation.description, number)
