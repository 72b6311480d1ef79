"""Write an SVG of every screen and dialog of the app into screenshots/ (``make screenshots``).

The real app runs on the in-process emulator with a fixed seed and a frozen clock, driven by
keys as a user would. Everything it writes (profiles, drafts, seen-state, exports) goes to a
throwaway folder: XDG_* and HOME point there, never at the user's own files. The same run
gives the same files; old ones are replaced.

Run: .venv/bin/python tools/screenshots.py [output folder]
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "screenshots"
START = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
SIZE = (120, 40)
CONFIG = """default_profile = "acme-prod"

[profiles.acme-prod]
project_id = "demo-project"
key_id = "demo-key"
key_secret_env = "ACME_PROD_SECRET"
read_only = true
color = "red"

[profiles.acme-test]
project_id = "acme-test-project"
key_id = "test-key"
key_secret_env = "ACME_TEST_SECRET"

[profiles.globex]
project_id = "globex-porting"
key_id = "globex-key"
key_secret_env = "GLOBEX_SECRET"
"""


def private_homes(folder: Path) -> None:
    """Point every place the app writes to at ``folder``; freeze the time zone."""
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        os.environ[f"XDG_{name}_HOME"] = str(folder / name.lower())
    os.environ["HOME"] = str(folder / "home")
    os.environ["XDG_DOWNLOAD_DIR"] = str(folder / "home" / "Downloads")
    os.environ["TZ"] = "UTC"
    os.environ["USER"] = os.environ["LOGNAME"] = "operator"  # the audit log names the OS user
    time.tzset()
    for name in ("SINCH_PROJECT_ID", "SINCH_KEY_ID", "SINCH_KEY_SECRET", "SINCH_PORTING_URL"):
        os.environ.pop(name, None)
    config = folder / "config" / "porting-tui"
    config.mkdir(parents=True, mode=0o700)
    (config / "config.toml").write_text(CONFIG)
    (config / "config.toml").chmod(0o600)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    out.mkdir(parents=True, exist_ok=True)
    # A fixed place rather than a random one: paths the app shows appear in the pictures.
    folder = Path(tempfile.gettempdir()) / "porting-tui-screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    try:
        private_homes(folder)
        from tools.screenshot_scenes import shoot_everything

        names = asyncio.run(shoot_everything(out, folder, START, SIZE))
        from tools.insights_screenshots import report_screenshot

        report = report_screenshot(out, folder)
        if report is not None:
            print(f"wrote {report}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    stale = sorted(p.name for p in out.glob("*.svg") if p.stem not in names)
    for name in stale:
        (out / name).unlink()
    print(f"wrote {len(names)} screenshots to {out}")
    print(json.dumps(sorted(names), indent=1))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
