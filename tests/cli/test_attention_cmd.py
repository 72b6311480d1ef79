"""``porting-tui attention``: the board across profiles for scripts, its exit codes, and
``--watch`` printing each new reason once, also across a restart."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner, Result

from porting_tui.cli import cli
from porting_tui.cli.attention_cmd import WATCH_OPTIONS
from porting_tui.cli.context import ExitCode
from porting_tui.cli.root import LAUNCH_APP
from tests.attention.projects import WRONG_SECRET, EmulatedProject, create_order, emulated
from tests.emulator.conftest import START

PROFILES = {"acme": "demo-secret", "globex": "demo-secret", "initech": WRONG_SECRET}


class ProjectRouter(httpx.AsyncBaseTransport):
    """One transport for every profile: each request goes to its project's emulator."""

    def __init__(self, projects: list[EmulatedProject]) -> None:
        self.projects = {p.emulator.settings.project_id: p for p in projects}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        project_id = request.url.path.split("/")[3]
        return await self.projects[project_id].transport.handle_async_request(request)


def config_text() -> str:
    tables = [
        f'[profiles.{name}]\nproject_id = "{name}-project"\nkey_id = "demo-key"\n'
        f'key_secret = "{secret}"\napi_url = "http://127.0.0.1:8787"\n'
        + ("read_only = true\n" if name == "globex" else "")
        for name, secret in PROFILES.items()
    ]
    return 'default_profile = "acme"\n\n' + "\n".join(tables)


@pytest.fixture
def projects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[EmulatedProject]:
    for name in ("SINCH_PROJECT_ID", "SINCH_KEY_ID", "SINCH_KEY_SECRET", "SINCH_PORTING_URL"):
        monkeypatch.delenv(name, raising=False)
    folder = tmp_path / "xdg-config" / "porting-tui"
    folder.mkdir(parents=True, mode=0o700)
    (folder / "config.toml").write_text(config_text())
    (folder / "config.toml").chmod(0o600)
    return [emulated("acme", 7), emulated("globex", 11), emulated("initech", 23)]


def invoke(projects: list[EmulatedProject], *args: str, **obj: Any) -> Result:
    options = {
        "transport": ProjectRouter(projects),
        "client_options": {"max_retries": 0},
        "today": START.date(),
        **obj,
    }
    return CliRunner().invoke(cli, ["attention", *args], obj=options)


def rejected_order(projects: list[EmulatedProject]) -> int:
    """An order of acme whose numbers the carrier rejects two hours on."""
    return asyncio.run(create_order(projects[0], bad_pins=True))


def test_nothing_needing_attention_exits_0_with_a_line_per_project(
    projects: list[EmulatedProject],
) -> None:
    result = invoke(projects, "--profiles", "acme,globex")
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stdout.splitlines() == [
        "acme: 0 orders need attention",
        "",
        "globex (read-only): 0 orders need attention",
    ]


def test_an_order_needing_attention_is_listed_in_its_section_and_exits_8(
    projects: list[EmulatedProject],
) -> None:
    order_id = rejected_order(projects)
    projects[0].emulator.advance(timedelta(hours=2))
    result = invoke(projects)
    assert result.exit_code == ExitCode.ATTENTION, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "acme: 1 order needs attention"
    assert lines[1].split() == ["ORDER", "STATUS", "WHY", "NEXT", "STEP", "IDLE", "REFERENCE"]
    # The board counts idle days from the real today, so only the first reasons are fixed.
    assert lines[2].split()[:6] == [str(order_id), "PENDING", "2", "rejected", "·", "note"]


def test_a_refused_secret_prints_its_error_and_exits_9_without_hiding_the_others(
    projects: list[EmulatedProject],
) -> None:
    order_id = rejected_order(projects)
    projects[0].emulator.advance(timedelta(hours=2))
    result = invoke(projects, "--all", "--ranked", "--json")
    assert result.exit_code == ExitCode.PROJECT_FAILED, result.output
    data = json.loads(result.stdout)
    assert [row["project"] for row in data["items"]] == ["acme"]
    assert data["items"][0]["orderId"] == order_id
    errors = {project["name"]: project["error"] for project in data["projects"]}
    assert errors["acme"] is None and errors["globex"] is None
    assert errors["initech"].startswith("Authentication failed for profile 'initech'")
    assert [p["readOnly"] for p in data["projects"]] == [False, True, False]


def test_an_unknown_profile_is_a_usage_error_naming_the_known_ones(
    projects: list[EmulatedProject],
) -> None:
    result = invoke(projects, "--profiles", "acme,umbrella")
    assert result.exit_code == ExitCode.USAGE
    assert "unknown profile 'umbrella'; known profiles: acme, globex, initech" in result.output


def test_all_and_profiles_together_are_refused(projects: list[EmulatedProject]) -> None:
    result = invoke(projects, "--all", "--profiles", "acme")
    assert result.exit_code == ExitCode.USAGE
    assert "either --all or --profiles" in result.output


class FakeTime:
    def __init__(self, then: Callable[[int], None] | None = None) -> None:
        self.now = 0.0
        self.sleeps = 0
        self._then = then

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps += 1
        self.now += seconds
        if self._then is not None:
            self._then(self.sleeps)


def test_watch_prints_each_new_reason_once_also_after_a_restart(
    projects: list[EmulatedProject],
) -> None:
    order_id = rejected_order(projects)
    acme = projects[0].emulator

    def carrier_answers(sleeps: int) -> None:
        if sleeps == 1:
            acme.advance(timedelta(hours=2))

    time = FakeTime(carrier_answers)
    watch = {"sleep": time.sleep, "clock": time.clock, "rounds": 3}
    first = invoke(projects, "--all", "--watch", "--json", **{WATCH_OPTIONS: watch})
    assert first.exit_code == ExitCode.OK, first.output
    told = [json.loads(line) for line in first.stdout.splitlines()]
    keys = [(r["project"], r["orderId"], r["kind"]) for r in told]
    assert ("acme", order_id, "rejected") in keys
    assert len(keys) == len(set(keys))
    assert "initech: error: Authentication failed" in first.stderr

    again = FakeTime()
    watch = {"sleep": again.sleep, "clock": again.clock, "rounds": 2}
    second = invoke(projects, "--all", "--watch", **{WATCH_OPTIONS: watch})
    assert second.exit_code == ExitCode.OK, second.output
    assert second.stdout == ""


def test_the_demo_shows_three_projects_one_read_only_one_refused() -> None:
    result = CliRunner().invoke(cli, ["attention", "--demo", "--all"])
    assert result.exit_code == ExitCode.PROJECT_FAILED, result.output
    titles = [
        line for line in result.stdout.splitlines() if line.startswith(("acme", "glo", "ini"))
    ]
    assert titles[0].startswith("acme: ") and "need" in titles[0]
    assert titles[1].startswith("globex (read-only): ")
    assert titles[2].startswith("initech: error: Authentication failed")


@pytest.mark.parametrize(
    ("args", "every", "names"),
    [(["--all"], True, ()), (["--profiles", "acme, globex"], False, ("acme", "globex"))],
)
def test_the_apps_all_and_profiles_reach_its_launcher(
    args: list[str], every: bool, names: tuple[str, ...]
) -> None:
    launched: list[Any] = []

    def launch(profile: str | None, demo: bool, settings: Any) -> int:
        launched.append(settings)
        return 0

    result = CliRunner().invoke(cli, [*args, "--demo"], obj={LAUNCH_APP: launch})
    assert result.exit_code == 0, result.output
    assert (launched[0].all_projects, launched[0].profiles) == (every, names)
