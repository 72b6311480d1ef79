"""Errors of the local profile layer; each message is one line that says what to fix."""

from __future__ import annotations


class ProfileError(Exception):
    """A profile or the config file is unusable; ``str(error)`` is the message to show."""

    def __init__(self, message: str, *, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or {}
        """The message of each faulty setting, by name, when the error is about settings."""


class ProfileExistsError(ProfileError):
    """Saving would overwrite a profile that already exists."""


class SecretError(ProfileError):
    """The key secret of a profile could not be obtained from its source."""
