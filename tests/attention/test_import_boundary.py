"""Needs attention is UI-free: importing it (and the local state it keeps) pulls in no UI."""

from __future__ import annotations

import json
import subprocess
import sys

MODULES = (
    "porting_tui.attention.board",
    "porting_tui.local.seen_state",
    "porting_tui.local.timeline",
    "porting_tui.local.audit_log",
)


def test_importing_attention_and_local_state_does_not_import_textual() -> None:
    script = (
        "import importlib, json, sys\n"
        f"for name in {MODULES!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    modules: list[str] = json.loads(result.stdout)
    assert set(MODULES) <= set(modules)
    forbidden = ("textual", "porting_tui.tui", "porting_tui.emulator", "starlette", "uvicorn")
    assert [m for m in modules if m.startswith(forbidden)] == []
