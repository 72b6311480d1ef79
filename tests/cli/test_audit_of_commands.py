"""Changes made with the command line land in the audit log; reads leave no trace."""

from __future__ import annotations

from porting_tui.client import OrderStatus
from porting_tui.local.audit_log import VIA_CLI, AuditLog
from porting_tui.local.store import LocalStore, default_store_path
from tests.cli.conftest import Cli
from tests.cli.helpers import order_id_with_status


def test_a_note_and_a_refused_cancel_are_audited(run: Cli) -> None:
    pending = order_id_with_status(run)
    completed = order_id_with_status(run, OrderStatus.COMPLETED)
    assert run("orders", "add-note", str(pending), "PIN 4821 sent").exit_code == 0
    assert run("orders", "cancel", str(completed), "--yes").exit_code == 1
    entries = AuditLog(LocalStore.open()).entries()
    assert [(e.action, e.order_id, e.via, e.profile) for e in entries] == [
        ("cancel", str(completed), VIA_CLI, "env"),
        ("note", str(pending), VIA_CLI, "env"),
    ]
    assert entries[0].outcome.startswith("failed: HTTP 4")
    folder = default_store_path().parent
    assert all(b"4821" not in path.read_bytes() for path in folder.iterdir())


def test_read_commands_do_not_create_the_store(run: Cli) -> None:
    assert run("orders", "list", "--json").exit_code == 0
    assert not default_store_path().exists()
