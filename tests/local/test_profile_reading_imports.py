"""Reading profiles uses the standard library's TOML parser; tomlkit loads only to write.

Checked in a fresh interpreter (sys.modules of a subprocess); nothing here times anything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.local.test_profiles_file import HAND_EDITED

SCRIPT = """
import json, sys
from porting_tui.local.profiles import Profile, load_config, save_profile
names = load_config().names()
after_reading = "tomlkit" in sys.modules
save_profile(Profile(name="new", project_id="p-new", key_id="k-new", key_secret_env="NEW"))
print(json.dumps({"names": names, "after_reading": after_reading,
                  "after_writing": "tomlkit" in sys.modules, "now": load_config().names()}))
"""


def test_reading_profiles_leaves_tomlkit_unloaded(tmp_path: Path) -> None:
    config_dir = tmp_path / "config" / "porting-tui"
    config_dir.mkdir(parents=True, mode=0o700)
    config = config_dir / "config.toml"
    config.write_text(HAND_EDITED)
    config.chmod(0o600)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("SINCH_")},
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=False, env=env
    )
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(proc.stdout.splitlines()[-1])
    assert seen["names"] == ["prod", "test"]
    assert seen["after_reading"] is False
    assert seen["after_writing"] is True
    assert seen["now"] == ["prod", "test", "new"]
    # Written by tomlkit: the hand edits of the file are all still there.
    assert config.read_text().startswith(HAND_EDITED)
