"""On-demand activation: which groups can be activated now, and activating them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from porting_tui.emulator.checks import Checks, require_object
from porting_tui.emulator.dates import format_timestamp
from porting_tui.emulator.errors import ApiError
from porting_tui.emulator.lifecycle import Lifecycle
from porting_tui.emulator.records import JsonObject, NumberRecord, OrderRecord
from porting_tui.emulator.wire import numbers_event

_ROUTING = ("voiceConfiguration", "smsConfiguration")


def activatable_groups(
    lifecycle: Lifecycle, order: OrderRecord, now: datetime
) -> dict[str, list[NumberRecord]]:
    """Confirmed numbers of an on-demand order whose FOC day has begun, by group."""
    groups: dict[str, list[NumberRecord]] = {}
    if not order.on_demand or order.status not in ("PENDING", "CONFIRMED"):
        return groups
    for record in order.numbers:
        if record.status == "CONFIRMED" and lifecycle.activatable_since(order, record) <= now:
            groups.setdefault(record.group, []).append(record)
    return groups


def available_activations(
    lifecycle: Lifecycle, order: OrderRecord, now: datetime
) -> list[JsonObject]:
    answer: list[JsonObject] = []
    for group, records in activatable_groups(lifecycle, order, now).items():
        assert records[0].foc_date is not None
        numbers = [
            {"phoneNumber": r.phone_number, **{k: r.data[k] for k in _ROUTING if k in r.data}}
            for r in records
        ]
        answer.append(
            {
                "phoneNumberGroup": group,
                "focDate": format_timestamp(records[0].foc_date),
                "phoneNumbers": numbers,
            }
        )
    return answer


def activate(
    lifecycle: Lifecycle, order: OrderRecord, body: Any, user: str, now: datetime
) -> JsonObject:
    """Activate the named groups (or every available one); numbers name their own group."""
    wanted = _requested_groups(order, body)
    if not order.on_demand:
        raise ApiError(
            400,
            f"Order {order.id} does not use on-demand activation: its numbers are activated "
            "automatically at the FOC date and time.",
        )
    available = activatable_groups(lifecycle, order, now)
    if not available:
        raise ApiError(
            400,
            f"Nothing to activate on order {order.id} ({order.status}): no confirmed numbers "
            "whose FOC date has come.",
        )
    chosen = wanted if wanted else list(available)
    for group in chosen:
        if group not in available:
            raise ApiError(
                400,
                f"{group} cannot be activated now: it needs confirmed numbers whose FOC date "
                "has come.",
            )
    activated: list[NumberRecord] = []
    for group in chosen:
        for record in available[group]:
            record.status, record.activated_date, record.activate_user = "ACTIVATED", now, user
            activated.append(record)
    lifecycle.events.emit(now, lambda: numbers_event("NUMBERS_ACTIVATED", order, activated))
    lifecycle.settle(order, now)
    return {
        "phoneNumberGroups": [
            {"phoneNumberGroup": group, "status": "ACTIVATED"} for group in chosen
        ]
    }


def _requested_groups(order: OrderRecord, body: Any) -> list[str]:
    """Group names from the optional body; a phone number stands for its whole group."""
    if body is None:
        return []
    fields = require_object(body)
    items = fields.get("phoneNumberGroups")
    if items is None:
        return []
    checks = Checks()
    if not isinstance(items, list):
        checks.add("phoneNumberGroups", "phoneNumberGroups must be an array of group names")
        checks.raise_if_any()
    groups = {record.group for record in order.numbers}
    chosen: list[str] = []
    for index, item in enumerate(items):
        record = order.number(item) if isinstance(item, str) else None
        group = record.group if record is not None else item
        if not isinstance(group, str) or group not in groups:
            checks.add(
                f"phoneNumberGroups[{index}]",
                f"{item!r} is neither an activation group nor a number of order {order.id}",
            )
        elif group not in chosen:
            chosen.append(group)
    checks.raise_if_any()
    return chosen
