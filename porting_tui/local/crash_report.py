"""Crash reports: an unexpected error becomes two lines on the terminal and a private file.

A traceback printed on the terminal ends up in scrollback and in pasted bug reports, and
Textual's own one lists every local variable, the request's Authorization header among them.
Here the traceback has no locals, every secret we can recognise is masked, and it goes to a
0600 file in the state folder; the terminal only says what happened and where the file is.
"""

from __future__ import annotations

import functools
import os
import platform
import re
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from porting_tui import __version__
from porting_tui.domain.inert_text import inert_text

if TYPE_CHECKING:
    from pathlib import Path

# Every command runs guarded by this module, so what only a crash needs (the state folder's
# path, tracebacks) is imported when one happens.

EXIT_CRASH = 70
"""Exit status after an unexpected error (EX_SOFTWARE of sysexits.h): not one of the
statuses scripts act on (0-6), so an internal error is never read as an API answer."""
MASK = "••••"
KEEP_REPORTS = 20
"""Older reports are removed, so that a crash loop cannot fill the disk."""
_MESSAGE_CHARS = 200

# Names whose value is a secret, in headers, URLs, keyword arguments, reprs and JSON.
_SENSITIVE_NAMES = (
    r"proxy-authorization|authorization|cookie|set-cookie|x-webhook-secret|x-api-key|"
    r"api[_-]?key|[a-z_-]*secret|[a-z_-]*password|passwd|[a-z_-]*token|"
    r"existing_?port_?out_?pin|new_?port_?out_?pin|port_?out_?pin|pin|"
    r"account_?num(?:ber)?"
)


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The masking patterns, compiled at the first report rather than at every start."""
    named_value = re.compile(
        # name, then =, : or a quoted key's ": ", then the value up to a quote, comma or space;
        # a header value such as "Basic abc" runs to the end of its quotes or line.
        rf"""(?P<name>(?<![A-Za-z0-9_])(?:{_SENSITIVE_NAMES})(?![A-Za-z0-9_]))"""
        r"""(?P<sep>["']?\s*[:=]\s*)"""
        r"""(?P<value>"[^"\n]*"|'[^'\n]*'|(?:basic|bearer|digest)\s+[^\s"',;)}\]]+|[^\s"',;&)}\]]+)""",
        re.IGNORECASE,
    )
    scheme_credentials = re.compile(
        r"\b(?P<scheme>basic|bearer|digest)\s+[^\s\"',;)}\]]{4,}", re.IGNORECASE
    )
    url_password = re.compile(r"(?P<user>//[^/\s:@]+:)[^@\s/]+@")
    pydantic_input = re.compile(r"input_value=.*?(?=, input_type=|\]$|$)", re.MULTILINE)
    return named_value, scheme_credentials, url_password, pydantic_input


_known: set[str] = set()
_known_lock = threading.Lock()


def remember_secret(value: str | None) -> None:
    """Mask ``value`` wherever it appears in a report (a key secret once it is resolved)."""
    # Very short values would mask ordinary words; the patterns still catch them by name.
    if value and len(value) >= 4:
        with _known_lock:
            _known.add(value)


def mask_secrets(text: str) -> str:
    """``text`` with credentials, tokens, PINs and account numbers replaced by ``••••``."""
    with _known_lock:
        known = sorted(_known, key=len, reverse=True)
    for secret in known:
        text = text.replace(secret, MASK)
    named_value, scheme_credentials, url_password, pydantic_input = _patterns()
    text = named_value.sub(_masked_value, text)
    text = scheme_credentials.sub(lambda m: f"{m['scheme']} {MASK}", text)
    text = url_password.sub(lambda m: f"{m['user']}{MASK}@", text)
    return pydantic_input.sub(f"input_value={MASK}", text)


def _masked_value(match: re.Match[str]) -> str:
    value = match["value"]
    quote = value[0] if value[:1] in ("'", '"') else ""
    return f"{match['name']}{match['sep']}{quote}{MASK}{quote}"


def crash_dir() -> Path:
    from porting_tui import paths

    return paths.state_dir() / "crashes"


def report_text(error: BaseException, where: str) -> str:
    """The report: versions, where it happened, the traceback without locals; masked."""
    import traceback

    lines = [
        f"porting-tui {__version__} crash report",
        f"time: {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"where: {where}",
        f"python: {platform.python_version()} on {platform.platform()}",
    ]
    textual = sys.modules.get("textual")
    if textual is not None:
        lines.append(f"textual: {getattr(textual, '__version__', '?')}")
    lines.append("")
    lines.extend(traceback.format_exception(error))
    return mask_secrets("\n".join(line.rstrip("\n") for line in lines)) + "\n"


def write_report(error: BaseException, where: str, folder: Path | None = None) -> Path:
    """Write the report of ``error`` (mode 0600, in a 0700 folder) and return its path."""
    from porting_tui import paths

    folder = paths.ensure_private_dir(folder or crash_dir())
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    path = folder / f"crash-{stamp}-{os.getpid()}.txt"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as stream:
        stream.write(report_text(error, where))
    _prune(folder)
    return path


def _prune(folder: Path) -> None:
    reports = sorted(folder.glob("crash-*.txt"))
    for old in reports[:-KEEP_REPORTS]:
        try:
            old.unlink()
        except OSError:
            continue


def error_summary(error: BaseException) -> str:
    """``Type: first line of the message``, masked, short and safe to print."""
    message = str(error).strip().splitlines()
    first = message[0] if message else ""
    if len(first) > _MESSAGE_CHARS:
        first = first[: _MESSAGE_CHARS - 1] + "…"
    summary = type(error).__name__ + (f": {first}" if first else "")
    return inert_text(mask_secrets(summary))


def record_crash(error: BaseException, where: str, folder: Path | None = None) -> str:
    """Write the report of ``error`` and return what to tell the user (never raises)."""
    try:
        path = write_report(error, where, folder)
    except Exception as failure:  # a crash report must never crash in turn
        saved = f"No report could be written ({type(failure).__name__}: {failure})."
    else:
        saved = (
            f"Details (secrets masked, readable only by you): {path}\n"
            "Please attach that file to a bug report."
        )
    return f"porting-tui stopped on an unexpected error: {error_summary(error)}\n{saved}"


def run_guarded(
    function: Callable[[], object], where: str, err: Callable[[str], object] | None = None
) -> None:
    """Run ``function``; an unexpected exception becomes a report and exit ``EXIT_CRASH``.

    SystemExit and KeyboardInterrupt pass through: they are how commands end on purpose.
    """
    try:
        function()
    except Exception as error:  # every unexpected error, reported once
        message = record_crash(error, where)
        (err or _print_err)(message)
        raise SystemExit(EXIT_CRASH) from None


def _print_err(message: str) -> None:
    print(message, file=sys.stderr)
