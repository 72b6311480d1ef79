"""The one table of order fields; the wizard, edit dialog, CSV, --set and masking derive from it."""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from porting_tui.client.models import TIME_ZONES
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
from porting_tui.domain.wizard_steps import Step

VOICE_ID_NAMES = {"RTC": "appId", "EST": "trunkId", "FAX": "serviceId"}
"""The field naming the voice route's target, by voice type."""
VOICE_ID_LABELS = {"RTC": "Voice app id", "EST": "SIP trunk id", "FAX": "Fax service id"}
VOICE_TYPE_PATH = "voiceConfiguration.type"
VOICE_ID_PATH = "voiceConfiguration.id"
"""The wizard's one voice id field, whatever the type; sent as appId, trunkId or serviceId."""


def _text(text: str) -> str:
    return text.strip()


def _voice_type(text: str) -> str:
    value = text.strip().upper()
    if value not in VOICE_ID_NAMES:
        raise ValueError(f"{text.strip()!r} is not a voice type; use RTC, EST or FAX")
    return value


def _day_start(text: str) -> str:
    """A date ``YYYY-MM-DD`` as the API's date-time: midnight UTC."""
    return f"{check_day(text)}T00:00:00Z"


@dataclass(frozen=True)
class OrderField:
    """One order or per-number field and everything the app does with it."""

    path: str
    """API names joined by dots (``endUser.zipCode``); per-number paths are relative to one
    entry of ``phoneNumbers``."""
    label: str
    step: Step
    """The wizard step that asks for it; SCHEDULE means a field of the whole order."""
    required: bool = False
    """The wizard does not go on without it."""
    secret: bool = False
    """Masked while typing, in the review, in output and in the edit dialog (PINs, accounts)."""
    hint: str = ""
    """Placeholder text: an example of a good value."""
    choices: tuple[tuple[str, str], ...] = ()
    """(label, value) pairs when the value is picked from a list; empty for free text."""
    convert: Callable[[str], Any] = _text
    """Typed text -> the API value, or ValueError saying what a good value looks like."""
    column: str | None = ""
    """The CSV column and ``--set`` name; "" means the path's last name, None not settable."""
    in_wizard: bool = True
    editable: bool = True
    """Offered by the edit dialog of a PENDING order."""

    @property
    def per_number(self) -> bool:
        return self.step in (Step.NUMBERS, Step.END_USER, Step.ROUTING)

    @property
    def column_name(self) -> str | None:
        if self.column is None:
            return None
        return self.column or self.path.rsplit(".", 1)[-1]


def _e911(name: str, label: str, required: bool = False, **more: Any) -> OrderField:
    path = f"features.e911.{name}"
    return OrderField(
        path, f"E911 {label}", Step.ROUTING, required, column=f"e911.{name}", editable=False, **more
    )


def _voice_id(kind: str) -> OrderField:
    name = VOICE_ID_NAMES[kind]
    return OrderField(
        f"voiceConfiguration.{name}",
        VOICE_ID_LABELS[kind],
        Step.ROUTING,
        in_wizard=False,
        editable=False,
    )


_END_USER, _ROUTING, _SCHEDULE = Step.END_USER, Step.ROUTING, Step.SCHEDULE

ORDER_FIELDS: tuple[OrderField, ...] = (
    OrderField(
        "phoneNumber",
        "Phone number",
        Step.NUMBERS,
        True,
        convert=lambda text: check_phone(text, nanp_only=True),
        in_wizard=False,
        editable=False,
    ),
    OrderField("endUser.name", "Name", _END_USER, True, hint="person or company, as on the bill"),
    OrderField("endUser.streetNum", "Street number", _END_USER, True, hint="123"),
    OrderField("endUser.streetPreDir", "Pre-direction", _END_USER, hint="N"),
    OrderField("endUser.streetName", "Street name", _END_USER, True, hint="Main"),
    OrderField("endUser.streetType", "Street type", _END_USER, hint="St"),
    OrderField("endUser.streetPostDir", "Post-direction", _END_USER, hint="SW"),
    OrderField("endUser.locationType1", "Location type 1", _END_USER, hint="Suite"),
    OrderField("endUser.locationValue1", "Location value 1", _END_USER, hint="2134"),
    OrderField("endUser.locationType2", "Location type 2", _END_USER, hint="Floor"),
    OrderField("endUser.locationValue2", "Location value 2", _END_USER),
    OrderField("endUser.locationType3", "Location type 3", _END_USER),
    OrderField("endUser.locationValue3", "Location value 3", _END_USER),
    OrderField("endUser.city", "City", _END_USER, True),
    OrderField(
        "endUser.state", "State/province", _END_USER, True, hint="IL or ON", convert=check_state
    ),
    OrderField(
        "endUser.zipCode",
        "ZIP/postal code",
        _END_USER,
        True,
        hint="60601 or K1A 0B1",
        convert=check_postal_code,
    ),
    OrderField(
        "endUser.typeOfService",
        "Type of service",
        _END_USER,
        choices=(("Business (B)", "B"), ("Residence (R)", "R")),
        convert=check_service_type,
    ),
    OrderField("portOutInfo.existingPortOutPin", "Port-out PIN", _END_USER, secret=True),
    OrderField("portOutInfo.accountNum", "Account number", _END_USER, secret=True),
    OrderField(
        "portOutInfo.accountPhoneNumber",
        "Account phone",
        _END_USER,
        hint="+13125550100",
        convert=check_phone,
    ),
    OrderField("portOutInfo.authorizingName", "Authorizing name", _END_USER),
    OrderField(
        "portOutInfo.authorizingDate",
        "Authorizing date",
        _END_USER,
        hint="YYYY-MM-DD",
        convert=check_day,
    ),
    OrderField("newPortOutPin", "New port-out PIN", _END_USER, secret=True, hint="optional"),
    OrderField(
        VOICE_TYPE_PATH,
        "Voice routing",
        _ROUTING,
        choices=(
            ("RTC: Voice API app", "RTC"),
            ("EST: Elastic SIP trunk", "EST"),
            ("FAX: fax service", "FAX"),
        ),
        convert=_voice_type,
        column="voiceType",
        editable=False,
    ),
    OrderField(VOICE_ID_PATH, "Voice id", _ROUTING, column=None, editable=False),
    *(_voice_id(kind) for kind in VOICE_ID_NAMES),
    OrderField(
        "smsConfiguration.smsAppId", "SMS app id", _ROUTING, hint="optional", editable=False
    ),
    _e911("name", "name", True),
    _e911("streetNum", "street number", True),
    _e911("streetInfo", "street", True, hint="Main St"),
    _e911("location", "location", hint="Apt 5"),
    _e911("city", "city", True),
    _e911("state", "state", True, convert=check_state),
    _e911("postalCode", "postal code", True, convert=check_postal_code),
    _e911("postalCodePlusFour", "ZIP+4", hint="1234", convert=check_zip_plus_four),
    OrderField(
        "customerOrderReference", "Customer reference", _SCHEDULE, hint="generated if empty"
    ),
    OrderField(
        "desiredPortSchedule.desiredPortDate",
        "Port date",
        _SCHEDULE,
        True,
        hint="YYYY-MM-DD",
        convert=check_day,
    ),
    OrderField(
        "desiredPortSchedule.desiredPortTime",
        "Port time",
        _SCHEDULE,
        True,
        hint="09:00",
        convert=check_port_time,
    ),
    OrderField(
        "desiredPortSchedule.desiredPortTimeZone",
        "Time zone",
        _SCHEDULE,
        True,
        choices=tuple((zone, zone) for zone in TIME_ZONES),
        convert=check_zone,
    ),
    OrderField(
        "onDemandActivation",
        "Activation",
        _SCHEDULE,
        choices=(("on the port date", "no"), ("on demand (A activates)", "yes")),
        convert=check_bool,
    ),
    OrderField("loaUploadedBy", "LOA uploaded by", _SCHEDULE, editable=False),
    OrderField(
        "loaAttachmentDate",
        "LOA date",
        _SCHEDULE,
        hint="YYYY-MM-DD",
        convert=_day_start,
        editable=False,
    ),
    OrderField(
        "resellerName",
        "Reseller name",
        _SCHEDULE,
        hint="required for Canadian numbers",
        editable=False,
    ),
)

FIELDS_BY_PATH = {field.path: field for field in ORDER_FIELDS}
ORDER_PATHS = tuple(f.path for f in ORDER_FIELDS if not f.per_number and f.column is not None)
"""Fields of the whole order that a CSV column or ``orders edit --set`` may set."""
NUMBER_PATHS = tuple(
    f.path
    for f in ORDER_FIELDS
    if f.per_number and f.column is not None and f.path != "phoneNumber"
)
"""Fields of each number that a CSV column or ``orders edit --set`` may set."""
SECRET_PATHS = frozenset(field.path for field in ORDER_FIELDS if field.secret)
READ_ONLY_PATHS = frozenset(
    f"features.e911.enh{part}"
    for part in (
        "StreetNum",
        "StreetInfo",
        "Location",
        "City",
        "State",
        "PostalCode",
        "PostalCodePlusFour",
    )
)
"""Fields of the client's NewOrder that nobody types: Sinch's validated E911 copy."""


def convert(path: str, text: str) -> Any:
    """The API value of ``text`` typed for ``path``; ValueError says what is expected."""
    field = FIELDS_BY_PATH.get(path)
    return field.convert(text) if field else _text(text)


def lenient(path: str, text: str) -> Any:
    """``convert``, or the text stripped when it is not valid (the checks report it)."""
    try:
        return convert(path, text)
    except ValueError:
        return text.strip()


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
    kinds = {id_name: kind for kind, id_name in VOICE_ID_NAMES.items()}
    if name in kinds:
        if value is None:
            number.pop("voiceConfiguration", None)
        else:
            number["voiceConfiguration"] = {"type": kinds[name], name: value}
        return
    set_path(number, path, value)
