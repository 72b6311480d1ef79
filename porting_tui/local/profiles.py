"""The config file of profiles (TOML) and the choice of the profile a run uses.

Which profile a run uses, first match wins:

1. the name given explicitly (``--profile NAME``; ``env`` names the environment profile);
2. ``default_profile`` of the config file;
3. the implicit ``env`` profile, when SINCH_PROJECT_ID, SINCH_KEY_ID and SINCH_KEY_SECRET
   are set;
4. the only profile of the file, when it holds exactly one.

SINCH_PORTING_URL, when set, replaces the API URL of whichever profile is chosen.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from porting_tui import paths
from porting_tui.local.errors import ProfileError, ProfileExistsError, SecretError
from porting_tui.local.private_files import (
    permission_warning,
    unsafe_to_trust,
    write_private_file,
)
from porting_tui.local.profile import DEFAULT_API_URL, Profile, check_profile_name, check_url
from porting_tui.local.profile_check import ProfileTestResult, test_profile
from porting_tui.local.profile_table import RESERVED_NAME, fill_table, profile_from_table

if TYPE_CHECKING:
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

__all__ = [
    "ENV_PROFILE_NAME",
    "Profile",
    "ProfileError",
    "ProfileExistsError",
    "ProfileTestResult",
    "ProfilesConfig",
    "SecretError",
    "load_config",
    "remove_profile",
    "save_profile",
    "select_profile",
    "set_default_profile",
    "test_profile",
]

ENV_PROFILE_NAME = RESERVED_NAME
ENV_PROJECT_ID = "SINCH_PROJECT_ID"
ENV_KEY_ID = "SINCH_KEY_ID"
ENV_KEY_SECRET = "SINCH_KEY_SECRET"  # noqa: S105 - the name of a variable, not a secret
ENV_PORTING_URL = "SINCH_PORTING_URL"
_STDLIB_POSITION = re.compile(r"(?P<what>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)")
NO_PROFILE_HINT = "run 'porting-tui profile add NAME' to create one, or try 'porting-tui --demo'"


@dataclass
class ProfilesConfig:
    """What the config file (and the environment) hold; broken profiles are kept aside."""

    path: Path
    default_profile: str | None = None
    profiles: dict[str, Profile] = field(default_factory=dict)
    invalid: dict[str, str] = field(default_factory=dict)
    """Profiles of the file that cannot be used, by name, with what is wrong."""
    warnings: list[str] = field(default_factory=list)
    exists: bool = False

    def names(self) -> list[str]:
        """Every profile name, usable or not, in file order."""
        return list(self.profiles) + [name for name in self.invalid if name not in self.profiles]

    def known_names_text(self) -> str:
        names = self.names()
        return f"known profiles: {', '.join(names)}" if names else "there are no profiles yet"


def load_config(
    path: Path | None = None, environ: Mapping[str, str] | None = None
) -> ProfilesConfig:
    """Read the config file (missing is fine) and the SINCH_* environment.

    Raises ProfileError for a file that cannot be read or parsed; a single broken profile
    only lands in ``invalid`` so that the others stay usable.
    """
    environ = os.environ if environ is None else environ
    config_path = paths.config_file() if path is None else path
    config = ProfilesConfig(path=config_path, exists=config_path.exists())
    if config.exists:
        # Refused before a profile is read, so no key_secret_command of theirs ever runs.
        refusal = unsafe_to_trust(config_path)
        if refusal:
            raise ProfileError(refusal)
    document = _read_plain(config_path)
    if config.exists:
        warning = permission_warning(config_path)
        if warning:
            config.warnings.append(warning)
    default = document.get("default_profile")
    if default is not None and not isinstance(default, str):
        raise ProfileError(f"{config_path}: default_profile must be a profile name in quotes")
    config.default_profile = default or None
    for name, table in _profile_tables(document, config_path).items():
        try:
            config.profiles[name] = profile_from_table(name, table, environ, config.warnings)
        except ProfileError as error:
            config.invalid[name] = error.message
    try:
        env_profile = _environment_profile(environ)
    except ProfileError as error:
        config.invalid[ENV_PROFILE_NAME] = error.message
    else:
        if env_profile is not None:
            config.invalid.pop(ENV_PROFILE_NAME, None)
            config.profiles[ENV_PROFILE_NAME] = env_profile
    if config.default_profile and config.default_profile not in config.names():
        config.warnings.append(
            f"{config_path}: default_profile {config.default_profile!r} is not a profile; "
            f"{config.known_names_text()}"
        )
    if environ.get(ENV_PORTING_URL) and any(p.origin == "file" for p in config.profiles.values()):
        config.warnings.append(
            f"{ENV_PORTING_URL} is set: profiles from the file run against "
            f"{environ[ENV_PORTING_URL]} instead of their api_url"
        )
    return config


def select_profile(
    config: ProfilesConfig, name: str | None = None, environ: Mapping[str, str] | None = None
) -> Profile:
    """The profile this run uses (see the module docstring for the order of precedence)."""
    environ = os.environ if environ is None else environ
    if name is not None:
        profile = _lookup(config, name, f"unknown profile {name!r}")
    elif config.default_profile:
        profile = _lookup(
            config,
            config.default_profile,
            f"default_profile {config.default_profile!r} in {config.path} is not a profile "
            "(change it with 'porting-tui profile use NAME')",
        )
    elif ENV_PROFILE_NAME in config.profiles or ENV_PROFILE_NAME in config.invalid:
        profile = _lookup(config, ENV_PROFILE_NAME, "")
    elif len(config.names()) == 1:
        profile = _lookup(config, config.names()[0], "")
    elif not config.names():
        raise ProfileError(f"no profile yet: {NO_PROFILE_HINT}")
    else:
        raise ProfileError(
            f"no default profile: pass --profile NAME or choose one with "
            f"'porting-tui profile use NAME'; {config.known_names_text()}"
        )
    override = environ.get(ENV_PORTING_URL)
    if override and profile.origin == "file":
        profile = dataclasses.replace(
            profile, api_url=check_url(override, ENV_PORTING_URL), api_url_from=ENV_PORTING_URL
        )
    return profile


def save_profile(
    profile: Profile,
    path: Path | None = None,
    *,
    replace: bool = False,
    make_default: bool | None = None,
) -> Path:
    """Write ``profile`` into the config file, keeping everything else of the file as it was.

    ``make_default`` None makes it the default only when the file has no default yet.
    Raises ProfileExistsError when the profile exists and ``replace`` is false.
    Returns the path written.
    """
    import tomlkit
    from tomlkit.items import Table

    config_path = paths.config_file() if path is None else path
    check_new_profile_name(profile.name)
    if profile.origin != "file" or profile.api_url_from is not None:
        raise ProfileError(
            f"profile {profile.name!r} holds settings from environment variables; "
            "it cannot be saved as it is"
        )
    document = _read_document(config_path)
    tables = _profiles_table(document, config_path, create=True)
    existing = tables.get(profile.name)
    if existing is not None and not replace:
        raise ProfileExistsError(f"profile {profile.name!r} already exists in {config_path}")
    if isinstance(existing, Table):
        fill_table(existing, profile)
    else:
        table = tomlkit.table()
        fill_table(table, profile)
        tables[profile.name] = table
    if make_default or (make_default is None and not document.get("default_profile")):
        document["default_profile"] = profile.name
    return write_private_file(config_path, tomlkit.dumps(document))


def remove_profile(name: str, path: Path | None = None) -> Profile | None:
    """Delete profile ``name`` from the file (and the default if it was that one).

    Returns the removed profile, or None when it was not a usable one.
    """
    import tomlkit

    config_path = paths.config_file() if path is None else path
    document = _read_document(config_path)
    tables = _profiles_table(document, config_path, create=False)
    if name not in tables:
        raise _unknown_in_file(name, document, config_path)
    try:
        removed: Profile | None = profile_from_table(name, tables[name].unwrap(), None, [])
    except ProfileError:
        removed = None
    del tables[name]
    if document.get("default_profile") == name:
        del document["default_profile"]
    write_private_file(config_path, tomlkit.dumps(document))
    return removed


def set_default_profile(name: str, path: Path | None = None) -> None:
    import tomlkit

    config_path = paths.config_file() if path is None else path
    if name == ENV_PROFILE_NAME:
        raise ProfileError(
            "the env profile comes from SINCH_* environment variables and is used when no "
            "default is set; it cannot be made the default"
        )
    document = _read_document(config_path)
    if name not in _profiles_table(document, config_path, create=False):
        raise _unknown_in_file(name, document, config_path)
    document["default_profile"] = name
    write_private_file(config_path, tomlkit.dumps(document))


def _lookup(config: ProfilesConfig, name: str, unknown_message: str) -> Profile:
    if name in config.profiles:
        return config.profiles[name]
    if name in config.invalid:
        raise ProfileError(f"{config.invalid[name]} (in {config.path})")
    if name == ENV_PROFILE_NAME:
        raise ProfileError(
            f"there is no env profile: set {ENV_PROJECT_ID}, {ENV_KEY_ID} and {ENV_KEY_SECRET}"
        )
    raise ProfileError(f"{unknown_message}; {config.known_names_text()}")


def _unknown_in_file(name: str, document: Mapping[str, Any], path: Path) -> ProfileError:
    names = list(document.get("profiles", {}))
    known = f"known profiles: {', '.join(names)}" if names else "there are no profiles yet"
    return ProfileError(f"unknown profile {name!r} in {path}; {known}")


def check_new_profile_name(name: str) -> None:
    """Raise ProfileError unless ``name`` can be given to a new profile of the file."""
    if name == ENV_PROFILE_NAME:
        raise ProfileError(
            f"{ENV_PROFILE_NAME!r} is reserved for the profile made of the SINCH_* "
            "environment variables; choose another name"
        )
    check_profile_name(name)


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError as error:
        raise ProfileError(f"cannot read {path}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise ProfileError(f"cannot read {path}: {error.strerror or error}") from None


def _read_document(path: Path) -> tomlkit.TOMLDocument:
    """The file as tomlkit reads it, comments and layout kept, to change and write it back."""
    import tomlkit

    text = _read_text(path)
    if text is None:
        document = tomlkit.document()
        document.add(tomlkit.comment("porting-tui profiles: see 'porting-tui profile --help'"))
        return document
    return _parse_document(text, path)


def _parse_document(text: str, path: Path) -> tomlkit.TOMLDocument:
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    try:
        return tomlkit.parse(text)
    except TOMLKitError as error:
        raise ProfileError(f"invalid TOML in {path}{_toml_problem(text, error)}") from None


def _toml_problem(text: str, error: TOMLKitError) -> str:
    """ ", line L, column C: what is wrong" for a file tomlkit refused."""
    line, column = getattr(error, "line", None), getattr(error, "col", None)
    if line is not None:
        what = str(error).removesuffix(f" at line {line} col {column}")
        return f", line {line}, column {column}: {what}"
    # Some tomlkit errors (a key given twice in a table) carry no position; the standard
    # library parser reports one for the same mistake.
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as stdlib_error:
        found = _STDLIB_POSITION.fullmatch(str(stdlib_error))
        if found:
            return f", line {found['line']}, column {found['column']}: {found['what']}; {error}"
    return f": {error}"


def _read_plain(path: Path) -> dict[str, Any]:
    """The file as plain values, to read profiles: the standard library's parser, as tomlkit
    (a few milliseconds to import) is needed only to write the file back."""
    text = _read_text(path)
    if text is None:
        return {}
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        # tomlkit words the problem (with its line and column) as the file's writer sees it,
        # and reads the rare file it accepts where the standard library does not.
        return _parse_document(text, path).unwrap()


def _profiles_table(document: tomlkit.TOMLDocument, path: Path, *, create: bool) -> Any:
    if "profiles" not in document:
        if not create:
            return {}
        import tomlkit

        document["profiles"] = tomlkit.table(is_super_table=True)
    tables = document["profiles"]
    if not isinstance(tables, Mapping):
        raise ProfileError(f"{path}: 'profiles' must be a table of [profiles.NAME] sections")
    return tables


def _profile_tables(document: dict[str, Any], path: Path) -> dict[str, dict[str, Any]]:
    tables = document.get("profiles", {})
    if not isinstance(tables, dict):
        raise ProfileError(f"{path}: 'profiles' must be a table of [profiles.NAME] sections")
    return tables


def _environment_profile(environ: Mapping[str, str]) -> Profile | None:
    names = (ENV_PROJECT_ID, ENV_KEY_ID, ENV_KEY_SECRET)
    values = {variable: environ.get(variable, "").strip() for variable in names}
    if not any(values.values()):
        return None
    missing = [variable for variable, value in values.items() if not value]
    if missing:
        raise ProfileError(
            f"profile {ENV_PROFILE_NAME!r}: {', '.join(missing)} not set (the env profile "
            f"needs {', '.join(names)})"
        )
    url = environ.get(ENV_PORTING_URL)
    return Profile(
        name=ENV_PROFILE_NAME,
        project_id=values[ENV_PROJECT_ID],
        key_id=values[ENV_KEY_ID],
        key_secret_env=ENV_KEY_SECRET,
        api_url=check_url(url, ENV_PORTING_URL) if url else DEFAULT_API_URL,
        origin="environment",
        api_url_from=ENV_PORTING_URL if url else None,
        environ=environ,
    )
