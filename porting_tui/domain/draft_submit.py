"""Submitting a draft: local checks, a safe create, and every outcome in one result."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pydantic import ValidationError

from porting_tui.client import (
    FieldViolation,
    NewOrder,
    PortingClient,
    PortingConnectionError,
    PortingError,
    PortingStatusError,
    PortingValidationError,
    order_violations,
)
from porting_tui.domain.draft_checks import (
    DraftProblem,
    first_blocking_problems,
    problem_from_violation,
)
from porting_tui.domain.order_draft import OrderDraft, build_new_order
from porting_tui.domain.safe_create import CreateUnconfirmedError, create_once


@dataclass
class SubmitResult:
    """What happened to a submit; exactly one of order_id, problems or message is set."""

    order_id: int | None = None
    recovered: bool = False
    """The answer was lost but the order was found by its reference."""
    problems: list[DraftProblem] = field(default_factory=list)
    """Fields to fix, each traced to its step (from local checks or the API's 422)."""
    message: str = ""
    unconfirmed: bool = False
    """It is unknown whether the order exists: the next try must look it up first."""


def _pydantic_problems(draft: OrderDraft, error: ValidationError) -> list[DraftProblem]:
    violations = []
    for item in error.errors():
        location = ".".join(
            f"[{part}]" if isinstance(part, int) else str(part) for part in item["loc"]
        ).replace(".[", "[")
        violations.append(FieldViolation(location, item["msg"]))
    return [problem_from_violation(draft, violation) for violation in violations]


def prepare(draft: OrderDraft, now: datetime) -> tuple[NewOrder | None, list[DraftProblem]]:
    """The order to send, or the problems (each with its step) that keep it from being sent."""
    problems = first_blocking_problems(draft, now.date())
    if problems:
        return None, problems
    try:
        new_order = build_new_order(draft)
    except ValidationError as error:
        return None, _pydantic_problems(draft, error)
    violations = order_violations(new_order, now.date())
    if violations:
        return None, [problem_from_violation(draft, v) for v in violations]
    return new_order, []


async def submit(
    client: PortingClient,
    draft: OrderDraft,
    new_order: NewOrder,
    now: datetime,
    *,
    look_first: bool,
) -> SubmitResult:
    """Send the order once; never raises the client's errors, the result says what happened."""
    try:
        outcome = await create_once(client, new_order, now, look_first=look_first)
    except CreateUnconfirmedError as error:
        return SubmitResult(message=str(error), unconfirmed=True)
    except PortingConnectionError as error:
        return SubmitResult(
            message=f"The API could not be reached twice ({error.message}); no order with "
            f"reference {new_order.customer_order_reference!r} was found. Try again later.",
            unconfirmed=True,
        )
    except (PortingStatusError, PortingValidationError) as error:
        if error.field_violations:
            return SubmitResult(
                problems=[problem_from_violation(draft, v) for v in error.field_violations]
            )
        status = f"HTTP {error.status_code}: " if isinstance(error, PortingStatusError) else ""
        return SubmitResult(message=f"The order was refused ({status}{error.message}).")
    except PortingError as error:
        return SubmitResult(message=f"The order was not created: {error.message}")
    return SubmitResult(order_id=outcome.order_id, recovered=outcome.recovered)
