"""Both wire styles of dates (REFERENCE.md §10 #15): the same lifecycle read in each."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from porting_tui.cli.emulator_cmd import emulator as emulator_command
from porting_tui.emulator import DEMO_KEY_ID, DEMO_KEY_SECRET, Emulator
from porting_tui.emulator.dates import WIRE_STYLES, WireStyle
from tests.emulator.conftest import API, BASE_URL, checked, make_emulator, order_body
from tests.emulator.conftest import portable_number as new_number

HOUR = 3600
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
SHAPE = {"date": DAY, "date-time": TIMESTAMP}


@pytest.fixture(params=WIRE_STYLES)
def style(request: pytest.FixtureRequest) -> WireStyle:
    value: WireStyle = request.param
    return value


@pytest.fixture
def styled(style: WireStyle) -> Emulator:
    return make_emulator(wire_style=style)


@pytest.fixture
async def styled_api(styled: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=styled.app),
        base_url=BASE_URL + API,
        auth=(DEMO_KEY_ID, DEMO_KEY_SECRET),
    ) as client:
        yield client
    await styled.aclose()


def answer(response: httpx.Response, status: int, style: WireStyle) -> Any:
    """The body; in the OpenAPI file's style it is also validated against the contract."""
    if style == "date":
        return checked(response, status)
    assert response.status_code == status, response.text
    return response.json()


def reference_authorized(phone: str) -> dict[str, Any]:
    """An order whose authorizingDate is a date-time, as the reference's PUT example sends.

    A week before START: the example's own 2024-09-24 would be an expired LOA by then.
    """
    body = order_body(phone)
    body["phoneNumbers"][0]["portOutInfo"]["authorizingDate"] = "2025-03-04T12:00:00Z"
    return body


def assert_dates(order: dict[str, Any], style: WireStyle, day: str = "2025-03-04") -> None:
    """createdDate in the style, and authorizingDate ``day`` (sent at 12:00:00Z) too."""
    assert SHAPE[style].match(order["createdDate"]), order["createdDate"]
    authorized = order["phoneNumbers"][0]["portOutInfo"]["authorizingDate"]
    assert authorized == {"date": day, "date-time": f"{day}T12:00:00.000Z"}[style]


async def test_a_lifecycle_reads_the_same_in_both_styles(
    styled_api: httpx.AsyncClient, styled: Emulator, style: WireStyle
) -> None:
    phone = new_number(wireless=False, punctual=True)
    created = answer(
        await styled_api.post("/orders/portIns", json=reference_authorized(phone)), 201, style
    )
    order_id = created["id"]
    assert_dates(created, style)
    assert created["createdDate"].startswith("2025-03-11")

    # The reference's PUT example: a full order with a date-time authorizingDate.
    update = reference_authorized(phone)
    update["customerOrderReference"] = "ACME-43"
    updated = answer(await styled_api.put(f"/orders/portIns/{order_id}", json=update), 200, style)
    assert updated["customerOrderReference"] == "ACME-43"
    assert_dates(updated, style)

    styled.advance(4 * HOUR)
    confirmed = answer(await styled_api.get(f"/orders/portIns/{order_id}"), 200, style)
    assert confirmed["status"] == "CONFIRMED"
    assert TIMESTAMP.match(confirmed["phoneNumbers"][0]["focDate"])
    assert_dates(confirmed, style)

    styled.advance(timedelta(days=7))
    listed = answer(
        await styled_api.get("/orders/portIns", params={"orderId": str(order_id)}), 200, style
    )
    row = listed["orders"][0]
    assert (row["status"], row["activatedQuantity"]) == ("COMPLETED", 1)
    assert SHAPE[style].match(row["createdDate"])

    webhooks = [r.body["order"] for r in styled.events.records if r.body["type"] == "ORDER_UPDATED"]
    assert webhooks
    for order in webhooks:
        assert_dates(order, style)


async def test_a_date_authorizing_date_is_answered_in_the_style(
    styled_api: httpx.AsyncClient, style: WireStyle
) -> None:
    body = order_body(new_number())
    body["phoneNumbers"][0]["portOutInfo"]["authorizingDate"] = "2024-09-24"
    created = answer(await styled_api.post("/orders/portIns", json=body), 201, style)
    authorized = created["phoneNumbers"][0]["portOutInfo"]["authorizingDate"]
    assert authorized == {"date": "2024-09-24", "date-time": "2024-09-24T00:00:00.000Z"}[style]


@pytest.mark.parametrize(
    ("authorized", "accepted"),
    [
        ("2025-03-11T12:00:00Z", True),
        ("2025-03-11T23:30:00-05:00", True),
        ("2025-03-12T00:00:00Z", False),
        ("2025-03-12", False),
        ("2024-09-24T25:00:00Z", False),
        ("24 September 2024", False),
    ],
)
async def test_a_date_time_authorizing_date_is_judged_by_the_day_it_names(
    api: httpx.AsyncClient, authorized: str, accepted: bool
) -> None:
    body = order_body(new_number())
    body["phoneNumbers"][0]["portOutInfo"]["authorizingDate"] = authorized
    response = await api.post("/orders/portIns", json=body)
    if accepted:
        checked(response, 201)
    else:
        assert response.status_code == 422, response.text
        violations = response.json()["details"]["fieldViolations"]
        assert [v["field"] for v in violations] == ["phoneNumbers[0].portOutInfo.authorizingDate"]


def test_the_command_offers_both_styles_and_refuses_others() -> None:
    runner = CliRunner()
    help_text = runner.invoke(emulator_command, ["--help"]).output
    assert "--wire-style [date|date-time]" in help_text
    refused = runner.invoke(emulator_command, ["--wire-style", "iso"])
    assert refused.exit_code == 2
    assert "--wire-style" in refused.output


SAMPLES = Path(__file__).parents[1] / "conformance" / "samples"


async def test_the_references_own_create_and_put_examples_are_accepted(style: WireStyle) -> None:
    """The 1.0 reference's bodies, byte for byte, on the day before their desiredPortDate."""
    emulator = make_emulator(wire_style=style, start=datetime(2025, 1, 30, 15, 0, tzinfo=UTC))
    create = json.loads((SAMPLES / "create-order.request.json").read_text("utf-8"))["body"]
    update = json.loads((SAMPLES / "update-order.request.json").read_text("utf-8"))["body"]
    assert update["phoneNumbers"][0]["portOutInfo"]["authorizingDate"] == "2024-09-24T12:00:00Z"
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=emulator.app),
        base_url=BASE_URL + API,
        auth=(DEMO_KEY_ID, DEMO_KEY_SECRET),
    ) as api:
        created = answer(await api.post("/orders/portIns", json=create), 201, style)
        updated = answer(await api.put(f"/orders/portIns/{created['id']}", json=update), 200, style)
    assert updated["customerOrderReference"] == update["customerOrderReference"]
    assert updated["loaAttachmentDate"] == "2024-09-24T12:00:00.000Z"
    assert_dates(updated, style, "2024-09-24")
    await emulator.aclose()
