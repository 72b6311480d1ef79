"""Masking of port-out secrets (PINs, account numbers) wherever an order is shown."""

from __future__ import annotations

from typing import Any

MASK = "•"
SECRET_NUMBER_FIELDS = ("newPortOutPin",)
SECRET_PORT_OUT_FIELDS = ("existingPortOutPin", "accountNum")
SECRET_PATHS = frozenset(
    {"newPortOutPin", "portOutInfo.existingPortOutPin", "portOutInfo.accountNum"}
)
"""Per-number field paths that hold secrets."""


def mask(value: str, *, keep_last: int = 0) -> str:
    """``••••`` for a secret; with ``keep_last``, the last characters stay readable.

    The mask has a fixed length so that it does not reveal how long the secret is.
    """
    if not value:
        return ""
    if keep_last <= 0 or len(value) <= keep_last * 2:
        return MASK * 4
    return MASK * 4 + value[-keep_last:]


def is_secret_path(path: str) -> bool:
    return path in SECRET_PATHS


def mask_order_body(body: dict[str, Any]) -> dict[str, Any]:
    """A copy of an order request body with every PIN and account number masked."""
    masked = dict(body)
    numbers = body.get("phoneNumbers")
    if not isinstance(numbers, list):
        return masked
    masked_numbers: list[Any] = []
    for number in numbers:
        if not isinstance(number, dict):
            masked_numbers.append(number)
            continue
        copy = dict(number)
        for name in SECRET_NUMBER_FIELDS:
            if isinstance(copy.get(name), str):
                copy[name] = mask(copy[name])
        port_out = copy.get("portOutInfo")
        if isinstance(port_out, dict):
            port_out = dict(port_out)
            for name in SECRET_PORT_OUT_FIELDS:
                if isinstance(port_out.get(name), str):
                    port_out[name] = mask(port_out[name])
            copy["portOutInfo"] = port_out
        masked_numbers.append(copy)
    masked["phoneNumbers"] = masked_numbers
    return masked
