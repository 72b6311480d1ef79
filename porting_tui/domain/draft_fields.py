"""Every field the create-order form asks for: its API path, label, step and kind.

Per-number paths are relative to one entry of ``phoneNumbers`` and use the API's names
(``endUser.zipCode``); the voice id is kept as ``voiceConfiguration.id`` whatever the type, and
becomes ``appId``, ``trunkId`` or ``serviceId`` when the order is built.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from porting_tui.client.models import TIME_ZONES


class Step(IntEnum):
    """The six steps of the wizard, in order."""

    NUMBERS = 0
    PORTABILITY = 1
    END_USER = 2
    ROUTING = 3
    SCHEDULE = 4
    REVIEW = 5

    @property
    def title(self) -> str:
        return STEP_TITLES[self]


STEP_TITLES = {
    Step.NUMBERS: "Numbers",
    Step.PORTABILITY: "Portability",
    Step.END_USER: "End user",
    Step.ROUTING: "Routing",
    Step.SCHEDULE: "Schedule",
    Step.REVIEW: "Review",
}


@dataclass(frozen=True)
class FormField:
    path: str
    label: str
    required: bool = False
    secret: bool = False
    """Masked while typing and in the review (PINs, account numbers)."""
    hint: str = ""
    """Placeholder text: an example of a good value."""
    choices: tuple[tuple[str, str], ...] = ()
    """(label, value) pairs when the value is picked from a list; empty for free text."""


END_USER_FORM = (
    FormField("endUser.name", "Name", True, hint="person or company, as on the bill"),
    FormField("endUser.streetNum", "Street number", True, hint="123"),
    FormField("endUser.streetPreDir", "Pre-direction", hint="N"),
    FormField("endUser.streetName", "Street name", True, hint="Main"),
    FormField("endUser.streetType", "Street type", hint="St"),
    FormField("endUser.streetPostDir", "Post-direction", hint="SW"),
    FormField("endUser.locationType1", "Location type 1", hint="Suite"),
    FormField("endUser.locationValue1", "Location value 1", hint="2134"),
    FormField("endUser.locationType2", "Location type 2", hint="Floor"),
    FormField("endUser.locationValue2", "Location value 2"),
    FormField("endUser.locationType3", "Location type 3"),
    FormField("endUser.locationValue3", "Location value 3"),
    FormField("endUser.city", "City", True),
    FormField("endUser.state", "State/province", True, hint="IL or ON"),
    FormField("endUser.zipCode", "ZIP/postal code", True, hint="60601 or K1A 0B1"),
    FormField(
        "endUser.typeOfService",
        "Type of service",
        choices=(("Business (B)", "B"), ("Residence (R)", "R")),
    ),
)
PORT_OUT_FORM = (
    FormField("portOutInfo.existingPortOutPin", "Port-out PIN", secret=True),
    FormField("portOutInfo.accountNum", "Account number", secret=True),
    FormField("portOutInfo.accountPhoneNumber", "Account phone", hint="+13125550100"),
    FormField("portOutInfo.authorizingName", "Authorizing name"),
    FormField("portOutInfo.authorizingDate", "Authorizing date", hint="YYYY-MM-DD"),
    FormField("newPortOutPin", "New port-out PIN", secret=True, hint="optional"),
)
VOICE_TYPES = ("RTC", "EST", "FAX")
VOICE_ID_NAMES = {"RTC": "appId", "EST": "trunkId", "FAX": "serviceId"}
VOICE_ID_LABELS = {"RTC": "Voice app id", "EST": "SIP trunk id", "FAX": "Fax service id"}
ROUTING_FORM = (
    FormField(
        "voiceConfiguration.type",
        "Voice routing",
        choices=(
            ("RTC: Voice API app", "RTC"),
            ("EST: Elastic SIP trunk", "EST"),
            ("FAX: fax service", "FAX"),
        ),
    ),
    FormField("voiceConfiguration.id", "Voice id"),
    FormField("smsConfiguration.smsAppId", "SMS app id", hint="optional"),
)
E911_FORM = (
    FormField("features.e911.name", "E911 name", True),
    FormField("features.e911.streetNum", "E911 street number", True),
    FormField("features.e911.streetInfo", "E911 street", True, hint="Main St"),
    FormField("features.e911.location", "E911 location", hint="Apt 5"),
    FormField("features.e911.city", "E911 city", True),
    FormField("features.e911.state", "E911 state", True),
    FormField("features.e911.postalCode", "E911 postal code", True),
    FormField("features.e911.postalCodePlusFour", "E911 ZIP+4", hint="1234"),
)
PER_NUMBER_FORM = END_USER_FORM + PORT_OUT_FORM + ROUTING_FORM + E911_FORM
PER_NUMBER_PATHS = tuple(field.path for field in PER_NUMBER_FORM)

ORDER_FORM = (
    FormField("desiredPortSchedule.desiredPortDate", "Port date", True, hint="YYYY-MM-DD"),
    FormField("desiredPortSchedule.desiredPortTime", "Port time", True, hint="09:00"),
    FormField(
        "desiredPortSchedule.desiredPortTimeZone",
        "Time zone",
        True,
        choices=tuple((zone, zone) for zone in TIME_ZONES),
    ),
    FormField("onDemandActivation", "On-demand activation"),
    FormField("customerOrderReference", "Customer reference", hint="generated if empty"),
    FormField("loaUploadedBy", "LOA uploaded by"),
    FormField("loaAttachmentDate", "LOA date", hint="YYYY-MM-DD"),
    FormField("resellerName", "Reseller name", hint="required for Canadian numbers"),
)
ORDER_PATHS = tuple(field.path for field in ORDER_FORM)

FIELDS_BY_PATH = {field.path: field for field in PER_NUMBER_FORM + ORDER_FORM}
SECRET_PATHS = frozenset(field.path for field in PER_NUMBER_FORM if field.secret)


def step_of_path(path: str) -> Step:
    """The step that asks for a per-number or order field path."""
    if path.startswith(("endUser", "portOutInfo", "newPortOutPin")):
        return Step.END_USER
    if path.startswith(("voiceConfiguration", "smsConfiguration", "features")):
        return Step.ROUTING
    if path in ("", "phoneNumber", "phoneNumbers"):
        return Step.NUMBERS
    return Step.SCHEDULE


def label_of(path: str) -> str:
    field = FIELDS_BY_PATH.get(path)
    return field.label if field else path
