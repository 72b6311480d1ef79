"""The create-order wizard's steps: on their own, so that listing drafts (which names the step
each one stopped at) loads none of the order field table."""

from __future__ import annotations

from enum import IntEnum


class Step(IntEnum):
    """The six steps of the wizard, in order."""

    NUMBERS = 0
    PORTABILITY = 1
    END_USER = 2
    ROUTING = 3
    SCHEDULE = 4
    REVIEW = 5

    @property
    def title(self) -> str:
        return STEP_TITLES[self]


STEP_TITLES = {
    Step.NUMBERS: "Numbers",
    Step.PORTABILITY: "Portability",
    Step.END_USER: "End user",
    Step.ROUTING: "Routing",
    Step.SCHEDULE: "Schedule",
    Step.REVIEW: "Review",
}
