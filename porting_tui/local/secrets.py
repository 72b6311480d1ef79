"""Where a key secret comes from: an environment variable, a command, or the system keyring.

Messages name the source (variable, command, keyring entry) but never contain the secret
or anything a secret command printed.
"""

from __future__ import annotations

import importlib
import os
import shlex
import subprocess
from collections.abc import Mapping
from types import ModuleType

from porting_tui.local.errors import SecretError

KEYRING_SERVICE = "porting-tui"
KEYRING_INSTALL_HINT = "install it with: pip install keyring"


def secret_from_env(variable: str, environ: Mapping[str, str] | None = None) -> str:
    values = os.environ if environ is None else environ
    value = values.get(variable)
    if value is None:
        raise SecretError(f"environment variable {variable} is not set")
    if not value.strip():
        raise SecretError(f"environment variable {variable} is empty")
    return value.strip()


def command_words(command: str) -> list[str]:
    """Split a secret command like a shell would, but never run a shell."""
    try:
        words = shlex.split(command)
    except ValueError as error:
        raise SecretError(f"key_secret_command cannot be split into words: {error}") from None
    if not words:
        raise SecretError("key_secret_command is empty")
    return words


def secret_from_command(command: str, timeout: float = 10.0) -> str:
    """Run ``command`` without a shell and return what it printed, stripped.

    Its standard input is closed so that a password manager waiting for input fails fast
    instead of hanging; its output is never part of an error message.
    """
    words = command_words(command)
    program = words[0]
    try:
        completed = subprocess.run(  # noqa: S603 - the user's own command, no shell involved
            words,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError:
        raise SecretError(f"secret command not found: {program}") from None
    except PermissionError:
        raise SecretError(f"secret command is not executable: {program}") from None
    except subprocess.TimeoutExpired:
        raise SecretError(f"secret command {program} did not finish within {timeout:g} s") from None
    except OSError as error:
        raise SecretError(f"secret command {program} could not run: {error.strerror}") from None
    if completed.returncode != 0:
        raise SecretError(
            f"secret command {program} failed with exit status {completed.returncode}"
        )
    try:
        secret = completed.stdout.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise SecretError(f"secret command {program} printed something that is not text") from None
    if not secret:
        raise SecretError(f"secret command {program} printed nothing")
    if "\n" in secret:
        raise SecretError(
            f"secret command {program} printed more than one line; make it print only the "
            "secret (for example: sh -c 'pass show NAME | head -n1')"
        )
    return secret


def _keyring() -> ModuleType:
    """The keyring module when it is installed and has a usable backend."""
    try:
        module = importlib.import_module("keyring")
    except ImportError:
        raise SecretError(
            f"the system keyring is not available: the keyring package is not installed; "
            f"{KEYRING_INSTALL_HINT}, or use key_secret_env or key_secret_command instead"
        ) from None
    try:
        backend = module.get_keyring()
    except Exception as error:  # a broken keyring configuration file, for instance
        raise SecretError(f"the system keyring cannot be used: {error}") from None
    # keyring falls back to a backend of priority 0 that fails every call when it finds no
    # usable store, as on most headless jump hosts.
    if getattr(backend, "priority", 1) <= 0:
        raise SecretError(
            "the system keyring has no usable backend on this machine (common over SSH); "
            "use key_secret_env or key_secret_command instead"
        )
    return module


def secret_from_keyring(key_id: str) -> str:
    module = _keyring()
    try:
        secret = module.get_password(KEYRING_SERVICE, key_id)
    except Exception as error:  # keyring backends raise their own error types
        raise SecretError(f"the system keyring refused to read the secret: {error}") from None
    if not isinstance(secret, str) or not secret:
        raise SecretError(
            f"the system keyring has no secret for service {KEYRING_SERVICE!r} and key id "
            f"{key_id!r}; store it with: porting-tui profile add NAME --keyring --force ..."
        )
    return secret


def store_in_keyring(key_id: str, secret: str) -> None:
    module = _keyring()
    try:
        module.set_password(KEYRING_SERVICE, key_id, secret)
    except Exception as error:  # keyring backends raise their own error types
        raise SecretError(f"the system keyring refused to store the secret: {error}") from None


def delete_from_keyring(key_id: str) -> bool:
    """Forget the secret of ``key_id``; False when there was nothing to delete."""
    module = _keyring()
    try:
        module.delete_password(KEYRING_SERVICE, key_id)
    except Exception as error:  # PasswordDeleteError when absent, others from backends
        if type(error).__name__ == "PasswordDeleteError":
            return False
        raise SecretError(f"the system keyring refused to delete the secret: {error}") from None
    return True
