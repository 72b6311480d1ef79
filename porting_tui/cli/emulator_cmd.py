"""``porting-tui emulator``: serve the Porting API emulator over HTTP for demos and scripts."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import click


def _parse_start(text: str | None) -> datetime | None:
    if text is None:
        return None
    from porting_tui.emulator.dates import parse_timestamp

    moment = parse_timestamp(text)
    if moment is None:
        raise click.BadParameter("expected an ISO-8601 date-time such as 2025-03-11T15:00:00Z")
    return moment


@click.command("emulator")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8787, show_default=True, type=click.IntRange(0, 65535), help="0: any free."
)
@click.option(
    "--orders",
    default=300,
    show_default=True,
    type=click.IntRange(0, 100_000),
    help="Orders to seed over the last 180 virtual days.",
)
@click.option("--seed", default=1, show_default=True, type=int, help="Same seed, same orders.")
@click.option(
    "--speed",
    default=60.0,
    show_default=True,
    type=click.FloatRange(0),
    help="Virtual seconds per real second (0 freezes the clock).",
)
@click.option(
    "--faults", metavar="SPEC", help="Inject faults, e.g. '429=0.1,500=0.05,slow=0.1:5s'."
)
@click.option("--start", metavar="DATETIME", help="Virtual time at start (default: now).")
@click.option(
    "--token-lifetime",
    default=3600,
    show_default=True,
    type=click.IntRange(1),
    help="Seconds an OAuth2 access token stays valid.",
)
@click.option(
    "--wire-style",
    type=click.Choice(["date", "date-time"]),
    default="date",
    show_default=True,
    help="Answer createdDate and authorizingDate as the OpenAPI file (date) or as the "
    "reference's samples (date-time).",
)
@click.option(
    "--latency-ms",
    default=0,
    show_default=True,
    type=click.IntRange(0, 60_000),
    metavar="MS",
    help="Answer every API request this many milliseconds late (a network round trip).",
)
@click.option("--access-log", is_flag=True, help="Log every request on stderr.")
def emulator(
    host: str,
    port: int,
    orders: int,
    seed: int,
    speed: float,
    faults: str | None,
    start: str | None,
    token_lifetime: int,
    wire_style: Literal["date", "date-time"],
    latency_ms: int,
    access_log: bool,
) -> None:
    """Run the Porting API emulator on HTTP (loopback unless --host says otherwise).

    Once it accepts connections it prints 'Emulator listening on http://HOST:PORT' and the
    demo credentials. Test controls live under /_emulator (see the README).
    """
    # Imported here so that the rest of the command line never pays for starlette and uvicorn.
    from porting_tui.client.secure_urls import is_loopback_host
    from porting_tui.emulator import EmulatorSettings, create_emulator
    from porting_tui.emulator.faults import FaultSpecError, parse_fault_spec
    from porting_tui.emulator.server import make_server

    try:
        parse_fault_spec(faults)
    except FaultSpecError as exc:
        raise click.BadParameter(str(exc), param_hint="--faults") from None
    settings = EmulatorSettings(
        orders=orders,
        seed=seed,
        speed=speed,
        start=_parse_start(start),
        faults=faults,
        token_lifetime=token_lifetime,
        wire_style=wire_style,
        latency_ms=latency_ms,
    )
    if not is_loopback_host(host):
        click.echo(
            f"warning: listening on {host}, not a loopback address: anyone who can reach it "
            "can use the demo credentials.",
            err=True,
        )
    emu = create_emulator(settings)

    def announce(base_url: str) -> None:
        click.echo(f"Emulator listening on {base_url}")
        click.echo(
            f"Demo credentials: project {settings.project_id}, key id {settings.key_id}, "
            f"key secret {settings.key_secret}"
        )

    make_server(emu, host, port, announce, access_log=access_log).run()
