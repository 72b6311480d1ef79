"""The emulator's body faults (``enum``, ``sparse``) and the client reading such answers."""

from __future__ import annotations

import json

import httpx
import pytest

from porting_tui.emulator import Emulator
from porting_tui.emulator.faults import UNKNOWN_ENUM_VALUES, parse_fault_spec
from tests.quality.conftest import API_PREFIX, make_client


async def raw_get(emulator: Emulator, path: str) -> httpx.Response:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=emulator.app),
        base_url="http://127.0.0.1:8787",
        auth=("demo-key", "demo-secret"),
    ) as http:
        return await http.get(path)


def test_the_spec_knows_the_body_faults_and_keeps_them_exclusive() -> None:
    plan = parse_fault_spec("enum=0.3,sparse=30%")
    assert plan.shares == {"enum": 0.3, "sparse": 0.3}
    assert plan.describe() == "enum=0.3,sparse=0.3"
    with pytest.raises(ValueError, match="add up to more than 1"):
        parse_fault_spec("enum=0.6,sparse=0.6")


async def test_enum_answers_carry_values_the_contract_lacks(emulator: Emulator) -> None:
    order_id = min(emulator.store.orders)
    emulator.faults.set("enum=1")
    body = (await raw_get(emulator, f"{API_PREFIX}/orders/portIns/{order_id}")).json()
    assert body["status"] == UNKNOWN_ENUM_VALUES["status"]
    assert {n["status"] for n in body["phoneNumbers"]} == {"ON_HOLD"}
    assert body["desiredPortSchedule"]["desiredPortTimeZone"] == "US/Hawaii"
    voice_types = {n["voiceConfiguration"]["type"] for n in body["phoneNumbers"]}
    assert voice_types <= {"SIP"}


async def test_sparse_answers_keep_only_ids_statuses_and_required_fields(
    emulator: Emulator,
) -> None:
    order_id = min(emulator.store.orders)
    emulator.faults.set("sparse=1")
    body = (await raw_get(emulator, f"{API_PREFIX}/orders/portIns/{order_id}")).json()
    kept = {"id", "status", "phoneNumbers", "notes", "documents", "desiredPortSchedule"}
    assert set(body) <= kept
    assert body["id"] == order_id
    assert set(body["desiredPortSchedule"]) == {"desiredPortDate"}
    listing = (await raw_get(emulator, f"{API_PREFIX}/orders/portIns")).json()
    assert set(listing) == {"orders"}
    assert all(set(row) == {"id", "status"} for row in listing["orders"])


async def test_errors_and_tokens_are_never_rewritten(emulator: Emulator) -> None:
    emulator.faults.set("sparse=1")
    missing = await raw_get(emulator, f"{API_PREFIX}/orders/portIns/1")
    assert missing.status_code == 404 and "message" in missing.json()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=emulator.app)) as http:
        token = await http.post(
            "http://127.0.0.1:8787/oauth2/token",
            data={"grant_type": "client_credentials"},
            auth=("demo-key", "demo-secret"),
        )
    assert "expires_in" in json.loads(token.text)


@pytest.mark.parametrize("spec", ["enum=1", "sparse=1"])
async def test_the_client_reads_every_answer_of_either_kind(emulator: Emulator, spec: str) -> None:
    """Unknown values are kept as text and missing fields become None: nothing is refused."""
    order_id = min(emulator.store.orders)
    emulator.faults.set(spec)
    async with make_client(httpx.ASGITransport(app=emulator.app), timeout=5) as client:
        page = await client.orders.list_page(None, 50)
        order = await client.orders.get(order_id)
        checked = await client.portability.check(["+13125550143"])
        groups = await client.activation.available(order_id)
    assert page.orders and order.id == order_id and len(checked) == 1
    assert isinstance(groups, list)
    if spec == "enum=1":
        assert order.status == "ON_HOLD" and page.orders[0].status == "ON_HOLD"
    else:
        assert order.customer_order_reference is None and page.total_items is None
