"""Shared plumbing of the scripting commands: the client of a profile, exit codes, confirmation."""

from __future__ import annotations

import asyncio
import enum
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import click

from porting_tui.cli.output import info, safe_text

if TYPE_CHECKING:
    from porting_tui.client import MutationObserver, MutationRecord, PortingClient
    from porting_tui.client.errors import PortingError
    from porting_tui.local.store import LocalStore

T = TypeVar("T")

DEMO_BASE_URL = "http://127.0.0.1:8787"
ENV_HINT = "or set SINCH_PROJECT_ID, SINCH_KEY_ID and SINCH_KEY_SECRET for this run"


class ExitCode(enum.IntEnum):
    """What the exit status of a command means; scripts can rely on these."""

    OK = 0
    ERROR = 1
    """The API refused the request, or the input (a file, an order) is invalid."""
    USAGE = 2
    """Wrong options or arguments, a missing confirmation, or an unusable profile."""
    AUTH = 3
    """The API did not accept the credentials (401) or denied access to the project (403)."""
    NOT_FOUND = 4
    NETWORK = 5
    UNKNOWN_OUTCOME = 6
    """A change was sent but its answer was lost or unreadable: it may have been made."""
    WARNINGS = 7
    """Pre-flight found warnings: the order is valid, but a losing carrier is likely to reject
    what they name (``check --preflight``, ``orders create --dry-run``)."""
    ATTENTION = 8
    """``attention``: at least one order needs the operator (0 means none does)."""
    PROJECT_FAILED = 9
    """``attention``: at least one project could not be read (its error is printed); the
    others are printed as usual. Takes precedence over ATTENTION."""


class CommandError(click.ClickException):
    """A failure shown as ``Error: message`` on stderr, with its exit code."""

    def __init__(self, message: str, exit_code: int = ExitCode.ERROR) -> None:
        super().__init__(message)
        # click declares exit_code on the class; an instance value is what it reads on exit.
        self.exit_code = int(exit_code)  # type: ignore[misc]


@dataclass(frozen=True)
class Session:
    """Where the commands of this run go: the chosen profile and a way to open its client."""

    profile_name: str
    project_id: str
    host: str
    read_only: bool
    open_client: Callable[[], PortingClient]


def today(ctx: click.Context) -> date:
    """The local date the rules count from (tests may fix it in ``ctx.obj["today"]``)."""
    obj = ctx.find_root().obj or {}
    fixed = obj.get("today")
    return fixed if isinstance(fixed, date) else date.today()


def client_options(ctx: click.Context) -> dict[str, Any]:
    """Extra PortingClient arguments from the context: tests put a transport (and sleep) here."""
    obj = ctx.find_root().obj or {}
    options: dict[str, Any] = dict(obj.get("client_options") or {})
    if obj.get("transport") is not None:
        options["transport"] = obj["transport"]
    return options


def _open_audit_store() -> LocalStore:
    from porting_tui.local.store import LocalStore

    store = LocalStore.open()
    if store.recovery_message:
        info(f"warning: {store.recovery_message}")
    return store


def audit_options(profile: str, project_id: str) -> dict[str, Any]:
    """Client arguments that log every change this command makes in the audit log.

    The audit log is imported at the first change, so read commands never load it (nor the
    local store and SQLite behind it).
    """
    observers: list[MutationObserver] = []

    def guarded(record: MutationRecord) -> None:
        try:
            if not observers:
                from porting_tui.local.audit_log import VIA_CLI, audit_observer

                observers.append(
                    audit_observer(
                        _open_audit_store, profile=profile, project_id=project_id, via=VIA_CLI
                    )
                )
            observers[0](record)
        except Exception as error:
            # The change is done; a full disk or a locked store must not make it look failed.
            info(f"warning: the audit log could not be written: {safe_text(error)}")

    on_mutation: MutationObserver = guarded
    return {"on_mutation": on_mutation}


def _demo_session(options: dict[str, Any]) -> Session:
    import httpx

    from porting_tui.client import PortingClient
    from porting_tui.emulator import (
        DEMO_KEY_ID,
        DEMO_KEY_SECRET,
        DEMO_PROJECT_ID,
        create_emulator,
    )
    from porting_tui.emulator.demo_world import demo_settings

    if "transport" not in options:
        # The app's demo world (seed, orders, noon UTC today): an id seen in the app or in
        # 'orders list' can be opened with 'orders get' all day.
        emulator = create_emulator(demo_settings())
        options = {**options, "transport": httpx.ASGITransport(app=emulator.app)}

    def open_client() -> PortingClient:
        return PortingClient(
            DEMO_PROJECT_ID,
            key_id=DEMO_KEY_ID,
            key_secret=DEMO_KEY_SECRET,
            base_url=DEMO_BASE_URL,
            **{**audit_options("demo", DEMO_PROJECT_ID), **options},
        )

    return Session("demo", DEMO_PROJECT_ID, "emulator", False, open_client)


def open_session(ctx: click.Context) -> Session:
    """The session of ``--profile`` (or the default profile, or SINCH_*), or ``--demo``."""
    obj = ctx.find_root().obj or {}
    options = client_options(ctx)
    if obj.get("demo"):
        return _demo_session(options)
    from urllib.parse import urlsplit

    from porting_tui.client import tls
    from porting_tui.local.errors import ProfileError
    from porting_tui.local.profiles import load_config, select_profile

    tls.prepare()  # built in a thread while the profile is read
    try:
        config = load_config()
        for warning in config.warnings:
            info(f"warning: {safe_text(warning)}")
        profile = select_profile(config, obj.get("profile"))
    except ProfileError as error:
        message = safe_text(str(error))
        if message.startswith("no profile yet"):
            message = f"{message}, {ENV_HINT}"
        raise CommandError(message, ExitCode.USAGE) from None
    host = urlsplit(profile.api_url).hostname or profile.api_url

    def open_client() -> PortingClient:
        return profile.make_client(**{**audit_options(profile.name, profile.project_id), **options})

    return Session(profile.name, profile.project_id, host, profile.read_only, open_client)


def run_api(
    ctx: click.Context,
    action: Callable[[PortingClient], Awaitable[T]],
    *,
    mutates: bool = False,
    not_found: str | None = None,
    unsure: str | None = None,
    locate: Callable[[str], str] | None = None,
) -> T:
    """Run ``action`` with a client of this run's session and turn API errors into exit codes.

    ``not_found`` says what to do when the API answers 404 (e.g. how to find a valid id);
    ``unsure`` what to do when the connection failed and the change may have happened;
    ``locate`` turns a field path of the API's answer into a place in the user's file.
    """
    session = open_session(ctx)
    if mutates and session.read_only:
        raise CommandError(
            f"profile {session.profile_name!r} is read-only, so this command would change "
            "nothing; use another profile with --profile NAME, or set read_only = false in "
            "its configuration",
            ExitCode.USAGE,
        )
    from porting_tui.client.errors import PortingError
    from porting_tui.local.errors import ProfileError

    async def main() -> T:
        async with session.open_client() as client:
            return await action(client)

    try:
        return asyncio.run(main())
    except ProfileError as error:
        raise CommandError(safe_text(str(error)), ExitCode.USAGE) from None
    except PortingError as error:
        lost = answer_lost(error)
        if unsure and lost:
            # Saying "retry" here would duplicate a note, a document or an order.
            raise CommandError(
                f"{lost}, so the change may have been made; {unsure}", ExitCode.UNKNOWN_OUTCOME
            ) from None
        failure = api_failure(error, session, not_found, locate)
        if unsure and failure.exit_code == ExitCode.NETWORK:
            failure = CommandError(f"{failure.message}; {unsure}", ExitCode.NETWORK)
        raise failure from None


def answer_lost(error: PortingError) -> str | None:
    """Why the answer to a request that was sent is unknown, or None when it is known."""
    import httpx

    from porting_tui.client import errors as e

    if isinstance(error, e.InvalidResponseError):
        return f"the API's answer could not be read ({safe_text(error.message)})"
    if isinstance(error, e.PortingCertificateError) or not isinstance(
        error, e.PortingConnectionError
    ):
        return None
    if isinstance(error.__cause__, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        return None  # nothing left this machine
    return f"the answer from {safe_text(error.host)} was lost ({safe_text(error.message)})"


def _violations(error: PortingError, locate: Callable[[str], str] | None) -> str:
    violations = getattr(error, "field_violations", None) or []
    if locate is not None:
        return "".join(
            f"\n  {safe_text(locate(v.field)) if v.field else '(order)'}: "
            f"{safe_text(v.description)}"
            for v in violations
        )
    return "".join(
        f"\n  {safe_text(v.field) or '(order)'}: {safe_text(v.description)}" for v in violations
    )


def api_failure(
    error: PortingError,
    session: Session,
    not_found: str | None,
    locate: Callable[[str], str] | None = None,
) -> CommandError:
    """The message and exit code for an error of the client; each message says what to do."""
    from porting_tui.client import errors as e

    where = f"project {session.project_id} on {session.host}"
    detail = safe_text(error.message)
    profile_hint = (
        f"check the key id and secret of profile {session.profile_name!r} "
        f"('porting-tui profile test {session.profile_name}')"
        if session.profile_name != "env"
        else "check SINCH_PROJECT_ID, SINCH_KEY_ID and SINCH_KEY_SECRET"
    )
    if isinstance(error, e.AuthenticationError):
        return CommandError(
            f"the API refused the credentials (HTTP 401) for {where}: {profile_hint}",
            ExitCode.AUTH,
        )
    if isinstance(error, e.PermissionDeniedError):
        return CommandError(
            f"the access key has no access to {where} (HTTP 403): check the project id, or give "
            "the key access to the project in the Sinch dashboard",
            ExitCode.AUTH,
        )
    if isinstance(error, e.NotFoundError):
        hint = not_found or "check the id"
        return CommandError(f"{detail.rstrip('.')} (HTTP 404, {where}); {hint}", ExitCode.NOT_FOUND)
    if isinstance(error, e.PortingCertificateError):
        return CommandError(
            f"{detail}; to trust a company proxy's CA, set SSL_CERT_FILE to its certificate",
            ExitCode.NETWORK,
        )
    if isinstance(error, e.PortingTimeoutError):
        return CommandError(
            f"{error.host} did not answer in time: retry later, or check the network and "
            "proxy settings",
            ExitCode.NETWORK,
        )
    if isinstance(error, e.PortingConnectionError):
        return CommandError(
            f"could not reach {error.host}: {detail}; check the network, VPN or proxy, and "
            f"the api_url of profile {session.profile_name!r}",
            ExitCode.NETWORK,
        )
    if isinstance(error, e.PortingConfigError):
        return CommandError(f"{detail}; fix the profile's settings", ExitCode.USAGE)
    if isinstance(error, e.PortingValidationError):
        return CommandError(
            f"{detail}{_violations(error, locate)}\n"
            "nothing was sent; fix the fields above and retry"
        )
    if isinstance(error, e.RateLimitError):
        wait = f"{error.retry_after:.0f} seconds" if error.retry_after is not None else "a minute"
        return CommandError(f"rate limited by the API (HTTP 429): wait {wait} and retry")
    if isinstance(error, e.PaymentRequiredError):
        return CommandError(
            f"the API refused the request (HTTP 402, payment required): {detail}; top up the "
            "account balance in the Sinch dashboard"
        )
    if isinstance(error, e.ServerError):
        return CommandError(
            f"the API failed (HTTP {error.status_code}): {detail}; retry later, and contact "
            "Sinch support if it persists"
        )
    if isinstance(error, e.PortingStatusError):
        return CommandError(
            f"the API refused the request (HTTP {error.status_code}): {detail}"
            f"{_violations(error, locate)}\nfix the request and retry"
        )
    if isinstance(error, e.InvalidResponseError):
        return CommandError(
            f"the API sent a response that cannot be read: {detail}; retry, and report it if "
            "it persists"
        )
    return CommandError(detail)


def stdin_is_interactive() -> bool:
    return sys.stdin.isatty()


def confirm(question: str, *, yes: bool) -> None:
    """Ask ``question`` on a terminal; without one, insist on --yes. Declining exits with 1."""
    if yes:
        return
    if not stdin_is_interactive():
        raise CommandError(
            f"confirmation needed ({question}) and there is no terminal to ask on: add --yes",
            ExitCode.USAGE,
        )
    if not click.confirm(question, default=False, err=True):
        raise CommandError("cancelled; nothing was changed", ExitCode.ERROR)


def json_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--json", "as_json", is_flag=True, help="Print JSON (the API's field names) only."
    )(command)


def yes_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--yes", "-y", is_flag=True, help="Do not ask for confirmation (needed without a terminal)."
    )(command)


def reveal_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--reveal", is_flag=True, help="Show port-out PINs and account numbers instead of masking."
    )(command)
