"""Port-in orders and their numbers, as read from the API and as sent to it."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from porting_tui.client.models.base import PortingModel, WholeNumber
from porting_tui.client.models.dates import Day, OptionalDay, OptionalTimestamp
from porting_tui.client.models.degrade import EMPTY_WHEN_NULL, DegradableModel, degrade_to
from porting_tui.client.models.lenient_values import UNREADABLE_STATUS
from porting_tui.client.models.voice import SmsConfiguration, VoiceConfiguration


class EndUser(PortingModel):
    """The end user as the losing carrier knows them; it must match the carrier's records."""

    name: str | None = None
    """Person or company name of the actual end user (required)."""
    street_num: str | None = None
    street_name: str | None = None
    street_pre_dir: str | None = None
    """Direction before the street name, e.g. ``N``."""
    street_type: str | None = None
    """E.g. ``St`` or ``Court``."""
    street_post_dir: str | None = None
    """Direction after the street name, e.g. ``SW``."""
    location_type1: str | None = None
    """E.g. ``Suite`` (with ``location_value1`` = ``2134``)."""
    location_value1: str | None = None
    location_type2: str | None = None
    location_value2: str | None = None
    location_type3: str | None = None
    location_value3: str | None = None
    city: str | None = None
    state: str | None = None
    """Two-letter state or province abbreviation."""
    zip_code: str | None = None
    type_of_service: str | None = None
    """``B`` (business) or ``R`` (residence); the API assumes ``B``."""


class PortOutInfo(PortingModel):
    """What the losing carrier needs to release the number; PIN and account stay out of reprs."""

    existing_port_out_pin: str | None = Field(default=None, repr=False)
    """The port-out PIN from the losing carrier; usually all that is needed."""
    account_num: str | None = Field(default=None, repr=False)
    """Account number at the losing carrier."""
    account_phone_number: str | None = None
    authorizing_name: str | None = None
    """The person who authorizes the port."""
    authorizing_date: OptionalDay = None
    """When the port was authorized; today or earlier."""


class E911(PortingModel):
    """Emergency address of a number; the ``enh_*`` fields are Sinch's validated copy."""

    name: str | None = None
    street_num: str | None = None
    street_info: str | None = None
    """Street name, e.g. ``Main St``."""
    location: str | None = None
    """E.g. ``Apt 5``."""
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    postal_code_plus_four: str | None = None
    enh_street_num: str | None = None
    enh_street_info: str | None = None
    enh_location: str | None = None
    enh_city: str | None = None
    enh_state: str | None = None
    enh_postal_code: str | None = None
    enh_postal_code_plus_four: str | None = None


class Features(PortingModel):
    """Extra services of a number; E911 is the only one documented."""

    e911: E911 | None = None


class ExcludedFeature(PortingModel):
    """A feature of a number that will not be ported, and why."""

    feature_name: str | None = None
    exclusion_reason: str | None = None


class DesiredPortSchedule(PortingModel):
    """When the numbers should port; time and zone fall back to the project defaults."""

    desired_port_date: Day
    """``YYYY-MM-DD`` when sent; read from a date or a date-time, odd text kept as sent."""
    desired_port_time: str | None = None
    """``HH:MM:SS``."""
    desired_port_time_zone: str | None = None
    """One of ``TIME_ZONES``."""


class OrderNote(DegradableModel):
    """A note on an order, written by Sinch or by the customer."""

    note: str | None = None
    created_time: OptionalTimestamp = None
    created_by: str | None = None


class OrderDocument(DegradableModel):
    """Metadata of a document attached to an order (LOA, bill copy...)."""

    id: WholeNumber | None = None
    document_name: str | None = None
    description: str | None = None


class NewPhoneNumber(PortingModel):
    """A number to port in, as sent when creating an order."""

    phone_number: str
    """E.164, ``+1`` and ten digits."""
    voice_configuration: VoiceConfiguration | None = None
    sms_configuration: SmsConfiguration | None = None
    end_user: EndUser = Field(default_factory=EndUser)
    port_out_info: PortOutInfo = Field(default_factory=PortOutInfo)
    features: Features | None = None
    new_port_out_pin: str | None = Field(default=None, repr=False)
    """A new port-out PIN to set on the number once it is ported."""


class PhoneNumber(DegradableModel):
    """A number on an order, with the status Sinch reports for it.

    An entry the client cannot read is kept as an unreadable number (``unreadable`` says why,
    ``raw_entry`` holds it as sent) rather than failing the whole order.
    """

    phone_number: str
    status: str = "PENDING"
    """A ``NumberStatus`` value, or a newer one this client does not know; the API's default
    ``PENDING`` when the server leaves it out."""
    exclusion_reason: str | None = None
    exclusion_date: OptionalTimestamp = None
    country_code: str | None = None
    """``US`` or ``CA``, set by Sinch."""
    activated_date: OptionalTimestamp = None
    confirmed_date: OptionalTimestamp = None
    activate_user: str | None = None
    """Who activated the number."""
    voice_configuration: VoiceConfiguration | None = None
    sms_configuration: SmsConfiguration | None = None
    end_user: EndUser = Field(default_factory=EndUser)
    port_out_info: PortOutInfo | None = None
    features: Features | None = None
    new_port_out_pin: str | None = Field(default=None, repr=False)
    reject_reason: str | None = None
    excluded_features: Annotated[list[ExcludedFeature], EMPTY_WHEN_NULL] = Field(
        default_factory=list
    )
    phone_number_group: str | None = None
    """The activation group (one per losing carrier), e.g. ``GW Verizon Grp1``."""
    foc_date: OptionalTimestamp = None
    """Firm Order Commitment: the date the carrier agreed to release the number."""

    @classmethod
    def _placeholders(cls) -> dict[str, Any]:
        # An entry that could not be read is not "PENDING" (the API's default) but unknown.
        return {"phone_number": "", "status": UNREADABLE_STATUS}


PhoneNumbers = Annotated[list[PhoneNumber], EMPTY_WHEN_NULL, degrade_to(PhoneNumber)]
"""The numbers of an order; one that cannot be read stays in the list as unreadable."""
Notes = Annotated[list[OrderNote], EMPTY_WHEN_NULL, degrade_to(OrderNote)]
Documents = Annotated[list[OrderDocument], EMPTY_WHEN_NULL, degrade_to(OrderDocument)]


class _OrderFields(PortingModel):
    customer_order_reference: str | None = None
    on_demand_activation: bool | None = None
    """True: numbers go live only when activated; false: on the desired port date."""
    desired_port_schedule: DesiredPortSchedule
    loa_uploaded_by: str | None = None
    """Who uploaded the Letter of Authorization."""
    loa_attachment_date: OptionalTimestamp = None
    phone_numbers: PhoneNumbers = Field(default_factory=list)
    notes: Notes = Field(default_factory=list)
    documents: Documents = Field(default_factory=list)
    created_date: OptionalDay = None
    reseller_name: str | None = None
    """Needed for Canadian numbers only."""


class Order(_OrderFields):
    """A port-in order as the API returns it.

    The spec requires neither ``id`` nor ``status`` in the answer: a missing id is filled in
    from the request path by the resource, a missing status is None.
    """

    id: WholeNumber = 0
    status: str | None = None
    """An ``OrderStatus`` value, a newer one this client does not know, or None when unsent."""


class OrderSnapshot(_OrderFields):
    """The order inside an ``ORDER_UPDATED`` webhook: an order without its id."""

    status: str | None = None


class NewOrder(PortingModel):
    """The body of a create request; checked before it is sent."""

    customer_order_reference: str | None = None
    on_demand_activation: bool | None = None
    desired_port_schedule: DesiredPortSchedule | None = None
    loa_uploaded_by: str | None = None
    loa_attachment_date: OptionalTimestamp = None
    reseller_name: str | None = None
    phone_numbers: list[NewPhoneNumber] = Field(default_factory=list)
