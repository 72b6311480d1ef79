"""The client against the emulator over real loopback HTTP: two readings of the contract meet.

Every request the client sends is also checked against the contract, so a wire-format
mistake on either side shows up here.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest

from porting_tui.client import (
    AuthenticationError,
    BadRequestError,
    Configuration,
    Contact,
    DesiredPortSchedule,
    EndUser,
    EstVoice,
    NewOrder,
    NewPhoneNumber,
    NotFoundError,
    Order,
    PortingClient,
    PortOutInfo,
    UnprocessableEntityError,
    parse_webhook,
)
from porting_tui.emulator import Emulator, EmulatorSettings, create_emulator
from porting_tui.emulator.server import serving
from tests.contract.validator import validate_request
from tests.emulator.conftest import START, portable_number

HOUR = timedelta(hours=1)


@dataclass
class CheckedTransport(httpx.AsyncBaseTransport):
    """Real HTTP, with every API request body checked against the contract on the way out."""

    inner: httpx.AsyncBaseTransport = field(default_factory=httpx.AsyncHTTPTransport)
    requests: list[httpx.Request] = field(default_factory=list)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if path.startswith("/v1/") and request.method in ("POST", "PUT") and request.content:
            validate_request(
                request.method, path.replace(":activate", "/activate"), json.loads(request.content)
            )
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Setup:
    emulator: Emulator
    base_url: str
    transport: CheckedTransport
    open_client: Callable[..., PortingClient]


@pytest.fixture
async def setup() -> AsyncIterator[Setup]:
    emulator = create_emulator(EmulatorSettings(speed=0, start=START, token_lifetime=600))
    transport = CheckedTransport()
    async with serving(emulator) as base_url:

        def open_client(**options: Any) -> PortingClient:
            settings: dict[str, Any] = {
                "key_id": "demo-key",
                "key_secret": "demo-secret",
                "base_url": base_url,
                "auth_url": base_url + "/oauth2/token",
                "transport": transport,
                **options,
            }
            return PortingClient("demo-project", **settings)

        yield Setup(emulator, base_url, transport, open_client)
    await emulator.aclose()


@pytest.fixture
async def client(setup: Setup) -> AsyncIterator[PortingClient]:
    async with setup.open_client() as client:
        yield client


def new_order(*phones: str, reference: str = "ACME-42", on_demand: bool = False) -> NewOrder:
    return NewOrder(
        customer_order_reference=reference,
        on_demand_activation=on_demand,
        desired_port_schedule=DesiredPortSchedule(
            desired_port_date=date(2025, 3, 18),
            desired_port_time="09:00:00",
            desired_port_time_zone="US/Eastern",
        ),
        phone_numbers=[
            NewPhoneNumber(
                phone_number=phone,
                voice_configuration=EstVoice(trunk_id="01G65Z755AFWAKHE12NY0CQ9FH"),
                end_user=EndUser(
                    name="Harbor Dental",
                    street_num="123",
                    street_name="Main",
                    city="New York",
                    state="NY",
                    zip_code="10001",
                    type_of_service="B",
                ),
                port_out_info=PortOutInfo(existing_port_out_pin="4821", account_num="12345678"),
            )
            for phone in phones
        ],
    )


async def test_portability_check(client: PortingClient) -> None:
    [known, toll_free] = await client.portability.check(["+12345678901", "+18005550199"])
    assert (known.portable, known.carrier) == (True, "T-Mobile")
    assert toll_free.portable is False and toll_free.reason


async def test_create_get_and_edit_keep_every_field(client: PortingClient) -> None:
    phone = portable_number()
    created = await client.orders.create(new_order(phone))
    assert created.status == "PENDING" and created.id > 0
    fetched = await client.orders.get(created.id)
    assert fetched == created

    def rename(order: Order) -> None:
        order.customer_order_reference = "ACME-43"

    edited = await client.orders.edit(created.id, rename)
    assert edited.customer_order_reference == "ACME-43"
    number = edited.phone_numbers[0]
    assert number.port_out_info is not None
    assert number.port_out_info.existing_port_out_pin == "4821"
    assert number.port_out_info.account_num == "12345678"
    assert number.end_user == created.phone_numbers[0].end_user
    assert number.voice_configuration == created.phone_numbers[0].voice_configuration


async def test_a_rejection_is_fixed_through_edit(setup: Setup, client: PortingClient) -> None:
    body = new_order(portable_number(wireless=True))
    body.phone_numbers[0].port_out_info.existing_port_out_pin = "0000"
    order = await client.orders.create(body)
    setup.emulator.advance(HOUR)
    rejected = await client.orders.get(order.id)
    assert rejected.phone_numbers[0].reject_reason == "Invalid port-out PIN"
    assert rejected.notes[0].created_by == "Sinch Porting"

    def new_pin(current: Order) -> None:
        port_out = current.phone_numbers[0].port_out_info
        assert port_out is not None
        port_out.existing_port_out_pin = "7314"

    resubmitted = await client.orders.edit(order.id, new_pin)
    assert resubmitted.phone_numbers[0].status == "PENDING"
    setup.emulator.advance(HOUR)
    assert (await client.orders.get(order.id)).status == "CONFIRMED"


async def test_list_with_every_filter(setup: Setup, client: PortingClient) -> None:
    first_phone = portable_number(wireless=False, punctual=True)
    second_phone = portable_number(wireless=True, punctual=True)
    first = await client.orders.create(new_order(first_phone, reference="ACME-1"))
    setup.emulator.advance(timedelta(days=1))
    second = await client.orders.create(new_order(second_phone, reference="ACME-2"))
    setup.emulator.advance(5 * HOUR)

    async def ids(**filters: Any) -> list[int]:
        return [item.id async for item in client.orders.list(**filters)]

    assert await ids() == [second.id, first.id]
    assert await ids(page_size=1) == [second.id, first.id]
    assert await ids(order_id=first.id) == [first.id]
    assert await ids(status="CONFIRMED") == [second.id, first.id]
    assert await ids(status="PENDING") == []
    assert await ids(customer_order_reference="ACME-2") == [second.id]
    assert await ids(created_start=date(2025, 3, 12)) == [second.id]
    assert await ids(created_end=date(2025, 3, 11)) == [first.id]
    assert await ids(created_start=datetime(2025, 3, 11, 15, tzinfo=UTC)) == [second.id, first.id]
    assert await ids(phone_number=second_phone) == [second.id]
    assert await ids(foc_start=date(2025, 3, 18), foc_end=date(2025, 3, 18)) == [
        second.id,
        first.id,
    ]
    assert await ids(foc_start=date(2025, 3, 19)) == []
    page = await client.orders.list_page(page_size=1, status="CONFIRMED")
    assert (page.total_items, page.total_pages, page.page) == (2, 2, 1)
    row = page.orders[0]
    assert (row.phone_number_quantity, row.foc_quantity) == (1, 1)


async def test_notes_and_documents_round_trip_byte_for_byte(client: PortingClient) -> None:
    order = await client.orders.create(new_order(portable_number()))
    created = await client.orders.add_note(order.id, "LOA attached; please confirm.")
    assert created.note == "LOA attached; please confirm." and created.id is not None
    content = bytes(range(256)) * 40 + b"\x00\xff end"
    uploaded = await client.orders.upload_document(
        order.id, "LOA-ACME-42.pdf", content, description="Signed LOA"
    )
    assert uploaded.id is not None and uploaded.document_name == "LOA-ACME-42.pdf"
    downloaded = await client.orders.get_document(order.id, uploaded.id)
    assert downloaded.content == content
    assert downloaded.content_type == "application/pdf"
    assert downloaded.description == "Signed LOA"
    refreshed = await client.orders.get(order.id)
    assert [n.note for n in refreshed.notes] == ["LOA attached; please confirm."]
    assert refreshed.notes[0].created_by == "demo-key"
    assert [d.id for d in refreshed.documents] == [uploaded.id]


async def test_cancel_then_the_order_is_cancelled(setup: Setup, client: PortingClient) -> None:
    order = await client.orders.create(new_order(portable_number()))
    await client.orders.cancel(order.id)
    assert (await client.orders.get(order.id)).status == "PENDING_CANCELATION"
    setup.emulator.advance(HOUR)
    cancelled = await client.orders.get(order.id)
    assert cancelled.status == "CANCELED"
    assert cancelled.phone_numbers[0].status == "CANCELED"
    with pytest.raises(BadRequestError):
        await client.orders.cancel(order.id)


async def test_on_demand_activation(setup: Setup, client: PortingClient) -> None:
    phone = portable_number(wireless=True, punctual=True)
    order = await client.orders.create(new_order(phone, on_demand=True))
    setup.emulator.advance(HOUR)
    assert await client.activation.available(order.id) == []
    with pytest.raises(BadRequestError):
        await client.activation.activate(order.id)
    setup.emulator.advance(timedelta(days=7))
    [group] = await client.activation.available(order.id)
    assert group.foc_date == datetime(2025, 3, 18, 13, tzinfo=UTC)
    assert [n.phone_number for n in group.phone_numbers] == [order.phone_numbers[0].phone_number]
    [result] = await client.activation.activate(order.id, [group.phone_number_group])
    assert (result.phone_number_group, result.status) == (group.phone_number_group, "ACTIVATED")
    done = await client.orders.get(order.id)
    assert done.status == "COMPLETED" and done.phone_numbers[0].status == "ACTIVATED"


async def test_configuration(client: PortingClient) -> None:
    with pytest.raises(NotFoundError):
        await client.configuration.get()
    wanted = Configuration(
        contact=Contact(name="Dana Ops", email="ops@example.com", phone="+12125550100"),
        webhook_url="http://127.0.0.1:9/hooks",
        default_port_time="08:00:00",
        default_port_time_zone="US/Central",
    )
    assert await client.configuration.create(wanted) == wanted
    assert await client.configuration.get() == wanted
    replaced = Configuration(default_port_time="10:00:00")
    assert await client.configuration.update(replaced) == replaced
    assert await client.configuration.get() == replaced


async def test_oauth_tokens_are_fetched_cached_and_renewed(setup: Setup) -> None:
    issued: list[str] = []
    original = setup.emulator.credentials.issue_token

    def counting() -> str:
        issued.append(original())
        return issued[-1]

    setup.emulator.credentials.issue_token = counting  # type: ignore[method-assign]
    clock = FakeClock()
    async with setup.open_client(auth="oauth", clock=clock) as client:
        await client.orders.list_page()
        await client.configuration.create(Configuration(default_port_time="09:30:00"))
        assert len(issued) == 1
        clock.now += 600
        await client.orders.list_page()
        assert len(issued) == 2
    token_requests = [r for r in setup.transport.requests if r.url.path == "/oauth2/token"]
    assert len(token_requests) == 2
    assert all(r.headers["Authorization"].startswith("Basic ") for r in token_requests)


async def test_server_errors_map_to_the_clients_exceptions(
    setup: Setup, client: PortingClient
) -> None:
    with pytest.raises(UnprocessableEntityError) as refused:
        await client.orders.create(new_order(portable_number(), "+18005550199"))
    assert refused.value.field_violations[0].field == "phoneNumbers[1].phoneNumber"
    with pytest.raises(NotFoundError):
        await client.orders.get(999999)
    async with setup.open_client(key_secret="wrong") as stranger:
        with pytest.raises(AuthenticationError):
            await stranger.orders.list_page()


async def test_the_emulators_webhook_bodies_parse_with_the_client(
    setup: Setup, client: PortingClient
) -> None:
    body = new_order(portable_number(wireless=True, punctual=True), on_demand=True)
    order = await client.orders.create(body)
    await client.orders.add_note(order.id, "Hello")
    setup.emulator.advance(timedelta(days=7))
    await client.activation.activate(order.id)
    records = setup.emulator.events.records
    kinds = set()
    for record in records:
        event = parse_webhook(json.dumps(record.body))
        assert event.order_id == str(order.id)
        kinds.add(event.type)
    assert kinds == {"ORDER_UPDATED", "NEW_ORDER_NOTE", "NUMBERS_CONFIRMED", "NUMBERS_ACTIVATED"}
