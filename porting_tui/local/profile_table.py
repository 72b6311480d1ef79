"""Conversion between a Profile and its [profiles.NAME] table in the TOML file."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from porting_tui.local.errors import ProfileError, SecretError
from porting_tui.local.profile import (
    DEFAULT_API_URL,
    DEFAULT_AUTH_URL,
    SECRET_KEYS,
    Profile,
    check_profile_name,
)
from porting_tui.local.secrets import command_words

if TYPE_CHECKING:
    from tomlkit.items import Table

RESERVED_NAME = "env"

_TEXT_KEYS = (
    *("project_id", "key_id", "auth", "api_url", "auth_url", "color"),
    *("key_secret", "key_secret_env", "key_secret_command"),
)
_FLAG_KEYS = ("read_only", "key_secret_keyring")
KNOWN_KEYS = frozenset(_TEXT_KEYS + _FLAG_KEYS)


def profile_from_table(
    name: str, table: Any, environ: Mapping[str, str] | None, warnings: list[str]
) -> Profile:
    if name == RESERVED_NAME:
        raise ProfileError(f"profile {name!r}: the name is reserved for the SINCH_* variables")
    check_profile_name(name)
    if not isinstance(table, dict):
        raise ProfileError(f"profile {name!r}: must be a [profiles.{name}] table")
    problems = [
        f"{key} must be text in quotes"
        for key in _TEXT_KEYS
        if key in table and not isinstance(table[key], str)
    ]
    problems += [
        f"{key} must be true or false"
        for key in _FLAG_KEYS
        if key in table and not isinstance(table[key], bool)
    ]
    if isinstance(table.get("key_secret_command"), str):
        try:
            command_words(table["key_secret_command"])
        except SecretError as error:
            problems.append(error.message)
    if problems:
        raise ProfileError(f"profile {name!r}: {'; '.join(problems)}")
    extra = {key: value for key, value in table.items() if key not in KNOWN_KEYS}
    for key in extra:
        close = difflib.get_close_matches(key, KNOWN_KEYS, n=1, cutoff=0.8)
        if close:
            warnings.append(f"profile {name!r}: unknown key {key!r} (did you mean {close[0]!r}?)")
    return Profile(
        name=name,
        project_id=table.get("project_id", "").strip(),
        key_id=table.get("key_id", "").strip(),
        auth=table.get("auth", "basic"),
        api_url=table.get("api_url", DEFAULT_API_URL).strip().rstrip("/"),
        auth_url=table.get("auth_url", DEFAULT_AUTH_URL).strip(),
        read_only=table.get("read_only", False),
        color=table.get("color"),
        key_secret=table.get("key_secret") or None,
        key_secret_env=table.get("key_secret_env") or None,
        key_secret_command=table.get("key_secret_command") or None,
        key_secret_keyring=table.get("key_secret_keyring", False),
        extra=extra,
        environ=environ,
    )


def fill_table(table: Table, profile: Profile) -> None:
    """Set the profile's settings in ``table``; its comments and unknown keys stay."""
    values: dict[str, Any] = {
        "project_id": profile.project_id,
        "key_id": profile.key_id,
        "auth": profile.auth,
        "api_url": None if profile.api_url == DEFAULT_API_URL else profile.api_url,
        "auth_url": None if profile.auth_url == DEFAULT_AUTH_URL else profile.auth_url,
        "read_only": profile.read_only or None,
        "color": profile.color,
    }
    for key in SECRET_KEYS:
        values[key] = getattr(profile, key) or None
    for key, value in values.items():
        current = table.get(key)
        if value is not None and current is not None and current.unwrap() == value:
            continue  # untouched, so its quoting and layout stay as the user wrote them
        if value is not None:
            table[key] = value
        elif key in table and (key in SECRET_KEYS or key == "color"):
            del table[key]
        elif key in table:
            # A default written out by hand stays written out, with its current value.
            table[key] = getattr(profile, key)
    for key, value in profile.extra.items():
        if key not in table:
            table[key] = value
