"""Checks of the project's porting defaults as people type them, and what a save would change.

Shared by ``porting-tui config set`` and the app's settings screen, so that both accept and
refuse the same values with the same words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from porting_tui.client.secure_urls import NOT_ABSOLUTE, url_problem
from porting_tui.client.validation import control_character_problem
from porting_tui.domain.value_checks import check_phone, check_port_time, check_zone

_EMAIL = re.compile(r"[^@\s]+@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")


def check_email(text: str) -> str:
    value = text.strip()
    if not _EMAIL.fullmatch(value):
        raise ValueError(f"{value!r} is not an email address; use name@example.com")
    return value


def check_webhook_url(text: str) -> str:
    """An absolute https URL; plain http only for this machine (a local receiver)."""
    value = text.strip()
    problem = url_problem(value)
    if problem == NOT_ABSOLUTE:
        raise ValueError(f"{value!r} is not an absolute URL; use https://host/path")
    if problem:
        raise ValueError(f"{value!r} {problem}")
    return value


@dataclass(frozen=True)
class ConfigurationField:
    path: str
    """Where the value lives in the API body, e.g. ``contact.email``."""
    label: str
    check: Callable[[str], str] | None


CONFIGURATION_FIELDS: tuple[ConfigurationField, ...] = (
    ConfigurationField("contact.name", "Contact name", None),
    ConfigurationField("contact.email", "Contact email", check_email),
    ConfigurationField("contact.phone", "Contact phone", check_phone),
    ConfigurationField("webhookUrl", "Webhook URL", check_webhook_url),
    ConfigurationField("defaultPortTime", "Default port time", check_port_time),
    ConfigurationField("defaultPortTimeZone", "Default time zone", check_zone),
)
FIELD_BY_PATH = {field.path: field for field in CONFIGURATION_FIELDS}


def read_path(body: Mapping[str, Any], path: str) -> str:
    """The text at ``path`` of an API body, or "" when it is absent."""
    value: Any = body
    for key in path.split("."):
        value = value.get(key) if isinstance(value, Mapping) else None
    return "" if value is None else str(value)


@dataclass(frozen=True)
class CheckedConfiguration:
    body: dict[str, Any]
    """The API body to send: the edited fields over the current body (unknown keys kept)."""
    problems: dict[str, str]
    """A message per faulty field path; empty when the body can be sent."""


def check_configuration_input(
    values: Mapping[str, str], current: Mapping[str, Any] | None = None
) -> CheckedConfiguration:
    """Check what was typed for each path of CONFIGURATION_FIELDS; an empty value clears it."""
    body: dict[str, Any] = {key: value for key, value in (current or {}).items()}
    contact: dict[str, Any] = dict(body.get("contact") or {})
    problems: dict[str, str] = {}
    for field in CONFIGURATION_FIELDS:
        if field.path not in values:
            continue
        text = values[field.path].strip()
        value: str | None = text or None
        if (problem := control_character_problem(text)) is not None:
            problems[field.path] = problem
            continue
        if value is not None and field.check is not None:
            try:
                value = field.check(text)
            except ValueError as error:
                problems[field.path] = str(error)
                continue
        head, _, tail = field.path.partition(".")
        target, key = (contact, tail) if tail else (body, head)
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value
    if contact:
        body["contact"] = contact
    else:
        body.pop("contact", None)
    return CheckedConfiguration(body, problems)


@dataclass(frozen=True)
class ConfigurationChange:
    label: str
    before: str
    after: str


def configuration_changes(
    before: Mapping[str, Any] | None, after: Mapping[str, Any]
) -> list[ConfigurationChange]:
    """Each known field whose value differs, in form order ("" stands for not set)."""
    old = before or {}
    return [
        ConfigurationChange(field.label, read_path(old, field.path), read_path(after, field.path))
        for field in CONFIGURATION_FIELDS
        if read_path(old, field.path) != read_path(after, field.path)
    ]
