"""A change whose answer is lost or unreadable: exit 6, how to check, audit 'unknown', one POST."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from porting_tui.cli.context import ExitCode
from porting_tui.local.audit_log import AuditLog
from porting_tui.local.store import LocalStore
from tests.cli.conftest import Cli
from tests.cli.helpers import new_order_body, order_id_with_status, portable_numbers


class SpoilingTransport(httpx.AsyncBaseTransport):
    """Lets every request reach the API, then spoils the answer to each POST."""

    def __init__(self, inner: httpx.AsyncBaseTransport, how: str) -> None:
        self.inner = inner
        self.how = how
        self.posts: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if request.method != "POST":
            return response
        self.posts.append(request.url.path)
        body = await response.aread()
        if self.how == "drop":
            raise httpx.RemoteProtocolError("peer closed the connection", request=request)
        return httpx.Response(response.status_code, content=body[: len(body) // 2])


def _run_spoiled(run: Cli, how: str, *args: str) -> tuple[int, str, SpoilingTransport]:
    transport = SpoilingTransport(run.transport.inner, how)
    result = run(*args, transport=transport)
    return result.exit_code, result.stderr, transport


@pytest.mark.parametrize("how", ["drop", "malformed"])
def test_a_note_whose_answer_is_lost_says_it_may_be_added_and_is_sent_once(
    run: Cli, how: str
) -> None:
    order_id = order_id_with_status(run)
    code, stderr, transport = _run_spoiled(run, how, "orders", "add-note", str(order_id), "hi")
    assert code == ExitCode.UNKNOWN_OUTCOME == 6
    assert "may have been made" in stderr
    assert f"porting-tui orders get {order_id}" in stderr
    assert "retry, and report" not in stderr
    assert len(transport.posts) == 1
    entry = AuditLog(LocalStore.open()).entries()[0]
    assert (entry.action, entry.outcome.split(" ")[0]) == ("note", "unknown")
    notes = run.api(lambda client: client.orders.get(order_id)).notes or []
    assert sum(note.note == "hi" for note in notes) == 1


@pytest.mark.parametrize("how", ["drop", "malformed"])
def test_an_upload_whose_answer_is_lost_is_sent_once(run: Cli, tmp_path: Path, how: str) -> None:
    order_id = order_id_with_status(run)
    source = tmp_path / "LOA.pdf"
    source.write_bytes(b"%PDF-1.4 loa")
    code, stderr, transport = _run_spoiled(
        run, how, "documents", "upload", str(order_id), str(source)
    )
    assert code == 6
    assert "may have been uploaded" in stderr
    assert len(transport.posts) == 1
    assert AuditLog(LocalStore.open()).entries()[0].outcome.startswith("unknown")


@pytest.mark.parametrize("how", ["drop", "malformed"])
def test_a_create_whose_answer_is_lost_says_how_to_find_it(
    run: Cli, tmp_path: Path, how: str
) -> None:
    source = tmp_path / "o.json"
    source.write_text(json.dumps(new_order_body(portable_numbers(run, 1), "REF-LOST")))
    code, stderr, transport = _run_spoiled(run, how, "orders", "create", "--from-file", str(source))
    assert code == 6
    assert "orders list --reference REF-LOST' before retrying" in stderr
    assert transport.posts == [transport.posts[0]] and transport.posts[0].endswith("/portIns")
    entry = AuditLog(LocalStore.open()).entries()[0]
    assert (entry.action, entry.outcome.split(" ")[0]) == ("create", "unknown")
