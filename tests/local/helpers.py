"""Helpers shared by the tests of porting_tui.local."""

from __future__ import annotations

from pathlib import Path


def write_config(path: Path, text: str, mode: int = 0o600) -> Path:
    """Write a hand-made config file, as a user with an editor would."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path
