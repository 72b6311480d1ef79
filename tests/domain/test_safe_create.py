"""A create whose answer is lost is looked up by reference before anything is sent again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
import pytest

from porting_tui.client import EndUser, NewOrder, NewPhoneNumber, PortingClient, PortOutInfo
from porting_tui.client.models import DesiredPortSchedule
from porting_tui.domain.safe_create import CreateUnconfirmedError, create_once
from porting_tui.emulator import (
    DEMO_PROJECT_ID,
    Emulator,
    EmulatorSettings,
    create_emulator,
)
from tests.support import demo_client as make_client

START = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
CREATE_PATH = LIST_PATH = f"/v1/projects/{DEMO_PROJECT_ID}/orders/portIns"


def make_emulator() -> Emulator:
    return create_emulator(EmulatorSettings(orders=0, seed=7, speed=0, start=START))


@dataclass
class LossyTransport(httpx.AsyncBaseTransport):
    """Forwards to the emulator; ``lose`` decides which answers never come back."""

    inner: httpx.AsyncBaseTransport
    lose: Callable[[httpx.Request, int], bool]
    requests: list[httpx.Request] = field(default_factory=list)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        response = await self.inner.handle_async_request(request)
        if self.lose(request, len(self.requests)):
            raise httpx.ReadTimeout("timed out", request=request)
        return response

    def count(self, method: str) -> int:
        return sum(1 for r in self.requests if r.method == method and r.url.path == LIST_PATH)


def new_order(reference: str = "SAFE-1") -> NewOrder:
    return NewOrder(
        customer_order_reference=reference,
        desired_port_schedule=DesiredPortSchedule(desired_port_date=START.date().replace(day=30)),
        phone_numbers=[
            NewPhoneNumber(
                phone_number="+13125550100",
                end_user=EndUser(
                    name="Acme",
                    street_num="1",
                    street_name="Main",
                    city="Chicago",
                    state="IL",
                    zip_code="60606",
                ),
                port_out_info=PortOutInfo(existing_port_out_pin="1234"),
            )
        ],
    )


def client_losing(
    lose: Callable[[httpx.Request, int], bool],
) -> tuple[PortingClient, LossyTransport]:
    transport = LossyTransport(httpx.ASGITransport(app=make_emulator().app), lose)
    return make_client(transport), transport


def is_create(request: httpx.Request) -> bool:
    return request.method == "POST" and request.url.path == CREATE_PATH


async def test_a_lost_answer_is_recovered_by_reference_without_a_second_create() -> None:
    client, transport = client_losing(lambda request, _: is_create(request))
    async with client:
        outcome = await create_once(client, new_order(), START)
        assert outcome.recovered and outcome.attempts == 1
        assert transport.count("POST") == 1
        page = await client.orders.list_page(customer_order_reference="SAFE-1")
    assert [item.id for item in page.orders] == [outcome.order_id]


async def test_a_create_that_never_arrived_is_sent_again_once() -> None:
    inner = httpx.ASGITransport(app=make_emulator().app)
    sent: list[httpx.Request] = []

    class DropsFirstCreate(httpx.AsyncBaseTransport):
        """The first create is lost on the way (the server never sees it)."""

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            sent.append(request)
            if is_create(request) and sum(1 for r in sent if is_create(r)) == 1:
                raise httpx.ReadError("connection reset", request=request)
            return await inner.handle_async_request(request)

    async with make_client(DropsFirstCreate()) as client:
        outcome = await create_once(client, new_order(), START)
        page = await client.orders.list_page(customer_order_reference="SAFE-1")
    assert not outcome.recovered and outcome.attempts == 2
    assert [r.method for r in sent][:3] == ["POST", "GET", "POST"]
    assert page.total_items == 1


async def test_when_the_lookup_fails_too_nothing_is_sent_again() -> None:
    client, transport = client_losing(lambda request, _: request.url.path == CREATE_PATH)
    async with client:
        with pytest.raises(CreateUnconfirmedError, match="SAFE-1"):
            await create_once(client, new_order(), START)
    assert transport.count("POST") == 1


async def test_looking_first_finds_the_order_an_earlier_attempt_created() -> None:
    client, transport = client_losing(lambda request, _: False)
    async with client:
        first = await create_once(client, new_order(), START)
        again = await create_once(client, new_order(), START, look_first=True)
    assert again.recovered and again.order_id == first.order_id
    assert transport.count("POST") == 1


async def test_an_order_without_a_reference_is_not_created() -> None:
    client, _ = client_losing(lambda request, _: False)
    async with client:
        with pytest.raises(ValueError, match="reference"):
            await create_once(client, new_order(reference=""), START)
