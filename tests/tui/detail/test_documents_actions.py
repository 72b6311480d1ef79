"""u uploads (typed with completion, or browsed; size limit), d downloads under a safe name."""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from textual.widgets import DirectoryTree, Input, Static
from textual.widgets.directory_tree import DirEntry
from textual.widgets.tree import TreeNode

from porting_tui.client import Order
from porting_tui.domain.document_files import MAX_UPLOAD_BYTES
from porting_tui.tui.dialogs.download_dialog import DownloadDialog
from porting_tui.tui.dialogs.file_picker_dialog import FilePickerDialog
from porting_tui.tui.dialogs.upload_dialog import UploadDialog
from porting_tui.tui.widgets.documents_list import DocumentsList
from porting_tui.tui.widgets.path_input import PathInput, complete_path
from tests.tui.detail.conftest import (
    Detail,
    fail_requests,
    intercept,
    make_order,
    stop_intercepting,
)


async def wait_for(detail: Detail, condition: Callable[[], bool], tries: int = 200) -> None:
    for _ in range(tries):
        if condition():
            return
        await detail.pilot.pause()
    raise AssertionError("the condition did not come true")


def error_text(detail: Detail) -> str:
    return str(detail.app.screen.query_one("#error", Static).render())


async def new_order(detail: Detail) -> Order:
    return await make_order(detail.app.session.client, {"+13125550177": "1234"})


async def open_upload(detail: Detail, path: str, description: str = "LOA") -> UploadDialog:
    await detail.press("u")
    dialog = detail.app.screen
    assert isinstance(dialog, UploadDialog)
    dialog.query_one("#path", Input).value = path
    dialog.query_one("#description", Input).value = description
    await detail.settle()
    return dialog


def test_paths_complete_as_far_as_the_entries_agree(tmp_path: Path) -> None:
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "LOA-acme.pdf").write_bytes(b"x")
    (tmp_path / "scans" / "LOA-acme-bill.pdf").write_bytes(b"x")
    (tmp_path / ".hidden").mkdir()
    assert complete_path(f"{tmp_path}/sc") == f"{tmp_path}/scans/"
    assert complete_path(f"{tmp_path}/scans/L") == f"{tmp_path}/scans/LOA-acme"
    assert complete_path(f"{tmp_path}/scans/LOA-acme") is None
    assert complete_path(f"{tmp_path}/s", folders_only=True) == f"{tmp_path}/scans/"
    assert complete_path(f"{tmp_path}/.h") == f"{tmp_path}/.hidden/"
    assert complete_path(f"{tmp_path}/x") is None


async def test_a_typed_path_completes_with_tab_and_the_document_appears(
    detail: Detail, tmp_path: Path
) -> None:
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "LOA-acme.pdf").write_bytes(b"%PDF-1.4 loa")
    order = await new_order(detail)
    screen = await detail.open(order.id)
    dialog = await open_upload(detail, f"{tmp_path}/sca")
    path_input = dialog.query_one("#path", PathInput)
    path_input.cursor_position = len(path_input.value)
    await detail.press("tab")
    assert path_input.value == f"{tmp_path}/scans/"
    await detail.press("L", "tab")
    assert path_input.value == f"{tmp_path}/scans/LOA-acme.pdf"
    assert dialog.query_one("#name", Input).value == "LOA-acme.pdf"
    await detail.press("ctrl+s")
    assert detail.app.screen is screen
    documents = screen.query_one(DocumentsList).documents
    assert [(d.document_name, d.description) for d in documents] == [("LOA-acme.pdf", "LOA")]
    posted = [r for r in detail.transport.requests if r.method == "POST"][-1]
    assert base64.b64encode(b"%PDF-1.4 loa").decode() in posted.content.decode()


async def test_browsing_picks_the_file(detail: Detail, tmp_path: Path) -> None:
    (tmp_path / "bill.pdf").write_bytes(b"bill")
    order = await new_order(detail)
    await detail.open(order.id)
    dialog = await open_upload(detail, str(tmp_path / "nothing-here" / "x"))
    # The tree loads folders in a worker that lives as long as the tree: wait for the
    # entries rather than for every worker.
    await detail.pilot.press("ctrl+b")
    picker = detail.app.screen
    assert isinstance(picker, FilePickerDialog) and picker.folder == tmp_path
    tree = picker.query_one(DirectoryTree)

    def bill() -> TreeNode[DirEntry] | None:
        found = (n for n in tree.root.children if n.data and n.data.path.name == "bill.pdf")
        return next(found, None)

    await wait_for(detail, lambda: bill() is not None)
    node = bill()
    assert node is not None
    tree.move_cursor(node)
    await detail.pilot.press("enter")
    await wait_for(detail, lambda: detail.app.screen is dialog)
    assert dialog.query_one("#path", Input).value == str(tmp_path / "bill.pdf")


async def test_a_file_over_the_limit_is_refused_with_a_clear_message(
    detail: Detail, tmp_path: Path
) -> None:
    big = tmp_path / "scan.pdf"
    with big.open("wb") as stream:
        stream.truncate(MAX_UPLOAD_BYTES + 1)
    order = await new_order(detail)
    await detail.open(order.id)
    dialog = await open_upload(detail, str(big))
    assert "over the 10.0 MB limit" in str(dialog.query_one("#file-info", Static).render())
    detail.transport.forget()
    await detail.press("ctrl+s")
    assert detail.app.screen is dialog
    assert "is 10.0 MB; documents can be at most 10.0 MB: compress it" in error_text(detail)
    assert detail.transport.requests == []


async def test_a_failed_upload_keeps_path_name_and_description(
    detail: Detail, tmp_path: Path
) -> None:
    (tmp_path / "LOA.pdf").write_bytes(b"loa")
    order = await new_order(detail)
    await detail.open(order.id)
    dialog = await open_upload(detail, str(tmp_path / "LOA.pdf"), "signed LOA")
    fail_requests(detail.transport, "POST", 413, "/documents")
    await detail.press("ctrl+s")
    assert detail.app.screen is dialog
    assert "refused the request (HTTP 413)" in error_text(detail)
    values = [dialog.query_one(f"#{name}", Input).value for name in ("path", "name", "description")]
    assert values == [str(tmp_path / "LOA.pdf"), "LOA.pdf", "signed LOA"]


async def uploaded_order(detail: Detail) -> Order:
    order = await new_order(detail)
    await detail.app.session.client.orders.upload_document(order.id, "LOA.pdf", b"%PDF loa", "LOA")
    return order


async def download(detail: Detail, folder: Path) -> DownloadDialog:
    await detail.press("d")
    dialog = detail.app.screen
    assert isinstance(dialog, DownloadDialog)
    dialog.query_one("#folder", Input).value = str(folder)
    await detail.press("ctrl+s")
    return dialog


async def test_a_download_lands_in_the_chosen_folder_and_the_path_is_shown(
    detail: Detail, tmp_path: Path
) -> None:
    order = await uploaded_order(detail)
    screen = await detail.open(order.id)
    folder = tmp_path / "mine"
    await download(detail, folder)
    assert detail.app.screen is screen
    assert (folder / "LOA.pdf").read_bytes() == b"%PDF loa"
    assert f"Saved 8 bytes to {folder / 'LOA.pdf'}" in detail.notifications()


async def test_the_downloads_directory_is_the_default_folder(detail: Detail) -> None:
    order = await uploaded_order(detail)
    await detail.open(order.id)
    await detail.press("d")
    folder = detail.app.screen.query_one("#folder", Input).value
    assert folder == str(detail.app.session.export_dir())
    await detail.press("ctrl+s")
    assert (detail.app.session.export_dir() / "LOA.pdf").exists()


@pytest.mark.parametrize(
    ("sent", "saved"),
    [
        ("../../.bashrc", "bashrc (2)"),
        ("evil\x1b[2J\x07.pdf", "evil_[2J_.pdf"),
        ("/etc/passwd", "passwd"),
        ("..", "document-{id}"),
    ],
)
async def test_a_hostile_document_name_never_escapes_or_overwrites(
    detail: Detail, tmp_path: Path, sent: str, saved: str
) -> None:
    order = await uploaded_order(detail)
    screen = await detail.open(order.id)
    assert screen.order is not None
    saved = saved.format(id=screen.order.documents[0].id)
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "bashrc").write_bytes(b"mine")

    async def hostile(request: httpx.Request, inner: httpx.AsyncBaseTransport) -> httpx.Response:
        if "/documents/" not in request.url.path:
            return await inner.handle_async_request(request)
        body = {"id": 1, "documentId": 1, "documentName": sent, "description": "",
                "fileContent": "aGk=", "contentType": "text/plain"}  # fmt: skip
        return httpx.Response(200, json=body, request=request)

    intercept(detail.transport, hostile)
    await download(detail, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted({"bashrc", saved})
    assert (folder / "bashrc").read_bytes() == b"mine"
    assert (folder / saved).read_bytes() == b"hi"
    assert not (tmp_path / ".bashrc").exists()
    assert all("\x1b" not in message for message in detail.notifications())


async def test_a_failed_download_keeps_the_dialog_with_the_folder(
    detail: Detail, tmp_path: Path
) -> None:
    order = await uploaded_order(detail)
    screen = await detail.open(order.id)
    assert screen.order is not None
    fail_requests(detail.transport, "GET", 500, f"/documents/{screen.order.documents[0].id}")
    dialog = await download(detail, tmp_path / "out")
    assert detail.app.screen is dialog
    assert "failed with HTTP 500" in error_text(detail)
    assert dialog.query_one("#folder", Input).value == str(tmp_path / "out")
    stop_intercepting(detail.transport, detail.emulator)
    await detail.press("ctrl+s")
    assert (tmp_path / "out" / "LOA.pdf").exists()
