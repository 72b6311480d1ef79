"""u with a FIFO or a device: refused at once with a reason; nothing hangs, nothing is sent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from porting_tui.tui.dialogs.upload_dialog import UploadDialog
from tests.tui.detail.conftest import Detail, make_order
from tests.waiting import wait_until


@pytest.mark.parametrize("kind", ["fifo", "device"])
async def test_a_special_file_is_refused_and_the_dialog_stays(
    detail: Detail, tmp_path: Path, kind: str
) -> None:
    if kind == "fifo":
        path = tmp_path / "LOA.pdf"
        os.mkfifo(path)
        says = "named pipe"
    else:
        path, says = Path("/dev/zero"), "device"
    order = await make_order(detail.app.session.client, {"+13125550177": "1234"})
    await detail.open(order.id)
    await detail.press("u")
    dialog = detail.app.screen
    assert isinstance(dialog, UploadDialog)
    dialog.query_one("#path", Input).value = str(path)
    detail.transport.forget()
    await detail.pilot.press("ctrl+s")

    def error() -> str:
        return str(dialog.query_one("#error", Static).render())

    await wait_until(detail.pilot, lambda: says in error(), f"the refusal of a {kind}")
    assert not dialog.sending
    assert detail.app.screen is dialog
    assert [r for r in detail.transport.requests if r.method == "POST"] == []
