"""What the app's start imports: no pydantic nor order models before the first rows (the list
is read by hand), neither tomlkit nor the webhook modules when there is nothing for them to do
yet, and starlette and uvicorn only when a webhook receiver runs.

The app runs headless in a fresh interpreter, started the way ``porting-tui`` starts it
(``run_tui`` on a profile of the config file), against a small stand-in API in the same
process (the standard library's HTTP server, so that no web framework is loaded on its
behalf). Its sys.modules is read when the first rows are shown, and again once the webhook
feed has started; nothing here times anything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

XDG_NAMES = ("CONFIG", "DATA", "STATE", "CACHE")
SECRET_VARIABLE = "PORTING_TUI_TEST_WEBHOOK_SECRET"
RECEIVER = f'webhook_listen = "127.0.0.1:0"\nwebhook_secret_env = "{SECRET_VARIABLE}"\n'
WEB_SERVER = ("starlette", "uvicorn")

SCRIPT = """
import asyncio, json, os, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = {
    "orders": [{"id": 4242, "status": "PENDING", "customerOrderReference": "REF-1",
                "createdDate": "2026-11-27", "phoneNumberQuantity": 1}],
    "page": 1, "pageSize": 100, "totalPages": 1, "totalItems": 1,
}

class Api(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.split("?")[0].endswith("/orders/portIns"):
            status, body = 200, json.dumps(PAGE).encode()
        else:
            status, body = 404, b'{"code": "404", "message": "Not here"}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

server = ThreadingHTTPServer(("127.0.0.1", 0), Api)
threading.Thread(target=server.serve_forever, daemon=True).start()
os.environ["SINCH_PORTING_URL"] = f"http://127.0.0.1:{server.server_port}"

from porting_tui.listing.session import ListSettings
from porting_tui.tui.launch import run_tui

seen = {}

def run(session):
    from porting_tui.tui.app import PortingApp
    from porting_tui.tui.screens.order_list.order_list_screen import OrderListScreen
    from porting_tui.tui.widgets.order_table import OrderTable

    after_first_page = OrderListScreen._after_first_page

    def first_page_shown(screen):
        seen.setdefault("first_page_modules", sorted(sys.modules))
        after_first_page(screen)

    OrderListScreen._after_first_page = first_page_shown

    async def main():
        app = PortingApp(session)
        async with app.run_test(size=(120, 40)) as pilot:
            feed = app.webhook_feed
            # Wait on the condition (the stand-in API and the receiver run in threads, so
            # there is no event to await); the deadline only ends a run that would hang.
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                tables = list(app.screen.query(OrderTable))
                shown = [order.id for order in tables[0].visible_orders] if tables else []
                started = feed.events is not None and (feed.url or feed.problem or not WANTED)
                if shown and started:
                    break
                await pilot.pause()
                await asyncio.sleep(0)
            seen.update(rows=shown, url=feed.url, problem=feed.problem)
            seen["modules"] = sorted(sys.modules)

    asyncio.run(main())
    return None

WANTED = bool(os.environ.get("WANT_RECEIVER"))
seen["status"] = run_tui(None, False, ListSettings(), run=run)
print(json.dumps(seen))
"""


def start_app(tmp_path: Path, profile_extra: str = "") -> dict[str, Any]:
    """Start the app on profile ``test`` (with ``profile_extra`` lines); what it had loaded."""
    config_dir = tmp_path / "config" / "porting-tui"
    config_dir.mkdir(parents=True, mode=0o700)
    config = config_dir / "config.toml"
    config.write_text(
        'default_profile = "test"\n\n[profiles.test]\nproject_id = "p-test"\n'
        f'key_id = "key-1"\nkey_secret = "secret-1"\n{profile_extra}'
    )
    config.chmod(0o600)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("SINCH_")},
        **{f"XDG_{name}_HOME": str(tmp_path / name.lower()) for name in XDG_NAMES},
        SECRET_VARIABLE: "s3cret-for-the-test",
    }
    if profile_extra:
        env["WANT_RECEIVER"] = "1"
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    seen: dict[str, Any] = json.loads(proc.stdout.splitlines()[-1])
    assert seen["status"] == 0
    assert seen["rows"] == [4242], seen
    return seen


def loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in names)


def test_the_app_starts_without_starlette_or_uvicorn_when_no_receiver_is_configured(
    tmp_path: Path,
) -> None:
    seen = start_app(tmp_path)
    assert seen["url"] is None
    # The feed is there (it reads the store), its receiver's web server is not.
    assert "porting_tui.tui.webhook_feed" in seen["modules"]
    assert loaded(seen["modules"], WEB_SERVER) == []


def test_the_first_rows_show_before_pydantic_or_the_order_models_load(tmp_path: Path) -> None:
    seen = start_app(tmp_path, RECEIVER)
    first_page = seen["first_page_modules"]
    assert "porting_tui.client.models.listing" in first_page
    assert loaded(first_page, ("pydantic", *WEB_SERVER)) == []
    assert "porting_tui.client.models.order" not in first_page


def test_without_saved_views_or_a_receiver_neither_tomlkit_nor_the_webhooks_load_first(
    tmp_path: Path,
) -> None:
    seen = start_app(tmp_path)
    first_page = seen["first_page_modules"]
    assert loaded(first_page, ("tomlkit",)) == []
    assert [m for m in first_page if m.startswith("porting_tui.webhooks")] == []
    # Once the feed has started it reads the store through them.
    assert "porting_tui.webhooks.event_store" in seen["modules"]


def test_a_configured_receiver_still_starts_and_loads_them(tmp_path: Path) -> None:
    seen = start_app(tmp_path, RECEIVER)
    assert seen["problem"] is None
    assert seen["url"] is not None and seen["url"].startswith("http://127.0.0.1:")
    assert "starlette" in seen["modules"] and "uvicorn" in seen["modules"]
