"""One profile: the credentials and settings of one Sinch project, and how to use them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from porting_tui.client.secure_urls import NOT_ABSOLUTE, url_problem
from porting_tui.local.crash_report import remember_secret
from porting_tui.local.errors import ProfileError, SecretError
from porting_tui.local.secrets import secret_from_command, secret_from_env, secret_from_keyring

if TYPE_CHECKING:
    from porting_tui.client import PortingClient

AuthMethod = Literal["basic", "oauth"]
AUTH_METHODS: tuple[AuthMethod, ...] = ("basic", "oauth")
DEFAULT_API_URL = "https://porting.api.sinch.com"
DEFAULT_AUTH_URL = "https://auth.sinch.com/oauth2/token"
SECRET_KEYS = ("key_secret", "key_secret_env", "key_secret_command", "key_secret_keyring")
PROFILE_NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
_ENV_VAR_PATTERN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_HEX_COLOR_PATTERN = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_COLOR_NAME_PATTERN = re.compile(r"[a-z][a-z0-9_]*")


def check_profile_name(name: str) -> str:
    if not PROFILE_NAME_PATTERN.fullmatch(name):
        raise ProfileError(
            f"invalid profile name {name!r}: use up to 64 letters, digits, '-' or '_', "
            "starting with a letter or digit"
        )
    return name


def check_url(url: str, setting: str) -> str:
    """Return ``url`` without a trailing slash if it is https, or http to this machine only.

    Plain http would send the key secret in clear text, so it is allowed only for loopback
    hosts such as the local emulator.
    """
    problem = url_problem(url)
    if problem == NOT_ABSOLUTE:
        raise ProfileError(f"{setting} must be an https:// URL with a host name, not {url!r}")
    if problem:
        raise ProfileError(f"{setting} {url!r} {problem}")
    return url.strip().rstrip("/")


def _is_color(color: str) -> bool:
    return bool(_HEX_COLOR_PATTERN.fullmatch(color) or _COLOR_NAME_PATTERN.fullmatch(color))


@dataclass(frozen=True)
class Profile:
    """The settings of one project. Exactly one of the ``key_secret*`` fields is set."""

    name: str
    project_id: str
    key_id: str
    auth: AuthMethod = "basic"
    api_url: str = DEFAULT_API_URL
    auth_url: str = DEFAULT_AUTH_URL
    read_only: bool = False
    color: str | None = None
    key_secret: str | None = field(default=None, repr=False)
    key_secret_env: str | None = None
    key_secret_command: str | None = None
    key_secret_keyring: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict, repr=False)
    """Keys of the file this version does not know; kept so that saving never drops them."""
    origin: Literal["file", "environment"] = "file"
    api_url_from: str | None = None
    """The environment variable that replaced the file's api_url for this run, if any."""
    environ: Mapping[str, str] | None = field(default=None, repr=False, compare=False)
    """Where ``key_secret_env`` is looked up; None means the process environment."""

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Raise ProfileError naming every problem of this profile, or return.

        The error's ``fields`` maps each faulty setting to its message, for forms.
        """
        problems: dict[str, str] = {
            key: f"{key} is missing" for key in ("project_id", "key_id") if not getattr(self, key)
        }
        if self.auth not in AUTH_METHODS:
            problems["auth"] = f"auth must be 'basic' or 'oauth', not {self.auth!r}"
        sources = self.secret_sources()
        if not sources:
            problems["key_secret"] = f"no secret: set one of {', '.join(SECRET_KEYS)}"
        elif len(sources) > 1:
            problems[sources[-1]] = f"more than one secret source ({', '.join(sources)}); keep one"
        if self.key_secret_env is not None and not _ENV_VAR_PATTERN.fullmatch(self.key_secret_env):
            problems["key_secret_env"] = (
                f"key_secret_env must be a variable name, not {self.key_secret_env!r}"
            )
        for setting in ("api_url", "auth_url"):
            try:
                check_url(getattr(self, setting), setting)
            except ProfileError as error:
                problems[setting] = error.message
        if self.color is not None and not _is_color(self.color):
            problems["color"] = (
                "color must be a name such as 'red' or a hex value such as '#ff8800', "
                f"not {self.color!r}"
            )
        if problems:
            message = f"profile {self.name!r}: {'; '.join(problems.values())}"
            raise ProfileError(message, fields=problems)

    @property
    def webhook_listen(self) -> str | None:
        """``host:port`` where the app runs a webhook receiver (``webhook_listen``), if set."""
        return self._extra_text("webhook_listen")

    @property
    def webhook_secret_env(self) -> str | None:
        """The variable holding the secret webhook senders must show (``webhook_secret_env``)."""
        return self._extra_text("webhook_secret_env")

    @property
    def desktop_notifications(self) -> bool:
        """A bell and a desktop notification for new attention reasons while the terminal is
        not looked at (``desktop_notifications = true``); off unless set."""
        return self.extra.get("desktop_notifications") is True

    def _extra_text(self, key: str) -> str | None:
        value = self.extra.get(key)
        return (value.strip() or None) if isinstance(value, str) else None

    def secret_sources(self) -> list[str]:
        values = (self.key_secret, self.key_secret_env, self.key_secret_command)
        present = [key for key, value in zip(SECRET_KEYS, values, strict=False) if value]
        if self.key_secret_keyring:
            present.append("key_secret_keyring")
        return present

    @property
    def secret_source(self) -> str:
        """The setting the secret comes from: one of SECRET_KEYS."""
        return self.secret_sources()[0]

    def describe_secret(self) -> str:
        """Where the secret comes from, for display; never the secret itself."""
        if self.key_secret_env:
            return f"environment variable {self.key_secret_env}"
        if self.key_secret_command:
            return f"command: {self.key_secret_command}"
        if self.key_secret_keyring:
            return "system keyring"
        return "stored in the config file (hidden)"

    def resolve_secret(self, timeout: float = 10.0) -> str:
        """The key secret from its source; SecretError says which source failed and why.

        A secret command can take up to ``timeout`` seconds: call this from a worker thread
        in an event loop.
        """
        secret = self._secret_from_source(timeout)
        # Known from now on, so that a crash report masks it wherever it shows up.
        remember_secret(secret)
        return secret

    def _secret_from_source(self, timeout: float) -> str:
        try:
            if self.key_secret_env:
                return secret_from_env(self.key_secret_env, self.environ)
            if self.key_secret_command:
                return secret_from_command(self.key_secret_command, timeout)
            if self.key_secret_keyring:
                return secret_from_keyring(self.key_id)
        except SecretError as error:
            raise SecretError(f"profile {self.name!r}: {error.message}") from None
        if not self.key_secret:
            raise SecretError(f"profile {self.name!r} has no key secret")
        return self.key_secret

    def masked(self) -> dict[str, str | bool | None]:
        """The profile for display: every setting, the secret's source but never the secret."""
        api_url = (
            self.api_url
            if self.api_url_from is None
            else f"{self.api_url} (from {self.api_url_from})"
        )
        return {
            "name": self.name,
            "project_id": self.project_id,
            "key_id": self.key_id,
            "auth": self.auth,
            "api_url": api_url,
            "auth_url": self.auth_url if self.auth == "oauth" else None,
            "read_only": self.read_only,
            "color": self.color,
            "secret_source": self.secret_source,
            "secret": self.describe_secret(),
            "origin": self.origin,
        }

    def make_client(self, *, key_secret: str | None = None, **client_options: Any) -> PortingClient:
        """A PortingClient for this profile; the secret is resolved here unless given.

        ``client_options`` go to PortingClient (transport, timeout, max_retries, sleep, ...).
        """
        from porting_tui.client import PortingClient

        return PortingClient(
            self.project_id,
            key_id=self.key_id,
            key_secret=self.resolve_secret() if key_secret is None else key_secret,
            auth=self.auth,
            base_url=self.api_url,
            auth_url=self.auth_url,
            **client_options,
        )
