"""Secret values kept off the command line: ``@FILE``, ``env:VAR`` and ``--set-stdin``.

A value typed in argv is visible to every user of the machine (``ps``) and stays in the shell
history; these forms read it from a file, the environment or standard input instead, and a
secret-looking value given in argv earns a warning that names them.
"""

from __future__ import annotations

import os
import sys

import click

from porting_tui.cli.context import CommandError, ExitCode
from porting_tui.cli.files import input_name, read_input_bytes
from porting_tui.cli.output import info, safe_text

FILE_PREFIX = "@"
ENV_PREFIX = "env:"
MAX_SECRET_BYTES = 4096
FORMS_HINT = "FIELD=@FILE, FIELD=env:VAR or --set-stdin FIELD"


def indirect(text: str) -> bool:
    """Whether ``text`` names where the value is (``@FILE`` or ``env:VAR``), not the value."""
    return text.startswith((FILE_PREFIX, ENV_PREFIX))


def resolve(text: str, what: str) -> str:
    """The value ``text`` stands for: a file's first line, a variable, or ``text`` itself."""
    if text.startswith(ENV_PREFIX):
        variable = text.removeprefix(ENV_PREFIX)
        value = os.environ.get(variable)
        if not variable or value is None:
            raise CommandError(
                f"{what}: the environment variable {variable or '(none named)'} is not set",
                ExitCode.USAGE,
            )
        return value.strip()
    if text.startswith(FILE_PREFIX):
        return _first_line(text.removeprefix(FILE_PREFIX), what)
    return text


def _first_line(source: str, what: str) -> str:
    name = input_name(source)
    try:
        data = read_input_bytes(source, MAX_SECRET_BYTES)
    except OSError as error:
        problem = f"{what}: cannot read {name}: {error.strerror}"
        raise CommandError(problem, ExitCode.USAGE) from None
    if len(data) > MAX_SECRET_BYTES:
        raise CommandError(f"{what}: {name} is longer than a secret can be", ExitCode.USAGE)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CommandError(f"{what}: {name} is not UTF-8 text", ExitCode.USAGE) from None
    lines = text.splitlines()
    return lines[0].strip() if lines else ""


def read_stdin_values(names: tuple[str, ...], what: str) -> dict[str, str]:
    """One value per name, in order: one line each from stdin, or a hidden prompt on a terminal."""
    if not names:
        return {}
    if sys.stdin.isatty():
        return {name: click.prompt(name, hide_input=True, err=True) for name in names}
    data = sys.stdin.buffer.read(MAX_SECRET_BYTES * len(names) + 1)
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        raise CommandError(f"{what}: standard input is not UTF-8 text", ExitCode.USAGE) from None
    if len(lines) < len(names):
        raise CommandError(
            f"{what}: standard input holds {len(lines)} line(s) for {len(names)} value(s) "
            f"({', '.join(names)}); give one line each, in that order",
            ExitCode.USAGE,
        )
    return {name: line.strip() for name, line in zip(names, lines, strict=False)}


def warn_secret_in_argv(what: str, forms: str = FORMS_HINT) -> None:
    info(
        f"warning: {safe_text(what)} was given on the command line, where other users can see "
        f"it (ps) and the shell history keeps it; next time use {forms}"
    )
