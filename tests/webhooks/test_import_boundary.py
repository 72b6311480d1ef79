"""The receiver is UI-free: importing it pulls in neither Textual nor the app, CLI or emulator."""

from __future__ import annotations

import json
import subprocess
import sys


def test_importing_the_webhooks_package_imports_no_ui() -> None:
    script = (
        "import json, sys; import porting_tui.webhooks, porting_tui.domain.configuration_checks;"
        " print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    modules: list[str] = json.loads(result.stdout)
    assert "porting_tui.webhooks.receiver" in modules
    forbidden = ("textual", "porting_tui.tui", "porting_tui.cli", "porting_tui.emulator")
    leaked = [
        m for m in modules if m in forbidden or m.startswith(tuple(f"{f}." for f in forbidden))
    ]
    assert leaked == []
