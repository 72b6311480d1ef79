"""CrashSafeApp: an unexpected error ends the app with a short message and a private report.

Textual's own handling prints a traceback with every local variable (the request's
Authorization header among them) and the process still exits 0 through our launcher. Here
the first error is written, without locals and with secrets masked, to a 0600 file by
``local.crash_report``; the terminal gets two lines and the app's return code is EXIT_CRASH.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TypeVar

from textual.app import App
from textual.worker import WorkerFailed

from porting_tui.local.crash_report import EXIT_CRASH, record_crash

ReturnType = TypeVar("ReturnType")


def original_error(error: BaseException) -> BaseException:
    """The exception a worker raised, rather than Textual's wrapper around it."""
    while isinstance(error, WorkerFailed):
        error = error.error
    return error


class CrashSafeApp(App[ReturnType]):
    """An App whose unexpected errors are reported by ``record_crash``, once."""

    crash_message: str | None = None
    """What the terminal is told after the first unexpected error; None until then."""

    def _handle_exception(self, error: Exception) -> None:
        if self.crash_message is None:
            self.crash_message = record_crash(original_error(error), f"app {type(self).__name__}")
        # Textual's bookkeeping: exit, and keep the error for test pilots to raise.
        super()._handle_exception(error)
        self._return_code = EXIT_CRASH

    def _print_error_renderables(self) -> None:
        # Called once the terminal is restored. Plain lines, not wrapped by Rich, so that the
        # report's path can be copied whole.
        if self.crash_message is None:
            super()._print_error_renderables()
            return
        self._exit_renderables.clear()
        print(self.crash_message, file=sys.stderr)

    def _fatal_error(self) -> None:
        # Replaces Textual's traceback with locals; the report holds the traceback.
        self.bell()
        self._close_messages_no_wait()


def run_app(
    make_app: Callable[[], CrashSafeApp[ReturnType]], *, headless: bool = False
) -> ReturnType | None:
    """Run the app ``make_app`` builds and return its result; after a crash, exit non-zero.

    Textual takes NO_COLOR out of the environment when an app starts: it is put back, so the
    next app of this run (after a profile switch) is without colour too.
    """
    no_color = os.environ.get("NO_COLOR")
    app = make_app()
    if no_color is not None:
        os.environ["NO_COLOR"] = no_color
    result = app.run(headless=headless)
    if app.return_code:
        # The message is printed and the report written; the status tells scripts it failed.
        raise SystemExit(app.return_code)
    return result
