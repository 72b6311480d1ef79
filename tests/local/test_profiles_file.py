"""The config file: round trips, hand edits kept, precise errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from porting_tui import paths
from porting_tui.local.profiles import (
    Profile,
    ProfileError,
    ProfileExistsError,
    load_config,
    remove_profile,
    save_profile,
    select_profile,
    set_default_profile,
)
from tests.local.helpers import write_config

HAND_EDITED = """\
# My porting projects. Keep this comment.
default_profile = "prod"  # the one I use most
editor_theme = "dark"

[profiles.prod]
# production, be careful
project_id = "p-prod"  # from the dashboard
key_id = 'k-prod'
key_secret_env = "PROD_SECRET"
read_only = true
team = "ops"  # a key this version does not know

[profiles.test]
project_id = "p-test"
key_id = "k-test"
key_secret = "test-secret"
"""


def test_missing_file_gives_an_empty_config(config_path: Path) -> None:
    config = load_config()
    assert config.path == config_path == paths.config_file()
    assert not config.exists
    assert config.profiles == {} and config.invalid == {} and config.warnings == []


def test_saved_profile_loads_back_equal(config_path: Path) -> None:
    profile = Profile(
        name="acme",
        project_id="p1",
        key_id="k1",
        auth="oauth",
        api_url="https://porting.example.com",
        auth_url="https://auth.example.com/token",
        read_only=True,
        color="#ff8800",
        key_secret_command="pass show acme",
    )
    assert save_profile(profile) == config_path
    config = load_config()
    assert config.profiles["acme"] == profile
    assert config.default_profile == "acme"


def test_every_secret_source_round_trips(config_path: Path) -> None:
    profiles = [
        Profile(name="file", project_id="p", key_id="k", key_secret="s"),
        Profile(name="env-var", project_id="p", key_id="k", key_secret_env="VAR"),
        Profile(name="cmd", project_id="p", key_id="k", key_secret_command="op read x"),
        Profile(name="ring", project_id="p", key_id="k", key_secret_keyring=True),
    ]
    for profile in profiles:
        save_profile(profile)
    loaded = load_config().profiles
    for profile in profiles:
        assert loaded[profile.name] == profile


def test_defaults_are_not_written_out(config_path: Path) -> None:
    save_profile(Profile(name="a", project_id="p", key_id="k", key_secret="s"))
    text = config_path.read_text()
    assert "api_url" not in text and "auth_url" not in text and "read_only" not in text


def test_adding_a_profile_keeps_comments_and_unknown_keys(config_path: Path) -> None:
    write_config(config_path, HAND_EDITED)
    save_profile(Profile(name="new", project_id="p-new", key_id="k-new", key_secret="x"))
    text = config_path.read_text()
    assert text.startswith(HAND_EDITED.rstrip("\n"))
    assert "[profiles.new]" in text
    config = load_config()
    assert config.default_profile == "prod"
    assert config.profiles["prod"].extra == {"team": "ops"}
    assert set(config.profiles) == {"prod", "test", "new"}


def test_replacing_a_profile_keeps_its_comments_and_drops_the_old_secret_source(
    config_path: Path,
) -> None:
    write_config(config_path, HAND_EDITED)
    replacement = Profile(name="prod", project_id="p-prod", key_id="k2", key_secret="typed")
    save_profile(replacement, replace=True)
    text = config_path.read_text()
    assert "# production, be careful" in text
    assert 'project_id = "p-prod"  # from the dashboard' in text
    assert 'team = "ops"  # a key this version does not know' in text
    assert "PROD_SECRET" not in text
    assert 'editor_theme = "dark"' in text
    loaded = load_config().profiles["prod"]
    assert loaded.key_id == "k2" and loaded.key_secret == "typed"
    # read_only was written by hand, so it stays written, now with the new value.
    assert "read_only = false" in text and not loaded.read_only


def test_saving_an_existing_name_is_refused_without_replace(config_path: Path) -> None:
    write_config(config_path, HAND_EDITED)
    before = config_path.read_text()
    with pytest.raises(ProfileExistsError, match="'test' already exists"):
        save_profile(Profile(name="test", project_id="p", key_id="k", key_secret="s"))
    assert config_path.read_text() == before


def test_make_default_moves_the_default(config_path: Path) -> None:
    write_config(config_path, HAND_EDITED)
    save_profile(Profile(name="x", project_id="p", key_id="k", key_secret="s"))
    assert load_config().default_profile == "prod"
    save_profile(Profile(name="y", project_id="p", key_id="k", key_secret="s"), make_default=True)
    assert load_config().default_profile == "y"
    assert "# the one I use most" in config_path.read_text()


def test_set_default_profile_changes_only_the_default(config_path: Path) -> None:
    write_config(config_path, HAND_EDITED)
    set_default_profile("test")
    text = config_path.read_text()
    assert text == HAND_EDITED.replace('default_profile = "prod"', 'default_profile = "test"')
    assert select_profile(load_config()).name == "test"


def test_set_default_to_an_unknown_profile_lists_the_known_ones(config_path: Path) -> None:
    write_config(config_path, HAND_EDITED)
    with pytest.raises(ProfileError, match=r"unknown profile 'nope'.*known profiles: prod, test"):
        set_default_profile("nope")


def test_the_env_profile_cannot_be_saved_or_made_default(config_path: Path) -> None:
    with pytest.raises(ProfileError, match="reserved"):
        save_profile(Profile(name="env", project_id="p", key_id="k", key_secret="s"))
    with pytest.raises(ProfileError, match="cannot be made the default"):
        set_default_profile("env")


def test_remove_profile_deletes_its_table_and_the_default_pointing_at_it(
    config_path: Path,
) -> None:
    write_config(config_path, HAND_EDITED)
    removed = remove_profile("prod")
    assert removed is not None and removed.project_id == "p-prod"
    config = load_config()
    assert set(config.profiles) == {"test"}
    assert config.default_profile is None
    assert "# My porting projects. Keep this comment." in config_path.read_text()


def test_remove_unknown_profile_lists_the_known_ones(config_path: Path) -> None:
    write_config(config_path, HAND_EDITED)
    with pytest.raises(ProfileError, match="known profiles: prod, test"):
        remove_profile("staging")


def test_remove_works_for_a_broken_profile(config_path: Path) -> None:
    write_config(config_path, '[profiles.broken]\nproject_id = "p"\n')
    assert remove_profile("broken") is None
    assert load_config().names() == []


def test_invalid_toml_names_file_line_and_problem(config_path: Path) -> None:
    write_config(config_path, '[profiles.a]\nproject_id = "p"\nkey_id = "unterminated\n')
    with pytest.raises(ProfileError) as caught:
        load_config()
    message = str(caught.value)
    assert message.startswith(f"invalid TOML in {config_path}, line 3, column ")
    assert "\n" not in message and "Traceback" not in message


def test_duplicate_keys_are_reported_with_their_line(config_path: Path) -> None:
    write_config(config_path, '[profiles.a]\nkey_id = "a"\nkey_id = "b"\n')
    with pytest.raises(ProfileError, match=r"line 3.*already exists"):
        load_config()


def test_saving_into_an_invalid_file_is_refused_and_leaves_it_alone(config_path: Path) -> None:
    write_config(config_path, "this is not toml\n")
    with pytest.raises(ProfileError, match="invalid TOML"):
        save_profile(Profile(name="a", project_id="p", key_id="k", key_secret="s"))
    assert config_path.read_text() == "this is not toml\n"


def test_unreadable_file_says_so(config_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_config(config_path, "")

    def refuse(self: Path, *args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied", str(self))

    # The tests may run as root, who can read a 000 file, so the refusal is simulated.
    monkeypatch.setattr(Path, "read_text", refuse)
    with pytest.raises(ProfileError, match=f"cannot read {config_path}: Permission denied"):
        load_config()


def test_a_directory_in_place_of_the_file_says_so(config_path: Path) -> None:
    config_path.mkdir(parents=True)
    with pytest.raises(ProfileError, match=f"cannot read {config_path}"):
        load_config()


def test_non_utf8_file_says_so(config_path: Path) -> None:
    config_path.parent.mkdir(parents=True)
    config_path.write_bytes(b'default_profile = "\xff"\n')
    with pytest.raises(ProfileError, match="not UTF-8"):
        load_config()


def test_profiles_that_is_not_a_table_is_reported(config_path: Path) -> None:
    write_config(config_path, 'profiles = "prod"\n')
    with pytest.raises(ProfileError, match=r"'profiles' must be a table"):
        load_config()


def test_default_profile_that_is_not_text_is_reported(config_path: Path) -> None:
    write_config(config_path, "default_profile = 3\n")
    with pytest.raises(ProfileError, match="default_profile must be a profile name"):
        load_config()
