"""Which actions an order allows now, and in words why not when it does not."""

from __future__ import annotations

from typing import Literal

from porting_tui.client import Order

Action = Literal["note", "upload", "download", "edit", "cancel", "activate"]
MUTATING: frozenset[Action] = frozenset({"note", "upload", "edit", "cancel", "activate"})
_VERBS: dict[Action, str] = {
    "note": "adding notes",
    "upload": "uploading documents",
    "download": "downloading documents",
    "edit": "editing orders",
    "cancel": "cancelling orders",
    "activate": "activating numbers",
}
_FINISHED = frozenset({"COMPLETED", "CANCELED", "PENDING_CANCELATION"})


def refusal(action: Action, order: Order | None, *, read_only: bool, profile: str) -> str | None:
    """Why ``action`` cannot apply to ``order`` now; None when it can."""
    if order is None:
        return "The order is not loaded yet; press r to load it again."
    if action in MUTATING and read_only:
        return f"Profile {profile!r} is read-only: {_VERBS[action]} is not allowed with it."
    if action == "edit" and order.status != "PENDING":
        return f"Only PENDING orders can be edited; order {order.id} is {order.status}."
    if action == "edit" and any(n.unreadable is not None for n in order.phone_numbers):
        # A full replace would send that entry back unchecked; the client refuses to.
        return (
            f"Order {order.id} holds a number the app could not read (w shows it as sent): "
            "edit it in the Sinch dashboard."
        )
    if action == "cancel" and order.status != "PENDING":
        return f"Only PENDING orders can be cancelled; order {order.id} is {order.status}."
    if action == "activate":
        if not order.on_demand_activation:
            return (
                f"Order {order.id} is not an on-demand order: its numbers activate by themselves "
                "on the port date."
            )
        if order.status in _FINISHED:
            return f"Order {order.id} is {order.status}: there is nothing left to activate."
    if action == "download" and not order.documents:
        return f"Order {order.id} has no documents to download; u uploads one."
    return None
