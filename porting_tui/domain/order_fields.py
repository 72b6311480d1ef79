"""The order fields people may set from a CSV column or ``orders edit --set``, by API name.

Paths are the API's field names joined by dots (``desiredPortSchedule.desiredPortDate``,
``endUser.city``); per-number paths are relative to one entry of ``phoneNumbers``.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

from porting_tui.domain.value_checks import (
    check_bool,
    check_day,
    check_phone,
    check_port_time,
    check_postal_code,
    check_service_type,
    check_state,
    check_zip_plus_four,
    check_zone,
)

END_USER_FIELDS = (
    "name",
    "streetNum",
    "streetName",
    "streetPreDir",
    "streetType",
    "streetPostDir",
    "locationType1",
    "locationValue1",
    "locationType2",
    "locationValue2",
    "locationType3",
    "locationValue3",
    "city",
    "state",
    "zipCode",
    "typeOfService",
)
PORT_OUT_FIELDS = (
    "existingPortOutPin",
    "accountNum",
    "accountPhoneNumber",
    "authorizingName",
    "authorizingDate",
)
E911_FIELDS = (
    "name",
    "streetNum",
    "streetInfo",
    "location",
    "city",
    "state",
    "postalCode",
    "postalCodePlusFour",
)
VOICE_ID_FIELDS = {"appId": "RTC", "trunkId": "EST", "serviceId": "FAX"}

ORDER_PATHS = (
    "customerOrderReference",
    "onDemandActivation",
    "desiredPortSchedule.desiredPortDate",
    "desiredPortSchedule.desiredPortTime",
    "desiredPortSchedule.desiredPortTimeZone",
    "resellerName",
    "loaUploadedBy",
)
NUMBER_PATHS = (
    *(f"endUser.{name}" for name in END_USER_FIELDS),
    *(f"portOutInfo.{name}" for name in PORT_OUT_FIELDS),
    "newPortOutPin",
    "voiceConfiguration.type",
    *(f"voiceConfiguration.{name}" for name in VOICE_ID_FIELDS),
    "smsConfiguration.smsAppId",
    *(f"features.e911.{name}" for name in E911_FIELDS),
)


def _voice_type(text: str) -> str:
    value = text.strip().upper()
    if value not in ("RTC", "EST", "FAX"):
        raise ValueError(f"{text.strip()!r} is not a voice type; use RTC, EST or FAX")
    return value


def _text(text: str) -> str:
    return text.strip()


CONVERTERS: dict[str, Callable[[str], Any]] = {
    "phoneNumber": lambda text: check_phone(text, nanp_only=True),
    "onDemandActivation": check_bool,
    "desiredPortSchedule.desiredPortDate": check_day,
    "desiredPortSchedule.desiredPortTime": check_port_time,
    "desiredPortSchedule.desiredPortTimeZone": check_zone,
    "endUser.typeOfService": check_service_type,
    "endUser.state": check_state,
    "endUser.zipCode": check_postal_code,
    "portOutInfo.accountPhoneNumber": check_phone,
    "features.e911.state": check_state,
    "features.e911.postalCode": check_postal_code,
    "features.e911.postalCodePlusFour": check_zip_plus_four,
    "portOutInfo.authorizingDate": check_day,
    "voiceConfiguration.type": _voice_type,
}


def convert(path: str, text: str) -> Any:
    """The API value of ``text`` typed for ``path``; ValueError says what is expected."""
    return CONVERTERS.get(path, _text)(text)


def fold(name: str) -> str:
    """A column or field name compared loosely: any case, without spaces, '_' or '-'."""
    return "".join(c for c in name.lower() if c not in " _-")


def _aliases() -> dict[str, str]:
    aliases: dict[str, str] = {}
    for path in ("phoneNumber", *ORDER_PATHS, *NUMBER_PATHS):
        aliases[fold(path)] = path
        last = path.rsplit(".", 1)[-1]
        # Short names are accepted when they cannot be confused: E911 repeats address
        # names, so it always needs its prefix ("e911.city"), and "type" needs "voiceType".
        if path.startswith("features."):
            aliases[fold(path.removeprefix("features."))] = path
        elif last != "type":
            aliases.setdefault(fold(last), path)
    aliases["voicetype"] = "voiceConfiguration.type"
    return aliases


ALIASES = _aliases()
COLUMN_NAMES = (
    "phoneNumber",
    *(path.rsplit(".", 1)[-1] for path in ORDER_PATHS),
    *END_USER_FIELDS,
    *PORT_OUT_FIELDS,
    "newPortOutPin",
    "voiceType",
    *VOICE_ID_FIELDS,
    "smsAppId",
    *(f"e911.{name}" for name in E911_FIELDS),
)
"""The short column names of an order CSV, in the order the README documents them."""


def resolve(name: str) -> str | None:
    """The API path a column or field name means, or None."""
    return ALIASES.get(fold(name))


def set_path(target: MutableMapping[str, Any], path: str, value: Any) -> None:
    """Set ``path`` in nested dicts, creating them; a value of None removes the field."""
    *parents, last = path.split(".")
    node = target
    for name in parents:
        child = node.get(name)
        if not isinstance(child, dict):
            if value is None:
                return
            child = {}
            node[name] = child
        node = child
    if value is None:
        node.pop(last, None)
    else:
        node[last] = value


def set_number_field(number: MutableMapping[str, Any], path: str, value: Any) -> None:
    """Set a per-number field; a voice id also sets the voice type it belongs to."""
    name = path.removeprefix("voiceConfiguration.")
    if name in VOICE_ID_FIELDS:
        if value is None:
            number.pop("voiceConfiguration", None)
        else:
            number["voiceConfiguration"] = {"type": VOICE_ID_FIELDS[name], name: value}
        return
    set_path(number, path, value)
