"""``POST /portabilityChecks``: can these numbers be ported to Sinch?"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from porting_tui.client.adapters import LazyAdapter
from porting_tui.client.session import ApiSession, parse_body
from porting_tui.client.validation import check_portability_numbers

if TYPE_CHECKING:
    from porting_tui.client.models.results import PortabilityAnswer, PortabilityResult

_RESPONSE: LazyAdapter[PortabilityAnswer] = LazyAdapter(
    "porting_tui.client.models.results:PortabilityAnswer"
)


class PortabilityResource:
    """Portability checks."""

    def __init__(self, session: ApiSession) -> None:
        self._session = session

    async def check(self, numbers: Sequence[str]) -> list[PortabilityResult]:
        """Check each number; the results come back in the server's order."""
        check_portability_numbers(numbers)
        # A check changes nothing on the server, so it is safe to repeat.
        response = await self._session.request(
            "POST", "/portabilityChecks", json={"phoneNumbers": list(numbers)}, repeatable=True
        )
        return parse_body(response, _RESPONSE).phone_numbers
