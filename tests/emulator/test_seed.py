"""Seed data: deterministic, spread over 180 days, every status, and valid against the contract."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from datetime import timedelta

import httpx
import pytest

from porting_tui.emulator import Emulator
from porting_tui.emulator.seed import SEED_DAYS
from porting_tui.emulator.wire import order_json
from tests.contract.validator import validate_response
from tests.emulator.conftest import START, make_emulator

ORDER_STATUSES = {"PENDING", "CONFIRMED", "COMPLETED", "CANCELED", "PENDING_CANCELATION"}


@pytest.fixture(scope="module")
def seeded() -> Emulator:
    return make_emulator(orders=400, seed=5)


def snapshot(emulator: Emulator) -> list[dict[str, object]]:
    return [order_json(order) for order in emulator.store.orders.values()]


def test_same_seed_orders_and_start_give_the_same_data(seeded: Emulator) -> None:
    assert snapshot(make_emulator(orders=400, seed=5)) == snapshot(seeded)


def test_another_seed_gives_other_data(seeded: Emulator) -> None:
    assert snapshot(make_emulator(orders=400, seed=6)) != snapshot(seeded)


def test_seeded_orders_cover_every_status_over_the_last_180_days(seeded: Emulator) -> None:
    orders = list(seeded.store.orders.values())
    assert len(orders) == 400
    assert {order.status for order in orders} == ORDER_STATUSES
    created = [order.created for order in orders]
    assert min(created) >= START - timedelta(days=SEED_DAYS) and max(created) <= START
    assert max(created) - min(created) > timedelta(days=170)
    number_statuses = Counter(r.status for order in orders for r in order.numbers)
    assert set(number_statuses) == {
        "PENDING",
        "CONFIRMED",
        "REJECTED",
        "ACTIVATED",
        "CANCELED",
        "EXCLUDED",
    }


def test_seeded_orders_have_notes_documents_rejections_and_on_demand_orders(
    seeded: Emulator,
) -> None:
    orders = list(seeded.store.orders.values())
    authors = Counter(note.created_by for order in orders for note in order.notes)
    assert authors["Sinch Porting"] > 10 and authors["demo-key"] > 10
    assert sum(len(order.documents) for order in orders) > 50
    assert any(r.reject_reason for order in orders for r in order.numbers)
    on_demand = [order for order in orders if order.on_demand]
    assert {order.status for order in on_demand} >= {"CONFIRMED", "COMPLETED"}
    activated_by_customer = [
        r for order in on_demand for r in order.numbers if r.activate_user == "demo-key"
    ]
    assert activated_by_customer


def test_some_seeded_on_demand_orders_wait_for_activation_now(seeded: Emulator) -> None:
    now = seeded.clock.now()
    waiting = [
        order
        for order in seeded.store.orders.values()
        if order.on_demand
        and order.status == "CONFIRMED"
        and any(r.foc_date is not None and r.foc_date <= now for r in order.numbers)
    ]
    assert waiting


def test_the_seeded_history_produced_no_webhook_events(seeded: Emulator) -> None:
    assert len(seeded.events) == 0


async def test_every_seeded_order_validates_against_the_contract(seeded: Emulator) -> None:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=seeded.app),
        base_url="http://127.0.0.1:8787/v1/projects/demo-project",
        auth=("demo-key", "demo-secret"),
    ) as api:
        page = (await api.get("/orders/portIns", params={"pageSize": "1000"})).json()
        validate_response("GET", "/orders/portIns", 200, page)
        assert page["totalItems"] == 400
        for row in page["orders"]:
            order = (await api.get(f"/orders/portIns/{row['id']}")).json()
            validate_response("GET", f"/orders/portIns/{row['id']}", 200, order)
            counts = Counter(n["status"] for n in order["phoneNumbers"])
            assert row["phoneNumberQuantity"] == len(order["phoneNumbers"])
            assert row["focQuantity"] == counts["CONFIRMED"]
            assert row["rejectedQuantity"] == counts["REJECTED"]
            for document in order["documents"]:
                path = f"/orders/{row['id']}/documents/{document['id']}"
                content = (await api.get(path)).json()
                validate_response("GET", path, 200, content)
                assert content["fileContent"]


def test_seed_data_does_not_depend_on_the_process() -> None:
    script = (
        "import hashlib, json, datetime as d\n"
        "from porting_tui.emulator import EmulatorSettings, create_emulator\n"
        "from porting_tui.emulator.wire import order_json\n"
        "start = d.datetime(2025, 3, 11, 15, tzinfo=d.UTC)\n"
        "e = create_emulator(EmulatorSettings(orders=120, seed=9, speed=0, start=start))\n"
        "data = json.dumps([order_json(o) for o in e.store.orders.values()])\n"
        "print(hashlib.sha256(data.encode()).hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for hash_seed in ("1", "2")
    }
    assert len(digests) == 1


def test_the_emulator_reads_the_contract_on_its_own() -> None:
    script = (
        "import sys\n"
        "import porting_tui.emulator, porting_tui.emulator.server\n"
        "print(sorted(m for m in sys.modules if m.startswith(('porting_tui.client', 'textual'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
