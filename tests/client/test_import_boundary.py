"""The client is the UI-free core: importing it pulls in no UI, local-state or emulator code."""

from __future__ import annotations

import json
import subprocess
import sys


def _modules_after_import() -> list[str]:
    script = "import json, sys; import porting_tui.client; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    modules: list[str] = json.loads(result.stdout)
    return modules


def test_importing_the_client_does_not_import_textual_or_other_layers() -> None:
    modules = _modules_after_import()
    assert "porting_tui.client" in modules
    forbidden = ("textual", "porting_tui.tui", "porting_tui.local", "porting_tui.emulator")
    leaked = [m for m in modules if m.startswith(forbidden)]
    assert leaked == []
