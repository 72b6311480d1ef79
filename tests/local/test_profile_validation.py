"""Bad profiles get one precise message each; good ones display without their secret."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from porting_tui.local.profiles import Profile, ProfileError, load_config
from tests.local.helpers import write_config

VALID = {"project_id": '"p"', "key_id": '"k"', "key_secret": '"the-secret"'}


def problem_of(config_path: Path, **settings: str) -> str:
    """What load_config says about a profile made of VALID changed by ``settings``."""
    values = {**VALID, **settings}
    lines = [f"{key} = {value}" for key, value in values.items() if value]
    write_config(config_path, "[profiles.p1]\n" + "\n".join(lines) + "\n")
    config = load_config(environ={})
    assert "p1" not in config.profiles
    return config.invalid["p1"]


def test_missing_fields_are_all_named(config_path: Path) -> None:
    assert problem_of(config_path, project_id="", key_id="") == (
        "profile 'p1': project_id is missing; key_id is missing"
    )


def test_empty_text_counts_as_missing(config_path: Path) -> None:
    assert problem_of(config_path, project_id='"  "') == "profile 'p1': project_id is missing"


def test_auth_must_be_basic_or_oauth(config_path: Path) -> None:
    assert problem_of(config_path, auth='"token"') == (
        "profile 'p1': auth must be 'basic' or 'oauth', not 'token'"
    )


@pytest.mark.parametrize("setting", ["api_url", "auth_url"])
def test_plain_http_to_a_remote_host_is_refused(config_path: Path, setting: str) -> None:
    problem = problem_of(config_path, **{setting: '"http://porting.example.com"'})
    assert f"{setting} 'http://porting.example.com' uses plain http" in problem
    assert "allowed only for 127.0.0.1, ::1 and localhost" in problem


@pytest.mark.parametrize("url", ["ftp://example.com", "porting.example.com", "https://"])
def test_urls_need_a_scheme_and_host(config_path: Path, url: str) -> None:
    assert "api_url must be an https:// URL with a host name" in problem_of(
        config_path, api_url=f'"{url}"'
    )


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8787", "http://127.0.0.9", "http://localhost:1", "http://[::1]:80"]
)
def test_plain_http_is_allowed_for_loopback(url: str) -> None:
    profile = Profile(name="local", project_id="p", key_id="k", key_secret="s", api_url=url)
    assert profile.api_url == url


def test_no_secret_source_lists_the_choices(config_path: Path) -> None:
    assert problem_of(config_path, key_secret="") == (
        "profile 'p1': no secret: set one of key_secret, key_secret_env, "
        "key_secret_command, key_secret_keyring"
    )


def test_two_secret_sources_are_refused(config_path: Path) -> None:
    assert problem_of(config_path, key_secret_env='"VAR"') == (
        "profile 'p1': more than one secret source (key_secret, key_secret_env); keep one"
    )


def test_key_secret_env_must_be_a_variable_name(config_path: Path) -> None:
    problem = problem_of(config_path, key_secret="", key_secret_env='"$VAR"')
    assert problem == "profile 'p1': key_secret_env must be a variable name, not '$VAR'"


def test_unbalanced_quotes_in_a_secret_command_are_reported(config_path: Path) -> None:
    problem = problem_of(config_path, key_secret="", key_secret_command='"op read \'x"')
    assert problem.startswith("profile 'p1': key_secret_command cannot be split into words")


def test_wrong_value_types_are_named(config_path: Path) -> None:
    assert problem_of(config_path, project_id="42", read_only='"yes"') == (
        "profile 'p1': project_id must be text in quotes; read_only must be true or false"
    )


def test_bad_color_is_refused(config_path: Path) -> None:
    assert "color must be a name such as 'red'" in problem_of(config_path, color='"#12"')


def test_a_profile_that_is_not_a_table_is_refused(config_path: Path) -> None:
    write_config(config_path, 'profiles.p1 = "x"\n')
    assert load_config(environ={}).invalid["p1"] == "profile 'p1': must be a [profiles.p1] table"


def test_profile_names_are_checked(config_path: Path) -> None:
    write_config(config_path, '[profiles."my prod"]\nproject_id = "p"\n')
    assert "invalid profile name 'my prod'" in load_config(environ={}).invalid["my prod"]


def test_a_file_profile_named_env_is_refused(config_path: Path) -> None:
    write_config(config_path, '[profiles.env]\nproject_id = "p"\nkey_id = "k"\nkey_secret = "s"\n')
    assert "reserved" in load_config(environ={}).invalid["env"]


def test_a_misspelt_key_is_kept_and_warned_about(config_path: Path) -> None:
    write_config(
        config_path,
        '[profiles.a]\nproject_id = "p"\nkey_id = "k"\nkey_secret = "s"\nread_onyl = true\n',
    )
    config = load_config(environ={})
    assert config.profiles["a"].extra == {"read_onyl": True}
    assert config.warnings == ["profile 'a': unknown key 'read_onyl' (did you mean 'read_only'?)"]


def test_profile_constructor_validates_too() -> None:
    with pytest.raises(ProfileError, match="more than one secret source"):
        Profile(name="x", project_id="p", key_id="k", key_secret="s", key_secret_keyring=True)


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ({"key_secret": "the-secret"}, "stored in the config file (hidden)"),
        ({"key_secret_env": "THE_VAR"}, "environment variable THE_VAR"),
        ({"key_secret_command": "op read op://v/i"}, "command: op read op://v/i"),
        ({"key_secret_keyring": True}, "system keyring"),
    ],
)
def test_masked_shows_the_source_never_the_secret(source: dict[str, object], shown: str) -> None:
    profile = Profile(name="a", project_id="p", key_id="k", read_only=True, **source)  # type: ignore[arg-type]
    masked = profile.masked()
    assert masked["secret"] == shown
    assert masked["secret_source"] == next(iter(source))
    assert masked["read_only"] is True
    assert "the-secret" not in json.dumps(masked)
    assert "the-secret" not in repr(profile)


async def test_make_client_maps_the_profile_settings() -> None:
    profile = Profile(
        name="a",
        project_id="p-1",
        key_id="k-1",
        key_secret="s-1",
        auth="oauth",
        api_url="http://127.0.0.1:8787",
        auth_url="https://auth.example.com/token",
    )
    client = profile.make_client()
    assert client.project_id == "p-1"
    assert client.base_url == "http://127.0.0.1:8787"
    assert client.api_host == "127.0.0.1"
    assert client.auth == "oauth"
    await client.aclose()


def test_profile_errors_map_each_faulty_setting_for_forms() -> None:
    with pytest.raises(ProfileError) as caught:
        Profile(name="x", project_id="", key_id="k", api_url="http://example.com", color="?")
    assert set(caught.value.fields) == {"project_id", "key_secret", "api_url", "color"}
    assert caught.value.fields["project_id"] == "project_id is missing"
