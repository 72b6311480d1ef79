"""``porting-tui config``: the project's porting defaults (contact, webhook URL, port time)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from porting_tui.cli.context import json_option, run_api
from porting_tui.cli.output import info, print_fields, print_json, to_json_data
from porting_tui.domain.value_checks import PORT_TIME_ZONES

if TYPE_CHECKING:
    from porting_tui.client import Configuration, PortingClient


def _field_check(name: str) -> Callable[[str], str]:
    """The check ``name`` of ``field_checks``, imported only when a value is checked: the
    checks of the defaults load the client, which ``config --help`` does not need."""

    def check(value: str) -> str:
        from porting_tui.cli import field_checks

        checked: str = getattr(field_checks, name)(value)
        return checked

    return check


check_email = _field_check("check_email")
check_phone = _field_check("check_phone")
check_port_time = _field_check("check_port_time")
check_webhook_url = _field_check("check_webhook_url")
check_zone = _field_check("check_zone")

STDIN_SETTINGS: dict[str, Callable[[str], str]] = {"webhook-url": check_webhook_url}
"""The settings that can hold a secret, and so can be read from standard input."""
NO_DEFAULTS = "the project has no porting defaults yet; create them with 'porting-tui config set'"


def _checked(check: Callable[[str], str]) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """A click callback running ``check``; an empty value stays empty (it clears the field)."""

    def callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        if value is None or not value.strip():
            return value
        try:
            return check(value)
        except ValueError as error:
            raise click.BadParameter(str(error), ctx, param) from None

    return callback


def _webhook_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """The URL itself, from @FILE or env:VAR if so given; a secret in argv is warned about."""
    from porting_tui.cli import secret_input
    from porting_tui.domain.masking import url_has_secret

    if value is None or not value.strip():
        return value
    if secret_input.indirect(value):
        value = secret_input.resolve(value, "--webhook-url")
    elif url_has_secret(value):
        secret_input.warn_secret_in_argv(
            "the webhook URL's secret", "--webhook-url @FILE, env:VAR or --set-stdin webhook-url"
        )
    checked: str | None = _checked(check_webhook_url)(ctx, param, value)
    return checked


def _print_configuration(config: Configuration, *, reveal: bool = False) -> None:
    from porting_tui.domain.masking import mask_url_secrets

    contact = config.contact
    url = config.webhook_url
    print_fields(
        [
            ("Contact name", contact.name if contact else None),
            ("Contact email", contact.email if contact else None),
            ("Contact phone", contact.phone if contact else None),
            ("Webhook URL", url if reveal or not url else mask_url_secrets(url)),
            ("Default port time", config.default_port_time),
            ("Default time zone", config.default_port_time_zone),
        ]
    )


@click.group("config")
def config() -> None:
    """Read and change the project's porting defaults."""


def _shown(configuration: Configuration, *, reveal: bool) -> Any:
    """JSON of the defaults, the webhook URL's secret masked unless revealed."""
    from porting_tui.domain.masking import mask_url_secrets

    data = to_json_data(configuration)
    if not reveal and isinstance(data, dict) and isinstance(data.get("webhookUrl"), str):
        data["webhookUrl"] = mask_url_secrets(data["webhookUrl"])
    return data


@config.command("get")
@json_option
@click.option("--reveal", is_flag=True, help="Show the webhook URL's secret instead of masking.")
@click.pass_context
def get(ctx: click.Context, as_json: bool, reveal: bool) -> None:
    """Show the porting defaults: contact, webhook URL, default port time and zone."""

    async def run(client: PortingClient) -> Configuration:
        return await client.configuration.get()

    configuration = run_api(ctx, run, not_found=NO_DEFAULTS)
    if as_json:
        print_json(_shown(configuration, reveal=reveal))
    else:
        _print_configuration(configuration, reveal=reveal)


@config.command("set")
@click.option("--contact-name", metavar="NAME", help="Who Sinch contacts about orders.")
@click.option("--contact-email", metavar="EMAIL", callback=_checked(check_email))
@click.option(
    "--contact-phone",
    metavar="NUMBER",
    callback=_checked(check_phone),
    help="Any format; sent as E.164.",
)
@click.option(
    "--webhook-url",
    metavar="URL",
    callback=_webhook_url,
    help="https URL for porting events (http only for localhost); @FILE or env:VAR reads "
    "it from there, to keep a ?secret= off the command line.",
)
@click.option(
    "--default-time",
    metavar="HH:MM",
    callback=_checked(check_port_time),
    help="Port time for orders that give none.",
)
@click.option(
    "--default-zone",
    metavar="ZONE",
    callback=_checked(check_zone),
    help=f"Time zone for orders that give none: {', '.join(PORT_TIME_ZONES)}.",
)
@click.option(
    "--set-stdin",
    "from_stdin",
    multiple=True,
    type=click.Choice(list(STDIN_SETTINGS)),
    help="Read this setting from standard input, one line per --set-stdin (hidden prompt on "
    "a terminal).",
)
@json_option
@click.option("--reveal", is_flag=True, help="Show the webhook URL's secret instead of masking.")
@click.pass_context
def set_(
    ctx: click.Context,
    contact_name: str | None,
    contact_email: str | None,
    contact_phone: str | None,
    webhook_url: str | None,
    default_time: str | None,
    default_zone: str | None,
    from_stdin: tuple[str, ...],
    as_json: bool,
    reveal: bool,
) -> None:
    """Change some porting defaults, keeping the others; creates them when there are none.

    An empty value ("") removes that setting.
    """
    from porting_tui.cli.secret_input import read_stdin_values
    from porting_tui.domain.order_fields import set_path

    for name, text in read_stdin_values(from_stdin, "--set-stdin").items():
        check = STDIN_SETTINGS[name]
        try:
            checked = check(text) if text.strip() else text
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint=f"--set-stdin {name}") from None
        if name == "webhook-url":
            webhook_url = checked
    values = {
        "contact.name": contact_name,
        "contact.email": contact_email,
        "contact.phone": contact_phone,
        "webhookUrl": webhook_url,
        "defaultPortTime": default_time,
        "defaultPortTimeZone": default_zone,
    }
    changes = {path: value for path, value in values.items() if value is not None}
    if not changes:
        raise click.UsageError(
            "name at least one setting to change, e.g. --contact-email ops@example.com"
        )

    async def run(client: PortingClient) -> tuple[Configuration, bool]:
        from porting_tui.client import Configuration, NotFoundError

        try:
            current = await client.configuration.get()
        except NotFoundError:
            current = None
        body = current.to_wire() if current is not None else {}
        for path, value in changes.items():
            set_path(body, path, value.strip() or None)
        if isinstance(body.get("contact"), dict) and not body["contact"]:
            del body["contact"]
        wanted = Configuration.model_validate(body)
        if current is None:
            return await client.configuration.create(wanted), True
        return await client.configuration.update(wanted), False

    configuration, created = run_api(ctx, run, mutates=True)
    verb = "Created the porting defaults with" if created else "Changed"
    info(f"{verb} {', '.join(changes)}.")
    if as_json:
        print_json(_shown(configuration, reveal=reveal))
    else:
        _print_configuration(configuration, reveal=reveal)
