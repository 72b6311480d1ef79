"""``porting-tui profile``: add, list, show, choose, remove and test profiles."""

from __future__ import annotations

import asyncio
import functools
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from porting_tui.cli import context
from porting_tui.local.errors import ProfileError, SecretError
from porting_tui.local.profile import AUTH_METHODS, DEFAULT_API_URL, DEFAULT_AUTH_URL, Profile
from porting_tui.local.profiles import (
    ENV_PROFILE_NAME,
    NO_PROFILE_HINT,
    ProfilesConfig,
    check_new_profile_name,
    load_config,
    remove_profile,
    save_profile,
    select_profile,
    set_default_profile,
    test_profile,
)
from porting_tui.local.secrets import delete_from_keyring, store_in_keyring

EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_NETWORK = 5
_EXIT_BY_KIND = {"ok": 0, "auth": EXIT_AUTH, "network": EXIT_NETWORK}

F = TypeVar("F", bound=Callable[..., Any])


def _printable(text: str) -> str:
    """Text that cannot drive the terminal: controls are shown as escapes."""
    return "".join(char if char.isprintable() else f"\\x{ord(char):02x}" for char in text)


def _fail(message: str, exit_code: int) -> None:
    click.echo(f"porting-tui: {_printable(message)}", err=True)
    sys.exit(exit_code)


def _reports_profile_errors(command: F) -> F:
    """Turn profile errors into one line on stderr: exit 1 for secrets, 2 for the rest."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except SecretError as error:
            _fail(error.message, EXIT_FAILURE)
        except ProfileError as error:
            _fail(error.message, EXIT_USAGE)
        return None

    return wrapper  # type: ignore[return-value]


def _ask(prompt: str, option: str, **options: Any) -> str:
    """``click.prompt``; standard input ending without a terminal is a usage error naming
    the option that gives the value (a script piping the answers in still works)."""
    try:
        answer: str = click.prompt(prompt, **options)
    except click.Abort:
        if context.stdin_is_interactive():
            raise
        raise ProfileError(
            f"no terminal to ask for {prompt.lower()} and standard input ended: give {option}"
        ) from None
    return answer


def _load() -> ProfilesConfig:
    config = load_config()
    for warning in config.warnings:
        click.echo(f"warning: {_printable(warning)}", err=True)
    return config


@click.group("profile")
def profile_group() -> None:
    """Manage profiles: the project id, key and settings of each Sinch project you work on.

    Profiles live in config.toml (see 'porting-tui profile list' for its path). Without
    --profile, a run uses the default profile, else the 'env' profile made of
    SINCH_PROJECT_ID, SINCH_KEY_ID and SINCH_KEY_SECRET, else the only profile there is.
    """


@profile_group.command("add")
@click.argument("name")
@click.option("--project-id", help="Sinch project id.")
@click.option("--key-id", help="Access key id of the project.")
@click.option("--auth", type=click.Choice(AUTH_METHODS), help="How to authenticate [basic].")
@click.option("--key-secret-env", metavar="VAR", help="Read the secret from this variable.")
@click.option(
    "--key-secret-command", metavar="CMD", help="Run CMD (no shell) and use what it prints."
)
@click.option("--key-secret-stdin", is_flag=True, help="Read the secret from standard input.")
@click.option("--keyring", is_flag=True, help="Keep the secret in the system keyring.")
@click.option("--api-url", default=DEFAULT_API_URL, show_default=True, help="API base URL.")
@click.option("--auth-url", default=DEFAULT_AUTH_URL, show_default=True, help="OAuth token URL.")
@click.option("--read-only", is_flag=True, help="Disable every action that changes data.")
@click.option("--color", help="Colour of the profile badge: a name or #rrggbb.")
@click.option("--default", "make_default", is_flag=True, help="Make it the default profile.")
@click.option("--force", is_flag=True, help="Replace a profile of the same name.")
@_reports_profile_errors
def add_command(
    name: str,
    project_id: str | None,
    key_id: str | None,
    auth: str | None,
    key_secret_env: str | None,
    key_secret_command: str | None,
    key_secret_stdin: bool,
    keyring: bool,
    api_url: str,
    auth_url: str,
    read_only: bool,
    color: str | None,
    make_default: bool,
    force: bool,
) -> None:
    """Add profile NAME, asking for what the options do not give.

    Without a secret option the secret is asked for (hidden) and stored in the config file,
    which only you can read; --keyring stores it in the system keyring instead.
    """
    secret_options = {
        "--key-secret-env": key_secret_env is not None,
        "--key-secret-command": key_secret_command is not None,
        "--key-secret-stdin": key_secret_stdin,
    }
    chosen = [option for option, used in secret_options.items() if used]
    if len(chosen) > 1:
        raise click.UsageError(f"choose one secret source, not {' and '.join(chosen)}")
    if keyring and (key_secret_env or key_secret_command):
        raise click.UsageError("--keyring stores a typed or --key-secret-stdin secret only")
    check_new_profile_name(name)
    config = _load()
    if name in config.names() and not force:
        raise ProfileError(f"profile {name!r} already exists; add --force to replace it")
    prompted = project_id is None or key_id is None
    project_id = project_id or _ask("Project id", "--project-id").strip()
    key_id = key_id or _ask("Key id", "--key-id").strip()
    secret: str | None = None
    if key_secret_stdin:
        secret = sys.stdin.readline().strip()
        if not secret:
            raise ProfileError("--key-secret-stdin: standard input held no secret")
    elif not (key_secret_env or key_secret_command):
        secret = _ask(
            "Key secret",
            "--key-secret-env, --key-secret-command or --key-secret-stdin",
            hide_input=True,
        ).strip()
    if auth is None:
        auth = (
            _ask("Auth", "--auth", type=click.Choice(AUTH_METHODS), default="basic")
            if prompted
            else "basic"
        )
    profile = Profile(
        name=name,
        project_id=project_id,
        key_id=key_id,
        auth="oauth" if auth == "oauth" else "basic",
        api_url=api_url.strip().rstrip("/"),
        auth_url=auth_url.strip(),
        read_only=read_only,
        color=color,
        key_secret=None if keyring else secret,
        key_secret_env=key_secret_env,
        key_secret_command=key_secret_command,
        key_secret_keyring=keyring,
    )
    if keyring and secret is not None:
        store_in_keyring(profile.key_id, secret)
    path = save_profile(profile, replace=force, make_default=True if make_default else None)
    is_default = load_config(path).default_profile == name
    default_note = " It is the default profile." if is_default else ""
    saved = f"Saved profile {name!r} (project {project_id}) in {path}.{default_note}"
    click.echo(_printable(saved))
    click.echo(f"Check it with: porting-tui profile test {name}")


@profile_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (secrets masked).")
@_reports_profile_errors
def list_command(as_json: bool) -> None:
    """List profiles: the default is marked with *; secrets are never shown."""
    config = _load()
    if as_json:
        click.echo(json.dumps(_json_document(config), indent=2))
        return
    if not config.names():
        click.echo(f"No profiles in {config.path}: {NO_PROFILE_HINT}.", err=True)
        return
    rows = [("", "NAME", "PROJECT", "KEY ID", "AUTH", "SECRET", "NOTES")]
    for profile in config.profiles.values():
        rows.append(
            (
                "*" if profile.name == config.default_profile else "",
                profile.name,
                profile.project_id,
                profile.key_id,
                profile.auth,
                _short_secret_source(profile),
                _notes(profile),
            )
        )
    for name, problem in config.invalid.items():
        if name not in config.profiles:
            star = "*" if name == config.default_profile else ""
            rows.append((star, name, "-", "-", "-", "-", f"unusable: {problem}"))
    widths = [max(len(_printable(row[i])) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [_printable(cell).ljust(width) for cell, width in zip(row, widths, strict=False)]
        click.echo("  ".join([*cells, _printable(row[-1])]).rstrip())
    click.echo(f"\n{config.path}", err=True)


def _short_secret_source(profile: Profile) -> str:
    if profile.key_secret_env:
        return f"env {profile.key_secret_env}"
    if profile.key_secret_command:
        return f"command {profile.key_secret_command.split()[0]}"
    if profile.key_secret_keyring:
        return "keyring"
    return "file"


def _notes(profile: Profile) -> str:
    notes = []
    if profile.read_only:
        notes.append("read-only")
    if profile.origin == "environment":
        notes.append("from SINCH_* variables")
    if profile.api_url != DEFAULT_API_URL:
        notes.append(profile.api_url)
    return ", ".join(notes)


def _json_document(config: ProfilesConfig) -> dict[str, Any]:
    return {
        "path": str(config.path),
        "default_profile": config.default_profile,
        "profiles": [profile.masked() for profile in config.profiles.values()],
        "invalid": [
            {"name": name, "problem": problem}
            for name, problem in config.invalid.items()
            if name not in config.profiles
        ],
    }


@profile_group.command("show")
@click.argument("name", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (secret masked).")
@click.pass_context
@_reports_profile_errors
def show_command(ctx: click.Context, name: str | None, as_json: bool) -> None:
    """Show profile NAME (default: the one this run would use); the secret is never shown."""
    profile = select_profile(_load(), name or _root_profile(ctx))
    fields = profile.masked()
    if as_json:
        click.echo(json.dumps(fields, indent=2))
        return
    for key, value in fields.items():
        if value is not None:
            shown = ("yes" if value else "no") if isinstance(value, bool) else value
            click.echo(f"{key + ':':<15}{_printable(str(shown))}")


def _root_profile(ctx: click.Context) -> str | None:
    root = ctx.find_root().obj
    return root.get("profile") if isinstance(root, dict) else None


@profile_group.command("use")
@click.argument("name")
@_reports_profile_errors
def use_command(name: str) -> None:
    """Make NAME the default profile."""
    config = _load()
    set_default_profile(name, config.path)
    project = config.profiles[name].project_id if name in config.profiles else "?"
    click.echo(f"Default profile is now {name!r} (project {_printable(project)}).")


@profile_group.command("remove")
@click.argument("name")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@_reports_profile_errors
def remove_command(name: str, yes: bool) -> None:
    """Remove profile NAME from the config file (asks first)."""
    config = _load()
    if name == ENV_PROFILE_NAME:
        raise ProfileError(
            "the env profile is made of SINCH_* environment variables; unset them to remove it"
        )
    if name not in config.names():
        raise ProfileError(f"unknown profile {name!r}; {config.known_names_text()}")
    if not yes:
        question = f"Remove profile {name!r} from {config.path}?"
        if not context.stdin_is_interactive():
            raise ProfileError(
                f"confirmation needed ({question}) and no terminal to ask on: add --yes"
            )
        if not click.confirm(question, default=False, err=True):
            _fail("cancelled; nothing was changed", EXIT_FAILURE)
    removed = remove_profile(name, config.path)
    click.echo(f"Removed profile {name!r}.")
    if removed is not None and removed.key_secret_keyring:
        _forget_keyring_secret(removed, load_config(config.path))
    if name == config.default_profile:
        click.echo(
            "There is no default profile now: choose one with 'porting-tui profile use NAME'."
        )


def _forget_keyring_secret(removed: Profile, remaining: ProfilesConfig) -> None:
    shared = any(
        p.key_secret_keyring and p.key_id == removed.key_id for p in remaining.profiles.values()
    )
    if shared:
        return
    try:
        delete_from_keyring(removed.key_id)
    except SecretError as error:
        click.echo(f"warning: {_printable(error.message)}", err=True)


@profile_group.command("test")
@click.argument("name", required=False)
@click.pass_context
@_reports_profile_errors
def test_command(ctx: click.Context, name: str | None) -> None:
    """Try profile NAME with one read-only API call.

    Exit status: 0 works, 3 credentials refused, 5 API unreachable, 1 anything else.
    """
    profile = select_profile(_load(), name or _root_profile(ctx))
    click.echo(f"Testing profile {profile.name!r} against {profile.api_url} ...", err=True)
    result = asyncio.run(test_profile(profile))
    click.echo(_printable(result.message), err=not result.ok)
    sys.exit(_EXIT_BY_KIND.get(result.kind, EXIT_FAILURE))
