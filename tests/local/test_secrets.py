"""Every source of a key secret, and how each one fails without leaking anything."""

from __future__ import annotations

import shlex
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from porting_tui.local.profiles import Profile, SecretError
from porting_tui.local.secrets import KEYRING_SERVICE, delete_from_keyring, store_in_keyring


def python_command(code: str) -> str:
    """A secret command running ``code`` in this Python, quoted as a user would write it."""
    return shlex.join([sys.executable, "-c", code])


def command_profile(code: str) -> Profile:
    return Profile(name="cmd", project_id="p", key_id="k", key_secret_command=python_command(code))


def test_secret_in_the_file_is_returned_as_is() -> None:
    profile = Profile(name="f", project_id="p", key_id="k", key_secret="in-file")
    assert profile.resolve_secret() == "in-file"


def test_secret_from_an_environment_variable() -> None:
    profile = Profile(
        name="e",
        project_id="p",
        key_id="k",
        key_secret_env="MY_SECRET",
        environ={"MY_SECRET": " from-env\n"},
    )
    assert profile.resolve_secret() == "from-env"


def test_secret_from_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MY_SECRET", "from-process")
    profile = Profile(name="e", project_id="p", key_id="k", key_secret_env="MY_SECRET")
    assert profile.resolve_secret() == "from-process"


def test_unset_environment_variable_is_named() -> None:
    profile = Profile(name="e", project_id="p", key_id="k", key_secret_env="NOPE", environ={})
    with pytest.raises(SecretError, match="profile 'e': environment variable NOPE is not set"):
        profile.resolve_secret()


def test_empty_environment_variable_is_named() -> None:
    profile = Profile(
        name="e", project_id="p", key_id="k", key_secret_env="EMPTY", environ={"EMPTY": "  "}
    )
    with pytest.raises(SecretError, match="environment variable EMPTY is empty"):
        profile.resolve_secret()


def test_secret_command_output_is_stripped() -> None:
    assert command_profile("print('  from-command  ')").resolve_secret() == "from-command"


def test_secret_command_runs_without_a_shell(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    # In a shell, ";" would start a second command creating the marker file.
    code = "import sys; print(sys.argv[1])"
    command = shlex.join([sys.executable, "-c", code]) + f" 'a;touch {marker}'"
    profile = Profile(name="c", project_id="p", key_id="k", key_secret_command=command)
    assert profile.resolve_secret() == f"a;touch {marker}"
    assert not marker.exists()


def test_failing_secret_command_reports_its_status_but_not_its_output() -> None:
    code = "import sys; print('leaked-out'); print('leaked-err', file=sys.stderr); sys.exit(3)"
    with pytest.raises(SecretError) as caught:
        command_profile(code).resolve_secret()
    message = str(caught.value)
    assert f"secret command {sys.executable} failed with exit status 3" in message
    assert "leaked" not in message


def test_slow_secret_command_times_out() -> None:
    profile = command_profile("import time; time.sleep(60)")
    with pytest.raises(SecretError, match=r"did not finish within 0.2 s"):
        profile.resolve_secret(timeout=0.2)


def test_secret_command_printing_nothing_is_reported() -> None:
    with pytest.raises(SecretError, match="printed nothing"):
        command_profile("print('   ')").resolve_secret()


def test_secret_command_printing_several_lines_is_refused_without_echoing_them() -> None:
    with pytest.raises(SecretError, match="more than one line") as caught:
        command_profile("print('first-secret'); print('second')").resolve_secret()
    assert "first-secret" not in str(caught.value)


def test_missing_secret_command_is_named() -> None:
    profile = Profile(
        name="c", project_id="p", key_id="k", key_secret_command="no-such-password-tool get x"
    )
    with pytest.raises(SecretError, match="secret command not found: no-such-password-tool"):
        profile.resolve_secret()


def test_secret_command_that_is_not_executable_is_named(tmp_path: Path) -> None:
    script = tmp_path / "tool"
    script.write_text("#!/bin/sh\necho x\n")
    script.chmod(0o600)
    profile = Profile(name="c", project_id="p", key_id="k", key_secret_command=str(script))
    with pytest.raises(SecretError, match="not executable"):
        profile.resolve_secret()


def test_keyring_missing_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes `import keyring` fail even where it is installed.
    monkeypatch.setitem(sys.modules, "keyring", None)
    profile = Profile(name="r", project_id="p", key_id="k", key_secret_keyring=True)
    with pytest.raises(SecretError, match=r"keyring package is not installed.*pip install keyring"):
        profile.resolve_secret()
    with pytest.raises(SecretError, match="pip install keyring"):
        store_in_keyring("k", "s")


class FakeBackend:
    def __init__(self, priority: float) -> None:
        self.priority = priority


class PasswordDeleteError(Exception):
    pass


@pytest.fixture
def fake_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[tuple[str, str], str]]:
    """A keyring module with a working in-memory backend."""
    store: dict[tuple[str, str], str] = {}
    module = types.ModuleType("keyring")

    def delete_password(service: str, user: str) -> None:
        if store.pop((service, user), None) is None:
            raise PasswordDeleteError("not found")

    module.get_keyring = lambda: FakeBackend(priority=5)  # type: ignore[attr-defined]
    module.get_password = lambda service, user: store.get((service, user))  # type: ignore[attr-defined]
    module.set_password = lambda service, user, secret: store.__setitem__((service, user), secret)  # type: ignore[attr-defined]
    module.delete_password = delete_password  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", module)
    yield store


def test_secret_from_the_keyring_is_looked_up_by_key_id(
    fake_keyring: dict[tuple[str, str], str],
) -> None:
    store_in_keyring("key-1", "from-keyring")
    assert fake_keyring == {(KEYRING_SERVICE, "key-1"): "from-keyring"}
    profile = Profile(name="r", project_id="p", key_id="key-1", key_secret_keyring=True)
    assert profile.resolve_secret() == "from-keyring"


def test_absent_keyring_entry_says_how_to_store_it(
    fake_keyring: dict[tuple[str, str], str],
) -> None:
    profile = Profile(name="r", project_id="p", key_id="key-2", key_secret_keyring=True)
    with pytest.raises(
        SecretError, match=r"no secret for service 'porting-tui' and key id 'key-2'"
    ):
        profile.resolve_secret()


def test_deleting_from_the_keyring(fake_keyring: dict[tuple[str, str], str]) -> None:
    store_in_keyring("key-1", "s")
    assert delete_from_keyring("key-1") is True
    assert delete_from_keyring("key-1") is False


def test_keyring_without_a_backend_gives_a_clear_error(
    fake_keyring: dict[tuple[str, str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.modules["keyring"], "get_keyring", lambda: FakeBackend(priority=0))
    profile = Profile(name="r", project_id="p", key_id="k", key_secret_keyring=True)
    with pytest.raises(SecretError, match="no usable backend"):
        profile.resolve_secret()


def test_keyring_backend_errors_are_reported(
    fake_keyring: dict[tuple[str, str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(service: str, user: str) -> str:
        raise RuntimeError("the keyring is locked")

    monkeypatch.setattr(sys.modules["keyring"], "get_password", locked)
    profile = Profile(name="r", project_id="p", key_id="k", key_secret_keyring=True)
    with pytest.raises(SecretError, match="refused to read the secret: the keyring is locked"):
        profile.resolve_secret()
