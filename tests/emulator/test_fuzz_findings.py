"""What property-based testing found: odd types answered 500, short years, a thin Allow, nulls."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from porting_tui.emulator.dates import format_timestamp, parse_timestamp
from tests.emulator.conftest import checked, order_body, portable_number


def voice_typed(kind: Any) -> dict[str, Any]:
    body = order_body(portable_number())
    body["phoneNumbers"][0]["voiceConfiguration"] = {"type": kind, "trunkId": "T1"}
    return body


@pytest.mark.parametrize("kind", [{}, [], 7, None, "SIP"])
async def test_a_voice_type_that_is_not_a_known_string_is_a_422_on_create_and_update(
    api: httpx.AsyncClient, kind: Any
) -> None:
    created = await api.post("/orders/portIns", json=voice_typed(kind))
    assert created.status_code == 422, created.text
    fields = [v["field"] for v in created.json()["details"]["fieldViolations"]]
    assert fields == ["phoneNumbers[0].voiceConfiguration.type"]

    order_id = checked(await api.post("/orders/portIns", json=order_body()), 201)["id"]
    updated = await api.put(f"/orders/portIns/{order_id}", json=voice_typed(kind))
    assert updated.status_code == 422, updated.text


@pytest.mark.parametrize(
    ("sent", "answered"),
    [
        ("0222-09-27T10:00:00Z", "0222-09-27T10:00:00.000Z"),
        ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z"),
        ("2024-09-24T12:00:00Z", "2024-09-24T12:00:00.000Z"),
    ],
)
async def test_years_are_always_written_with_four_digits(
    api: httpx.AsyncClient, sent: str, answered: str
) -> None:
    created = checked(
        await api.post(
            "/orders/portIns",
            json=order_body(loaUploadedBy="ops@example.com", loaAttachmentDate=sent),
        ),
        201,
    )
    assert created["loaAttachmentDate"] == answered


@pytest.mark.parametrize("sent", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:00:00-05:00"])
async def test_a_date_time_past_the_calendars_ends_is_a_422(
    api: httpx.AsyncClient, sent: str
) -> None:
    response = await api.post("/orders/portIns", json=order_body(loaAttachmentDate=sent))
    assert response.status_code == 422, response.text
    assert parse_timestamp(sent) is None


def test_the_last_day_of_the_calendar_ends_a_range_without_overflow() -> None:
    end = parse_timestamp("9999-12-31", end_of_day=True)
    assert end is not None
    assert format_timestamp(end) == "9999-12-31T23:59:59.999Z"


async def test_list_filters_at_the_calendars_ends_are_answered(api: httpx.AsyncClient) -> None:
    response = await api.get(
        "/orders/portIns",
        params={"createdDateStart": "0001-01-01", "createdDateEnd": "9999-12-31"},
    )
    checked(response, 200)


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PATCH", "/orders/portIns/700001", {"GET", "HEAD", "PUT", "DELETE"}),
        ("DELETE", "/orders/portIns", {"GET", "HEAD", "POST"}),
        ("DELETE", "/configuration", {"GET", "HEAD", "POST", "PUT"}),
        ("GET", "/orders/portIns/700001/notes", {"POST"}),
        ("PUT", "/portabilityChecks", {"POST"}),
    ],
)
async def test_a_405_lists_every_method_of_the_path(
    api: httpx.AsyncClient, method: str, path: str, allowed: set[str]
) -> None:
    response = await api.request(method, path)
    assert response.status_code == 405
    assert {m.strip() for m in response.headers["allow"].split(",")} == allowed
    assert response.json()["code"] == "405"


async def test_null_is_absent_and_never_answered(api: httpx.AsyncClient) -> None:
    body = order_body(portable_number(), loaUploadedBy=None, resellerName=None)
    item = body["phoneNumbers"][0]
    item["endUser"]["streetPreDir"] = None
    item["portOutInfo"]["accountNum"] = None
    item["smsConfiguration"] = None
    item["features"] = {"e911": None}
    created = checked(await api.post("/orders/portIns", json=body), 201)
    number = created["phoneNumbers"][0]
    assert "streetPreDir" not in number["endUser"]
    assert "accountNum" not in number["portOutInfo"]
    assert "smsConfiguration" not in number
    assert number["features"] == {}
    assert "loaUploadedBy" not in created

    def nulls(value: Any) -> int:
        if isinstance(value, dict):
            return sum(v is None or nulls(v) for v in value.values())
        if isinstance(value, list):
            return sum(nulls(v) for v in value)
        return 0

    assert nulls(created) == 0


async def test_null_in_a_required_field_is_missing(api: httpx.AsyncClient) -> None:
    body = order_body(portable_number())
    body["phoneNumbers"][0]["endUser"]["name"] = None
    response = await api.post("/orders/portIns", json=body)
    assert response.status_code == 422
    violation = response.json()["details"]["fieldViolations"][0]
    assert violation == {
        "field": "phoneNumbers[0].endUser.name",
        "description": "name is required",
    }
