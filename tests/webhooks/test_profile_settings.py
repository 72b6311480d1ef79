"""A profile can ask the app to run a webhook receiver: ``webhook_listen`` and its secret."""

from __future__ import annotations

from pathlib import Path

from porting_tui.local.profiles import load_config

CONFIG = """
default_profile = "acme"

[profiles.acme]
project_id = "p-1"
key_id = "k-1"
key_secret_env = "ACME_SECRET"
webhook_listen = " 127.0.0.1:8788 "
webhook_secret_env = "ACME_HOOK_SECRET"

[profiles.plain]
project_id = "p-2"
key_id = "k-2"
key_secret_env = "PLAIN_SECRET"
webhook_listen = ""
"""


def test_webhook_settings_are_read_from_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    path.chmod(0o600)
    config = load_config(path, environ={})
    acme, plain = config.profiles["acme"], config.profiles["plain"]
    assert acme.webhook_listen == "127.0.0.1:8788"
    assert acme.webhook_secret_env == "ACME_HOOK_SECRET"
    assert (plain.webhook_listen, plain.webhook_secret_env) == (None, None)
    assert not [warning for warning in config.warnings if "webhook" in warning]
