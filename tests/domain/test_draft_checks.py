"""Each step's checks, and field violations traced back to the step and field to fix."""

from __future__ import annotations

from datetime import date

from porting_tui.client import FieldViolation
from porting_tui.domain.draft_checks import problem_from_violation, step_problems
from porting_tui.domain.draft_fields import Step
from porting_tui.domain.order_draft import OrderDraft, PortabilityRecord
from tests.domain.test_order_draft import draft_with

TODAY = date(2026, 11, 27)


def test_numbers_must_be_there_and_at_most_five_hundred() -> None:
    assert step_problems(OrderDraft(), Step.NUMBERS, TODAY)[0].message.startswith("needs")
    many = OrderDraft(numbers=[f"+1312555{n:04d}" for n in range(1000, 1501)])
    assert "split them" in step_problems(many, Step.NUMBERS, TODAY)[0].message


def test_every_number_must_be_checked_and_portable() -> None:
    draft = OrderDraft(numbers=["+13125550100", "+13125550000"])
    assert "not checked" in step_problems(draft, Step.PORTABILITY, TODAY)[0].message
    draft.portability = {
        "+13125550100": PortabilityRecord(portable=True, carrier="A"),
        "+13125550000": PortabilityRecord(portable=False, carrier="A", reason="no"),
    }
    assert "1 not portable" in step_problems(draft, Step.PORTABILITY, TODAY)[0].message


def test_a_problem_in_a_shared_value_is_reported_once_without_a_number() -> None:
    draft = draft_with(["+13125550100", "+13125550101"])
    draft.common["endUser.zipCode"] = "6060"
    problems = step_problems(draft, Step.END_USER, TODAY)
    assert [(p.path, p.number) for p in problems] == [("endUser.zipCode", None)]


def test_a_problem_in_an_override_names_its_number() -> None:
    draft = draft_with(["+13125550100", "+13125550101"])
    draft.set_value("+13125550101", "endUser.state", "ON")
    problems = step_problems(draft, Step.END_USER, TODAY)
    # The shared ZIP is fine for Illinois, but not for this number's Ontario.
    assert [(p.path, p.number) for p in problems] == [("endUser.zipCode", "+13125550101")]


def test_end_user_checks_cover_required_fields_dates_and_phone() -> None:
    draft = draft_with(["+13125550100"])
    del draft.common["endUser.city"]
    draft.common["portOutInfo.authorizingDate"] = "2026-12-01"
    draft.common["portOutInfo.accountPhoneNumber"] = "12"
    draft.common["endUser.typeOfService"] = "X"
    found = {p.path: p.message for p in step_problems(draft, Step.END_USER, TODAY)}
    assert found == {
        "endUser.city": "is required",
        "portOutInfo.authorizingDate": "must be today or earlier",
        "portOutInfo.accountPhoneNumber": "is not a valid North American number",
        "endUser.typeOfService": "must be B (business) or R (residence)",
    }


def test_routing_needs_an_id_for_the_voice_type_and_a_whole_e911_address() -> None:
    draft = draft_with(["+13125550100"])
    draft.common.update({"voiceConfiguration.type": "EST", "features.e911.city": "Chicago"})
    found = {p.path for p in step_problems(draft, Step.ROUTING, TODAY)}
    assert found == {
        "voiceConfiguration.id",
        "features.e911.name",
        "features.e911.streetNum",
        "features.e911.streetInfo",
        "features.e911.state",
        "features.e911.postalCode",
    }


def test_schedule_refuses_weekends_bad_times_and_a_missing_reseller() -> None:
    draft = draft_with(["+14165550123"])
    draft.order["desiredPortSchedule.desiredPortDate"] = "2026-11-28"
    draft.order["desiredPortSchedule.desiredPortTime"] = "25:00"
    draft.order["loaAttachmentDate"] = "2026-12-24"
    found = {p.path: p.message for p in step_problems(draft, Step.SCHEDULE, TODAY)}
    assert "Saturday" in found["desiredPortSchedule.desiredPortDate"]
    assert "HH:MM" in found["desiredPortSchedule.desiredPortTime"]
    assert found["resellerName"].startswith("is required")
    assert found["loaAttachmentDate"] == "must be today or earlier"


def test_server_violations_map_to_their_step_and_number() -> None:
    draft = draft_with(["+13125550100", "+13125550101"])
    draft.set_value("+13125550101", "endUser.zipCode", "60601")
    shared = problem_from_violation(
        draft, FieldViolation("phoneNumbers[0].endUser.city", "does not match")
    )
    assert (shared.step, shared.path, shared.number) == (Step.END_USER, "endUser.city", None)
    own = problem_from_violation(
        draft, FieldViolation("phoneNumbers[1].endUser.zipCode", "does not match")
    )
    assert (own.step, own.number) == (Step.END_USER, "+13125550101")
    voice = problem_from_violation(
        draft, FieldViolation("phoneNumbers[0].voiceConfiguration.trunkId", "unknown trunk")
    )
    assert (voice.step, voice.path) == (Step.ROUTING, "voiceConfiguration.id")
    schedule = problem_from_violation(
        draft, FieldViolation("desiredPortSchedule.desiredPortDate", "in the past")
    )
    assert schedule.step == Step.SCHEDULE
    portability = problem_from_violation(
        draft, FieldViolation("phoneNumbers[1].phoneNumber", "The (+1...) is not portable: x")
    )
    assert (portability.step, portability.number) == (Step.PORTABILITY, "+13125550101")
