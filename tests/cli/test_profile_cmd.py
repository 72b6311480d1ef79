"""``porting-tui profile ...`` as a user and a script see it: output, files, exit codes."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner, Result

from porting_tui.cli import cli, context
from porting_tui.local import profile_check
from porting_tui.local.profiles import load_config

SINCH_VARIABLES = ("SINCH_PROJECT_ID", "SINCH_KEY_ID", "SINCH_KEY_SECRET", "SINCH_PORTING_URL")


@pytest.fixture(autouse=True)
def config_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    for variable in SINCH_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    return tmp_path / "xdg" / "porting-tui" / "config.toml"


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def add(name: str, *extra: str, input: str | None = None) -> Result:
    return run(
        "profile",
        "add",
        name,
        "--project-id",
        f"p-{name}",
        "--key-id",
        f"k-{name}",
        *extra,
        input=input,
    )


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard input is a terminal, so the commands may ask."""
    monkeypatch.setattr(context, "stdin_is_interactive", lambda: True)


def test_add_by_prompts_hides_the_secret_and_saves_a_private_file(config_path: Path) -> None:
    result = run("profile", "add", "acme", input="p-acme\nk-acme\ntop-secret\noauth\n")
    assert result.exit_code == 0, result.output
    assert "Key secret: \n" in result.output
    assert "top-secret" not in result.output
    assert "Saved profile 'acme' (project p-acme)" in result.output
    assert "It is the default profile." in result.output
    profile = load_config().profiles["acme"]
    assert (profile.project_id, profile.key_id, profile.auth) == ("p-acme", "k-acme", "oauth")
    assert profile.key_secret == "top-secret"
    assert stat.S_IMODE(config_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(config_path.parent.stat().st_mode) == 0o700


def test_add_for_scripts_takes_every_setting_as_an_option() -> None:
    result = add(
        "ci",
        "--key-secret-env",
        "CI_SECRET",
        "--auth",
        "basic",
        "--api-url",
        "http://127.0.0.1:8787/",
        "--read-only",
        "--color",
        "magenta",
        "--default",
    )
    assert result.exit_code == 0, result.output
    profile = load_config().profiles["ci"]
    assert profile.key_secret_env == "CI_SECRET"
    assert profile.api_url == "http://127.0.0.1:8787"
    assert profile.read_only and profile.color == "magenta"


def test_add_reads_the_secret_from_stdin() -> None:
    assert add("a", "--key-secret-stdin", input="piped-secret\n").exit_code == 0
    assert load_config().profiles["a"].key_secret == "piped-secret"


def test_add_with_a_secret_command_stores_the_command() -> None:
    assert add("a", "--key-secret-command", "op read op://vault/porting").exit_code == 0
    assert load_config().profiles["a"].key_secret_command == "op read op://vault/porting"


def test_add_refuses_to_overwrite_without_force() -> None:
    add("a", "--key-secret-env", "ONE")
    result = add("a", "--key-secret-env", "TWO")
    assert result.exit_code == 2
    assert result.stderr == "porting-tui: profile 'a' already exists; add --force to replace it\n"
    assert add("a", "--key-secret-env", "TWO", "--force").exit_code == 0
    assert load_config().profiles["a"].key_secret_env == "TWO"


def test_add_refuses_two_secret_sources() -> None:
    result = add("a", "--key-secret-env", "X", "--key-secret-command", "y")
    assert result.exit_code == 2
    assert "choose one secret source" in result.stderr


def test_add_refuses_plain_http_to_a_remote_host(config_path: Path) -> None:
    result = add("a", "--key-secret-env", "X", "--api-url", "http://porting.example.com")
    assert result.exit_code == 2
    assert "uses plain http" in result.stderr
    assert "Traceback" not in result.output
    assert not config_path.exists()


def test_add_refuses_a_bad_name_before_asking_anything() -> None:
    result = run("profile", "add", "my prod")
    assert result.exit_code == 2
    assert "invalid profile name 'my prod'" in result.stderr
    assert "Project id" not in result.output


def test_add_with_keyring_missing_explains_and_saves_nothing(
    config_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "keyring", None)
    result = add("a", "--keyring", "--key-secret-stdin", input="s\n")
    assert result.exit_code == 1
    assert "pip install keyring" in result.stderr
    assert not config_path.exists()


def test_list_marks_the_default_and_never_shows_a_secret() -> None:
    add("prod", "--key-secret-stdin", input="prod-secret\n")
    add("lab", "--key-secret-env", "LAB_SECRET", "--read-only")
    result = run("profile", "list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["NAME", "PROJECT", "KEY", "ID", "AUTH", "SECRET", "NOTES"]
    assert lines[1].split() == ["*", "prod", "p-prod", "k-prod", "basic", "file"]
    assert lines[2].split() == ["lab", "p-lab", "k-lab", "basic", "env", "LAB_SECRET", "read-only"]
    assert "prod-secret" not in result.output


def test_list_json_is_masked() -> None:
    add("prod", "--key-secret-stdin", input="prod-secret\n")
    result = run("profile", "list", "--json")
    assert result.exit_code == 0
    assert '"secret": "stored in the config file (hidden)"' in result.stdout
    assert "prod-secret" not in result.output


def test_list_without_profiles_says_how_to_start() -> None:
    result = run("profile", "list")
    assert result.exit_code == 0
    assert "porting-tui profile add NAME" in result.stderr and "--demo" in result.stderr


def test_list_shows_the_env_profile_and_broken_profiles(
    config_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_path.parent.mkdir(parents=True)
    config_path.write_text('[profiles.broken]\nproject_id = "p"\n')
    config_path.chmod(0o600)
    monkeypatch.setenv("SINCH_PROJECT_ID", "p-env")
    monkeypatch.setenv("SINCH_KEY_ID", "k-env")
    monkeypatch.setenv("SINCH_KEY_SECRET", "env-secret")
    result = run("profile", "list")
    assert "from SINCH_* variables" in result.stdout
    assert "unusable: profile 'broken': key_id is missing" in result.stdout
    assert "env-secret" not in result.output


def test_list_warns_about_a_shared_config_file(config_path: Path) -> None:
    add("a", "--key-secret-env", "X")
    config_path.chmod(0o644)
    result = run("profile", "list")
    assert f"warning: {config_path} is accessible by other users" in result.stderr
    assert f"chmod 600 {config_path}" in result.stderr


def test_show_prints_the_settings_and_the_secret_source_only() -> None:
    add("a", "--key-secret-stdin", input="hidden-secret\n")
    result = run("profile", "show", "a")
    assert result.exit_code == 0
    assert "project_id:    p-a" in result.stdout
    assert "secret:        stored in the config file (hidden)" in result.stdout
    assert "hidden-secret" not in result.output


def test_show_without_a_name_follows_the_root_profile_option() -> None:
    add("a", "--key-secret-env", "X")
    add("b", "--key-secret-env", "Y")
    assert "name:          a" in run("profile", "show").stdout
    assert "name:          b" in run("--profile", "b", "profile", "show").stdout


def test_unknown_profile_is_one_line_with_exit_code_2() -> None:
    add("a", "--key-secret-env", "X")
    result = run("profile", "show", "nope")
    assert result.exit_code == 2
    assert result.stderr == "porting-tui: unknown profile 'nope'; known profiles: a\n"


def test_invalid_file_is_one_line_with_exit_code_2(config_path: Path) -> None:
    config_path.parent.mkdir(parents=True)
    config_path.write_text("[profiles.a\n")
    result = run("profile", "list")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"porting-tui: invalid TOML in {config_path}, line 1")
    assert result.stderr.count("\n") == 1


def test_use_changes_the_default() -> None:
    add("a", "--key-secret-env", "X")
    add("b", "--key-secret-env", "Y")
    result = run("profile", "use", "b")
    assert result.exit_code == 0
    assert result.stdout == "Default profile is now 'b' (project p-b).\n"
    assert load_config().default_profile == "b"
    assert run("profile", "use", "zzz").exit_code == 2


@pytest.mark.usefixtures("terminal")
def test_remove_asks_first_and_keeps_the_profile_when_declined() -> None:
    add("a", "--key-secret-env", "X")
    result = run("profile", "remove", "a", input="n\n")
    assert result.exit_code == 1
    assert "Remove profile 'a'" in result.stderr
    assert result.stdout == ""
    assert "a" in load_config().profiles


def test_remove_without_a_terminal_needs_yes_and_is_a_usage_error() -> None:
    add("a", "--key-secret-env", "X")
    result = run("profile", "remove", "a", input="y\n")
    assert result.exit_code == 2
    assert "add --yes" in result.stderr
    assert "a" in load_config().profiles


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ((), "give --project-id"),
        (("--project-id", "p", "--key-id", "k"), "give --key-secret-env"),
        (("--key-id", "k", "--key-secret-env", "X"), "give --project-id"),
    ],
)
def test_add_without_a_terminal_or_answers_names_the_option_and_is_a_usage_error(
    options: tuple[str, ...], named: str
) -> None:
    result = run("profile", "add", "acme", *options, input="")
    assert result.exit_code == 2, result.output
    assert "no terminal to ask for" in result.stderr and named in result.stderr
    assert load_config().names() == []


@pytest.mark.usefixtures("terminal")
def test_remove_with_confirmation_or_yes() -> None:
    add("a", "--key-secret-env", "X")
    add("b", "--key-secret-env", "Y")
    assert run("profile", "remove", "b", input="y\n").exit_code == 0
    result = run("profile", "remove", "a", "--yes")
    assert result.exit_code == 0
    assert "There is no default profile now" in result.stdout
    assert load_config().names() == []


def test_remove_unknown_profile_fails_before_asking() -> None:
    result = run("profile", "remove", "ghost")
    assert result.exit_code == 2
    assert "Remove profile" not in result.output


Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture
def answer_with(monkeypatch: pytest.MonkeyPatch) -> Callable[[Handler], None]:
    """Make `profile test` talk to ``handler`` instead of the network."""

    def install(handler: Handler) -> None:
        real = profile_check.test_profile

        async def with_mock_transport(profile: object, **_: object) -> object:
            return await real(profile, transport=httpx.MockTransport(handler))  # type: ignore[arg-type]

        monkeypatch.setattr("porting_tui.cli.profile_cmd.test_profile", with_mock_transport)

    return install


def test_profile_test_success_exits_0(answer_with: Callable[[Handler], None]) -> None:
    answer_with(lambda request: httpx.Response(200, json={"orders": [], "totalItems": 4}))
    add("a", "--key-secret-stdin", input="s\n")
    result = run("profile", "test", "a")
    assert result.exit_code == 0
    assert "profile 'a' works" in result.stdout and "(4 orders)" in result.stdout


def test_profile_test_auth_failure_exits_3(answer_with: Callable[[Handler], None]) -> None:
    answer_with(lambda request: httpx.Response(401, json={"error": {"message": "no"}}))
    add("a", "--key-secret-stdin", input="bad-secret\n")
    result = run("profile", "test", "a")
    assert result.exit_code == 3
    assert "check its key_id (k-a)" in result.stderr
    assert "bad-secret" not in result.output


def test_profile_test_network_failure_exits_5(answer_with: Callable[[Handler], None]) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("Connection refused", request=request)

    answer_with(refuse)
    add("a", "--key-secret-stdin", "--api-url", "http://127.0.0.1:9", input="s\n")
    result = run("profile", "test", "a")
    assert result.exit_code == 5
    assert "could not reach 127.0.0.1" in result.stderr.lower()


def test_profile_test_with_a_failing_secret_exits_1(answer_with: Callable[[Handler], None]) -> None:
    answer_with(lambda request: httpx.Response(200, json={}))
    add("a", "--key-secret-env", "PORTING_TUI_TEST_UNSET_VARIABLE")
    result = run("profile", "test", "a")
    assert result.exit_code == 1
    assert "PORTING_TUI_TEST_UNSET_VARIABLE is not set" in result.stderr


def test_profile_test_uses_the_env_profile(
    answer_with: Callable[[Handler], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"orders": []})

    answer_with(record)
    monkeypatch.setenv("SINCH_PROJECT_ID", "p-env")
    monkeypatch.setenv("SINCH_KEY_ID", "k-env")
    monkeypatch.setenv("SINCH_KEY_SECRET", "s-env")
    monkeypatch.setenv("SINCH_PORTING_URL", "http://127.0.0.1:8787")
    result = run("profile", "test")
    assert result.exit_code == 0, result.output
    assert seen[0].url == "http://127.0.0.1:8787/v1/projects/p-env/orders/portIns?pageSize=1"
