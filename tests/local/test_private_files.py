"""Files holding secrets: 0600 in a 0700 directory, replaced atomically, warned about if shared."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from porting_tui.local.errors import ProfileError
from porting_tui.local.private_files import permission_warning, write_private_file
from porting_tui.local.profiles import Profile, load_config, save_profile
from tests.local.helpers import write_config


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_saved_config_is_0600_in_a_0700_directory(config_path: Path) -> None:
    save_profile(Profile(name="a", project_id="p", key_id="k", key_secret="s"))
    assert mode(config_path) == 0o600
    assert mode(config_path.parent) == 0o700


def test_saving_tightens_a_file_and_directory_that_were_shared(config_path: Path) -> None:
    write_config(config_path, "", mode=0o644)
    config_path.parent.chmod(0o755)
    save_profile(Profile(name="a", project_id="p", key_id="k", key_secret="s"))
    assert mode(config_path) == 0o600
    assert mode(config_path.parent) == 0o700


def test_group_or_world_readable_config_gets_a_warning_with_the_fix(config_path: Path) -> None:
    write_config(config_path, "", mode=0o644)
    warnings = load_config().warnings
    assert warnings == [
        f"{config_path} is accessible by other users (mode 0644) and may hold secrets; "
        f"fix it with: chmod 600 {config_path}"
    ]


def test_private_config_gets_no_warning(config_path: Path) -> None:
    write_config(config_path, "", mode=0o600)
    assert load_config().warnings == []


def test_group_writable_file_is_warned_about_too(tmp_path: Path) -> None:
    path = write_config(tmp_path / "f.toml", "", mode=0o620)
    assert permission_warning(path) is not None


def test_write_leaves_no_temporary_file_behind(tmp_path: Path) -> None:
    target = tmp_path / "dir" / "secret.toml"
    write_private_file(target, "one")
    write_private_file(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["secret.toml"]


def test_failed_write_keeps_the_old_file_and_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "secret.toml"
    write_private_file(target, "old")
    with pytest.raises(UnicodeEncodeError):
        write_private_file(target, "bad \udcff surrogate")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["secret.toml"]


def test_a_symlinked_config_is_written_through_the_link(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "config.toml"
    write_private_file(real, "old")
    link = tmp_path / "config" / "config.toml"
    link.parent.mkdir()
    link.symlink_to(real)
    write_private_file(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"
    assert mode(real) == 0o600


def test_a_symlinked_config_leaves_the_folder_of_its_target_alone(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    dotfiles.chmod(0o755)
    real = dotfiles / "config.toml"
    write_config(real, "", mode=0o600)
    link = tmp_path / "config" / "config.toml"
    link.parent.mkdir()
    link.symlink_to(real)
    write_private_file(link, "new")
    assert real.read_text() == "new"
    assert mode(dotfiles) == 0o755


@pytest.mark.parametrize("file_mode", [0o620, 0o602, 0o666])
def test_a_config_others_may_change_is_refused_with_the_chmod(
    config_path: Path, tmp_path: Path, file_mode: int
) -> None:
    ran = tmp_path / "ran"
    write_config(
        config_path,
        f'[profiles.a]\nproject_id = "p"\nkey_id = "k"\nkey_secret_command = "touch {ran}"\n',
        mode=file_mode,
    )
    with pytest.raises(ProfileError) as refused:
        load_config()
    assert f"fix it with: chmod 600 {config_path}" in refused.value.message
    assert f"mode {file_mode:04o}" in refused.value.message
    assert not ran.exists()


def test_a_config_in_a_folder_others_may_change_is_refused(config_path: Path) -> None:
    write_config(config_path, "", mode=0o600)
    config_path.parent.chmod(0o777)
    with pytest.raises(ProfileError, match=rf"chmod 700 {config_path.parent}$"):
        load_config()


def test_the_real_folder_of_a_symlinked_config_is_checked_too(
    config_path: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    write_config(shared / "config.toml", "", mode=0o600)
    config_path.parent.mkdir(parents=True, mode=0o700)
    config_path.symlink_to(shared / "config.toml")
    with pytest.raises(ProfileError, match=rf"chmod 700 {shared}$"):
        load_config()


def test_a_config_readable_by_others_is_only_warned_about(config_path: Path) -> None:
    write_config(config_path, "", mode=0o644)
    assert len(load_config().warnings) == 1
