"""Which profile a run uses: --profile, the default, the SINCH_* environment, the only one."""

from __future__ import annotations

from pathlib import Path

import pytest

from porting_tui.local.profiles import (
    ENV_PROFILE_NAME,
    ProfileError,
    load_config,
    select_profile,
)
from tests.local.helpers import write_config

TWO_PROFILES = """\
default_profile = "prod"

[profiles.prod]
project_id = "p-prod"
key_id = "k-prod"
key_secret = "s-prod"

[profiles.test]
project_id = "p-test"
key_id = "k-test"
key_secret = "s-test"
"""
SINCH_ENV = {"SINCH_PROJECT_ID": "p-env", "SINCH_KEY_ID": "k-env", "SINCH_KEY_SECRET": "s-env"}


def test_explicit_name_wins(config_path: Path) -> None:
    write_config(config_path, TWO_PROFILES)
    config = load_config(environ=SINCH_ENV)
    assert select_profile(config, "test", environ=SINCH_ENV).name == "test"


def test_default_profile_is_used_without_a_name(config_path: Path) -> None:
    write_config(config_path, TWO_PROFILES)
    assert select_profile(load_config(environ={}), environ={}).name == "prod"


def test_file_default_wins_over_the_environment_which_stays_reachable_by_name(
    config_path: Path,
) -> None:
    write_config(config_path, TWO_PROFILES)
    config = load_config(environ=SINCH_ENV)
    assert select_profile(config, environ=SINCH_ENV).name == "prod"
    assert select_profile(config, "env", environ=SINCH_ENV).project_id == "p-env"


def test_environment_without_a_file_makes_the_implicit_env_profile() -> None:
    config = load_config(environ=SINCH_ENV)
    profile = select_profile(config, environ=SINCH_ENV)
    assert profile.name == ENV_PROFILE_NAME == "env"
    assert (profile.project_id, profile.key_id) == ("p-env", "k-env")
    assert profile.origin == "environment"
    assert profile.api_url == "https://porting.api.sinch.com"
    assert profile.resolve_secret() == "s-env"
    assert profile.masked()["secret"] == "environment variable SINCH_KEY_SECRET"


def test_process_environment_is_read_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable, value in SINCH_ENV.items():
        monkeypatch.setenv(variable, value)
    profile = select_profile(load_config())
    assert profile.name == "env" and profile.resolve_secret() == "s-env"


def test_environment_wins_over_a_file_without_default(config_path: Path) -> None:
    write_config(config_path, TWO_PROFILES.replace('default_profile = "prod"\n', ""))
    assert select_profile(load_config(environ=SINCH_ENV), environ=SINCH_ENV).name == "env"


def test_sinch_porting_url_sets_the_env_profile_api_url() -> None:
    environ = {**SINCH_ENV, "SINCH_PORTING_URL": "http://127.0.0.1:8787/"}
    profile = select_profile(load_config(environ=environ), environ=environ)
    assert profile.api_url == "http://127.0.0.1:8787"
    assert profile.masked()["api_url"] == "http://127.0.0.1:8787 (from SINCH_PORTING_URL)"


def test_sinch_porting_url_overrides_a_file_profile_for_this_run_only(config_path: Path) -> None:
    write_config(config_path, TWO_PROFILES)
    environ = {"SINCH_PORTING_URL": "https://staging.example.com"}
    config = load_config(environ=environ)
    assert any("SINCH_PORTING_URL is set" in warning for warning in config.warnings)
    assert config.profiles["prod"].api_url == "https://porting.api.sinch.com"
    selected = select_profile(config, environ=environ)
    assert selected.api_url == "https://staging.example.com"
    assert selected.api_url_from == "SINCH_PORTING_URL"


def test_plain_http_sinch_porting_url_is_refused(config_path: Path) -> None:
    write_config(config_path, TWO_PROFILES)
    environ = {"SINCH_PORTING_URL": "http://porting.example.com"}
    with pytest.raises(ProfileError, match=r"SINCH_PORTING_URL .* plain http"):
        select_profile(load_config(environ=environ), environ=environ)


def test_partial_environment_names_the_missing_variables() -> None:
    environ = {"SINCH_PROJECT_ID": "p"}
    config = load_config(environ=environ)
    with pytest.raises(ProfileError, match="SINCH_KEY_ID, SINCH_KEY_SECRET not set"):
        select_profile(config, environ=environ)


def test_asking_for_env_without_the_variables_says_which_to_set() -> None:
    with pytest.raises(
        ProfileError, match="set SINCH_PROJECT_ID, SINCH_KEY_ID and SINCH_KEY_SECRET"
    ):
        select_profile(load_config(environ={}), "env", environ={})


def test_the_only_profile_is_used_without_a_default(config_path: Path) -> None:
    write_config(config_path, '[profiles.solo]\nproject_id = "p"\nkey_id = "k"\nkey_secret = "s"\n')
    assert select_profile(load_config(environ={}), environ={}).name == "solo"


def test_several_profiles_without_a_default_ask_for_a_choice(config_path: Path) -> None:
    write_config(config_path, TWO_PROFILES.replace('default_profile = "prod"\n', ""))
    with pytest.raises(ProfileError, match=r"no default profile.*known profiles: prod, test"):
        select_profile(load_config(environ={}), environ={})


def test_no_profile_at_all_says_how_to_start() -> None:
    with pytest.raises(ProfileError) as caught:
        select_profile(load_config(environ={}), environ={})
    assert str(caught.value) == (
        "no profile yet: run 'porting-tui profile add NAME' to create one, "
        "or try 'porting-tui --demo'"
    )


def test_unknown_name_lists_the_known_ones(config_path: Path) -> None:
    write_config(config_path, TWO_PROFILES)
    with pytest.raises(ProfileError) as caught:
        select_profile(load_config(environ={}), "staging", environ={})
    assert str(caught.value) == "unknown profile 'staging'; known profiles: prod, test"


def test_default_pointing_nowhere_is_warned_about_and_explained(config_path: Path) -> None:
    write_config(config_path, TWO_PROFILES.replace('"prod"\n\n', '"gone"\n\n', 1))
    config = load_config(environ={})
    assert any("default_profile 'gone' is not a profile" in w for w in config.warnings)
    with pytest.raises(ProfileError, match=r"default_profile 'gone' .* profile use NAME"):
        select_profile(config, environ={})


def test_broken_profile_is_set_aside_and_explained_when_chosen(config_path: Path) -> None:
    write_config(config_path, TWO_PROFILES + '\n[profiles.broken]\nproject_id = "p"\n')
    config = load_config(environ={})
    assert set(config.profiles) == {"prod", "test"}
    assert config.names() == ["prod", "test", "broken"]
    with pytest.raises(ProfileError) as caught:
        select_profile(config, "broken", environ={})
    assert str(caught.value) == (
        "profile 'broken': key_id is missing; no secret: set one of key_secret, "
        f"key_secret_env, key_secret_command, key_secret_keyring (in {config_path})"
    )
