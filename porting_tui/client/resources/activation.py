"""``/orders/portIns/{orderId}/availableActivations`` and ``/activate``: on-demand activation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from porting_tui.client.adapters import LazyAdapter
from porting_tui.client.errors import FieldViolation, PortingValidationError
from porting_tui.client.session import ApiSession, parse_body
from porting_tui.client.validation import order_id_path

if TYPE_CHECKING:
    from porting_tui.client.models.results import (
        ActivationAnswer,
        ActivationGroup,
        GroupActivation,
    )

_GROUPS: LazyAdapter[list[ActivationGroup]] = LazyAdapter(
    "porting_tui.client.models.results:ActivationGroups"
)
_ACTIVATED: LazyAdapter[ActivationAnswer] = LazyAdapter(
    "porting_tui.client.models.results:ActivationAnswer"
)


class ActivationResource:
    """Activation groups of on-demand orders."""

    def __init__(self, session: ApiSession) -> None:
        self._session = session

    async def available(self, order_id: int | str) -> list[ActivationGroup]:
        """The groups that can be activated now (FOC reached, numbers routing on Sinch)."""
        path = f"/orders/portIns/{order_id_path(order_id)}/availableActivations"
        response = await self._session.request("GET", path)
        return parse_body(response, _GROUPS)

    async def activate(
        self, order_id: int | str, groups: Sequence[str] | None = None
    ) -> list[GroupActivation]:
        """Activate the named groups, or every available group when ``groups`` is None.

        An empty list is refused rather than read as "all": activating is hard to undo.
        """
        path = f"/orders/portIns/{order_id_path(order_id)}/activate"
        body: dict[str, list[str]] | None = None
        if groups is not None:
            names = [groups] if isinstance(groups, str) else list(groups)
            if not names or any(not name.strip() for name in names):
                raise PortingValidationError(
                    "Name at least one group, or pass None to activate all",
                    [FieldViolation("phoneNumberGroups", "must name at least one group")],
                )
            body = {"phoneNumberGroups": names}
        response = await self._session.request("POST", path, json=body)
        return parse_body(response, _ACTIVATED).phone_number_groups
