"""Project-level operations: porting defaults (``/configuration``) and portability checks."""

from __future__ import annotations

from typing import Any

from porting_tui.emulator.carriers import e164_problem, number_facts
from porting_tui.emulator.checks import Checks, require_object
from porting_tui.emulator.errors import not_found
from porting_tui.emulator.records import JsonObject
from porting_tui.emulator.store import OrderStore

_CONTACT_FIELDS = ("email", "name", "phone")
MAX_CHECK_NUMBERS = 500


def read_configuration(body: Any) -> JsonObject:
    """A validated ``DefaultsConfiguration`` holding only the documented fields."""
    fields = require_object(body)
    checks = Checks()
    configuration: JsonObject = {}
    contact = checks.obj(fields, "contact", "contact")
    if "contact" in fields and isinstance(fields["contact"], dict):
        configuration["contact"] = {
            key: value
            for key in _CONTACT_FIELDS
            if (value := checks.string(contact, key, f"contact.{key}")) is not None
        }
    webhook = checks.string(fields, "webhookUrl", "webhookUrl", max_length=2048)
    port_time = checks.clock_time(fields, "defaultPortTime", "defaultPortTime")
    zone = checks.zone(fields, "defaultPortTimeZone", "defaultPortTimeZone")
    checks.raise_if_any()
    for key, value in (
        ("webhookUrl", webhook),
        ("defaultPortTime", port_time),
        ("defaultPortTimeZone", zone),
    ):
        if value is not None:
            configuration[key] = value
    return configuration


def current_configuration(store: OrderStore) -> JsonObject:
    if store.configuration is None:
        raise not_found("The porting configuration of this project (create it with POST first)")
    return store.configuration


def check_portability(store: OrderStore, body: Any) -> JsonObject:
    """Per-number portability; malformed numbers are answered as not portable, with why."""
    fields = require_object(body)
    checks = Checks()
    numbers = fields.get("phoneNumbers")
    if not isinstance(numbers, list) or not numbers:
        checks.add("phoneNumbers", "phoneNumbers must list at least one number")
    elif len(numbers) > MAX_CHECK_NUMBERS:
        checks.add("phoneNumbers", f"check at most {MAX_CHECK_NUMBERS} numbers at a time")
    else:
        for index, number in enumerate(numbers):
            if not isinstance(number, str):
                checks.add(f"phoneNumbers[{index}]", "each number must be a string")
    checks.raise_if_any()
    assert isinstance(numbers, list)
    return {"phoneNumbers": [_check_one(store, number) for number in numbers]}


def _check_one(store: OrderStore, number: str) -> JsonObject:
    problem = e164_problem(number)
    if problem is not None:
        return {"phoneNumber": number, "portable": False, "reason": problem}
    facts = number_facts(number)
    answer: JsonObject = {"phoneNumber": number, "portable": facts.portable}
    if facts.carrier is not None:
        answer["carrier"] = facts.carrier.name
    reason = facts.reason
    holder = store.open_order_holding(number)
    if facts.portable and holder is not None:
        answer["portable"] = False
        reason = f"Already in open port-in order {holder}"
    answer["reason"] = reason
    return answer
