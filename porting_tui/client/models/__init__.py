"""Typed models of the Porting API: camelCase on the wire, snake_case in Python."""

from __future__ import annotations

from porting_tui.client.models.base import (
    TIME_ZONES,
    NumberStatus,
    OrderStatus,
    PortingModel,
    TimeZone,
)
from porting_tui.client.models.configuration import Configuration, Contact
from porting_tui.client.models.dates import (
    WireText,
    date_text,
    day_of,
    is_unreadable,
    moment_of,
    parse_wire_date,
)
from porting_tui.client.models.degrade import DegradableModel
from porting_tui.client.models.listing import OrderListItem, OrderPage
from porting_tui.client.models.order import (
    E911,
    DesiredPortSchedule,
    EndUser,
    ExcludedFeature,
    Features,
    NewOrder,
    NewPhoneNumber,
    Order,
    OrderDocument,
    OrderNote,
    OrderSnapshot,
    PhoneNumber,
    PortOutInfo,
)
from porting_tui.client.models.results import (
    ActivationGroup,
    ActivationGroups,
    ActivationNumber,
    DocumentContent,
    GroupActivation,
    NoteCreated,
    PortabilityResult,
)
from porting_tui.client.models.voice import (
    EstVoice,
    FaxVoice,
    RtcVoice,
    SmsConfiguration,
    UnknownVoice,
    VoiceConfiguration,
)
from porting_tui.client.models.webhook import NumberPortingStatus, WebhookEvent, WebhookEventType
from porting_tui.client.models.wire import order_request_body

__all__ = [
    "E911",
    "TIME_ZONES",
    "ActivationGroup",
    "ActivationGroups",
    "ActivationNumber",
    "Configuration",
    "Contact",
    "DegradableModel",
    "DesiredPortSchedule",
    "DocumentContent",
    "EndUser",
    "EstVoice",
    "ExcludedFeature",
    "FaxVoice",
    "Features",
    "GroupActivation",
    "NewOrder",
    "NewPhoneNumber",
    "NoteCreated",
    "NumberPortingStatus",
    "NumberStatus",
    "Order",
    "OrderDocument",
    "OrderListItem",
    "OrderNote",
    "OrderPage",
    "OrderSnapshot",
    "OrderStatus",
    "PhoneNumber",
    "PortOutInfo",
    "PortabilityResult",
    "PortingModel",
    "RtcVoice",
    "SmsConfiguration",
    "TimeZone",
    "UnknownVoice",
    "VoiceConfiguration",
    "WebhookEvent",
    "WebhookEventType",
    "WireText",
    "date_text",
    "day_of",
    "is_unreadable",
    "moment_of",
    "order_request_body",
    "parse_wire_date",
]
