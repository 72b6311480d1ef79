"""Typed models of the Porting API: camelCase on the wire, snake_case in Python.

Each name is imported from its module on first use (``lazy_exports``): the order list's
plain readers, the enums and the date helpers need no pydantic, and importing them does not
build the other models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from porting_tui.client.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from porting_tui.client.models.base import PortingModel
    from porting_tui.client.models.configuration import Configuration, Contact
    from porting_tui.client.models.degrade import DegradableModel
    from porting_tui.client.models.enums import (
        TIME_ZONES,
        NumberStatus,
        OrderStatus,
        TimeZone,
        WebhookEventType,
    )
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
    from porting_tui.client.models.webhook import NumberPortingStatus, WebhookEvent
    from porting_tui.client.models.wire import order_request_body
    from porting_tui.client.models.wire_dates import (
        WireText,
        date_text,
        day_of,
        is_unreadable,
        moment_of,
        parse_wire_date,
    )

_EXPORTS: dict[str, tuple[str, ...]] = {
    "porting_tui.client.models.enums": (
        "WebhookEventType",
        "TIME_ZONES",
        "NumberStatus",
        "OrderStatus",
        "TimeZone",
    ),
    "porting_tui.client.models.base": ("PortingModel",),
    "porting_tui.client.models.configuration": ("Configuration", "Contact"),
    "porting_tui.client.models.wire_dates": (
        "WireText",
        "date_text",
        "day_of",
        "is_unreadable",
        "moment_of",
        "parse_wire_date",
    ),
    "porting_tui.client.models.degrade": ("DegradableModel",),
    "porting_tui.client.models.listing": ("OrderListItem", "OrderPage"),
    "porting_tui.client.models.order": (
        "E911",
        "DesiredPortSchedule",
        "EndUser",
        "ExcludedFeature",
        "Features",
        "NewOrder",
        "NewPhoneNumber",
        "Order",
        "OrderDocument",
        "OrderNote",
        "OrderSnapshot",
        "PhoneNumber",
        "PortOutInfo",
    ),
    "porting_tui.client.models.results": (
        "ActivationGroup",
        "ActivationGroups",
        "ActivationNumber",
        "DocumentContent",
        "GroupActivation",
        "NoteCreated",
        "PortabilityResult",
    ),
    "porting_tui.client.models.voice": (
        "EstVoice",
        "FaxVoice",
        "RtcVoice",
        "SmsConfiguration",
        "UnknownVoice",
        "VoiceConfiguration",
    ),
    "porting_tui.client.models.webhook": ("NumberPortingStatus", "WebhookEvent"),
    "porting_tui.client.models.wire": ("order_request_body",),
}
__getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)
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
