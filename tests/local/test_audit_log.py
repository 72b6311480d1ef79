"""Audit log: every write through the client is logged with who, when, where and how it ended."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from porting_tui.client import MutationRecord, NewOrder, NotFoundError, Order, PortingClient
from porting_tui.emulator import (
    DEMO_KEY_ID,
    DEMO_KEY_SECRET,
    DEMO_PROJECT_ID,
    EmulatorSettings,
    create_emulator,
)
from porting_tui.local.audit_log import VIA_APP, VIA_CLI, AuditLog, audit_observer, os_user
from porting_tui.local.store import LocalStore
from porting_tui.local.timeline import SOURCE_YOU, Timeline
from tests.emulator.conftest import START, order_body, portable_number

T0 = datetime(2026, 11, 27, 13, 40, tzinfo=UTC)
SECRET_PIN = "735913"


def _client(store_path: Path, opened: list[int], profile: str = "acme") -> PortingClient:
    emulator = create_emulator(EmulatorSettings(speed=0, start=START))

    def open_store() -> LocalStore:
        opened.append(1)
        return LocalStore.open(store_path)

    return PortingClient(
        DEMO_PROJECT_ID,
        key_id=DEMO_KEY_ID,
        key_secret=DEMO_KEY_SECRET,
        base_url="http://127.0.0.1:8787",
        transport=httpx.ASGITransport(app=emulator.app),
        max_retries=0,
        on_mutation=audit_observer(
            open_store, profile=profile, project_id=DEMO_PROJECT_ID, via=VIA_APP, clock=lambda: T0
        ),
    )


async def test_writes_are_logged_with_user_profile_order_action_and_outcome(
    tmp_path: Path,
) -> None:
    path, opened = tmp_path / "state.sqlite3", []
    async with _client(path, opened) as client:
        order = await client.orders.create(NewOrder.model_validate(order_body(portable_number())))
        await client.orders.add_note(order.id, "LOA attached")
        with pytest.raises(NotFoundError):
            await client.orders.cancel(999999)
    entries = AuditLog(LocalStore.open(path)).entries()
    assert [(e.action, e.order_id) for e in entries] == [
        ("cancel", "999999"),
        ("note", str(order.id)),
        ("create", str(order.id)),
    ]
    cancel = entries[0]
    assert (cancel.os_user, cancel.via, cancel.profile) == (os_user(), VIA_APP, "acme")
    assert cancel.project_id == DEMO_PROJECT_ID
    assert cancel.at == T0
    assert cancel.outcome == "failed: HTTP 404"
    assert entries[1].outcome.startswith("ok")
    assert (cancel.method, cancel.path) == ("DELETE", "/orders/portIns/999999")


async def test_own_actions_appear_on_the_order_timeline(tmp_path: Path) -> None:
    path, opened = tmp_path / "state.sqlite3", []
    async with _client(path, opened) as client:
        order = await client.orders.create(NewOrder.model_validate(order_body(portable_number())))
        await client.orders.add_note(order.id, "LOA attached")
    texts = [(e.source, e.text) for e in Timeline(LocalStore.open(path), "acme").entries(order.id)]
    assert texts == [(SOURCE_YOU, "You created the order"), (SOURCE_YOU, "You added a note")]


async def test_reads_never_open_the_store(tmp_path: Path) -> None:
    path, opened = tmp_path / "state.sqlite3", []
    async with _client(path, opened) as client:
        await client.orders.list_page()
        await client.portability.check([portable_number()])
    assert opened == []
    assert not path.exists()


async def test_no_secret_reaches_the_store(tmp_path: Path) -> None:
    path, opened = tmp_path / "state.sqlite3", []
    async with _client(path, opened) as client:
        order = await client.orders.create(NewOrder.model_validate(order_body(portable_number())))

        def new_pin(draft: Order) -> None:
            for number in draft.phone_numbers:
                assert number.port_out_info is not None
                number.port_out_info.existing_port_out_pin = SECRET_PIN
                number.port_out_info.account_num = SECRET_PIN + "0"

        await client.orders.edit(order.id, new_pin)
        await client.orders.add_note(order.id, f"the PIN is {SECRET_PIN}")
    store = LocalStore.open(path)
    assert len(AuditLog(store).entries()) == 3
    store.close()
    stored = _store_bytes(tmp_path)
    assert SECRET_PIN.encode() not in stored
    assert DEMO_KEY_SECRET.encode() not in stored


def _store_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith("state"))


def test_entries_filter_by_profile_and_order(tmp_path: Path) -> None:
    store = LocalStore.open(tmp_path / "s.sqlite3")
    for profile, order in (("acme", "1"), ("acme", "2"), ("beta", "1")):
        observe = audit_observer(
            lambda: store, profile=profile, project_id="p", via=VIA_CLI, clock=lambda: T0
        )
        observe(MutationRecord("POST", f"/orders/portIns/{order}/notes", "note", order, 200))
    log = AuditLog(store)
    assert len(log.entries()) == 3
    assert [e.order_id for e in log.entries(profile="acme")] == ["2", "1"]
    assert [e.profile for e in log.entries(order_id=1)] == ["beta", "acme"]
    assert log.entries(limit=1)[0].via == VIA_CLI


APP_INSTANCE = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path
    import httpx
    from porting_tui.client import NewOrder, PortingClient
    from porting_tui.emulator import (
        DEMO_KEY_ID, DEMO_KEY_SECRET, DEMO_PROJECT_ID, EmulatorSettings, create_emulator)
    from porting_tui.local.audit_log import audit_observer
    from porting_tui.local.order_state import order_state
    from porting_tui.local.seen_state import SeenState
    from porting_tui.local.store import LocalStore
    from tests.emulator.conftest import START, order_body, portable_number

    path, profile, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])

    async def main() -> None:
        store = LocalStore.open(path)
        seen = SeenState(store, profile)
        emulator = create_emulator(EmulatorSettings(speed=0, start=START))
        client = PortingClient(
            DEMO_PROJECT_ID, key_id=DEMO_KEY_ID, key_secret=DEMO_KEY_SECRET,
            base_url="http://127.0.0.1:8787",
            transport=httpx.ASGITransport(app=emulator.app),
            on_mutation=audit_observer(
                lambda: store, profile=profile, project_id=DEMO_PROJECT_ID, via="app"),
        )
        async with client:
            order = await client.orders.create(
                NewOrder.model_validate(order_body(portable_number())))
            for n in range(count):
                await client.orders.add_note(order.id, f"note {n}")
                seen.mark_seen(order_state(await client.orders.get(order.id)))
        print(order.id)

    asyncio.run(main())
    """
)


def test_two_app_instances_writing_the_same_store_lose_no_record(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    count = 60
    root = Path(__file__).resolve().parents[2]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", APP_INSTANCE, str(path), profile, str(count)],
            cwd=root,
            stdout=subprocess.PIPE,
        )
        for profile in ("first", "second")
    ]
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    store = LocalStore.open(path)
    log = AuditLog(store)
    for profile, output in zip(("first", "second"), outputs, strict=True):
        entries = log.entries(profile=profile)
        assert len(entries) == count + 1
        order_id = int(output.decode().strip())
        actions = Timeline(store, profile).entries(order_id)
        assert len(actions) == count + 1
        assert (
            store.query("SELECT count(*) FROM seen_orders WHERE profile = ?", (profile,))[0][0] == 1
        )
