"""The client reports every write to its ``on_mutation`` observer, and never a read."""

from __future__ import annotations

import httpx
import pytest

from porting_tui.client import (
    Configuration,
    Contact,
    MutationRecord,
    NewOrder,
    NotFoundError,
    Order,
    PortingClient,
)
from porting_tui.client.mutations import mutation_action
from porting_tui.emulator import (
    DEMO_KEY_ID,
    DEMO_KEY_SECRET,
    DEMO_PROJECT_ID,
    EmulatorSettings,
    create_emulator,
)
from tests.emulator.conftest import START, order_body, portable_number


def _client(records: list[MutationRecord], transport: httpx.AsyncBaseTransport) -> PortingClient:
    return PortingClient(
        DEMO_PROJECT_ID,
        key_id=DEMO_KEY_ID,
        key_secret=DEMO_KEY_SECRET,
        base_url="http://127.0.0.1:8787",
        transport=transport,
        max_retries=0,
        on_mutation=records.append,
    )


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("GET", "/orders/portIns", None),
        ("GET", "/orders/portIns/12", None),
        ("POST", "/portabilityChecks", None),
        ("POST", "/orders/portIns", ("create", None)),
        ("PUT", "/orders/portIns/12", ("update", "12")),
        ("DELETE", "/orders/portIns/12", ("cancel", "12")),
        ("POST", "/orders/portIns/12/notes", ("note", "12")),
        ("POST", "/orders/portIns/12/documents", ("upload", "12")),
        ("POST", "/orders/portIns/12/activate", ("activate", "12")),
        ("POST", "/configuration", ("configuration", None)),
        ("PUT", "/configuration", ("configuration", None)),
        ("GET", "/orders/portIns/12/availableActivations", None),
    ],
)
def test_mutation_action_names_each_write(
    method: str, path: str, expected: tuple[str, str | None] | None
) -> None:
    assert mutation_action(method, path) == expected


async def test_every_write_is_reported_with_its_order_and_outcome() -> None:
    emulator = create_emulator(EmulatorSettings(speed=0, start=START))
    records: list[MutationRecord] = []
    async with _client(records, httpx.ASGITransport(app=emulator.app)) as client:
        new = await client.orders.create(_new_order())
        await client.orders.get(new.id)
        await client.portability.check([portable_number()])
        await client.orders.add_note(new.id, "LOA attached")
        await client.orders.upload_document(new.id, "loa.pdf", b"%PDF-1.4", "LOA")

        def rename(order: Order) -> None:
            order.customer_order_reference = "ACME-43"

        await client.orders.edit(new.id, rename)
        await client.configuration.create(
            Configuration(
                contact=Contact(name="Ann", email="ann@example.com", phone="+12025550100")
            )
        )
        await client.orders.cancel(new.id)
    assert [(r.action, r.order_id) for r in records] == [
        ("create", str(new.id)),
        ("note", str(new.id)),
        ("upload", str(new.id)),
        ("update", str(new.id)),
        ("configuration", None),
        ("cancel", str(new.id)),
    ]
    assert all(r.succeeded and r.status_code in (200, 201, 204) for r in records)
    assert records[0].outcome.startswith("ok (")


async def test_a_failed_write_is_reported_with_the_error() -> None:
    emulator = create_emulator(EmulatorSettings(speed=0, start=START))
    records: list[MutationRecord] = []
    async with _client(records, httpx.ASGITransport(app=emulator.app)) as client:
        with pytest.raises(NotFoundError):
            await client.orders.add_note(999999, "hello")
    [record] = records
    assert (record.action, record.order_id, record.status_code) == ("note", "999999", 404)
    assert record.error == "NotFoundError"
    assert record.outcome == "failed: HTTP 404"
    assert not record.succeeded


async def test_an_observer_that_fails_does_not_fail_the_write() -> None:
    emulator = create_emulator(EmulatorSettings(speed=0, start=START))

    def broken(record: MutationRecord) -> None:
        raise RuntimeError("disk full")

    client = PortingClient(
        DEMO_PROJECT_ID,
        key_id=DEMO_KEY_ID,
        key_secret=DEMO_KEY_SECRET,
        base_url="http://127.0.0.1:8787",
        transport=httpx.ASGITransport(app=emulator.app),
        on_mutation=broken,
    )
    async with client:
        created = await client.orders.create(_new_order())
    assert created.id > 0


def _new_order() -> NewOrder:
    return NewOrder.model_validate(order_body(portable_number()))
