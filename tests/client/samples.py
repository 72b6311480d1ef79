"""Canned API bodies shaped like the contract's examples, and request models to send."""

from __future__ import annotations

from datetime import date
from typing import Any

from porting_tui.client import (
    DesiredPortSchedule,
    EndUser,
    EstVoice,
    NewOrder,
    NewPhoneNumber,
    PortOutInfo,
)

PIN = "pin-8642"
ACCOUNT = "acct-991177"


def end_user_json() -> dict[str, Any]:
    return {
        "name": "Acme Corp",
        "streetNum": "123",
        "streetName": "Main",
        "streetPreDir": "N",
        "streetType": "St",
        "streetPostDir": "",
        "locationType1": "Suite",
        "locationValue1": "2134",
        "city": "Springfield",
        "state": "IL",
        "zipCode": "62701",
        "typeOfService": "B",
    }


def number_json(phone: str = "+12025550123", status: str = "CONFIRMED") -> dict[str, Any]:
    return {
        "phoneNumber": phone,
        "status": status,
        "exclusionReason": "",
        "countryCode": "US",
        "confirmedDate": "2024-09-26T10:00:00Z",
        "activateUser": "",
        "voiceConfiguration": {"type": "EST", "trunkId": "01G65Z755AFWAKHE12NY0CQ9FH"},
        "smsConfiguration": {"smsAppId": "sms-app-1"},
        "endUser": end_user_json(),
        "portOutInfo": {
            "existingPortOutPin": PIN,
            "accountNum": ACCOUNT,
            "accountPhoneNumber": "+12025550100",
            "authorizingName": "Ann Smith",
            "authorizingDate": "2024-09-01",
        },
        "features": {
            "e911": {
                "name": "Acme Corp",
                "streetNum": "123",
                "streetInfo": "Main St",
                "city": "Springfield",
                "state": "IL",
                "postalCode": "62701",
                "enhCity": "SPRINGFIELD",
                "enhStreetInfo": "MAIN ST",
            }
        },
        "newPortOutPin": "",
        "rejectReason": "",
        "excludedFeatures": [{"featureName": "CNAM", "exclusionReason": "not supported"}],
        "phoneNumberGroup": "GW Verizon Grp1",
        "focDate": "2024-10-01T14:00:00Z",
    }


def order_json(order_id: int = 897867, status: str = "PENDING", **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": order_id,
        "status": status,
        "customerOrderReference": "ref-42",
        "onDemandActivation": True,
        "desiredPortSchedule": {
            "desiredPortDate": "2025-01-31",
            "desiredPortTime": "10:00:00",
            "desiredPortTimeZone": "US/Eastern",
        },
        "loaUploadedBy": "Ann Smith",
        "loaAttachmentDate": "2024-09-24T12:00:00Z",
        "phoneNumbers": [number_json(), number_json("+13125550199", "PENDING")],
        "notes": [
            {"note": "Please send a bill copy", "createdTime": "2024-09-25T08:00:00Z",
             "createdBy": "Sinch"},
        ],
        "documents": [{"id": 12, "documentName": "loa.pdf", "description": "LOA"}],
        "createdDate": "2024-09-24",
        "resellerName": "",
    }  # fmt: skip
    body.update(overrides)
    return body


def list_item_json(order_id: int, status: str = "PENDING") -> dict[str, Any]:
    return {
        "id": order_id,
        "status": status,
        "customerOrderReference": f"ref-{order_id}",
        "createdDate": "2024-09-24",
        "phoneNumberQuantity": 3,
        "focQuantity": 1,
        "activatedQuantity": 0,
        "rejectedQuantity": 1,
        "excludedQuantity": 0,
    }


def page_json(ids: list[int], page: int, total_pages: int, page_size: int = 2) -> dict[str, Any]:
    return {
        "orders": [list_item_json(i) for i in ids],
        "page": page,
        "pageSize": page_size,
        "totalPages": total_pages,
        "totalItems": total_pages * page_size,
    }


def new_order(*phones: str, **overrides: Any) -> NewOrder:
    numbers = [
        NewPhoneNumber(
            phone_number=phone,
            voice_configuration=EstVoice(trunk_id="trunk-1"),
            end_user=EndUser.model_validate(end_user_json()),
            port_out_info=PortOutInfo(existing_port_out_pin=PIN, authorizing_date=date(2024, 9, 1)),
        )
        for phone in phones or ("+12025550123",)
    ]
    fields: dict[str, Any] = {
        "customer_order_reference": "ref-42",
        "on_demand_activation": True,
        "desired_port_schedule": DesiredPortSchedule(
            desired_port_date=date(2025, 1, 31),
            desired_port_time="10:00:00",
            desired_port_time_zone="US/Eastern",
        ),
        "phone_numbers": numbers,
    }
    fields.update(overrides)
    return NewOrder(**fields)
