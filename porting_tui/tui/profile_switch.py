"""Whether a profile can be switched to, asked before the app stops to start again on it."""

from __future__ import annotations


def switch_problem(name: str) -> str | None:
    """Why profile ``name`` cannot be opened now (one line for the user), or None.

    It resolves the key secret, which may run the profile's secret command: call it from a
    worker thread.
    """
    from porting_tui.client import PortingConfigError
    from porting_tui.local.errors import ProfileError
    from porting_tui.local.profiles import load_config, select_profile

    try:
        profile = select_profile(load_config(), name)
        profile.validate()
        profile.resolve_secret()
    except (ProfileError, PortingConfigError) as error:
        return error.message
    return None
