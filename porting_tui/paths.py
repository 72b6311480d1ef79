"""Where porting-tui keeps its files, as functions so that tests can redirect them (XDG_*)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "porting-tui"


def config_dir() -> Path:
    """Directory of the user's configuration (profiles, saved views)."""
    return platformdirs.user_config_path(APP_NAME)


def config_file() -> Path:
    return config_dir() / "config.toml"


def data_dir() -> Path:
    """Directory of local state: drafts, seen-state, timeline, audit log."""
    return platformdirs.user_data_path(APP_NAME)


def state_dir() -> Path:
    """Directory of what the app leaves behind for the user to look at: crash reports."""
    return platformdirs.user_state_path(APP_NAME)


def downloads_dir() -> Path:
    """Where exports and downloaded documents go unless the user picks another folder."""
    return platformdirs.user_downloads_path() / APP_NAME


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) with mode 0700 and return it.

    Files under it may hold secrets (PINs, keys), so it is never group or world readable.
    """
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.chmod(0o700)
    return path
