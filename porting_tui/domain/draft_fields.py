"""The create-order wizard's forms by step, taken from the order field table."""

from __future__ import annotations

from porting_tui.domain.order_field_table import (
    FIELDS_BY_PATH,
    ORDER_FIELDS,
    ORDER_PATHS,
    VOICE_ID_LABELS,
    VOICE_ID_NAMES,
    OrderField,
)
from porting_tui.domain.wizard_steps import STEP_TITLES, Step

__all__ = [
    "E911_FORM",
    "END_USER_FORM",
    "ORDER_FORM",
    "ORDER_PATHS",
    "PER_NUMBER_FORM",
    "PORT_OUT_FORM",
    "ROUTING_FORM",
    "STEP_TITLES",
    "VOICE_ID_LABELS",
    "VOICE_ID_NAMES",
    "VOICE_TYPES",
    "FormField",
    "Step",
    "label_of",
    "step_of_path",
]

FormField = OrderField
"""What a wizard form shows of a field: its path, label, hint, choices and flags. The voice id
is one field, ``voiceConfiguration.id``, whatever the type; it becomes ``appId``, ``trunkId``
or ``serviceId`` when the order is built."""


def _form(step: Step, *prefixes: str) -> tuple[OrderField, ...]:
    return tuple(
        f
        for f in ORDER_FIELDS
        if f.step == step and f.in_wizard and (not prefixes or f.path.startswith(prefixes))
    )


_PORT_OUT_PREFIXES = ("portOutInfo.", "newPortOutPin")
END_USER_FORM = tuple(f for f in _form(Step.END_USER) if not f.path.startswith(_PORT_OUT_PREFIXES))
PORT_OUT_FORM = _form(Step.END_USER, *_PORT_OUT_PREFIXES)
E911_FORM = _form(Step.ROUTING, "features.e911.")
ROUTING_FORM = tuple(f for f in _form(Step.ROUTING) if f not in E911_FORM)
PER_NUMBER_FORM = END_USER_FORM + PORT_OUT_FORM + ROUTING_FORM + E911_FORM
ORDER_FORM = _form(Step.SCHEDULE)
VOICE_TYPES = tuple(VOICE_ID_NAMES)


def step_of_path(path: str) -> Step:
    """The step that asks for a per-number or order field path."""
    if path in ("", "phoneNumbers"):
        return Step.NUMBERS
    field = FIELDS_BY_PATH.get(path)
    if field is not None:
        return field.step
    if path.startswith(("endUser", "portOutInfo", "newPortOutPin")):
        return Step.END_USER
    if path.startswith(("voiceConfiguration", "smsConfiguration", "features")):
        return Step.ROUTING
    return Step.SCHEDULE


def label_of(path: str) -> str:
    field = FIELDS_BY_PATH.get(path)
    return field.label if field else path
