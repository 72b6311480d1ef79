"""The example order CSV written by ``porting-tui csv-template`` and the wizard's template key."""

from __future__ import annotations

import csv
import io
from datetime import date

from porting_tui.domain.business_days import add_business_days
from porting_tui.domain.order_field_table import ORDER_FIELDS
from porting_tui.domain.order_fields import COLUMN_NAMES

TEMPLATE_FILE_NAME = "porting-order-template.csv"


def _examples(port_date: date) -> list[dict[str, str]]:
    first = {
        "phoneNumber": "+13125550143",
        "customerOrderReference": "ACME-42",
        "onDemandActivation": "false",
        "desiredPortDate": port_date.isoformat(),
        "desiredPortTime": "09:00",
        "desiredPortTimeZone": "US/Central",
        "loaUploadedBy": "Jane Doe",
        "name": "Acme Inc",
        "streetNum": "233",
        "streetPreDir": "S",
        "streetName": "Wacker",
        "streetType": "Dr",
        "locationType1": "Suite",
        "locationValue1": "2100",
        "city": "Chicago",
        "state": "IL",
        "zipCode": "60606",
        "typeOfService": "B",
        "existingPortOutPin": "1234",
        "accountNum": "ACC-778812",
        "accountPhoneNumber": "+13125550143",
        "authorizingName": "Jane Doe",
        "voiceType": "RTC",
        "appId": "6afd2da3-1692-4443-834c-8a2f386ec284",
        "smsAppId": "01G65Z755AFWAKHE12NY0CQ9FH",
    }
    second = {key: value for key, value in first.items() if key not in _ORDER_COLUMNS}
    second.update(
        {
            "phoneNumber": "(312) 555-0144",
            "existingPortOutPin": "5678",
            "e911.name": "Acme Inc",
            "e911.streetNum": "233",
            "e911.streetInfo": "S Wacker Dr",
            "e911.location": "Suite 2100",
            "e911.city": "Chicago",
            "e911.state": "IL",
            "e911.postalCode": "60606",
        }
    )
    return [first, second]


_ORDER_COLUMNS = frozenset(
    f.column_name for f in ORDER_FIELDS if not f.per_number and f.column_name is not None
)


def template_text(today: date) -> str:
    """Every documented column, with two example rows (order values on the first row only)."""
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=list(COLUMN_NAMES), lineterminator="\n")
    writer.writeheader()
    for row in _examples(add_business_days(today, 5)):
        writer.writerow(row)
    return output.getvalue()
