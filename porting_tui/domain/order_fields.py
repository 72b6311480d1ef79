"""Order fields by CSV column or ``orders edit --set`` name, taken from the order field table."""

from __future__ import annotations

from porting_tui.domain.order_field_table import (
    NUMBER_PATHS,
    ORDER_FIELDS,
    ORDER_PATHS,
    VOICE_ID_NAMES,
    convert,
    set_number_field,
    set_path,
)

__all__ = [
    "ALIASES",
    "COLUMN_NAMES",
    "E911_FIELDS",
    "END_USER_FIELDS",
    "NUMBER_PATHS",
    "ORDER_PATHS",
    "PORT_OUT_FIELDS",
    "VOICE_ID_FIELDS",
    "convert",
    "fold",
    "resolve",
    "set_number_field",
    "set_path",
]


def _names(prefix: str) -> tuple[str, ...]:
    return tuple(path.removeprefix(prefix) for path in NUMBER_PATHS if path.startswith(prefix))


END_USER_FIELDS = _names("endUser.")
PORT_OUT_FIELDS = _names("portOutInfo.")
E911_FIELDS = _names("features.e911.")
VOICE_ID_FIELDS = {name: kind for kind, name in VOICE_ID_NAMES.items()}
"""The voice type each voice id column belongs to (``appId`` -> ``RTC``)."""


def fold(name: str) -> str:
    """A column or field name compared loosely: any case, without spaces, '_' or '-'."""
    return "".join(c for c in name.lower() if c not in " _-")


_SETTABLE = [f for f in ORDER_FIELDS if f.column_name is not None]


def _aliases() -> dict[str, str]:
    aliases: dict[str, str] = {}
    for field in _SETTABLE:
        path, column = field.path, field.column_name or field.path
        aliases[fold(path)] = path
        aliases[fold(column)] = path
        last = path.rsplit(".", 1)[-1]
        # Short names are accepted when they cannot be confused: E911 repeats address
        # names, so it always needs its prefix ("e911.city"), and "type" needs "voiceType".
        if not path.startswith("features.") and last != "type":
            aliases.setdefault(fold(last), path)
    return aliases


ALIASES = _aliases()
COLUMN_NAMES = tuple(
    name
    for field in sorted(_SETTABLE, key=lambda f: f.per_number and f.path != "phoneNumber")
    if (name := field.column_name) is not None
)
"""The short column names of an order CSV: the number, the order's fields, each number's."""


def resolve(name: str) -> str | None:
    """The API path a column or field name means, or None."""
    return ALIASES.get(fold(name))
