"""What starting a command costs: --help lists subcommands from static text, read commands
leave the write commands, the audit log, the local store and the app unloaded.

Imports are checked in a fresh interpreter (sys.modules of a subprocess); nothing here times
anything.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from porting_tui.cli import cli
from porting_tui.cli.root import SUBCOMMANDS, LazyCommand, LazyGroup
from porting_tui.emulator import DEMO_KEY_ID, DEMO_KEY_SECRET, DEMO_PROJECT_ID
from tests.cli.conftest import BASE_URL, SEEDED_ORDERS, START, Cli, stdout_json_lines

HEAVY = ("httpx", "pydantic", "phonenumbers", "textual")
NOT_FOR_READING = (
    "textual",
    "porting_tui.tui",
    "porting_tui.local.audit_log",
    "porting_tui.local.store",
    "porting_tui.local.timeline",
    "porting_tui.local.seen_state",
    "sqlite3",
    "porting_tui.cli.orders_write_cmd",
    "porting_tui.cli.order_file",
)
XDG_NAMES = ("CONFIG", "DATA", "STATE", "CACHE")
UNLIMITED = 10_000
"""A width no one-line help reaches: ``get_short_help_str`` then shortens nothing."""


def load(lazy: LazyCommand) -> click.Command:
    module_name, attribute = lazy.target.split(":")
    command = getattr(importlib.import_module(module_name), attribute)
    assert isinstance(command, click.Command), lazy.target
    return command


def lazy_groups(
    group: LazyGroup = cli, path: str = "porting-tui"
) -> Iterator[tuple[str, LazyGroup]]:
    """Every group with lazily imported subcommands, the root first."""
    yield path, group
    for name in group.list_commands(click.Context(group)):
        lazy = group.lazy_commands.get(name)
        command = load(lazy) if lazy is not None else group.commands[name]
        if isinstance(command, LazyGroup):
            yield from lazy_groups(command, f"{path} {name}")


def test_the_static_one_line_help_is_the_commands_own() -> None:
    checked = []
    for path, group in lazy_groups():
        for name, lazy in group.lazy_commands.items():
            command = load(lazy)
            assert lazy.short_help == command.get_short_help_str(UNLIMITED), f"{path} {name}"
            checked.append(f"{path} {name}")
    assert "porting-tui orders" in checked and "porting-tui orders create" in checked


def listing(group: click.Group, width: int) -> str:
    formatter = click.HelpFormatter(width=width)
    group.format_commands(click.Context(group), formatter)
    return formatter.getvalue()


@pytest.mark.parametrize("width", [50, 78, 120])
def test_help_lists_the_commands_as_click_would_with_all_of_them_imported(width: int) -> None:
    for path, group in lazy_groups():
        # A copy with nothing lazy loaded yet (other tests may have loaded some into `group`).
        eager = {n: c for n, c in group.commands.items() if n not in group.lazy_commands}
        unloaded = LazyGroup(group.name, commands=eager, lazy_commands=group.lazy_commands)
        loaded = click.Group(
            group.name,
            commands={**eager, **{n: load(lazy) for n, lazy in group.lazy_commands.items()}},
        )
        assert listing(unloaded, width) == listing(loaded, width), path


def test_every_lazy_command_still_shows_its_complete_help() -> None:
    for path, group in lazy_groups():
        for name, lazy in group.lazy_commands.items():
            args = [*path.split()[1:], name, "--help"]
            result = CliRunner().invoke(cli, args)
            assert result.exit_code == 0, (args, result.output)
            shown = " ".join(result.output.split())
            command = load(lazy)
            assert " ".join((command.help or "").split("\n\n")[0].split()) in shown, args
            for param in command.params:
                assert all(opt in shown for opt in param.opts if opt.startswith("-")), args


def run_python(code: str, env: dict[str, str] | None = None) -> tuple[str, set[str]]:
    """Run ``code`` in a fresh interpreter; its stdout and the modules it had loaded."""
    tail = "\nimport json, sys\nprint('\\nMODULES ' + json.dumps(sorted(sys.modules)))\n"
    proc = subprocess.run(
        [sys.executable, "-c", code + tail],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    output, _, modules = proc.stdout.rpartition("\nMODULES ")
    return output, set(json.loads(modules))


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(f"{n}.") for n in names))


def run_command(args: list[str]) -> str:
    """Code running ``porting-tui ARGS`` as the installed command does, exit 0 expected."""
    return (
        "import sys\n"
        f"sys.argv = ['porting-tui', *{args!r}]\n"
        "from porting_tui.command import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exit:\n"
        "    assert exit.code in (0, None), exit.code\n"
    )


def test_help_imports_no_subcommand_nor_heavy_library() -> None:
    output, modules = run_python(run_command(["--help"]))
    assert "Commands:" in output
    assert all(f"  {name}  " in output for name in SUBCOMMANDS)
    assert loaded(modules, HEAVY) == []
    assert [m for m in modules if m.startswith("porting_tui.cli.") and m.endswith("_cmd")] == []


def test_orders_help_lists_the_write_commands_without_importing_them() -> None:
    output, modules = run_python(run_command(["orders", "--help"]))
    for name in ("list", "get", "create", "update", "edit", "cancel", "add-note"):
        assert f"  {name}  " in output
    assert loaded(modules, (*HEAVY, "porting_tui.cli.orders_write_cmd")) == []


def against_emulator(*commands: list[str]) -> str:
    """Code running each command in turn on the env profile, with the emulator of the ``run``
    fixture (same settings, so the same orders) as its transport."""
    return (
        "import datetime, httpx\n"
        "from porting_tui.cli import cli\n"
        "from porting_tui.emulator import EmulatorSettings, create_emulator\n"
        f"start = datetime.datetime.fromisoformat({START.isoformat()!r})\n"
        f"settings = EmulatorSettings(orders={SEEDED_ORDERS}, seed=7, speed=0, start=start)\n"
        "emulator = create_emulator(settings)\n"
        "transport = httpx.ASGITransport(app=emulator.app)\n"
        f"for args in {list(commands)!r}:\n"
        "    try:\n"
        "        cli.main(args, prog_name='porting-tui', obj={'transport': transport})\n"
        "    except SystemExit as exit:\n"
        "        assert exit.code in (0, None), exit.code\n"
    )


def profile_env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        **{f"XDG_{name}_HOME": str(tmp_path / name.lower()) for name in XDG_NAMES},
        "SINCH_PROJECT_ID": DEMO_PROJECT_ID,
        "SINCH_KEY_ID": DEMO_KEY_ID,
        "SINCH_KEY_SECRET": DEMO_KEY_SECRET,
        "SINCH_PORTING_URL": BASE_URL,
    }


def test_orders_list_loads_neither_the_app_nor_the_audit_log_nor_the_local_store(
    tmp_path: Path, run: Cli
) -> None:
    output, modules = run_python(
        against_emulator(["orders", "list", "--json"]), profile_env(tmp_path)
    )
    expected = stdout_json_lines(run("orders", "list", "--json"))
    assert [json.loads(line) for line in output.splitlines()] == expected
    assert loaded(modules, NOT_FOR_READING) == []
    # The order list is read by hand: listing needs neither pydantic nor the order models.
    assert loaded(modules, ("pydantic", "porting_tui.client.models.order")) == []


def test_orders_get_loads_neither_the_app_nor_the_audit_log_nor_the_local_store(
    tmp_path: Path, run: Cli
) -> None:
    order_id = str(stdout_json_lines(run("orders", "list", "--json"))[0]["id"])
    output, modules = run_python(
        against_emulator(["orders", "get", order_id], ["orders", "get", order_id, "--json"]),
        profile_env(tmp_path),
    )
    assert order_id in output
    assert loaded(modules, NOT_FOR_READING) == []
