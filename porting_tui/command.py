"""The ``porting-tui`` command: the app without a subcommand, the scripting twin with one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from porting_tui import start_collector
from porting_tui.cli.root import main as cli_main

if TYPE_CHECKING:
    from porting_tui.listing.session import ListSettings


def launch_app(profile_name: str | None, demo: bool, settings: ListSettings) -> int:
    """Open the app; imported only now so that the scripting commands never load Textual."""
    # The app releases the collector once its first rows are drawn; until then it collects
    # not at all in a usual start (see start_collector).
    start_collector.hold(start_collector.APP_START_THRESHOLD)
    # The TLS context is built in a thread from here, while Textual and the app are imported;
    # the app's client waits for it otherwise (see client.tls).
    from porting_tui.client import tls

    tls.prepare()
    from porting_tui.tui.launch import run_tui

    return run_tui(profile_name, demo, settings)


def main() -> None:
    # A scripting command stays held to its end: it is short, and a long one (the emulator,
    # webhooks listen) still collects, only less often. The app releases once it has started.
    start_collector.hold()
    try:
        cli_main(launch_app)
    finally:
        start_collector.before_exit()
